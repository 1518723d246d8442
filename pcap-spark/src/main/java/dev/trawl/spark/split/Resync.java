package dev.trawl.spark.split;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.file.CaptureCursor;
import dev.trawl.pcap.file.RecordHeader;
import java.io.IOException;
import java.nio.ByteOrder;

/**
 * Finds a record boundary in the middle of a capture file, where nothing marks one: the first offset whose
 * record, and the {@value #CHAIN} records that follow it (or all of them up to the end of the file), are framed
 * as a reader would frame them, each ending where the next begins, and look like what writers write.
 *
 * <p>For classic pcap (the RAPCAP method) a record looks written when its sub-second field is below one second,
 * its captured length is no larger than its original length, its original length is between 1 and
 * {@value #LENGTH_LIMIT} bytes, and its time is within ten years of the file's first record. The time check is
 * what rejects the chain one finds four bytes into every record (where the sub-second field reads the captured
 * length, and the captured length the original length), which the length checks alone accept. A pcapng block
 * looks written when its type is not 0; a section header is a boundary by itself. Candidates are 4-byte aligned
 * in pcapng, as every block is.
 */
final class Resync {
    /** Records that must chain after a candidate boundary. */
    static final int CHAIN = 8;
    /** The most a candidate's original length may be. */
    static final long LENGTH_LIMIT = 16 << 20;
    /** How far, in seconds, a candidate's time may lie from the file's first record (ten years). */
    static final long TIME_WINDOW = 10L * 366 * 24 * 3600;

    private final CaptureCursor cursor;
    private final boolean pcapng;
    private final RecordHeader header = new RecordHeader();
    /** The first record's seconds, or -1 when the file has no record. */
    private final long firstSeconds;

    Resync(CaptureCursor cursor) throws IOException {
        this.cursor = cursor;
        this.pcapng = cursor.format() == CaptureFormat.PCAPNG;
        long first = cursor.nextOffset();
        firstSeconds = !pcapng && cursor.peek(first, header).status() != CaptureCursor.END ? header.seconds() : -1;
    }

    /** The first boundary at or after {@code from} and before {@code end}, or {@code end} if there is none. */
    long find(long from, long end) throws IOException {
        long length = cursor.length();
        long candidate = pcapng ? (from + 3) & ~3L : from;
        for (; candidate < end && (length < 0 || candidate < length); candidate += pcapng ? 4 : 1) {
            if (chains(candidate)) {
                return candidate;
            }
        }
        return end;
    }

    /** Whether a reader starting at {@code candidate} would take it as a record boundary. */
    boolean chains(long candidate) throws IOException {
        ByteOrder order = cursor.byteOrder();
        long at = candidate;
        for (int i = 0; i <= CHAIN; i++) {
            RecordHeader h = cursor.peek(at, order, header);
            if (h.status() == CaptureCursor.END && i > 0) {
                return true; // the chain ends exactly at the end of the file
            }
            if (h.status() != CaptureCursor.RECORD || !looksWritten(h)) {
                return false;
            }
            if (h.blockType() == CaptureCursor.SECTION_HEADER) {
                return true;
            }
            at += h.length();
        }
        return true;
    }

    private boolean looksWritten(RecordHeader h) {
        if (pcapng) {
            return h.blockType() != 0;
        }
        long caplen = Integer.toUnsignedLong(h.capturedLength());
        long length = Integer.toUnsignedLong(h.originalLength());
        return h.fractionInRange() && length > 0 && caplen <= length && length <= LENGTH_LIMIT
                && Math.abs(h.seconds() - firstSeconds) <= TIME_WINDOW;
    }
}
