package dev.trawl.spark.split;

import java.io.IOException;

/**
 * Checks whether a file can be split exactly: whether every record of a classic pcap file would be found
 * by a reader starting just before it. Files that fail (fuzzed headers with impossible times or lengths)
 * still read exactly as one split; split, they lose the records that do not look like records.
 */
public final class Splittability {
    private Splittability() {
    }

    /**
     * Returns the offset of the first record a split reader would not recognise as a record boundary, or -1
     * when there is none (always for pcapng, whose splits follow the block chain).
     */
    public static long firstUnrecognisableRecord(ByteSource source) throws IOException {
        try (SplitReader reader = SplitReader.open(source, 0, Long.MAX_VALUE, MalformedPolicy.STOP)) {
            if (!(reader instanceof ClassicSplitReader classic)) {
                return -1;
            }
            CaptureRecord record = new CaptureRecord();
            while (reader.next(record)) {
                if (!classic.chains(record.offset)) {
                    return record.offset;
                }
            }
            return -1;
        }
    }
}
