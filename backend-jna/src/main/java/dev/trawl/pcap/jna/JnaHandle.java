package dev.trawl.pcap.jna;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.DumpOptions;
import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.Handle;
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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What live and offline handles share: the {@code pcap_t}, its lifetime, and reading.
 *
 * <p>{@link #next()} calls {@code pcap_next_ex} with its two out-pointers in one reused native block read
 * back through a direct buffer, and loads the reused {@link JnaPacket}. Offline, {@link #dispatch} and
 * {@link #loop} run the same call in a Java loop; live, they pass one callback object, held for the handle's
 * life, to {@code pcap_dispatch} and {@code pcap_loop} (whose batching and timeouts only libpcap knows), and
 * a handler's exception breaks the native loop and is rethrown once the native call has returned.
 *
 * <p>Every native call runs inside the {@link HandleGuard} (reads between {@code enter} and {@code exit},
 * other calls between {@code enterShared} and {@code exitShared}), so {@link #close()} from any thread breaks
 * a running read and frees the {@code pcap_t} only once no thread is inside libpcap; an unclosed handle is
 * freed the same way once unreachable. The packet view refers to its handle, so a view in use keeps the
 * buffer it shows.
 */
abstract class JnaHandle implements Handle {
    final long pcap;
    final HandleGuard guard;
    final JnaBackend backend;
    private final Memory outs = new Memory(16);
    private final ByteBuffer outsView = outs.getByteBuffer(0, 16).order(ByteOrder.nativeOrder());
    private final long headerOut = Pointer.nativeValue(outs);
    private final long dataOut = headerOut + 8;
    private final JnaPacket packet;
    private final Callback callback = new Callback();
    private final TimestampPrecision precision;
    private boolean hasPacket;

    /** Set by {@link #breakLoop()}; tells an offline handle's -2 from {@code pcap_next_ex} apart from end of file. */
    volatile boolean breakRequested;

    // State of the running dispatch or loop, touched only by the reading thread.
    private PacketHandler handler;
    private Throwable handlerError;
    private long delivered;
    private long target;
    private boolean brokeInternally;

    /**
     * @param pcapFile whether the handle reads a pcap (not pcapng) file, whose 32-bit seconds are unsigned
     * @param live whether this is a live capture, whose packets lie in the kernel's ring
     * @param pump the pump that feeds a stream to libpcap, stopped to wake a read and on close; or null
     */
    JnaHandle(JnaBackend backend, long pcap, TimestampPrecision precision, String what, boolean pcapFile,
            boolean live, Pump pump) {
        this.backend = backend;
        this.pcap = pcap;
        this.precision = precision;
        this.packet = new JnaPacket(this, precision.nanosPerUnit(), pcapFile, live);
        this.guard = new HandleGuard(this, what, new Native(pcap, pump));
    }

    /** Whether this handle reads a file or stream (where {@code pcap_dispatch} returning 0 means the end). */
    abstract boolean offline();

    /** The exception for a read that libpcap failed, with its text. */
    abstract PcapException readError(String text);

    /** What closing wakes and frees: the {@code pcap_t} and the pump of a stream; refers to no handle. */
    private record Native(long pcap, Pump pump) implements HandleGuard.Resource {
        @Override
        public void wake() {
            NativePcap.pcap_breakloop(pcap);
            if (pump != null) {
                pump.stop(); // a read blocked on the stream returns
            }
        }

        @Override
        public void free() {
            NativePcap.pcap_close(pcap);
            if (pump != null) {
                pump.stop();
            }
        }
    }

    @Override
    public String backendName() {
        return JnaBackend.NAME;
    }

    @Override
    public LinkType linkType() {
        // bracketed by hand, not with callShared: a caller may ask for it per packet, and a lambda could allocate
        guard.enterShared();
        try {
            return LinkType.fromDlt(NativePcap.pcap_datalink(pcap));
        } finally {
            guard.exitShared();
        }
    }

    @Override
    public int snaplen() {
        guard.enterShared();
        try {
            return NativePcap.pcap_snapshot(pcap);
        } finally {
            guard.exitShared();
        }
    }

    @Override
    public TimestampPrecision timestampPrecision() {
        ensureOpen();
        return precision;
    }

    @Override
    public ReadStatus next() throws PcapException {
        guard.enter();
        try {
            int rc = NativePcap.pcap_next_ex(pcap, headerOut, dataOut);
            if (rc == 1) {
                packet.load(outsView.getLong(0), outsView.getLong(8));
                hasPacket = true;
                return ReadStatus.PACKET;
            }
            hasPacket = false;
            if (rc == 0) {
                return ReadStatus.TIMEOUT;
            }
            if (rc == LibpcapErrors.BREAK) {
                // Offline, libpcap returns -2 both at the end of the file and after pcap_breakloop (or close).
                return consumeBreak() || !offline() ? ReadStatus.INTERRUPTED : endOfInput();
            }
            throw readError(NativePcap.pcap_geterr(pcap));
        } finally {
            guard.exit();
        }
    }

    /** Clears a pending break; whether there was one, or a close (which breaks a read too). */
    private boolean consumeBreak() {
        boolean broken = breakRequested;
        breakRequested = false;
        return broken || !guard.isOpen();
    }

    /** What an offline read returns at the end: {@link ReadStatus#END_OF_FILE}, or the stream's failure. */
    ReadStatus endOfInput() throws PcapException {
        return ReadStatus.END_OF_FILE;
    }

    @Override
    public Packet packet() {
        return guard.packet(packet, hasPacket);
    }

    @Override
    public int dispatch(int maxPackets, PacketHandler handler) throws PcapException {
        if (offline()) {
            long n = pull(maxPackets, handler);
            return n == -1 ? DISPATCH_END_OF_FILE : n == -2 ? DISPATCH_INTERRUPTED : (int) n;
        }
        int rc = run(false, maxPackets <= 0 ? -1 : maxPackets, 0, handler);
        int count = (int) delivered;
        if (rc == LibpcapErrors.BREAK) {
            return count > 0 ? count : DISPATCH_INTERRUPTED;
        }
        if (rc == 0 && count == 0 && offline()) {
            endOfInput();
            return DISPATCH_END_OF_FILE;
        }
        return count;
    }

    @Override
    public long loop(long count, PacketHandler handler) throws PcapException {
        if (offline()) {
            return Math.max(pull(count, handler), 0);
        }
        boolean fits = count > 0 && count <= Integer.MAX_VALUE;
        int rc = run(true, fits ? (int) count : -1, fits ? 0 : Math.max(count, 0), handler);
        if (rc == 0 && offline()) {
            endOfInput();
        }
        return delivered;
    }

    /**
     * Offline, dispatch and loop call {@code pcap_next_ex} in a Java loop rather than hand libpcap a callback:
     * libpcap applies the same filter and break flag either way, but a JNA callback boxes its arguments and
     * costs several times a direct call per packet, and here a handler's exception leaves at once, with
     * nothing left to unwind in libpcap.
     *
     * @return the packets delivered; or -1 at the end of the input, -2 after a break, when none was
     */
    private long pull(long max, PacketHandler h) throws PcapException {
        Objects.requireNonNull(h, "handler");
        guard.enter();
        hasPacket = false;
        long n = 0;
        try {
            while (max <= 0 || n < max) {
                int rc = NativePcap.pcap_next_ex(pcap, headerOut, dataOut);
                if (rc == 1) {
                    packet.load(outsView.getLong(0), outsView.getLong(8));
                    n++;
                    try {
                        h.onPacket(packet);
                    } catch (IOException e) {
                        throw HandlerFailures.rethrow(e);
                    }
                } else if (rc == LibpcapErrors.BREAK) {
                    boolean broken = consumeBreak();
                    if (!broken) {
                        endOfInput();
                    }
                    return n > 0 ? n : broken ? -2 : -1;
                } else {
                    throw readError(NativePcap.pcap_geterr(pcap));
                }
            }
            return n;
        } finally {
            guard.exit();
        }
    }

    /**
     * Runs pcap_dispatch or pcap_loop (live handles); returns libpcap's result after rethrowing a handler's
     * exception. A break this class asked for itself (a handler's exception, a count beyond {@code int}) is
     * not reported as a break: Linux's libpcap consumes the flag right after the packet whose callback set it.
     */
    private int run(boolean loop, int cnt, long ourTarget, PacketHandler h) throws PcapException {
        Objects.requireNonNull(h, "handler");
        guard.enter();
        handler = h;
        handlerError = null;
        delivered = 0;
        target = ourTarget;
        brokeInternally = false;
        hasPacket = false;
        try {
            int rc = loop ? NativePcap.pcap_loop(pcap, cnt, callback, 0)
                    : NativePcap.pcap_dispatch(pcap, cnt, callback, 0);
            if (rc == LibpcapErrors.BREAK) {
                if (brokeInternally) {
                    rc = 0;
                } else {
                    breakRequested = false;
                }
            }
            Throwable error = handlerError;
            if (error != null) {
                handlerError = null;
                throw HandlerFailures.rethrow(error);
            }
            if (rc == LibpcapErrors.ERROR) {
                throw readError(NativePcap.pcap_geterr(pcap));
            }
            return rc;
        } finally {
            handler = null;
            guard.exit();
        }
    }

    /** The one callback libpcap calls; kept in a field so it lives as long as the handle. */
    private final class Callback implements NativePcap.PacketCallback {
        @Override
        public void invoke(long user, long header, long bytes) {
            PacketHandler h = handler;
            if (h == null || handlerError != null) {
                return;
            }
            try {
                packet.load(header, bytes);
                delivered++;
                h.onPacket(packet);
            } catch (Throwable t) {
                handlerError = t;
                brokeInternally = true;
                NativePcap.pcap_breakloop(pcap);
                return;
            }
            if (delivered == target) {
                brokeInternally = true;
                NativePcap.pcap_breakloop(pcap);
            }
        }
    }

    @Override
    public void breakLoop() {
        if (!guard.tryEnterShared()) {
            return; // closed: nothing runs, nothing will
        }
        try {
            breakRequested = true;
            NativePcap.pcap_breakloop(pcap);
        } finally {
            guard.exitShared();
        }
    }

    @Override
    public BpfProgram compileFilter(String expression, boolean optimize, int netmask) throws PcapException {
        return guard.callShared(() -> Filters.compile(pcap, expression, optimize, netmask));
    }

    /** The netmask {@link #setFilter(String)} compiles with. */
    int filterNetmask() {
        return NETMASK_UNKNOWN;
    }

    @Override
    public void setFilter(String expression) throws PcapException {
        setFilter(compileFilter(expression, true, filterNetmask()));
    }

    @Override
    public void setFilter(BpfProgram program) throws PcapException {
        Objects.requireNonNull(program, "program");
        guard.runShared(() -> Filters.install(pcap, program));
    }

    @Override
    public Dumper newDumper(Path file, DumpOptions options) throws PcapException {
        Objects.requireNonNull(options, "options");
        LinkType type = linkType();
        int snap = snaplen();
        return backend.openDumper(file, type, snap, options.precision() == null
                ? DumpOptions.builder().format(options.format()).append(options.append()).precision(precision).build()
                : options);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new IllegalArgumentException("handle of backend 'jna' has no " + type.getName());
    }

    @Override
    public boolean isOpen() {
        return guard.isOpen();
    }

    void ensureOpen() {
        guard.checkOpen();
    }

    /** Closes the handle as {@link HandleGuard#close()} describes. */
    @Override
    public void close() {
        guard.close();
    }
}
