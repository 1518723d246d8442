package dev.trawl.spark.split;

import java.io.Serializable;

/**
 * One split of a capture file and where its reading starts, as planned from the whole file's record chain: the
 * split owns the records that start in {@code [start, end)} on the chain a sequential reader follows.
 *
 * @param start the first byte of the range
 * @param end the byte after the range
 * @param position where a record of the chain begins, at or before the range's first one; the reader reads
 *     from there and delivers the records from {@code start} on
 * @param context what the reader loads before reading at {@code position} (the pcapng section and interfaces)
 * @param next where the chain's first record at or after {@code end} begins, which the next split starts at;
 *     -1 when the plan does not say (then nothing checks where the reader ends)
 * @param stopBefore the chain's first malformed record: under {@code stop} and {@code fail} nothing at or after
 *     it is read but that record, by the split that owns it; {@code Long.MAX_VALUE} when there is none
 */
public record Split(long start, long end, long position, Context context, long next, long stopBefore)
        implements Serializable {
    /** The whole of a file that is not planned (a compressed file, or one split): read from the start. */
    public static Split whole(long length) {
        return new Split(0, length < 0 ? Long.MAX_VALUE : length, 0, Context.NONE, -1, Long.MAX_VALUE);
    }
}
