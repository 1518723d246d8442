package dev.trawl.spark.split;

import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.file.CaptureCursor;
import java.io.Closeable;
import java.io.IOException;

/**
 * Reads the packets of one planned {@link Split} through pcap-api's {@link CaptureCursor}: from the split's chain
 * position to the first record at or after its end, delivering the records that start in its range. Malformed
 * records are handled as a sequential reader handles them, so that the splits of a file deliver, together,
 * exactly the sequential read: under {@link MalformedPolicy#SKIP} a framed record (a pcapng block whose
 * contents are bad) is stepped over and an unframed one is followed by the next {@link Resync} boundary;
 * under {@code STOP} and {@code FAIL} reading ends at the chain's first malformed record. Not thread-safe.
 */
public final class SplitReader implements Closeable {
    /** Opens the cursor of a split's file. */
    @FunctionalInterface
    public interface Opener {
        CaptureCursor open() throws IOException;
    }

    /** What a walk along the chain sees (for planning). */
    interface Observer {
        /** A record or block read at {@code position}, of {@code blockType} (0 for pcap). */
        void record(long position, int blockType);

        /** A malformed record at {@code position}. */
        void malformed(long position);
    }

    private static final Observer NOBODY = new Observer() {
        @Override
        public void record(long position, int blockType) {
        }

        @Override
        public void malformed(long position) {
        }
    };

    private final CaptureCursor cursor;
    private final Resync resync;
    private final long start;
    private final long end;
    private final long expectedNext;
    private final MalformedPolicy policy;
    private final Observer observer;
    private long malformed;
    private boolean done;
    /** Whether reading ended by resynchronising past the end, so that the next split finds its own start. */
    private boolean resyncedPastEnd;

    private SplitReader(CaptureCursor cursor, long start, long end, long expectedNext, MalformedPolicy policy,
            Observer observer) throws IOException {
        this.cursor = cursor;
        this.resync = cursor == null ? null : new Resync(cursor);
        this.start = start;
        this.end = end;
        this.expectedNext = expectedNext;
        this.policy = policy;
        this.observer = observer;
        this.done = cursor == null;
    }

    /**
     * Opens a reader of a planned split.
     *
     * @throws MalformedCaptureException under {@link MalformedPolicy#FAIL}, when the file's header is bad or the
     *     file is not a capture; under the other policies such a file holds no packets and counts once, in the
     *     split that starts it
     */
    public static SplitReader open(Opener opener, Split split, MalformedPolicy policy) throws IOException {
        if (split.end() == 0) {
            return new SplitReader(null, 0, 0, -1, policy, NOBODY); // an empty file holds no packets
        }
        CaptureCursor cursor;
        try {
            cursor = opener.open();
        } catch (MalformedCaptureException e) {
            if (policy == MalformedPolicy.FAIL) {
                throw e;
            }
            SplitReader empty = new SplitReader(null, split.start(), split.end(), -1, policy, NOBODY);
            empty.malformed = split.start() == 0 ? 1 : 0;
            return empty;
        }
        try {
            SplitReader reader = new SplitReader(cursor, split.start(), split.end(), split.next(), policy, NOBODY);
            if (policy != MalformedPolicy.SKIP && split.stopBefore() < split.start()) {
                reader.done = true; // a sequential read stops before this split
            } else {
                reader.moveTo(split.position(), split.context());
            }
            return reader;
        } catch (IOException | RuntimeException e) {
            cursor.close();
            throw e;
        }
    }

    /** A reader that walks a cursor's chain from {@code position} to {@code end} under skip, for planning. */
    static SplitReader walk(CaptureCursor cursor, long position, Context context, long end, Observer observer)
            throws IOException {
        SplitReader reader = new SplitReader(cursor, Long.MAX_VALUE, end, -1, MalformedPolicy.SKIP, observer);
        reader.moveTo(position, context);
        return reader;
    }

    /** Loads the context and goes to the chain position (a position before the first record means the first). */
    private void moveTo(long position, Context context) throws IOException {
        cursor.limitReadAhead(end);
        context.load(cursor);
        if (context.section() >= 0 || position > cursor.nextOffset()) {
            cursor.seek(position);
        }
    }

    /** Reads the next packet of the range into {@code record}; false when the range holds no more. */
    public boolean next(CaptureRecord record) throws IOException {
        while (!done) {
            if (advance() && cursor.isPacket() && cursor.offset() >= start) {
                record.fill(cursor);
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the record at the chain's next position, if it is before the end: false when it is not (or when that
     * record was malformed; then the policy has acted).
     */
    boolean advance() throws IOException {
        long at = cursor.nextOffset();
        if (at >= end) {
            finish(at);
            return false;
        }
        try {
            if (!cursor.next()) {
                finish(cursor.nextOffset());
                return false;
            }
        } catch (MalformedCaptureException e) {
            malformed(at, e);
            return false;
        }
        observer.record(at, cursor.blockType());
        return true;
    }

    private void malformed(long at, MalformedCaptureException e) throws IOException {
        observer.malformed(at);
        if (at >= start) {
            malformed++; // a record before the range is the previous split's to count
        }
        switch (policy) {
            case FAIL -> {
                done = true;
                throw e;
            }
            case STOP -> done = true;
            case SKIP -> {
                if (cursor.recordLength() > 0) {
                    cursor.seek(cursor.nextOffset()); // framed: the chain goes on after it
                    return;
                }
                long next = resync.find(at + 1, end);
                if (next < 0) {
                    done = true;
                    resyncedPastEnd = true;
                } else {
                    cursor.seek(next);
                }
            }
        }
    }

    /** Ends the read where the chain leaves the range, checking that the plan's next split starts there. */
    private void finish(long next) {
        done = true;
        if (expectedNext >= 0 && next != expectedNext) {
            throw new IllegalStateException(cursor.name() + ": the split ending at " + end + " reads on to a record"
                    + " at " + next + ", but the plan starts the next split at " + expectedNext
                    + "; the file has changed since the read was planned");
        }
    }

    /** Where the chain goes on after the range, or -1 when it resynchronised past the end (planning). */
    long nextPosition() {
        return resyncedPastEnd ? -1 : cursor.nextOffset();
    }

    /** Whether the walk or read is over. */
    boolean done() {
        return done;
    }

    /** How many malformed records of the range were skipped (under {@link MalformedPolicy#SKIP}) or ended it. */
    public long malformedRecords() {
        return malformed;
    }

    CaptureCursor cursor() {
        return cursor;
    }

    Resync resync() {
        return resync;
    }

    @Override
    public void close() throws IOException {
        if (cursor != null) {
            cursor.close();
        }
    }
}
