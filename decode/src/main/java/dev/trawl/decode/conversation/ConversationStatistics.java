package dev.trawl.decode.conversation;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Counts the frames and bytes of each conversation and each endpoint of one kind (Ethernet, IPv4, IPv6, TCP,
 * UDP), as Wireshark's conversation and endpoint tables do ({@code tshark -z conv,TYPE} and
 * {@code -z endpoints,TYPE}): every layer of that kind in a frame (but those an ICMP error quotes) counts the
 * frame once, with its length on the wire; a conversation's first frame names its two sides (A is that frame's source, and "A to B" its
 * direction); TCP and UDP conversations are told apart by their stream index too, so a TCP connection that
 * reuses the ports of an earlier one is a conversation of its own (the decoder must follow conversations,
 * {@code PacketDecoder.trackConversations}, for those kinds). Times are relative to the first frame offered.
 *
 * <p>The tables are the output itself, so they are kept whole up to a limit ({@link #DEFAULT_MAX_ENTRIES}
 * conversations, and as many endpoints); frames of conversations beyond it are counted in
 * {@link #uncounted()} instead.
 *
 * <p>Not thread-safe: feed it from the thread that decodes.
 */
public final class ConversationStatistics {
    /** How many conversations (and how many endpoints) are kept at most, by default. */
    public static final int DEFAULT_MAX_ENTRIES = 1_000_000;

    /** The kinds of conversation, by Wireshark's protocol filter name. */
    public enum Kind {
        /** Ethernet addresses. */
        ETH("eth", "Ethernet", Protocols.ETH, 6, false),
        /** IPv4 addresses. */
        IPV4("ip", "IPv4", Protocols.IP, 4, false),
        /** IPv6 addresses. */
        IPV6("ipv6", "IPv6", Protocols.IPV6, 16, false),
        /** TCP connections: IP addresses, ports and the stream index. */
        TCP("tcp", "TCP", Protocols.TCP, 0, true),
        /** UDP conversations: IP addresses, ports and the stream index. */
        UDP("udp", "UDP", Protocols.UDP, 0, true);

        private final String filterName;
        private final String title;
        final int protocol;
        final int addressLength;
        final boolean ports;

        Kind(String filterName, String title, int protocol, int addressLength, boolean ports) {
            this.filterName = filterName;
            this.title = title;
            this.protocol = protocol;
            this.addressLength = addressLength;
            this.ports = ports;
        }

        /** The name tshark's {@code -z conv,NAME} takes. */
        public String filterName() {
            return filterName;
        }

        /** The name tshark's table titles use ("IPv4 Conversations"). */
        public String title() {
            return title;
        }

        /** Whether the endpoints of this kind have ports. */
        public boolean hasPorts() {
            return ports;
        }

        /** The kind {@code name} ({@code eth}, {@code ip}, {@code ipv6}, {@code tcp}, {@code udp}), or null. */
        public static Kind byFilterName(String name) {
            for (Kind k : values()) {
                if (k.filterName.equals(name)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** One side of a conversation: an address (and a port for TCP and UDP). Immutable. */
    public record Address(Kind kind, byte[] address, int port) {
        public Address {
            address = address.clone();
        }

        @Override
        public byte[] address() {
            return address.clone();
        }

        /** Whether this is the endpoint of the address at {@code at} in {@code buf} and port {@code otherPort}. */
        boolean is(ByteBuffer buf, int at, int otherPort) {
            if (port != otherPort) {
                return false;
            }
            for (int k = 0; k < address.length; k++) {
                if (buf.get(at + k) != address[k]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Address a && a.kind == kind && a.port == port
                    && java.util.Arrays.equals(a.address, address);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(address) * 31 + port;
        }
    }

    /** Counters of one conversation: A is the source of its first frame. Read after the frames are in. */
    public static final class Conversation {
        private final Address a;
        private final Address b;
        private final long stream;
        long framesAtoB;
        long bytesAtoB;
        long framesBtoA;
        long bytesBtoA;
        long start;
        long stop;
        /** Which way the key sorted the first frame's endpoints ({@link FlowKey#set}'s result). */
        int aFirst;

        Conversation(Address a, Address b, long stream, long time) {
            this.a = a;
            this.b = b;
            this.stream = stream;
            this.start = time;
            this.stop = time;
        }

        public Address a() {
            return a;
        }

        public Address b() {
            return b;
        }

        /** The stream index of a TCP or UDP conversation, -1 for the other kinds. */
        public long stream() {
            return stream;
        }

        public long framesAtoB() {
            return framesAtoB;
        }

        public long bytesAtoB() {
            return bytesAtoB;
        }

        public long framesBtoA() {
            return framesBtoA;
        }

        public long bytesBtoA() {
            return bytesBtoA;
        }

        public long frames() {
            return framesAtoB + framesBtoA;
        }

        public long bytes() {
            return bytesAtoB + bytesBtoA;
        }

        /** The earliest frame's time, in nanoseconds since the first frame offered. */
        public long startNanos() {
            return start;
        }

        /** The latest frame's time, in nanoseconds since the first frame offered. */
        public long stopNanos() {
            return stop;
        }
    }

    /** Counters of one endpoint. Read after the frames are in. */
    public static final class Endpoint {
        private final Address address;
        long txFrames;
        long txBytes;
        long rxFrames;
        long rxBytes;

        Endpoint(Address address) {
            this.address = address;
        }

        public Address address() {
            return address;
        }

        public long txFrames() {
            return txFrames;
        }

        public long txBytes() {
            return txBytes;
        }

        public long rxFrames() {
            return rxFrames;
        }

        public long rxBytes() {
            return rxBytes;
        }

        public long frames() {
            return txFrames + rxFrames;
        }

        public long bytes() {
            return txBytes + rxBytes;
        }
    }

    /** The tables a {@link ConversationStatistics} keeps. */
    public enum Tables {
        /** Conversations only ({@code -z conv}); {@link #endpoints()} stays empty. */
        CONVERSATIONS,
        /** Endpoints only ({@code -z endpoints}); {@link #conversations()} stays empty. */
        ENDPOINTS,
        /** Both. */
        BOTH
    }

    private final Kind kind;
    private final Predicate<DecodedPacket> filter;
    private final int maxEntries;
    private final boolean keepConversations;
    private final boolean keepEndpoints;
    /** Conversations by key: those of the kinds without a stream index, and those past the dense table's reach. */
    private final Map<FlowKey, Conversation> conversations = new HashMap<>();
    /** TCP and UDP conversations by stream index, up to {@link #DENSE_REACH} times the maximum kept. */
    private Conversation[] byStream = new Conversation[0];
    private static final int DENSE_REACH = 4;
    private int size;
    private final List<Conversation> conversationOrder = new ArrayList<>();
    private final Map<FlowKey, Endpoint> endpoints = new HashMap<>();
    private final List<Endpoint> endpointOrder = new ArrayList<>();
    private final FlowKey probe = new FlowKey();
    private boolean started;
    private long origin;
    private long uncounted;

    /**
     * Statistics of {@code kind}, counting the frames {@code filter} passes (null: every frame), keeping at most
     * {@link #DEFAULT_MAX_ENTRIES} conversations.
     */
    public ConversationStatistics(Kind kind, Predicate<DecodedPacket> filter) {
        this(kind, filter, DEFAULT_MAX_ENTRIES);
    }

    /** Statistics of {@code kind} that keep at most {@code maxEntries} conversations and endpoints. */
    public ConversationStatistics(Kind kind, Predicate<DecodedPacket> filter, int maxEntries) {
        this(kind, filter, maxEntries, Tables.BOTH);
    }

    /**
     * Statistics of {@code kind} that keep only {@code tables} (a table not kept costs nothing per frame), each at
     * most {@code maxEntries} long.
     */
    public ConversationStatistics(Kind kind, Predicate<DecodedPacket> filter, int maxEntries, Tables tables) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.filter = filter;
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.keepConversations = Objects.requireNonNull(tables, "tables") != Tables.ENDPOINTS;
        this.keepEndpoints = tables != Tables.CONVERSATIONS;
    }

    public Kind kind() {
        return kind;
    }

    /** How many frames (counted once per layer) went uncounted because the tables were full. */
    public long uncounted() {
        return uncounted;
    }

    /**
     * Offers a decoded frame: every frame of the capture, in order (the first one sets the time origin), counted
     * when the filter passes it.
     */
    public void add(DecodedPacket p) {
        long time = p.hasTimestamp() ? p.timestampSeconds() * 1_000_000_000L + p.timestampNanos() : 0;
        if (!started) {
            started = true;
            origin = time;
        }
        if (filter != null && !filter.test(p)) {
            return;
        }
        // found one by one, which decodes no further than a layer of the kind could be
        for (int i = p.find(kind.protocol); i >= 0; i = p.findNext(kind.protocol, i + 1)) {
            if (!p.isQuoted(i)) { // what an ICMP error quotes is not traffic of its own
                layer(p, i, time - origin);
            }
        }
    }

    private void layer(DecodedPacket p, int i, long time) {
        ByteBuffer buf = p.buffer();
        int src;
        int dst;
        int length;
        int srcPort = 0;
        int dstPort = 0;
        long stream = -1;
        int at = p.offset(i);
        switch (kind) {
            case ETH -> {
                if (p.layerEnd(i) - at < 14) {
                    return;
                }
                dst = at;
                src = at + 6;
                length = 6;
            }
            case IPV4 -> {
                if (p.layerEnd(i) - at < 20) {
                    return;
                }
                src = at + 12;
                dst = at + 16;
                length = 4;
            }
            case IPV6 -> {
                if (p.layerEnd(i) - at < 40) {
                    return;
                }
                src = at + 8;
                dst = at + 24;
                length = 16;
            }
            default -> {
                TcpSegment segment = kind == Kind.TCP ? p.tcpSegment(i) : null;
                stream = kind == Kind.TCP ? (segment == null ? -1 : segment.stream()) : p.udpStream(i);
                int ip = IpAddresses.enclosing(p, i);
                if (stream < 0 || ip < 0 || p.layerEnd(i) - at < 4) {
                    return;
                }
                src = IpAddresses.source(p, ip);
                dst = IpAddresses.destination(p, ip, i);
                length = IpAddresses.length(p, ip);
                srcPort = buf.getShort(at) & 0xFFFF;
                dstPort = buf.getShort(at + 2) & 0xFFFF;
            }
        }
        long frameLength = p.originalLength();
        if (keepConversations) {
            conversation(buf, src, dst, length, srcPort, dstPort, stream, time, frameLength);
        }
        if (keepEndpoints) {
            Endpoint from = endpoint(buf, src, length, srcPort);
            if (from != null) {
                from.txFrames++;
                from.txBytes += frameLength;
            }
            Endpoint to = endpoint(buf, dst, length, dstPort);
            if (to != null) {
                to.rxFrames++;
                to.rxBytes += frameLength;
            }
        }
    }

    private void conversation(ByteBuffer buf, int src, int dst, int length, int srcPort, int dstPort, long stream,
            long time, long frameLength) {
        // a stream index names one conversation for good: those within reach of the dense table are found there
        boolean dense = stream >= 0 && stream < (long) maxEntries * DENSE_REACH;
        Conversation c = dense ? byStream(stream) : null;
        int direction;
        if (c != null) {
            direction = c.a.is(buf, src, srcPort) ? c.aFirst : -c.aFirst;
        } else {
            direction = probe.set(buf, src, dst, length, srcPort, dstPort);
            probe.id(stream);
            c = dense ? null : conversations.get(probe);
        }
        if (c == null) {
            if (size >= maxEntries) {
                uncounted++;
                return;
            }
            c = new Conversation(new Address(kind, bytes(buf, src, length), srcPort),
                    new Address(kind, bytes(buf, dst, length), dstPort), stream, time);
            c.aFirst = direction;
            if (dense) {
                keep(stream, c);
            } else {
                conversations.put(probe.copy(), c);
            }
            size++;
            conversationOrder.add(c);
        } else if (time > c.stop) {
            c.stop = time;
        } else if (time < c.start) {
            c.start = time;
        }
        // the key sorts the endpoints: the frame goes from A to B when it sorts the same way as the first one did,
        // but for a conversation between one endpoint and itself, where the first frame's way is the only one
        if (direction == c.aFirst || c.a.equals(c.b)) {
            c.framesAtoB++;
            c.bytesAtoB += frameLength;
        } else {
            c.framesBtoA++;
            c.bytesBtoA += frameLength;
        }
    }

    private Conversation byStream(long stream) {
        return stream < byStream.length ? byStream[(int) stream] : null;
    }

    private void keep(long stream, Conversation c) {
        if (stream >= byStream.length) {
            long grown = Math.max(stream + 1, Math.max(1024, 2L * byStream.length));
            byStream = java.util.Arrays.copyOf(byStream, (int) Math.min(grown, (long) maxEntries * DENSE_REACH));
        }
        byStream[(int) stream] = c;
    }

    private Endpoint endpoint(ByteBuffer buf, int address, int length, int port) {
        probe.set(buf, address, address, length, port, port);
        Endpoint e = endpoints.get(probe);
        if (e == null) {
            if (endpoints.size() >= maxEntries) {
                return null;
            }
            e = new Endpoint(new Address(kind, bytes(buf, address, length), port));
            endpoints.put(probe.copy(), e);
            endpointOrder.add(e);
        }
        return e;
    }

    private static byte[] bytes(ByteBuffer buf, int at, int length) {
        byte[] b = new byte[length];
        buf.get(at, b);
        return b;
    }

    /** The conversations, most frames first (those with as many in the order they first appeared). */
    public List<Conversation> conversations() {
        return sorted(conversationOrder, Conversation::frames);
    }

    /** The endpoints, most frames first (those with as many in the order they first appeared). */
    public List<Endpoint> endpoints() {
        return sorted(endpointOrder, Endpoint::frames);
    }

    private static <T> List<T> sorted(List<T> order, java.util.function.ToLongFunction<T> frames) {
        List<T> out = new ArrayList<>(order);
        out.sort(Comparator.comparingLong(frames).reversed()); // stable: ties keep their order
        return Collections.unmodifiableList(out);
    }
}
