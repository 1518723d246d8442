package dev.trawl.pcap.afpacket;

import dev.trawl.pcap.spi.HandleGuard;
import dev.trawl.pcap.spi.HandlerFailures;
import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.Capability;
import dev.trawl.pcap.CaptureStats;
import dev.trawl.pcap.Direction;
import dev.trawl.pcap.DumpOptions;
import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.PacketHandler;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.TimestampType;
import dev.trawl.pcap.UnsupportedCapabilityException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A live capture on a packet socket with a {@code TPACKET_V3} ring, read in place: no native call per packet,
 * a {@code poll} only when the block at the reader's position still belongs to the kernel.
 *
 * <p>{@link #next()}, {@link #dispatch} and {@link #loop} walk the {@link Ring}; the packet they deliver is
 * a view into it ({@link RingPacket}), valid until the next read. {@link #breakLoop()} and {@link #close()}
 * write the handle's event file, which the reader polls beside the socket, so a blocked read wakes at once;
 * {@link HandleGuard} makes close wait until the reader has left the ring before it is unmapped.
 *
 * <p>Thread safety as for {@link LiveHandle}: one reading thread; {@link #send}, {@link #stats()},
 * {@link #breakLoop()} and {@link #close()} from any thread.
 */
final class AfPacketHandle implements LiveHandle {
    private static final System.Logger LOG = System.getLogger(AfPacketHandle.class.getName());

    private final PacketSocket socket;
    private final Ring ring;
    private final RingPacket view;
    private final HandleGuard guard;
    private final AfPacketBackend backend;
    private final String device;
    private final int snaplen;
    private final TimestampPrecision precision;
    private final int timeoutMillis;
    private final List<String> warnings;
    private final List<LinkType> linkTypes;
    private final KernelFilter filters;
    private final Object statsLock = new Object();
    private final boolean countInterfaceDrops;
    private volatile LinkType linkType;
    private volatile boolean nonBlocking;
    private long received;
    private long dropped;
    private long interfaceDropped;
    private long interfaceDropBase;

    private AfPacketHandle(AfPacketBackend backend, PacketSocket socket, LiveOptions options, LinkType linkType,
            List<LinkType> linkTypes, Framing framing, List<String> warnings) {
        this.backend = backend;
        this.socket = socket;
        this.device = socket.device;
        this.snaplen = options.snaplen();
        this.precision = options.precision();
        this.linkType = linkType;
        this.linkTypes = List.copyOf(linkTypes);
        this.warnings = List.copyOf(warnings);
        this.timeoutMillis = options.timeout().isZero() ? -1
                : (int) Math.max(1, Math.min(options.timeout().toMillis(), Integer.MAX_VALUE));
        this.ring = new Ring(socket.map, socket.geometry.blockSize(), socket.geometry.blockCount(),
                precision == TimestampPrecision.MICRO, framing);
        this.view = ring.view;
        this.filters = new KernelFilter(socket, ring, this::linkType, snaplen);
        this.guard = new HandleGuard(this, "capture on " + device, new Native(socket));
        this.countInterfaceDrops = options.promiscuous() && socket.ifindex != 0;
        this.interfaceDropBase = countInterfaceDrops ? interfaceDrops() : 0;
    }

    /** Opens a capture as tcpdump asks for one; see {@link PacketSocket#open}. */
    static AfPacketHandle open(AfPacketBackend backend, String device, LiveOptions options) throws PcapException {
        if (options.monitor()) {
            throw new UnsupportedCapabilityException(AfPacketPcapProvider.NAME, Capability.MONITOR_MODE,
                    "a packet socket cannot put a wireless device in monitor mode");
        }
        List<String> warnings = new ArrayList<>();
        TimestampType stamps = options.timestampType();
        if (stamps != null && stamps != TimestampType.HOST) {
            warnings.add("That type of time stamp is not supported by that device: " + stamps.tcpdumpName());
        }
        // Until a filter is set, a program that keeps every packet cuts it in the kernel, so that a short
        // snapshot length saves room in the ring.
        BpfProgram first = options.snaplen() < 65535 ? KernelPrograms.acceptAll(options.snaplen()) : null;
        PacketSocket socket = PacketSocket.open(new PacketSocket.Setup(device, options.snaplen(),
                options.bufferSize(), options.promiscuous(), options.timeout(), options.immediate(), options.fanout(),
                first));
        try {
            LinkType type;
            List<LinkType> types;
            int header = 0;
            int vlanOffset = -1;
            if (socket.cooked) {
                type = LinkType.LINUX_SLL;
                types = List.of(LinkType.LINUX_SLL, LinkType.LINUX_SLL2);
                header = Framing.SLL;
                vlanOffset = 14;
            } else if (socket.hatype == Tpacket.ARPHRD_ETHER) {
                type = LinkType.ETHERNET;
                types = List.of(LinkType.ETHERNET, LinkType.DOCSIS);
                vlanOffset = 12;
            } else if (socket.hatype == Tpacket.ARPHRD_LOOPBACK) {
                type = LinkType.ETHERNET;
                types = List.of(LinkType.ETHERNET);
                vlanOffset = 12;
            } else if (socket.hatype == Tpacket.ARPHRD_IEEE80211_RADIOTAP) {
                type = LinkType.IEEE802_11_RADIOTAP;
                types = List.of(type);
            } else {
                type = LinkType.RAW;
                types = List.of(type);
            }
            // The kernel shows what leaves the loopback device twice, as outgoing and as incoming: only the
            // incoming copy is delivered, as libpcap does.
            int loopback = -1;
            if (socket.hatype == Tpacket.ARPHRD_LOOPBACK) {
                loopback = 0;
            } else if (socket.ifindex == 0) {
                int lo = Interfaces.index("lo");
                loopback = lo > 0 ? lo : -1;
            }
            Framing framing = new Framing(header, vlanOffset, options.snaplen(), options.direction(), loopback,
                    Framing.UserlandFilter.NONE);
            return new AfPacketHandle(backend, socket, options, type, types, framing, warnings);
        } catch (RuntimeException | Error e) {
            socket.close();
            throw e;
        }
    }

    /** What the guard wakes and frees: the socket alone, never the handle, which the guard's cleaner watches. */
    private record Native(PacketSocket socket) implements HandleGuard.Resource {
        @Override
        public void wake() {
            socket.requestBreak();
        }

        @Override
        public void free() {
            socket.close();
        }
    }

    // ---- reading --------------------------------------------------------------------------------------------

    /** {@link #fill()}: a packet may be taken. */
    private static final int GOT = 1;
    /** {@link #fill()}: the timeout expired, or a non-blocking handle had nothing. */
    private static final int NONE = 0;
    /** {@link #fill()}: {@link #breakLoop()} or {@link #close()} asked the reader to stop. */
    private static final int BROKEN = -1;

    /** Makes a block ready, waiting as the handle's timeout and mode say. */
    private int fill() throws PcapException {
        long deadline = 0;
        while (true) {
            if (socket.breakRequested) {
                return BROKEN;
            }
            if (ring.ready()) {
                return GOT;
            }
            int wait;
            if (nonBlocking) {
                wait = 0;
            } else if (timeoutMillis < 0) {
                wait = -1;
            } else {
                long now = System.nanoTime();
                if (deadline == 0) {
                    deadline = now + timeoutMillis * 1_000_000L;
                }
                long remaining = deadline - now;
                if (remaining <= 0) {
                    return NONE;
                }
                wait = (int) Math.max(1, (remaining + 999_999) / 1_000_000);
            }
            int woke = socket.await(wait);
            if (woke == PacketSocket.TIMEOUT || (wait == 0 && woke != PacketSocket.WOKEN)) {
                return socket.breakRequested ? BROKEN : ring.ready() ? GOT : NONE;
            }
        }
    }

    /** Whether a read waits until a packet arrives, however long that takes. */
    private boolean waitsForPackets() {
        return timeoutMillis < 0 && !nonBlocking;
    }

    private boolean consumeBreak() {
        if (socket.breakRequested) {
            socket.breakRequested = false;
            return true;
        }
        return false;
    }

    @Override
    public ReadStatus next() throws PcapException {
        guard.enter();
        try {
            view.invalidate();
            while (true) {
                int filled = fill();
                if (filled == BROKEN) {
                    consumeBreak();
                    return ReadStatus.INTERRUPTED;
                }
                if (filled == NONE) {
                    return ReadStatus.TIMEOUT;
                }
                while (ring.ready()) {
                    if (ring.take()) {
                        return ReadStatus.PACKET; // the block stays ours until the next read
                    }
                    if (socket.breakRequested) {
                        break;
                    }
                }
                if (!waitsForPackets() && !socket.breakRequested) {
                    return ReadStatus.TIMEOUT; // what was there was dropped (direction, filter): a timeout, as in libpcap
                }
            }
        } finally {
            guard.exit();
        }
    }

    @Override
    public Packet packet() {
        return guard.packet(view, view.isValid());
    }

    @Override
    public int dispatch(int maxPackets, PacketHandler handler) throws PcapException {
        Objects.requireNonNull(handler, "handler");
        guard.enter();
        try {
            view.invalidate();
            while (true) {
                int filled = fill();
                if (filled == BROKEN) {
                    consumeBreak();
                    return DISPATCH_INTERRUPTED;
                }
                if (filled == NONE) {
                    return 0;
                }
                int count = 0;
                while (ring.ready()) {
                    if (ring.take()) {
                        count++;
                        try {
                            handler.onPacket(view);
                        } catch (IOException e) {
                            throw HandlerFailures.rethrow(e);
                        }
                        if (count == maxPackets) {
                            return count;
                        }
                    }
                    if (socket.breakRequested) {
                        // as pcap_dispatch does for the packets it delivered; the break ends the next read
                        return count > 0 ? count : consumeBreak() ? DISPATCH_INTERRUPTED : 0;
                    }
                }
                if (count > 0 || !waitsForPackets()) {
                    return count;
                }
            }
        } finally {
            view.invalidate(); // the packets of a dispatch are views for the handler only
            ring.releaseIfConsumed();
            guard.exit();
        }
    }

    @Override
    public long loop(long count, PacketHandler handler) throws PcapException {
        Objects.requireNonNull(handler, "handler");
        guard.enter();
        try {
            view.invalidate();
            long delivered = 0;
            while (true) {
                int filled = fill();
                if (filled == BROKEN) {
                    consumeBreak();
                    return delivered;
                }
                while (ring.ready()) {
                    if (ring.take()) {
                        delivered++;
                        try {
                            handler.onPacket(view); // a call site of its own: loop's profile is not dispatch's
                        } catch (IOException e) {
                            throw HandlerFailures.rethrow(e);
                        }
                        if (delivered == count) {
                            return delivered;
                        }
                    }
                    if (socket.breakRequested) {
                        consumeBreak();
                        return delivered;
                    }
                }
            }
        } finally {
            view.invalidate(); // the packets of a loop are views for the handler only
            ring.releaseIfConsumed();
            guard.exit();
        }
    }

    @Override
    public void breakLoop() {
        guard.runShared(() -> socket.requestBreak());
    }

    // ---- filters ----------------------------------------------------------------------------------------------

    @Override
    public BpfProgram compileFilter(String expression, boolean optimize, int netmask) throws PcapException {
        Objects.requireNonNull(expression, "expression");
        return guard.callShared(() -> filters.compile(expression, optimize, netmask));
    }

    @Override
    public void setFilter(String expression) throws PcapException {
        setFilter(compileFilter(expression, true, Devices.netmask(device)));
    }

    @Override
    public void setFilter(BpfProgram program) throws PcapException {
        Objects.requireNonNull(program, "program");
        guard.runShared(() -> {
            String fallback = filters.set(program);
            if (fallback != null) {
                LOG.log(System.Logger.Level.DEBUG, "{0}: the kernel refused the filter ({1}); it runs in userland",
                        device, fallback);
            }
        });
    }

    // ---- live operations --------------------------------------------------------------------------------------

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
        Objects.requireNonNull(frame, "frame");
        guard.enterShared();
        try {
            if (socket.ifindex == 0) {
                throw new PcapException(device + ": Sending packets isn't supported on the \"any\" device");
            }
            if (socket.cooked) {
                throw new PcapException(device + ": Sending packets isn't supported in cooked mode");
            }
            socket.send(frame);
        } finally {
            guard.exitShared();
        }
    }

    /**
     * The kernel's counters reset whenever they are read, so the handle keeps running totals: received
     * counts every packet that passed the filter, the dropped ones too, as libpcap reports it; interface drops
     * are the device's missed and FIFO errors since the handle opened, counted in promiscuous mode only, as
     * libpcap counts them.
     */
    @Override
    public CaptureStats stats() throws PcapException {
        return guard.callShared(() -> {
            synchronized (statsLock) {
                long[] delta = socket.takeStats();
                received += delta[0];
                dropped += delta[1];
                if (countInterfaceDrops) {
                    long now = interfaceDrops();
                    interfaceDropped += Math.max(0, now - interfaceDropBase);
                    interfaceDropBase = now;
                }
                return new CaptureStats(received, dropped, interfaceDropped);
            }
        });
    }

    private long interfaceDrops() {
        return Interfaces.statistic(device, "rx_missed_errors") + Interfaces.statistic(device, "rx_fifo_errors");
    }

    @Override
    public void setDirection(Direction direction) {
        Objects.requireNonNull(direction, "direction");
        guard.runShared(() -> filters.update(f -> f.withDirection(direction)));
    }

    @Override
    public void setNonBlocking(boolean nonBlocking) {
        guard.checkOpen();
        this.nonBlocking = nonBlocking;
    }

    @Override
    public boolean isNonBlocking() {
        guard.checkOpen();
        return nonBlocking;
    }

    @Override
    public List<LinkType> linkTypes() {
        guard.checkOpen();
        return linkTypes;
    }

    @Override
    public void setLinkType(LinkType type) throws PcapException {
        Objects.requireNonNull(type, "type");
        guard.runShared(() -> {
            if (!linkTypes.contains(type)) {
                throw new PcapException(device + ": " + type.name() + " is not one of the DLTs supported by this device");
            }
            if (type.equals(LinkType.LINUX_SLL2)) {
                filters.update(f -> f.withHeader(Framing.SLL2, -1));
            } else if (type.equals(LinkType.LINUX_SLL)) {
                filters.update(f -> f.withHeader(Framing.SLL, 14));
            }
            linkType = type;
        });
    }

    // ---- the rest -----------------------------------------------------------------------------------------------

    @Override
    public String backendName() {
        return AfPacketPcapProvider.NAME;
    }

    @Override
    public LinkType linkType() {
        guard.checkOpen();
        return linkType;
    }

    @Override
    public int snaplen() {
        guard.checkOpen();
        return snaplen;
    }

    @Override
    public TimestampPrecision timestampPrecision() {
        guard.checkOpen();
        return precision;
    }

    @Override
    public Dumper newDumper(Path file, DumpOptions options) throws PcapException {
        guard.checkOpen();
        DumpOptions withPrecision = options.precision() != null ? options
                : new DumpOptions(options.format(), options.append(), precision);
        return backend.openDumper(file, linkType, snaplen, withPrecision);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new IllegalArgumentException("handle of backend '" + AfPacketPcapProvider.NAME + "' has no "
                + type.getName());
    }

    @Override
    public boolean isOpen() {
        return guard.isOpen();
    }

    @Override
    public void close() {
        guard.close();
    }

    /** The ring's shape; for tests. */
    RingGeometry geometry() {
        return socket.geometry;
    }

    @Override
    public String toString() {
        return "AfPacketHandle[" + device + ", " + linkType + (isOpen() ? "" : ", closed") + "]";
    }
}
