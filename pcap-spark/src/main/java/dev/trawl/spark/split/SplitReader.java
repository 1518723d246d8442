package dev.trawl.spark.split;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.file.CaptureCursor;
import java.io.Closeable;
import java.io.IOException;

/**
 * Reads the packets whose records start in one byte range of a capture file, through pcap-api's
 * {@link CaptureCursor}. A reader starting mid-file first finds the next record boundary; it owns every record
 * that starts before the end of its range and reads past the end to finish the last one. Not thread-safe.
 */
public final class SplitReader implements Closeable {
    /** Opens the cursor of a split's file. */
    @FunctionalInterface
    public interface Opener {
        CaptureCursor open() throws IOException;
    }

    private final CaptureCursor cursor;
    private final long end;
    private final MalformedPolicy policy;
    private final Resync resync;
    private long malformed;
    private boolean done;

    private SplitReader(CaptureCursor cursor, long end, MalformedPolicy policy, long malformed) throws IOException {
        this.cursor = cursor;
        this.end = end;
        this.policy = policy;
        this.malformed = malformed;
        this.resync = cursor == null ? null : new Resync(cursor);
        this.done = cursor == null;
    }

    /**
     * Opens a reader of the range {@code [start, end)}.
     *
     * @param end the byte after the range ({@code Long.MAX_VALUE} for the whole file)
     * @throws MalformedCaptureException under {@link MalformedPolicy#FAIL}, when the file's header is bad or the
     *     file is not a capture; under the other policies such a file holds no packets and counts once, in the
     *     split that starts it
     */
    public static SplitReader open(Opener opener, long start, long end, MalformedPolicy policy) throws IOException {
        CaptureCursor cursor;
        try {
            cursor = opener.open();
        } catch (MalformedCaptureException e) {
            if (policy == MalformedPolicy.FAIL) {
                throw e;
            }
            return new SplitReader(null, end, policy, start == 0 ? 1 : 0);
        }
        try {
            SplitReader reader = new SplitReader(cursor, end, policy, 0);
            reader.moveTo(start);
            return reader;
        } catch (IOException | RuntimeException e) {
            cursor.close();
            throw e;
        }
    }

    private void moveTo(long start) throws IOException {
        if (start <= cursor.nextOffset()) {
            return;
        }
        if (cursor.format() == CaptureFormat.PCAP) {
            cursor.seek(resync.find(start, end));
            return;
        }
        // A pcapng reader needs the section and interfaces that describe its first packet: it walks the blocks
        // from the start of the file to its range.
        while (!done && cursor.nextOffset() < start) {
            step();
        }
    }

    /** Reads the next packet into {@code record}; false when the range holds no more. */
    public boolean next(CaptureRecord record) throws IOException {
        while (!done && cursor.nextOffset() < end) {
            if (step() && cursor.isPacket()) {
                record.fill(cursor);
                return true;
            }
        }
        return false;
    }

    /** Reads one record or block; false at the end, or when it was malformed. */
    private boolean step() throws IOException {
        try {
            if (cursor.next()) {
                return true;
            }
            done = true;
        } catch (MalformedCaptureException e) {
            malformed++;
            switch (policy) {
                case FAIL -> throw e;
                case STOP -> done = true;
                case SKIP -> skip();
            }
        }
        return false;
    }

    /** Goes on after a malformed record: after it when it was framed, else at the next boundary. */
    private void skip() throws IOException {
        long at = cursor.offset();
        if (cursor.recordLength() > 0) {
            cursor.seek(cursor.nextOffset());
            return;
        }
        long next = resync.find(at + 1, end);
        cursor.seek(next);
        if (next >= end) {
            done = true;
        }
    }

    /** How many malformed records were skipped (under {@link MalformedPolicy#SKIP}) or ended the read. */
    public long malformedRecords() {
        return malformed;
    }

    @Override
    public void close() throws IOException {
        if (cursor != null) {
            cursor.close();
        }
    }

    /** Whether a reader starting just before the record at {@code offset} would find it (for {@link Splittability}). */
    boolean recognisesBoundary(long offset) throws IOException {
        return resync.chains(offset);
    }

    CaptureCursor cursor() {
        return cursor;
    }
}
