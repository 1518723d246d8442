package dev.trawl.pcap.panama;

import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.DumpOptions;
import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.Handle;
import dev.trawl.pcap.InvalidFilterException;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.PacketHandler;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * What live and offline handles share: the {@code pcap_t}, its arena, reading, filters, and the close
 * protocol.
 *
 * <p><b>Threads.</b> One thread reads at a time; it marks itself in {@code reader} with a compare-and-set
 * (the only atomic on the read path) and re-checks the state. Other calls that touch the {@code pcap_t}
 * ({@code breakLoop}, {@code stats}, {@code send}, {@code setFilter}, ...) count themselves in {@code users}.
 * {@link #close()} moves the state to closing, calls {@code pcap_breakloop} so that a blocked or looping
 * reader returns, waits until no reader nor user is inside, then closes the arena (which invalidates every
 * packet view) and only then calls {@code pcap_close}. A close from inside a packet handler (on the reading
 * thread) is finished when the read returns.
 *
 * <p><b>Memory.</b> The handle owns one shared arena: the out-parameters of {@code pcap_next_ex}, the packet
 * window, and the upcall stub of {@code dispatch}. Native calls get the {@code pcap_t} and the out-parameters
 * as global-scope pointers or raw addresses, which skips the per-call arena acquire (two atomics); the close
 * protocol is what keeps them valid.
 */
abstract sealed class PanamaHandle implements Handle permits PanamaOfflineHandle, PanamaLiveHandle {
    private static final int OPEN = 0;
    private static final int CLOSING = 1;
    private static final int CLOSED = 2;
    /** {@link #reader} when no thread is reading; thread ids are positive. */
    private static final long NO_READER = 0;
    private static final VarHandle STATE;
    private static final VarHandle READER;
    private static final VarHandle USERS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(PanamaHandle.class, "state", int.class);
            READER = lookup.findVarHandle(PanamaHandle.class, "reader", long.class);
            USERS = lookup.findVarHandle(PanamaHandle.class, "users", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The {@code pcap_t *}, as a global-scope segment. */
    final MemorySegment pcap;
    final Arena arena;
    final PacketView view;
    final LinkType linkType;
    final int snaplen;
    final TimestampPrecision precision;
    /** Where the packets come from, for messages: a device name or a file. */
    final String source;
    /** {@code struct pcap_pkthdr **} and {@code const u_char **}, side by side. */
    private final MemorySegment outHeader;
    private final MemorySegment outData;
    private final long outAddress;
    private final long pcapAddress;
    /** Whether reads use the critical {@code pcap_next_ex}: never for reads that may block or call back. */
    private final boolean critical;

    private volatile int state;
    /**
     * The {@linkplain Thread#threadId() id} of the thread inside a read, or {@link #NO_READER}. An id rather
     * than the {@code Thread}: marking a primitive needs no garbage-collector barriers on the packet path.
     */
    private volatile long reader = NO_READER;
    private volatile int users;
    /** Set by {@link #breakLoop()}: tells a break from an offline end of file, which libpcap does not. */
    volatile boolean breakRequested;
    private volatile boolean closeDeferred;

    /**
     * @param precision the precision the handle delivers; null for the one libpcap delivers
     * @param critical whether {@code pcap_next_ex} may be called as a critical function
     */
    PanamaHandle(MemorySegment pcap, Arena arena, String source, TimestampPrecision precision, boolean critical) {
        this.pcap = pcap;
        this.pcapAddress = pcap.address();
        this.critical = critical;
        this.arena = arena;
        this.source = source;
        this.linkType = LinkType.fromDlt(PcapCore.pcap_datalink(pcap));
        this.snaplen = PcapCore.pcap_snapshot(pcap);
        this.precision = precision != null ? precision : nativePrecision(pcap);
        MemorySegment out = arena.allocate(ValueLayout.ADDRESS, 2);
        this.outAddress = out.address();
        this.outHeader = Libpcap.pointer(outAddress);
        this.outData = Libpcap.pointer(outAddress + ValueLayout.ADDRESS.byteSize());
        this.view = new PacketView(arena, nativePrecision(pcap).nanosPerUnit());
    }

    /** The precision of the timestamps libpcap delivers on this {@code pcap_t}. */
    static TimestampPrecision nativePrecision(MemorySegment pcap) {
        return Libpcap.has("pcap_get_tstamp_precision")
                ? TimestampPrecision.ofCode(PcapCore.pcap_get_tstamp_precision(pcap)) : TimestampPrecision.MICRO;
    }

    // ---- reading ----------------------------------------------------------------------------------------

    abstract boolean offline();

    /**
     * One {@code pcap_next_ex}; on success, points the view at the packet.
     *
     * @return libpcap's status: 1 packet, 0 timeout, -1 error, -2 end of file or break
     */
    final int nextEx() {
        int rc;
        if (PcapIo.RAW_POINTERS) {
            rc = critical ? PcapIo.pcap_next_ex_raw_critical(pcapAddress, outAddress, outAddress + 8)
                    : PcapIo.pcap_next_ex_raw(pcapAddress, outAddress, outAddress + 8);
        } else {
            rc = critical ? PcapIo.pcap_next_ex_critical(pcap, outHeader, outData)
                    : PcapIo.pcap_next_ex(pcap, outHeader, outData);
        }
        if (rc == 1) {
            view.set(Structs.pointerAt(outAddress), Structs.pointerAt(outAddress + ValueLayout.ADDRESS.byteSize()));
        }
        return rc;
    }

    @Override
    public final ReadStatus next() throws PcapException {
        enterRead();
        try {
            view.invalidate();
            int rc = nextEx();
            if (rc == 1) {
                return ReadStatus.PACKET;
            }
            return status(rc);
        } finally {
            leaveRead();
        }
    }

    /** The read status for a {@code pcap_next_ex} result other than a packet. */
    private ReadStatus status(int rc) throws PcapException {
        return switch (rc) {
            case 0 -> ReadStatus.TIMEOUT;
            case Errors.PCAP_ERROR_BREAK -> consumeBreak() || !offline() ? ReadStatus.INTERRUPTED : ReadStatus.END_OF_FILE;
            default -> throw readFailure();
        };
    }

    /** The exception for a {@code pcap_next_ex} or {@code pcap_dispatch} result of -1. */
    PcapException readFailure() {
        return Errors.readError(pcap, offline(), source);
    }

    /** Clears a pending break; whether there was one. */
    final boolean consumeBreak() {
        if (breakRequested) {
            breakRequested = false;
            return true;
        }
        return false;
    }

    @Override
    public final Packet packet() {
        checkOpen();
        if (!view.isValid()) {
            throw new IllegalStateException("no packet: the last read did not return PACKET");
        }
        return view;
    }

    @Override
    public int dispatch(int maxPackets, PacketHandler handler) throws PcapException {
        if (handler == null) {
            throw new NullPointerException("handler");
        }
        enterRead();
        try {
            int count = 0;
            while (maxPackets <= 0 || count < maxPackets) {
                view.invalidate();
                int rc = nextEx();
                if (rc == 1) {
                    count++;
                    deliver(handler);
                    continue;
                }
                if (rc == Errors.PCAP_ERROR_BREAK) {
                    boolean interrupted = consumeBreak();
                    if (count > 0) {
                        if (interrupted) {
                            rearmBreak(); // as pcap_dispatch does: the break ends the next read too
                        }
                        return count;
                    }
                    return interrupted ? DISPATCH_INTERRUPTED : DISPATCH_END_OF_FILE;
                }
                if (rc == 0) {
                    return count;
                }
                throw readFailure();
            }
            return count;
        } finally {
            view.invalidate(); // the packets of a dispatch are views for the handler only
            leaveRead();
        }
    }

    @Override
    public final long loop(long count, PacketHandler handler) throws PcapException {
        if (handler == null) {
            throw new NullPointerException("handler");
        }
        enterRead();
        try {
            long delivered = 0;
            while (count <= 0 || delivered < count) {
                view.invalidate();
                int rc = nextEx();
                if (rc == 1) {
                    delivered++;
                    try {
                        handler.onPacket(view); // a call site of its own: loop's profile is not dispatch's
                    } catch (IOException e) {
                        throw Pcap.handlerFailure(e);
                    }
                } else if (rc == Errors.PCAP_ERROR_BREAK) {
                    consumeBreak();
                    return delivered;
                } else if (rc != 0) {
                    throw readFailure();
                }
            }
            return delivered;
        } finally {
            view.invalidate(); // the packets of a loop are views for the handler only
            leaveRead();
        }
    }

    /** Calls the handler, turning its checked exceptions into what {@link PacketHandler} documents. */
    final void deliver(PacketHandler handler) throws PcapException {
        try {
            handler.onPacket(view);
        } catch (IOException e) {
            throw Pcap.handlerFailure(e);
        }
    }

    private void rearmBreak() {
        breakRequested = true;
        PcapIo.pcap_breakloop(pcap);
    }

    @Override
    public final void breakLoop() {
        enterUse();
        try {
            breakRequested = true;
            PcapIo.pcap_breakloop(pcap);
        } finally {
            leaveUse();
        }
    }

    // ---- filters ----------------------------------------------------------------------------------------

    @Override
    public final BpfProgram compileFilter(String expression, boolean optimize, int netmask) throws PcapException {
        if (expression == null) {
            throw new NullPointerException("expression");
        }
        enterUse();
        try {
            return Filters.compile(pcap, expression, optimize, netmask);
        } finally {
            leaveUse();
        }
    }

    @Override
    public void setFilter(String expression) throws PcapException {
        setFilter(compileFilter(expression, true, filterNetmask()));
    }

    /** The netmask for {@link #setFilter(String)}. */
    int filterNetmask() {
        return NETMASK_UNKNOWN;
    }

    @Override
    public final void setFilter(BpfProgram program) throws PcapException {
        if (program == null) {
            throw new NullPointerException("program");
        }
        enterUse();
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment prog = Structs.BpfProg.write(program, scratch);
            if (PcapIo.pcap_setfilter(pcap, prog) != 0) {
                throw new InvalidFilterException(source + ": cannot set the filter: " + Errors.geterr(pcap), null, -1);
            }
        } finally {
            leaveUse();
        }
    }

    // ---- misc -------------------------------------------------------------------------------------------

    @Override
    public final String backendName() {
        return PanamaPcapProvider.NAME;
    }

    @Override
    public LinkType linkType() {
        checkOpen();
        return linkType;
    }

    @Override
    public final int snaplen() {
        checkOpen();
        return snaplen;
    }

    @Override
    public final TimestampPrecision timestampPrecision() {
        checkOpen();
        return precision;
    }

    @Override
    public final Dumper newDumper(Path file, DumpOptions options) throws PcapException {
        checkOpen();
        TimestampPrecision p = options.precision() != null ? options.precision() : precision;
        return PanamaDumper.open(file, linkType(), snaplen, options, p);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        if (type == MemorySegment.class) {
            checkOpen();
            return type.cast(pcap); // the pcap_t *, for calls this API does not cover
        }
        throw new IllegalArgumentException("handle of backend 'panama' has no " + type.getName());
    }

    /** Whether reads use the critical {@code pcap_next_ex}. */
    final boolean criticalReads() {
        return critical;
    }

    /** For tests: how many packet windows this handle made. */
    final long windowsCreated() {
        return view.windowsCreated();
    }

    @Override
    public final boolean isOpen() {
        return state == OPEN;
    }

    final void checkOpen() {
        if (state != OPEN) {
            throw new IllegalStateException("handle is closed: " + source);
        }
    }

    // ---- the close protocol -----------------------------------------------------------------------------

    final void enterRead() {
        long me = Thread.currentThread().threadId();
        if (!READER.compareAndSet(this, NO_READER, me)) {
            checkOpen();
            throw new IllegalStateException(reader == me
                    ? "a handle cannot be read from inside its own packet handler"
                    : "another thread is reading this handle");
        }
        if (state != OPEN) {
            READER.setRelease(this, NO_READER);
            throw new IllegalStateException("handle is closed: " + source);
        }
    }

    final void leaveRead() {
        READER.setRelease(this, NO_READER);
        if (closeDeferred) {
            closeDeferred = false;
            awaitQuiet(false);
            finishClose();
        }
    }

    /** Marks a non-reading call that uses the {@code pcap_t}; pair with {@link #leaveUse()}. */
    final void enterUse() {
        USERS.getAndAdd(this, 1);
        if (state != OPEN) {
            USERS.getAndAdd(this, -1);
            throw new IllegalStateException("handle is closed: " + source);
        }
    }

    final void leaveUse() {
        USERS.getAndAdd(this, -1);
    }

    @Override
    public final void close() {
        if (!STATE.compareAndSet(this, OPEN, CLOSING)) {
            return;
        }
        breakRequested = true;
        PcapIo.pcap_breakloop(pcap);
        beforeWait();
        if (reader == Thread.currentThread().threadId()) {
            closeDeferred = true; // closed from a packet handler: finished when the read returns
            return;
        }
        awaitQuiet(true);
        finishClose();
    }

    /** Waits until no other call is inside libpcap: the reader too, unless it is the caller. */
    private void awaitQuiet(boolean includingReader) {
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

    /** Called while closing, before waiting for the reader: unblocks what {@code pcap_breakloop} cannot. */
    void beforeWait() {
    }

    private void finishClose() {
        state = CLOSED;
        view.invalidate();
        try {
            // The arena first: every packet view dies with it, before libpcap unmaps or frees what they show.
            Arenas.close(arena);
        } catch (IllegalStateException e) {
            // Another thread is still inside an access to a packet view, against the contract: its memory
            // stays allocated rather than freed under it.
            System.getLogger(PanamaHandle.class.getName()).log(System.Logger.Level.WARNING,
                    "packet memory of a closed handle is still in use; not freed: " + source, e);
            afterClose();
            return;
        }
        try {
            PcapCore.pcap_close(pcap);
        } finally {
            afterClose();
        }
    }

    /** Called once after {@code pcap_close}: releases what the subclass owns. */
    void afterClose() {
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + source + ", " + linkType + (isOpen() ? "" : ", closed") + "]";
    }
}
