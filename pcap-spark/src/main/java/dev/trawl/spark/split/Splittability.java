package dev.trawl.spark.split;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.file.CaptureCursor;
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
    public static long firstUnrecognisableRecord(SplitReader.Opener opener) throws IOException {
        try (SplitReader reader = SplitReader.open(opener, 0, Long.MAX_VALUE, MalformedPolicy.STOP)) {
            CaptureCursor cursor = reader.cursor();
            if (cursor == null || cursor.format() != CaptureFormat.PCAP) {
                return -1;
            }
            CaptureRecord record = new CaptureRecord();
            while (reader.next(record)) {
                if (!reader.recognisesBoundary(record.offset)) {
                    return record.offset;
                }
            }
            return -1;
        } catch (MalformedCaptureException e) {
            return -1;
        }
    }
}
