package dev.trawl.pcap.jna;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps a native object alive while any thread uses it. Every native call on the object runs between
 * {@link #enter()} and {@link #exit()}; {@link #close} marks the object closed, wakes users through the
 * given action, and frees the object exactly once, when no thread is inside a native call any more: at once
 * if none is, else by the last thread to leave (so a handler that closes its own handle, or a call stuck in
 * native code, never sees the object freed under it).
 *
 * <p>One {@link AtomicInteger} holds the closed bit and the count of users, so entering and leaving costs one
 * compare-and-set and one decrement. Thread-safe.
 */
final class NativeGuard {
    private static final int CLOSED = 1 << 30;

    private final AtomicInteger state = new AtomicInteger();
    private final AtomicBoolean freed = new AtomicBoolean();
    private final Runnable free;
    private final String what;

    /**
     * @param what what the guarded object is, for the message of {@link IllegalStateException}
     * @param free releases the native object; run exactly once
     */
    NativeGuard(String what, Runnable free) {
        this.what = what;
        this.free = free;
    }

    /**
     * Registers the calling thread as a user of the object.
     *
     * @throws IllegalStateException if the object is closed
     */
    void enter() {
        int s = state.get();
        if (s < CLOSED && state.compareAndSet(s, s + 1)) {
            return;
        }
        enterSlow();
    }

    private void enterSlow() {
        while (true) {
            int s = state.get();
            if (s >= CLOSED) {
                throw new IllegalStateException(what + " is closed");
            }
            if (state.compareAndSet(s, s + 1)) {
                return;
            }
        }
    }

    /** Like {@link #enter()}, but returns false instead of throwing when the object is closed. */
    boolean tryEnter() {
        while (true) {
            int s = state.get();
            if (s >= CLOSED) {
                return false;
            }
            if (state.compareAndSet(s, s + 1)) {
                return true;
            }
        }
    }

    /** Ends a use begun by {@link #enter()}; frees the object if it was closed meanwhile and this was the last use. */
    void exit() {
        if (state.decrementAndGet() == CLOSED) {
            freeOnce();
        }
    }

    /** Whether {@link #close} has been called. */
    boolean isClosed() {
        return state.get() >= CLOSED;
    }

    /**
     * Closes: marks the object closed, runs {@code wake} (while the object is still valid) so that users
     * return soon, then frees it when the last user leaves, waiting up to {@code waitMillis} for that. A call
     * from a thread that is itself a user (a handler closing its own handle) cannot wait for itself; the free
     * then happens when that thread leaves. Idempotent.
     *
     * @param wake called once, with the object still valid, if any thread was using it
     * @return whether the object has been freed when this returns
     */
    boolean close(Runnable wake, long waitMillis, boolean callerIsUser) {
        int s;
        do {
            s = state.get();
            if (s >= CLOSED) {
                return freed.get();
            }
            // The closer counts itself as a user until it has woken the others, so that the object
            // cannot be freed under the wake-up call.
        } while (!state.compareAndSet(s, (s | CLOSED) + 1));
        try {
            if (s != 0) {
                wake.run();
            }
        } finally {
            exit();
        }
        if (callerIsUser || freed.get()) {
            return freed.get();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        long pause = 10_000;
        while (!freed.get() && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, 5_000_000);
        }
        return freed.get();
    }

    private void freeOnce() {
        if (freed.compareAndSet(false, true)) {
            free.run();
        }
    }
}
