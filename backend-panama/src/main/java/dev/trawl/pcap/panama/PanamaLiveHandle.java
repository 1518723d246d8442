package dev.trawl.pcap.panama;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.trawl.pcap.Capability;
import dev.trawl.pcap.CaptureStats;
import dev.trawl.pcap.Direction;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.PacketHandler;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.UnsupportedCapabilityException;
import dev.trawl.pcap.spi.HandlerFailures;
import dev.trawl.pcap.spi.LibpcapErrors;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A live capture on a device. {@link #next()} and {@link #loop} drive {@code pcap_next_ex};
 * {@link #dispatch} calls {@code pcap_dispatch} with an upcall, made once per handle, so that it delivers
 * exactly one buffer as libpcap does. A handler that throws breaks the dispatch; the exception is rethrown
 * after {@code pcap_dispatch} returns, never unwound through C.
 *
 * <p>Thread safety as for {@link LiveHandle}: {@link #send} and {@link #stats()} may run beside the reader.
 */
@SuppressWarnings("restricted") // the module exists to link libpcap; it asks for native access
final class PanamaLiveHandle extends PanamaHandle implements LiveHandle {
    private static final MethodHandle ON_PACKET;

    static {
        try {
            ON_PACKET = MethodHandles.lookup().findVirtual(Dispatcher.class, "onPacket",
                    MethodType.methodType(void.class, long.class, long.class, long.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String device;
    private final List<String> warnings;
    private volatile LinkType currentLinkType;
    private MemorySegment callback;
    private final Dispatcher dispatcher;

    private PanamaLiveHandle(MemorySegment pcap, Arena arena, String device, List<String> warnings) {
        // a live read blocks until its timeout: never critical
        super(pcap, arena, device, "capture on " + device, null, false, null);
        this.dispatcher = new Dispatcher(pcap, view);
        this.device = device;
        this.warnings = List.copyOf(warnings);
        this.currentLinkType = super.linkType();
        view.ringWindows(true);
    }

    /** Creates, configures and activates a capture, as tcpdump does. */
    static PanamaLiveHandle open(String device, LiveOptions options) throws PcapException {
        MemorySegment pcap;
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment errbuf = scratch.allocate(Libpcap.ERRBUF_SIZE);
            pcap = PcapCore.pcap_create(scratch.allocateFrom(device), errbuf);
            if (pcap.equals(MemorySegment.NULL)) {
                throw new PcapException(device + ": " + Errors.errbuf(errbuf));
            }
        }
        List<String> warnings = new ArrayList<>();
        Arena arena = null;
        try {
            configure(pcap, device, options, warnings);
            int rc = PcapCore.pcap_activate(pcap);
            if (rc < 0) {
                throw Errors.forStatus(device, rc, pcap);
            }
            if (rc > 0) {
                warnings.add(LibpcapErrors.warning(Errors.statusText(rc), Errors.geterr(pcap)));
            }
            if (options.direction() != Direction.INOUT) {
                requireSymbol("pcap_setdirection", Capability.DIRECTION);
                if (PcapConfig.pcap_setdirection(pcap, options.direction().code()) != 0) {
                    throw new PcapException(device + ": cannot set direction " + options.direction() + ": "
                            + Errors.geterr(pcap));
                }
            }
            arena = Arenas.open();
            return new PanamaLiveHandle(pcap, arena, device, warnings);
        } catch (PcapException | RuntimeException | Error e) {
            PcapCore.pcap_close(pcap);
            if (arena != null) {
                Arenas.close(arena);
            }
            throw e;
        }
    }

    private static void configure(MemorySegment pcap, String device, LiveOptions o, List<String> warnings)
            throws PcapException {
        check(device, PcapConfig.pcap_set_snaplen(pcap, o.snaplen()), pcap);
        check(device, PcapConfig.pcap_set_promisc(pcap, o.promiscuous() ? 1 : 0), pcap);
        long ms = o.timeout().toMillis();
        int timeout = ms == 0 && !o.timeout().isZero() ? 1 : (int) ms;
        check(device, PcapConfig.pcap_set_timeout(pcap, timeout), pcap);
        if (o.immediate()) {
            requireSymbol("pcap_set_immediate_mode", Capability.IMMEDIATE_MODE);
            check(device, PcapConfig.pcap_set_immediate_mode(pcap, 1), pcap);
        }
        if (o.bufferSize() > 0) {
            check(device, PcapConfig.pcap_set_buffer_size(pcap, o.bufferSize()), pcap);
        }
        if (o.timestampType() != null) {
            requireSymbol("pcap_set_tstamp_type", Capability.TIMESTAMP_TYPE);
            int rc = PcapConfig.pcap_set_tstamp_type(pcap, o.timestampType().code());
            if (rc > 0) {
                warnings.add(LibpcapErrors.warning(Errors.statusText(rc), o.timestampType().tcpdumpName()));
            } else {
                check(device, rc, pcap);
            }
        }
        if (Libpcap.has("pcap_set_tstamp_precision")) {
            check(device, PcapConfig.pcap_set_tstamp_precision(pcap, o.precision().code()), pcap);
        } else if (o.precision().code() != 0) {
            throw new UnsupportedCapabilityException(PanamaPcapProvider.NAME, Capability.NANOSECOND_TIMESTAMPS);
        }
        if (o.monitor()) {
            requireSymbol("pcap_set_rfmon", Capability.MONITOR_MODE);
            check(device, PcapConfig.pcap_set_rfmon(pcap, 1), pcap);
        }
    }

    private static void check(String device, int rc, MemorySegment pcap) throws PcapException {
        if (rc < 0) {
            throw Errors.forStatus(device, rc, pcap);
        }
    }

    private static void requireSymbol(String symbol, Capability capability) {
        if (!Libpcap.has(symbol)) {
            throw new UnsupportedCapabilityException(PanamaPcapProvider.NAME, capability,
                    "this libpcap has no " + symbol);
        }
    }

    @Override
    boolean offline() {
        return false;
    }

    // ---- dispatch through pcap_dispatch and an upcall -------------------------------------------------------

    @Override
    public int dispatch(int maxPackets, PacketHandler handler) throws PcapException {
        if (handler == null) {
            throw new NullPointerException("handler");
        }
        guard.enter();
        try {
            if (callback == null) {
                // void (*pcap_handler)(u_char *user, const struct pcap_pkthdr *h, const u_char *bytes);
                // The pointers arrive as 64-bit integers, which the C calling conventions of 64-bit platforms
                // pass exactly as pointers: the upcall then makes no MemorySegment per packet.
                callback = Libpcap.LINKER.upcallStub(ON_PACKET.bindTo(dispatcher),
                        FunctionDescriptor.ofVoid(JAVA_LONG, JAVA_LONG, JAVA_LONG), arena);
            }
            view.invalidate();
            dispatcher.handler = handler;
            dispatcher.failure = null;
            int rc;
            try {
                rc = PcapIo.pcap_dispatch(pcap, maxPackets <= 0 ? -1 : maxPackets, callback, MemorySegment.NULL);
            } finally {
                dispatcher.handler = null;
            }
            Throwable failure = dispatcher.failure;
            if (failure != null) {
                dispatcher.failure = null;
                throw HandlerFailures.rethrow(failure);
            }
            if (rc == LibpcapErrors.BREAK) {
                consumeBreak();
                return DISPATCH_INTERRUPTED;
            }
            if (rc < 0) {
                throw readFailure();
            }
            return rc;
        } finally {
            view.invalidate(); // the packets of a dispatch are views for the handler only
            guard.exit();
        }
    }

    /**
     * The target of the {@code dispatch} upcall, which lives as long as the arena: it refers to the view and
     * the {@code pcap_t}, never to the handle, so that an unclosed handle can still become unreachable.
     * Touched by the reading thread only.
     */
    private static final class Dispatcher {
        private final MemorySegment pcap;
        private final PacketView view;
        PacketHandler handler;
        Throwable failure;

        Dispatcher(MemorySegment pcap, PacketView view) {
            this.pcap = pcap;
            this.view = view;
        }

        /** The upcall: never lets an exception reach C; keeps it and breaks the dispatch instead. */
        void onPacket(long user, long header, long data) {
            if (failure != null) {
                return;
            }
            try {
                view.set(header, data);
                handler.onPacket(view);
            } catch (Throwable t) {
                failure = t;
                PcapIo.pcap_breakloop(pcap);
            }
        }
    }

    // ---- live-only operations -----------------------------------------------------------------------------

    @Override
    int filterNetmask() {
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment net = scratch.allocate(JAVA_INT);
            MemorySegment mask = scratch.allocate(JAVA_INT);
            MemorySegment errbuf = scratch.allocate(Libpcap.ERRBUF_SIZE);
            if (PcapConfig.pcap_lookupnet(scratch.allocateFrom(device), net, mask, errbuf) != 0) {
                return NETMASK_UNKNOWN; // no IPv4 address: filters that need the netmask fail to compile
            }
            return mask.get(JAVA_INT, 0);
        }
    }

    @Override
    public LinkType linkType() {
        guard.checkOpen();
        return currentLinkType;
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public void send(ByteBuffer frame) throws PcapException {
        int length = frame.remaining();
        guard.enterShared();
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment bytes = scratch.allocate(Math.max(1, length));
            MemorySegment.copy(MemorySegment.ofBuffer(frame), 0, bytes, 0, length);
            if (PcapConfig.pcap_sendpacket(pcap, bytes, length) != 0) {
                throw new PcapException(device + ": send failed: " + Errors.geterr(pcap));
            }
        } finally {
            guard.exitShared();
        }
    }

    @Override
    public CaptureStats stats() throws PcapException {
        guard.enterShared();
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment stat = scratch.allocate(Structs.PcapStat.LAYOUT);
            if (PcapConfig.pcap_stats(pcap, stat) != 0) {
                throw new PcapException(device + ": cannot get statistics: " + Errors.geterr(pcap));
            }
            return new CaptureStats(
                    stat.get(JAVA_INT_UNALIGNED, Structs.PcapStat.PS_RECV) & 0xffffffffL,
                    stat.get(JAVA_INT_UNALIGNED, Structs.PcapStat.PS_DROP) & 0xffffffffL,
                    stat.get(JAVA_INT_UNALIGNED, Structs.PcapStat.PS_IFDROP) & 0xffffffffL);
        } finally {
            guard.exitShared();
        }
    }

    @Override
    public void setDirection(Direction direction) throws PcapException {
        requireSymbol("pcap_setdirection", Capability.DIRECTION);
        guard.runShared(() -> {
            if (PcapConfig.pcap_setdirection(pcap, direction.code()) != 0) {
                throw new PcapException(device + ": cannot set direction " + direction + ": " + Errors.geterr(pcap));
            }
        });
    }

    @Override
    public void setNonBlocking(boolean nonBlocking) throws PcapException {
        guard.enterShared();
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment errbuf = scratch.allocate(Libpcap.ERRBUF_SIZE);
            if (PcapConfig.pcap_setnonblock(pcap, nonBlocking ? 1 : 0, errbuf) < 0) {
                throw new PcapException(device + ": cannot set non-blocking mode: " + Errors.errbuf(errbuf));
            }
        } finally {
            guard.exitShared();
        }
    }

    @Override
    public boolean isNonBlocking() throws PcapException {
        guard.enterShared();
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment errbuf = scratch.allocate(Libpcap.ERRBUF_SIZE);
            int rc = PcapConfig.pcap_getnonblock(pcap, errbuf);
            if (rc < 0) {
                throw new PcapException(device + ": cannot get non-blocking mode: " + Errors.errbuf(errbuf));
            }
            return rc != 0;
        } finally {
            guard.exitShared();
        }
    }

    @Override
    public List<LinkType> linkTypes() throws PcapException {
        guard.enterShared();
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment out = scratch.allocate(ADDRESS);
            int n = PcapConfig.pcap_list_datalinks(pcap, out);
            if (n < 0) {
                throw new PcapException(device + ": cannot list link types: " + Errors.geterr(pcap));
            }
            long list = Structs.pointerAt(out.address());
            try {
                List<LinkType> types = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    types.add(LinkType.fromDlt(Libpcap.ALL.get(JAVA_INT_UNALIGNED, list + 4L * i)));
                }
                return List.copyOf(types);
            } finally {
                PcapConfig.pcap_free_datalinks(Libpcap.pointer(list));
            }
        } finally {
            guard.exitShared();
        }
    }

    @Override
    public void setLinkType(LinkType linkType) throws PcapException {
        guard.runShared(() -> {
            if (PcapConfig.pcap_set_datalink(pcap, linkType.toDlt()) != 0) {
                throw new PcapException(device + ": cannot set link type " + linkType + ": " + Errors.geterr(pcap));
            }
            currentLinkType = LinkType.fromDlt(PcapCore.pcap_datalink(pcap));
        });
    }
}
