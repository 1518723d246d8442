package dev.trawl.pcap.panama;

import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.DumpOptions;
import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.Handle;
import dev.trawl.pcap.InvalidFilterException;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.PacketHandler;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.spi.HandleGuard;
import dev.trawl.pcap.spi.HandlerFailures;
import dev.trawl.pcap.spi.LibpcapErrors;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;

/**
 * What live and offline handles share: the {@code pcap_t}, its arena, reading, filters, and the close
 * protocol.
 *
 * <p><b>Threads.</b> The {@link HandleGuard} keeps the {@code pcap_t} valid: reads run between
 * {@code enter} and {@code exit}, other calls that touch the {@code pcap_t} ({@code breakLoop}, {@code stats},
 * {@code send}, {@code setFilter}, ...) between {@code enterShared} and {@code exitShared}. Closing calls
 * {@code pcap_breakloop} (and closes a stream a read blocks on), waits until no thread is inside, then closes
 * the arena (which invalidates every packet view) and only then calls {@code pcap_close}; a handle that is
 * never closed is reclaimed the same way once unreachable. Nothing the guard frees refers to the handle: the
 * {@code dispatch} upcall is bound to a {@link Dispatcher}, not to the handle.
 *
 * <p><b>Memory.</b> The handle owns one shared arena: the out-parameters of {@code pcap_next_ex}, the packet
 * window, and the upcall stub of {@code dispatch}. Native calls get the {@code pcap_t} and the out-parameters
 * as global-scope pointers or raw addresses, which skips the per-call arena acquire (two atomics); the close
 * protocol is what keeps them valid.
 */
abstract sealed class PanamaHandle implements Handle permits PanamaOfflineHandle, PanamaLiveHandle {
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
    final HandleGuard guard;

    /** Set by {@link #breakLoop()}: tells a break from an offline end of file, which libpcap does not. */
    volatile boolean breakRequested;

    /**
     * @param what the handle, for messages: "capture on eth0", "capture file x.pcap"
     * @param precision the precision the handle delivers; null for the one libpcap delivers
     * @param critical whether {@code pcap_next_ex} may be called as a critical function
     * @param cookie the stream a read may block on, closed to wake it; or {@code null}
     */
    PanamaHandle(MemorySegment pcap, Arena arena, String source, String what, TimestampPrecision precision,
            boolean critical, CookieFiles.Cookie cookie) {
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
        this.guard = new HandleGuard(this, what, new Native(pcap, arena, view, cookie, what));
    }

    /**
     * What closing wakes and frees; refers to no handle. The arena goes first: every packet view dies with
     * it, before libpcap unmaps or frees what they show.
     */
    private record Native(MemorySegment pcap, Arena arena, PacketView view, CookieFiles.Cookie cookie, String what)
            implements HandleGuard.Resource {
        @Override
        public void wake() {
            PcapIo.pcap_breakloop(pcap);
            if (cookie != null) {
                cookie.closeStream(); // a reader blocked in InputStream.read returns
            }
        }

        @Override
        public void free() {
            view.invalidate();
            try {
                Arenas.close(arena);
            } catch (IllegalStateException e) {
                // Another thread is still inside an access to a packet view, against the contract: its memory
                // stays allocated rather than freed under it.
                System.getLogger(PanamaHandle.class.getName()).log(System.Logger.Level.WARNING,
                        "packet memory of a closed handle is still in use; not freed: " + what, e);
                return;
            }
            PcapCore.pcap_close(pcap);
        }
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
        guard.enter();
        try {
            view.invalidate();
            int rc = nextEx();
            if (rc == 1) {
                return ReadStatus.PACKET;
            }
            return status(rc);
        } finally {
            guard.exit();
        }
    }

    /** The read status for a {@code pcap_next_ex} result other than a packet. */
    private ReadStatus status(int rc) throws PcapException {
        return switch (rc) {
            case 0 -> ReadStatus.TIMEOUT;
            case LibpcapErrors.BREAK -> consumeBreak() || !offline() ? ReadStatus.INTERRUPTED : ReadStatus.END_OF_FILE;
            default -> throw readFailure();
        };
    }

    /** The exception for a {@code pcap_next_ex} or {@code pcap_dispatch} result of -1. */
    PcapException readFailure() {
        return LibpcapErrors.readFailure(source, offline(), Errors.geterr(pcap));
    }

    /** Clears a pending break; whether there was one, or a close (which breaks the read too). */
    final boolean consumeBreak() {
        if (breakRequested) {
            breakRequested = false;
            return true;
        }
        return !guard.isOpen();
    }

    @Override
    public final Packet packet() {
        return guard.packet(view, view.isValid());
    }

    @Override
    public int dispatch(int maxPackets, PacketHandler handler) throws PcapException {
        if (handler == null) {
            throw new NullPointerException("handler");
        }
        guard.enter();
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
                if (rc == LibpcapErrors.BREAK) {
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
            guard.exit();
        }
    }

    @Override
    public final long loop(long count, PacketHandler handler) throws PcapException {
        if (handler == null) {
            throw new NullPointerException("handler");
        }
        guard.enter();
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
                        throw HandlerFailures.rethrow(e);
                    }
                } else if (rc == LibpcapErrors.BREAK) {
                    consumeBreak();
                    return delivered;
                } else if (rc != 0) {
                    throw readFailure();
                }
            }
            return delivered;
        } finally {
            view.invalidate(); // the packets of a loop are views for the handler only
            guard.exit();
        }
    }

    /** Calls the handler, turning its checked exceptions into what {@link PacketHandler} documents. */
    final void deliver(PacketHandler handler) throws PcapException {
        try {
            handler.onPacket(view);
        } catch (IOException e) {
            throw HandlerFailures.rethrow(e);
        }
    }

    private void rearmBreak() {
        breakRequested = true;
        PcapIo.pcap_breakloop(pcap);
    }

    @Override
    public final void breakLoop() {
        if (!guard.tryEnterShared()) {
            return; // closed: nothing runs, nothing will
        }
        try {
            breakRequested = true;
            PcapIo.pcap_breakloop(pcap);
        } finally {
            guard.exitShared();
        }
    }

    // ---- filters ----------------------------------------------------------------------------------------

    @Override
    public final BpfProgram compileFilter(String expression, boolean optimize, int netmask) throws PcapException {
        if (expression == null) {
            throw new NullPointerException("expression");
        }
        return guard.callShared(() -> Filters.compile(pcap, expression, optimize, netmask));
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
        guard.enterShared();
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment prog = Structs.BpfProg.write(program, scratch);
            if (PcapIo.pcap_setfilter(pcap, prog) != 0) {
                throw new InvalidFilterException(source + ": cannot set the filter: " + Errors.geterr(pcap), null, -1);
            }
        } finally {
            guard.exitShared();
        }
    }

    // ---- misc -------------------------------------------------------------------------------------------

    @Override
    public final String backendName() {
        return PanamaPcapProvider.NAME;
    }

    @Override
    public LinkType linkType() {
        guard.checkOpen();
        return linkType;
    }

    @Override
    public final int snaplen() {
        guard.checkOpen();
        return snaplen;
    }

    @Override
    public final TimestampPrecision timestampPrecision() {
        guard.checkOpen();
        return precision;
    }

    @Override
    public final Dumper newDumper(Path file, DumpOptions options) throws PcapException {
        guard.checkOpen();
        TimestampPrecision p = options.precision() != null ? options.precision() : precision;
        return PanamaDumper.open(file, linkType(), snaplen, options, p);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        if (type == MemorySegment.class) {
            guard.checkOpen();
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
        return guard.isOpen();
    }

    /** Closes the handle as {@link HandleGuard#close()} describes. */
    @Override
    public final void close() {
        guard.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + source + ", " + linkType + (isOpen() ? "" : ", closed") + "]";
    }
}
