package dev.trawl.bench.spark;

/**
 * One measured query over a generated capture file: the {@code pcap} Spark data source on some local cores, or the
 * same question answered without Spark by the {@code trawl} tool in a shell pipeline.
 *
 * @param format {@code pcap} or {@code pcapng}
 * @param cores Spark's local cores, or 1 for the pipeline
 * @param splitSize the split size in bytes, or 0 for one task per file (and for the pipeline)
 * @param query what was asked, as the report names it
 * @param seconds the best of the runs, whole query (or whole pipeline) wall time
 * @param bytes the file's size
 * @param rows the file's packets
 */
public record SparkResult(String format, int cores, long splitSize, String query, double seconds, long bytes,
        long rows) {
    /** The query the pipeline answers, as {@link #query} names it. */
    public static final String PIPELINE = "trawl -T fields | awk | sort";

    /** Megabytes (10^6 bytes) read per second. */
    public double megabytesPerSecond() {
        return bytes / 1e6 / seconds;
    }

    /** Rows per second. */
    public double rowsPerSecond() {
        return rows / seconds;
    }
}
