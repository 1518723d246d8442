package dev.trawl.pcap.afpacket;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * The close protocol of a handle: who is inside it, and when its resources may go.
 *
 * <p>One thread reads at a time; it marks itself with a compare-and-set of its id (the only atomic on the read
 * path) and re-checks the state. Other calls that touch the socket ({@code send}, {@code stats},
 * {@code setFilter}, {@code breakLoop}, ...) count themselves in. {@link #close()} moves the state to closing,
 * wakes a blocked reader, waits until no reader nor other call is inside, and only then releases: the ring is
 * never unmapped while a reader walks it. A close from inside a packet handler (on the reading thread) is
 * finished when the read returns.
 *
 * <p>Thread-safe.
 */
final class HandleGuard {
    private static final int OPEN = 0;
    private static final int CLOSING = 1;
    private static final int CLOSED = 2;
    private static final long NO_READER = -1;
    private static final VarHandle STATE;
    private static final VarHandle READER;
    private static final VarHandle USERS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(HandleGuard.class, "state", int.class);
            READER = lookup.findVarHandle(HandleGuard.class, "reader", long.class);
            USERS = lookup.findVarHandle(HandleGuard.class, "users", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String source;
    private final Runnable wake;
    private final Runnable release;
    private volatile int state;
    private volatile long reader = NO_READER;
    private volatile int users;
    private volatile boolean closeDeferred;

    /**
     * @param source what the handle reads, for messages
     * @param wake wakes a reader blocked in the kernel; called once, when closing starts
     * @param release frees everything; called once, when no one is inside any more
     */
    HandleGuard(String source, Runnable wake, Runnable release) {
        this.source = source;
        this.wake = wake;
        this.release = release;
    }

    /** Marks the calling thread as the reader; pair with {@link #leaveRead()}. */
    void enterRead() {
        long me = Thread.currentThread().threadId();
        if (!READER.compareAndSet(this, NO_READER, me)) {
            checkOpen();
            throw new IllegalStateException(reader == me
                    ? "a handle cannot be read from inside its own packet handler"
                    : "another thread is reading this handle");
        }
        if (state != OPEN) {
            READER.setRelease(this, NO_READER);
            throw closed();
        }
    }

    void leaveRead() {
        READER.setRelease(this, NO_READER);
        if (closeDeferred) {
            closeDeferred = false;
            await(false);
            finish();
        }
    }

    /** Marks a call other than a read; pair with {@link #leaveUse()}. */
    void enterUse() {
        USERS.getAndAdd(this, 1);
        if (state != OPEN) {
            USERS.getAndAdd(this, -1);
            throw closed();
        }
    }

    void leaveUse() {
        USERS.getAndAdd(this, -1);
    }

    boolean isOpen() {
        return state == OPEN;
    }

    /** Whether closing has started: a reader stops at the next packet. */
    boolean closing() {
        return state != OPEN;
    }

    void checkOpen() {
        if (state != OPEN) {
            throw closed();
        }
    }

    private IllegalStateException closed() {
        return new IllegalStateException("handle is closed: " + source);
    }

    /** Closes: idempotent, from any thread, from inside a packet handler too. */
    void close() {
        if (!STATE.compareAndSet(this, OPEN, CLOSING)) {
            return;
        }
        wake.run();
        if (reader == Thread.currentThread().threadId()) {
            closeDeferred = true;
            return;
        }
        await(true);
        finish();
    }

    /** Waits until no other call is inside, and the reader too unless it is the caller. */
    private void await(boolean includingReader) {
        boolean interrupted = false;
        for (int spins = 0; (includingReader && reader != NO_READER) || users != 0; spins++) {
            if (spins < 1000) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(100_000);
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void finish() {
        state = CLOSED;
        release.run();
    }
}
