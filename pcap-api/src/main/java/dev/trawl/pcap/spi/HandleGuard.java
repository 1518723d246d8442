package dev.trawl.pcap.spi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Cleaner;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

/**
 * Keeps a backend's native object (a {@code pcap_t}, a dumper, a socket) valid while threads use it, and
 * closes it exactly once: the one close protocol of trawl's handles and dumpers.
 *
 * <p><b>Two kinds of use.</b> The reading (or writing) thread brackets each read with {@link #enter()} and
 * {@link #exit()}: one thread at a time, as {@link dev.trawl.pcap.Handle} requires; a second thread, or a
 * read started from inside a packet handler, gets an {@link IllegalStateException}. Entering costs one
 * compare-and-set and leaving one release store, the only atomics on the packet path. Calls that any thread
 * may make beside the reader ({@code breakLoop}, {@code stats}, {@code send}, ...) bracket themselves with
 * {@link #enterShared()} and {@link #exitShared()}, an atomic count.
 *
 * <p><b>Closing.</b> {@link #close()} is idempotent and thread-safe. It marks the object closed (every later
 * {@code enter} throws), runs {@link Resource#wake()} while the object is still valid, so that a reader
 * blocked or looping in native code returns ({@code pcap_breakloop}), waits until no thread is inside, and
 * then runs {@link Resource#free()}, once. A close from inside a packet handler, on the reading thread itself,
 * only marks and wakes: the free runs when that thread's {@link #exit()} comes. If a thread stays inside for
 * longer than the close wait (10 s by default), {@code close} returns and a daemon thread frees the object as
 * soon as that thread has left: native memory is never freed under a reader.
 *
 * <p><b>Unclosed objects.</b> The guard registers its owner (the handle or dumper) with a {@link Cleaner}:
 * once the owner is unreachable and was not closed, the same close protocol runs on the cleaner's thread. The
 * {@link Resource} must therefore not refer to the owner, or it would never become unreachable; it refers to
 * the native pointers it frees. Packet views that show native memory should refer to their owner, so that a
 * view in use keeps the memory it shows.
 *
 * <pre>{@code
 * final class MyHandle implements Handle {
 *     private final long pcap;
 *     private final HandleGuard guard;
 *
 *     // A static record: an anonymous class or a lambda made here could hold the handle itself.
 *     private record Native(long pcap) implements HandleGuard.Resource {
 *         public void wake() { pcap_breakloop(pcap); }
 *         public void free() { pcap_close(pcap); }
 *     }
 *
 *     MyHandle(long pcap, String device) {
 *         this.pcap = pcap;
 *         this.guard = new HandleGuard(this, "capture on " + device, new Native(pcap));
 *     }
 *
 *     public ReadStatus next() throws PcapException {
 *         guard.enter();
 *         try {
 *             ... pcap_next_ex(pcap, ...) ...
 *         } finally {
 *             guard.exit();
 *         }
 *     }
 *
 *     public void close() { guard.close(); }
 * }
 * }</pre>
 *
 * <p>Thread-safe. Allocates nothing after construction except on the close paths.
 */
public final class HandleGuard {
    /**
     * What the guard closes. Both methods run at most once, and never concurrently with each other; neither
     * may refer to the guard's owner.
     */
    public interface Resource {
        /**
         * Makes threads inside the object return soon: {@code pcap_breakloop}, closing a stream a read blocks
         * on. Runs first in {@link #close()}, while the object is valid and readers may be inside it.
         */
        default void wake() {
        }

        /** Frees the object. Runs once, when no thread is inside it any more. */
        void free();
    }

    private static final int OPEN = 0;
    private static final int CLOSING = 1;
    private static final int CLOSED = 2;
    /** {@link #reader} when no thread is inside {@link #enter()}; thread ids are positive. */
    private static final long NONE = 0;
    private static final long DEFAULT_CLOSE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final VarHandle STATE;
    private static final VarHandle READER;
    private static final VarHandle SHARED;
    private static final System.Logger LOG = System.getLogger(HandleGuard.class.getName());

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(HandleGuard.class, "state", int.class);
            READER = lookup.findVarHandle(HandleGuard.class, "reader", long.class);
            SHARED = lookup.findVarHandle(HandleGuard.class, "shared", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Reclaims what owners that were never closed hold; its thread is a daemon. */
    private static final class Reclaimer {
        static final Cleaner CLEANER = Cleaner.create();
    }

    private final String what;
    private final Resource resource;
    private final long closeWaitNanos;
    private final Cleaner.Cleanable cleanable;

    private volatile int state;
    /**
     * The id of the thread inside {@link #enter()}, or {@link #NONE}. An id rather than the {@code Thread}: a
     * primitive needs no garbage-collector barriers on the packet path.
     */
    private volatile long reader;
    private volatile int shared;
    /** Set by a close on the reading thread itself; read by that thread's {@link #exit()}. */
    private boolean closeOnExit;

    /**
     * Guards a native object and registers {@code owner} for reclaiming if it is never closed.
     *
     * @param owner the handle or dumper that holds this guard
     * @param what what the object is, for messages: "capture on eth0", "dumper to out.pcap"
     * @param resource wakes and frees the object; must not refer to {@code owner}
     */
    public HandleGuard(Object owner, String what, Resource resource) {
        this(owner, what, resource, DEFAULT_CLOSE_WAIT_NANOS);
    }

    HandleGuard(Object owner, String what, Resource resource, long closeWaitNanos) {
        Objects.requireNonNull(owner, "owner");
        this.what = Objects.requireNonNull(what, "what");
        this.resource = Objects.requireNonNull(resource, "resource");
        this.closeWaitNanos = closeWaitNanos;
        this.cleanable = Reclaimer.CLEANER.register(owner, new Reclaim(this));
    }

    /** Closes the guard of an owner that became unreachable; refers to the guard only. */
    private static final class Reclaim implements Runnable {
        private final HandleGuard guard;

        Reclaim(HandleGuard guard) {
            this.guard = guard;
        }

        @Override
        public void run() {
            guard.closeAndWait();
        }
    }

    // ---- the reading thread ---------------------------------------------------------------------------------

    /**
     * Marks the calling thread as the one reading (or writing); pair with {@link #exit()} in a
     * {@code finally}.
     *
     * @throws IllegalStateException if the object is closed, another thread is inside, or the calling thread
     *     is already inside (a read from a packet handler)
     */
    public void enter() {
        long me = Thread.currentThread().getId();
        if (!READER.compareAndSet(this, NONE, me)) {
            throw busy(me);
        }
        if (state != OPEN) {
            READER.setRelease(this, NONE);
            throw closed();
        }
    }

    private IllegalStateException busy(long me) {
        if (state != OPEN) {
            return closed();
        }
        return new IllegalStateException(reader == me
                ? what + " cannot be used from inside its own packet handler"
                : what + " is in use by another thread; a handle is read by one thread at a time");
    }

    /** Ends what {@link #enter()} began; frees the object if this thread closed it meanwhile. */
    public void exit() {
        READER.setRelease(this, NONE);
        if (closeOnExit) {
            closeOnExit = false;
            try {
                finishClose();
            } catch (RuntimeException | Error e) {
                // the read's own outcome is what its caller needs; the failed free is logged
                LOG.log(System.Logger.Level.WARNING, "freeing " + what + " failed", e);
            }
        }
    }

    /** Whether the calling thread is inside {@link #enter()}: a packet handler runs there. */
    public boolean isReadingThread() {
        return reader == Thread.currentThread().getId();
    }

    // ---- other threads --------------------------------------------------------------------------------------

    /**
     * Marks a call that may run beside the reader; pair with {@link #exitShared()} in a {@code finally}.
     *
     * @throws IllegalStateException if the object is closed
     */
    public void enterShared() {
        if (!tryEnterShared()) {
            throw closed();
        }
    }

    /** Like {@link #enterShared()}, but returns false instead of throwing when the object is closed. */
    public boolean tryEnterShared() {
        SHARED.getAndAdd(this, 1);
        if (state != OPEN) {
            SHARED.getAndAdd(this, -1);
            return false;
        }
        return true;
    }

    /** Ends what {@link #enterShared()} began. */
    public void exitShared() {
        SHARED.getAndAdd(this, -1);
    }

    /**
     * A call that may run beside the reader, for {@link #callShared}.
     *
     * @param <T> what it returns
     * @param <X> what it throws
     */
    @FunctionalInterface
    public interface SharedCall<T, X extends Exception> {
        /** Makes the call, the object open and valid. */
        T call() throws X;
    }

    /**
     * An action that may run beside the reader, for {@link #runShared}.
     *
     * @param <X> what it throws
     */
    @FunctionalInterface
    public interface SharedAction<X extends Exception> {
        /** Acts, the object open and valid. */
        void run() throws X;
    }

    /**
     * Makes {@code call} between {@link #enterShared()} and {@link #exitShared()}, and returns what it returns:
     * the bracket of every call beside the reader (statistics, settings, link types) written once. A lambda
     * that captures state costs an object per call: for calls off the packet path.
     *
     * @throws IllegalStateException if the object is closed
     */
    public <T, X extends Exception> T callShared(SharedCall<T, X> call) throws X {
        enterShared();
        try {
            return call.call();
        } finally {
            exitShared();
        }
    }

    /**
     * Runs {@code action} between {@link #enterShared()} and {@link #exitShared()}; see {@link #callShared}.
     *
     * @throws IllegalStateException if the object is closed
     */
    public <X extends Exception> void runShared(SharedAction<X> action) throws X {
        enterShared();
        try {
            action.run();
        } finally {
            exitShared();
        }
    }

    // ---- state and closing ------------------------------------------------------------------------------------

    /** Whether {@link #close()} has not been called. */
    public boolean isOpen() {
        return state == OPEN;
    }

    /**
     * Throws if the object is closed: for calls that use no native state but must fail once closed.
     *
     * @throws IllegalStateException if it is
     */
    public void checkOpen() {
        if (state != OPEN) {
            throw closed();
        }
    }

    /**
     * What {@code Handle.packet()} returns: {@code view}, the packet the last read returned. Small enough to
     * inline into the packet path.
     *
     * @param valid whether the last read returned a packet
     * @throws IllegalStateException if the object is closed, or {@code valid} is false
     */
    public <P> P packet(P view, boolean valid) {
        checkOpen();
        if (!valid) {
            throw noPacket();
        }
        return view;
    }

    /** The exception for {@code Handle.packet()} called when the last read returned no packet. */
    public static IllegalStateException noPacket() {
        return new IllegalStateException("no packet: the last read did not return PACKET");
    }

    /** The exception for a use of the closed object. */
    public IllegalStateException closed() {
        return new IllegalStateException(what + " is closed");
    }

    /**
     * Makes one last call as the reading thread, then closes: a dumper's final flush, whose result its
     * {@code close} reports ({@code pcap_dump_close} reports none). The call is skipped when the object is
     * already closed or another thread is inside it (that thread's work is flushed by the free).
     *
     * @return what {@code last} returned, or {@code otherwise} when it was skipped
     */
    public int closeAfter(IntSupplier last, int otherwise) {
        int result = otherwise;
        long me = Thread.currentThread().getId();
        if (READER.compareAndSet(this, NONE, me)) {
            try {
                if (state == OPEN) {
                    result = last.getAsInt();
                }
            } finally {
                exit();
            }
        }
        close();
        return result;
    }

    /**
     * Closes: marks the object closed, wakes the threads inside, and frees it once they have left (see the
     * class description). Idempotent and thread-safe; a no-op on a closed object.
     */
    public void close() {
        closeAndWait();
        cleanable.clean(); // nothing is left for the cleaner: its action is a no-op now
    }

    private void closeAndWait() {
        if (!STATE.compareAndSet(this, OPEN, CLOSING)) {
            return;
        }
        try {
            resource.wake();
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.WARNING, "waking the threads inside " + what + " failed", e);
        }
        if (isReadingThread()) {
            closeOnExit = true; // closed from a packet handler: freed when the read returns
            return;
        }
        if (!awaitQuiet(true, closeWaitNanos)) {
            LOG.log(System.Logger.Level.WARNING, what + ": a thread is still inside after "
                    + TimeUnit.NANOSECONDS.toMillis(closeWaitNanos) + " ms; it is freed when that thread leaves");
            Thread finisher = new Thread(() -> {
                awaitQuiet(true, Long.MAX_VALUE);
                free();
            }, "trawl-close " + what);
            finisher.setDaemon(true);
            finisher.start();
            return;
        }
        free();
    }

    /** The reading thread's part of a close it started itself: waits for the other users, then frees. */
    private void finishClose() {
        awaitQuiet(false, Long.MAX_VALUE);
        free();
    }

    /**
     * Waits until no shared call is inside, nor the reader when {@code includingReader}; false if that took
     * longer than {@code timeoutNanos}.
     */
    private boolean awaitQuiet(boolean includingReader, long timeoutNanos) {
        boolean interrupted = false;
        long start = System.nanoTime();
        long pause = 10_000;
        try {
            for (int spins = 0; (includingReader && reader != NONE) || shared != 0; spins++) {
                if (spins < 1000) {
                    Thread.onSpinWait();
                    continue;
                }
                if (System.nanoTime() - start > timeoutNanos) {
                    return false;
                }
                LockSupport.parkNanos(pause);
                pause = Math.min(pause * 2, 5_000_000);
                interrupted |= Thread.interrupted();
            }
            return true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void free() {
        if (STATE.compareAndSet(this, CLOSING, CLOSED)) {
            resource.free();
        }
    }

    @Override
    public String toString() {
        return "HandleGuard[" + what + (state == OPEN ? "" : state == CLOSING ? ", closing" : ", closed") + "]";
    }
}
