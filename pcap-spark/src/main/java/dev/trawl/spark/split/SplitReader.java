package dev.trawl.spark.split;

import java.io.Closeable;
import java.io.IOException;

/**
 * Reads the records that start in one byte range of a capture file. A reader starting mid-file first finds
 * the next record boundary; it owns every record that starts before the end of its range and reads past the
 * end to finish the last one. Not thread-safe.
 */
public interface SplitReader extends Closeable {
    /**
     * Reads the next record into {@code record}.
     *
     * @return false when the range holds no more records
     * @throws MalformedRecordException on a malformed record under {@link MalformedPolicy#FAIL}
     */
    boolean next(CaptureRecord record) throws IOException;

    /** How many malformed records were skipped (under {@link MalformedPolicy#SKIP}) or ended the read. */
    long malformedRecords();

    /**
     * Opens the right reader for a file's format, which it tells by the magic number.
     *
     * @param start the first byte of the range
     * @param end the byte after the range ({@code Long.MAX_VALUE} for the whole file)
     */
    static SplitReader open(ByteSource source, long start, long end, MalformedPolicy policy) throws IOException {
        byte[] magic = new byte[4];
        int n = source.read(0, magic, 0, 4);
        if (n == 0) {
            return EmptyReader.INSTANCE; // an empty file holds no packets, as libpcap reads it
        }
        try {
            if (n == 4 && magic[0] == 0x0a && magic[1] == 0x0d && magic[2] == 0x0d && magic[3] == 0x0a) {
                return new PcapngSplitReader(source, start, end, policy);
            }
            return new ClassicSplitReader(source, start, end, policy);
        } catch (MalformedRecordException e) {
            // A bad file header ends the whole file: fail, or count it once (in the file's first split).
            if (policy == MalformedPolicy.FAIL) {
                throw e;
            }
            source.close();
            return start == 0 ? EmptyReader.MALFORMED : EmptyReader.INSTANCE;
        }
    }
}
