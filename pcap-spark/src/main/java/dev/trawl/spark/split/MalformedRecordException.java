package dev.trawl.spark.split;

import java.io.IOException;

/** A record that cannot be read: the file, the offset and what is wrong. */
public final class MalformedRecordException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    public MalformedRecordException(String file, long offset, String problem) {
        super(file + ": malformed record at offset " + offset + ": " + problem);
        this.offset = offset;
    }

    /** The byte offset of the bad record or block. */
    public long offset() {
        return offset;
    }
}
