package dev.trawl.spark.split;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.file.CaptureCursor;
import dev.trawl.pcap.file.RecordHeader;
import java.io.IOException;
import java.nio.ByteOrder;

/**
 * Guesses a record boundary in the middle of a capture file, where nothing marks one: the first offset whose
 * record, and the {@value #CHAIN} records that follow it (or all of them up to the end of the file), are framed
 * as a reader frames them, each ending where the next begins, and look like what writers write.
 *
 * <p>A guess is only a guess: valid files hold records that do not look written, and packets hold bytes that
 * do (a capture of a capture file). {@link SplitPlanner} therefore never trusts one; it uses this class to start
 * walks cheaply and checks every start against the chain from the start of the file. The only place a guess is
 * final is after a malformed record under {@code malformed=skip}, where the rule itself defines the read, and is
 * the same for every split.
 *
 * <p>A classic pcap record looks written when its sub-second field is below one second, its captured length is
 * no larger than its original length, its original length is between 1 and {@value #LENGTH_LIMIT} bytes, and it
 * lies within {@value #TIME_STEP} seconds of the record before it in the chain. The time step is what rejects the
 * chain one finds four bytes into every record (where the seconds read the sub-second field, and the sub-second
 * field the captured length). A pcapng block looks written when its type is not 0; a section header is a boundary
 * by itself. Candidates are 4-byte aligned in pcapng, as every block is.
 */
final class Resync {
    /** Records that must chain after a candidate boundary. */
    static final int CHAIN = 8;
    /** The most a candidate's original length may be. */
    static final long LENGTH_LIMIT = 1 << 20;
    /** How far apart, in seconds, consecutive records of a candidate chain may be (a day). */
    static final long TIME_STEP = 24 * 3600;

    private final CaptureCursor cursor;
    private final boolean pcapng;
    private final RecordHeader header = new RecordHeader();

    Resync(CaptureCursor cursor) {
        this.cursor = cursor;
        this.pcapng = cursor.format() == CaptureFormat.PCAPNG;
    }

    /** The first boundary at or after {@code from} and before {@code limit}, or -1 if there is none. */
    long find(long from, long limit) throws IOException {
        long length = cursor.length();
        long stop = length < 0 ? limit : Math.min(limit, length);
        ByteOrder order = cursor.byteOrder();
        for (long candidate = pcapng ? (from + 3) & ~3L : from; candidate < stop; candidate += pcapng ? 4 : 1) {
            if (chains(candidate, order)) {
                return candidate;
            }
        }
        return -1;
    }

    /** Whether a candidate starts a chain of records that look written, in {@code order} (for pcapng). */
    private boolean chains(long candidate, ByteOrder order) throws IOException {
        long at = candidate;
        long seconds = -1;
        for (int i = 0; i <= CHAIN; i++) {
            RecordHeader h = cursor.peek(at, order, header);
            if (h.status() == CaptureCursor.END && i > 0) {
                return true; // the chain ends exactly at the end of the file
            }
            if (h.status() != CaptureCursor.RECORD) {
                return false;
            }
            if (pcapng) {
                if (h.blockType() == 0) {
                    return false;
                }
                if (h.blockType() == CaptureCursor.SECTION_HEADER) {
                    return true;
                }
            } else {
                if (!looksWritten(h) || (seconds >= 0 && Math.abs(h.seconds() - seconds) > TIME_STEP)) {
                    return false;
                }
                seconds = h.seconds();
            }
            at += h.length();
        }
        return true;
    }

    private static boolean looksWritten(RecordHeader h) {
        long caplen = Integer.toUnsignedLong(h.capturedLength());
        long length = Integer.toUnsignedLong(h.originalLength());
        return h.fractionInRange() && length > 0 && caplen <= length && length <= LENGTH_LIMIT;
    }
}
