package dev.trawl.spark.split;

/** The reader of a file, or of a split, that holds no packets. */
enum EmptyReader implements SplitReader {
    /** An empty file, or a split of a file whose header is bad. */
    INSTANCE(0),
    /** The first split of a file whose header is bad (counted once). */
    MALFORMED(1);

    private final long malformed;

    EmptyReader(long malformed) {
        this.malformed = malformed;
    }

    @Override
    public boolean next(CaptureRecord record) {
        return false;
    }

    @Override
    public long malformedRecords() {
        return malformed;
    }

    @Override
    public void close() {
    }
}
