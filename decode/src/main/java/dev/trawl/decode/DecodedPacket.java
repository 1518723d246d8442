package dev.trawl.decode;

import dev.trawl.decode.conversation.TcpSegment;
import dev.trawl.decode.layer.Arp;
import dev.trawl.decode.layer.Ethernet;
import dev.trawl.decode.layer.Icmp;
import dev.trawl.decode.layer.Ipv4;
import dev.trawl.decode.layer.Ipv6;
import dev.trawl.decode.layer.Ipv6Extension;
import dev.trawl.decode.layer.Mpls;
import dev.trawl.decode.layer.Tcp;
import dev.trawl.decode.layer.Udp;
import dev.trawl.decode.layer.Vlan;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The result of decoding one packet: frame metadata and the stack of layers, outermost first. Each layer
 * has a protocol id ({@link Protocols}), a header offset and length (absolute indexes into
 * {@link #buffer()}), an end (the index past its last byte, payload included) and {@link LayerFlags}.
 *
 * <p>Typed access goes through flyweights. For the common protocols this object owns one of each and re-wraps
 * it on each call:
 * {@code ipv4(i)} returns the same {@link Ipv4} instance pointed at layer {@code i}, so reading a packet
 * allocates nothing. A typical use:
 *
 * <pre>{@code
 * DecodedPacket p = decoder.decode(LinkType.ETHERNET, packet);
 * int ip = p.find(Protocols.IP);
 * if (ip >= 0) {
 *     int ttl = p.ipv4(ip).timeToLive();
 * }
 * }</pre>
 *
 * For any other protocol, wrap a flyweight of {@code dev.trawl.decode.layer} (kept by the caller for reuse)
 * over {@code buffer(), offset(i), layerLength(i)}.
 *
 * <p>Ownership: the object is reused by its {@link PacketDecoder} and refers to the caller's bytes (or the
 * decoder's copy of them); it is valid until the next decode call or until those bytes change. The layers above
 * the common Ethernet / IP / TCP or UDP headers are decoded from those bytes when first asked for (see
 * {@link PacketDecoder}), which is one more reason not to change them meanwhile. It is not thread-safe.
 */
public final class DecodedPacket {
    /** The most layers one packet can hold; deeper stacks are cut and flagged {@link #tooManyLayers()}. */
    public static final int MAX_LAYERS = 128;

    /**
     * The layers, {@link #STRIDE} ints each (protocol, offset, header length, end, flags): one array keeps
     * a layer on one cache line and costs one bounds check per access.
     */
    final int[] layers = new int[MAX_LAYERS * 8];
    static final int STRIDE = 8;
    static final int PROTOCOL = 0;
    static final int OFFSET = 1;
    static final int HEADER_LENGTH = 2;
    static final int END = 3;
    static final int FLAGS = 4;
    /** The layers known so far: all of them unless {@link #pending}. */
    int count;
    boolean tooManyLayers;
    /**
     * Whether layers past {@link #count} remain to be decoded ({@link PacketDecoder#finish}). The known ones
     * keep their protocol, offset, header length and end; only their flags may still change.
     */
    boolean pending;

    final ProtocolRegistry registry;
    private final PacketDecoder decoder;
    ByteBuffer buffer;
    int start;
    int end;
    /** The frame's captured length when the buffer holds a reassembled datagram; -1 otherwise. */
    int capturedLength = -1;
    /** Where the frame's bytes are when the buffer holds a reassembled datagram or message. */
    ByteBuffer frameBuffer;
    int frameStart;
    /** The index in the buffer where reassembled bytes begin; -1 when the buffer holds the frame as captured. */
    int reassembledAt = -1;
    int linkType;
    long frameNumber;
    int interfaceId = -1;
    long timestampSeconds;
    int timestampNanos;
    int originalLength;
    /** Nanoseconds since the first frame the decoder decoded, and since the one before this. */
    long sinceFirst;
    long sincePrevious;

    /**
     * What the decoder's trackers learnt of this packet's TCP and UDP layers ({@link PacketDecoder#trackConversations}):
     * the TCP segments followed, with their layers, and each UDP layer's stream index (valid for UDP layers
     * while {@link #udpTracked}).
     */
    TcpSegment[] tcpSegments = new TcpSegment[0];
    int[] tcpSegmentLayers = new int[0];
    int tcpSegmentCount;
    final long[] udpStreams = new long[MAX_LAYERS];
    boolean udpTracked;

    // One view of each common header, made once: reading a packet allocates nothing.
    private final Ethernet ethernet = new Ethernet();
    private final Vlan vlan = new Vlan();
    private final Mpls mpls = new Mpls();
    private final Arp arp = new Arp();
    private final Ipv4 ipv4 = new Ipv4();
    private final Ipv6 ipv6 = new Ipv6();
    private final Ipv6Extension ipv6Extension = new Ipv6Extension();
    private final Tcp tcp = new Tcp();
    private final Udp udp = new Udp();
    private final Icmp icmp = new Icmp();

    DecodedPacket(ProtocolRegistry registry, PacketDecoder decoder) {
        this.registry = registry;
        this.decoder = decoder;
    }

    /** Decodes the layers left for later, if any. */
    private void complete() {
        if (pending) {
            pending = false;
            decoder.finish();
        }
    }

    /**
     * The index of layer {@code i}'s first int in {@link #layers}, decoding the rest first if it is not known.
     *
     * @throws IndexOutOfBoundsException if the packet has no layer {@code i}
     */
    private int at(int i) {
        if (i >= count && pending) {
            complete();
        }
        return Objects.checkIndex(i, count) * STRIDE;
    }

    /** The registry that names this packet's protocol ids. */
    public ProtocolRegistry registry() {
        return registry;
    }

    /**
     * The bytes the offsets index, absolutely: a heap view of the caller's backing array when the packet came
     * as a {@code byte[]} or an array-backed buffer (offsets are then array indexes), or of the decoder's own
     * copy of the packet when the caller's buffer hides its array (read-only and direct buffers). Do not write
     * to it.
     */
    public ByteBuffer buffer() {
        return buffer;
    }

    /** The index of the packet's first byte in {@link #buffer()}. */
    public int start() {
        return start;
    }

    /** The index just past the packet's last captured byte. */
    public int end() {
        return end;
    }

    /**
     * The buffer holding the frame as it was captured ({@link #capturedLength()} bytes from {@link #frameStart()}):
     * {@link #buffer()}, unless that holds a datagram or message reassembled from several frames, which
     * Wireshark shows in a tab of its own while the frame keeps its own bytes. Do not write to it.
     */
    public ByteBuffer frameBuffer() {
        return reassembledAt >= 0 ? frameBuffer : buffer;
    }

    /** The index of the frame's first captured byte in {@link #frameBuffer()}. */
    public int frameStart() {
        return reassembledAt >= 0 ? frameStart : start;
    }

    /**
     * The index in {@link #buffer()} where reassembled bytes begin (the bytes before it are the frame's own, as
     * captured), or -1 when the buffer holds the frame as captured.
     */
    public int reassembledAt() {
        return reassembledAt;
    }

    /** The {@code LINKTYPE_} value the packet was decoded as. */
    public int linkType() {
        return linkType;
    }

    /** The 1-based frame number, counted by the decoder or given by the caller. */
    public long frameNumber() {
        return frameNumber;
    }

    /** The pcapng interface the frame arrived on, or -1 when the capture has none (see {@link PacketDecoder#nextInterface}). */
    public int interfaceId() {
        return interfaceId;
    }

    /**
     * Pass as the timestamp seconds to say that a record has no timestamp (a pcapng simple packet block or
     * custom block); {@code frame.time_epoch} is then absent.
     */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    /** Whether the packet has a capture timestamp. */
    public boolean hasTimestamp() {
        return timestampSeconds != NO_TIMESTAMP;
    }

    /** Seconds of the capture timestamp since the epoch ({@link #NO_TIMESTAMP} when it has none). */
    public long timestampSeconds() {
        return timestampSeconds;
    }

    /**
     * Nanoseconds since the capture time of the first frame this packet's decoder decoded
     * ({@code frame.time_relative}); meaningless when the packet has no timestamp.
     */
    public long nanosSinceFirstFrame() {
        return sinceFirst;
    }

    /**
     * Nanoseconds since the capture time of the frame decoded before this one, 0 for the first
     * ({@code frame.time_delta}); meaningless when the packet has no timestamp.
     */
    public long nanosSincePreviousFrame() {
        return sincePrevious;
    }

    /** Nanoseconds within the second of the capture timestamp. */
    public int timestampNanos() {
        return timestampNanos;
    }

    /**
     * The number of captured bytes. For a frame that completed a fragmented datagram, when the decoder
     * reassembles, that of the frame, not of the reassembled bytes {@link #buffer()} then holds.
     */
    public int capturedLength() {
        return capturedLength >= 0 ? capturedLength : end - start;
    }

    /** The length on the wire ({@code frame.len}); the captured length when none was given. */
    public int originalLength() {
        return originalLength;
    }

    /**
     * What the decoder's TCP tracker learnt of TCP layer {@code i}: its stream index, relative sequence
     * numbers and sequence analysis ({@code tcp.stream}, {@code tcp.seq}, {@code tcp.analysis.*}). Null when
     * the decoder follows no connections ({@link PacketDecoder#trackConversations}) or layer {@code i} is not a
     * TCP header it could follow. The segment is reused: read it before the next decode.
     */
    public TcpSegment tcpSegment(int i) {
        for (int k = 0; k < tcpSegmentCount; k++) {
            if (tcpSegmentLayers[k] == i) {
                return tcpSegments[k];
            }
        }
        return null;
    }

    /**
     * The UDP conversation index ({@code udp.stream}) of UDP layer {@code i}, or -1 when the decoder follows
     * no conversations ({@link PacketDecoder#trackConversations}) or layer {@code i} is not a UDP header over
     * IP.
     */
    public long udpStream(int i) {
        return udpTracked && i >= 0 && i < count && protocol(i) == Protocols.UDP ? udpStreams[i] : -1;
    }

    /** The number of layers. */
    public int layerCount() {
        complete();
        return count;
    }

    /** Whether the layer stack was cut at {@link #MAX_LAYERS}. */
    public boolean tooManyLayers() {
        complete();
        return tooManyLayers;
    }

    /** The protocol id of layer {@code i}. */
    public int protocol(int i) {
        return layers[at(i) + PROTOCOL];
    }

    /** The Wireshark name of layer {@code i}'s protocol. */
    public String protocolName(int i) {
        return registry.name(layers[at(i) + PROTOCOL]);
    }

    /** The absolute index of layer {@code i}'s header. */
    public int offset(int i) {
        return layers[at(i) + OFFSET];
    }

    /** The length of layer {@code i}'s header (may reach past {@link #end()} when truncated). */
    public int headerLength(int i) {
        return layers[at(i) + HEADER_LENGTH];
    }

    /** The index just past layer {@code i}'s last byte (header and payload), at most {@link #end()}. */
    public int layerEnd(int i) {
        return layers[at(i) + END];
    }

    /**
     * The number of captured bytes of layer {@code i} (header and payload): what to pass to a flyweight's
     * {@code wrap}, as in {@code new Gre().wrap(p.buffer(), p.offset(i), p.layerLength(i))}.
     */
    public int layerLength(int i) {
        int b = at(i);
        return layers[b + END] - layers[b + OFFSET];
    }

    /** The absolute index of layer {@code i}'s payload (clamped to its end). */
    public int payloadOffset(int i) {
        int b = at(i);
        return Math.min(layers[b + OFFSET] + layers[b + HEADER_LENGTH], layers[b + END]);
    }

    /** The number of payload bytes captured after layer {@code i}'s header. */
    public int payloadLength(int i) {
        return Math.max(0, layers[at(i) + END] - payloadOffset(i));
    }

    /** The {@link LayerFlags} of layer {@code i}. */
    public int flags(int i) {
        complete(); // a later layer's decoder may flag an earlier layer
        return layers[Objects.checkIndex(i, count) * STRIDE + FLAGS];
    }

    /**
     * Whether layer {@code i} belongs to what an ICMP or ICMPv6 error quotes ({@link LayerFlags#QUOTED}). A layer
     * is quoted or not from the moment it is known, so unlike {@link #flags} this decodes nothing more.
     */
    public boolean isQuoted(int i) {
        return (layers[at(i) + FLAGS] & LayerFlags.QUOTED) != 0;
    }

    /** Whether any layer carries an error flag ({@link LayerFlags#ERRORS}). */
    public boolean isMalformed() {
        complete();
        for (int i = 0; i < count; i++) {
            if ((layers[i * STRIDE + FLAGS] & LayerFlags.ERRORS) != 0) {
                return true;
            }
        }
        return tooManyLayers;
    }

    /**
     * The index of the layer that follows layer {@code i}, or -1 when layer {@code i} is the last: the layer
     * its payload holds (the transport over an IP layer, the IP layer over a VLAN tag), or a zero-length
     * pseudo-layer that Wireshark shows in between (such as {@code ethertype} after Ethernet). Unlike
     * {@link #findNext}, which may decode a whole tunnel to look for a protocol further up, this decodes
     * nothing that is already known.
     *
     * @throws IndexOutOfBoundsException if the packet has no layer {@code i}
     */
    public int next(int i) {
        at(i); // checks that layer i exists
        int n = i + 1;
        if (n >= count && pending) {
            complete();
        }
        return n < count ? n : -1;
    }

    /**
     * The index of the first layer of {@code protocol}, or -1, whatever its {@link #flags(int) flags}: the layer
     * this packet's bytes hold. To look as Wireshark does, see {@link #find(int, int)}.
     */
    public int find(int protocol) {
        return findNext(protocol, 0, 0);
    }

    /**
     * The index of the first layer of {@code protocol} that has none of the {@link LayerFlags} in
     * {@code skipping}, or -1. This is the one lookup for code that must agree with Wireshark: skipping
     * {@link LayerFlags#UNSHOWN} finds the layer a display filter finds, {@link LayerFlags#UNLISTED} the
     * one {@code frame.protocols} names, {@link LayerFlags#QUOTED} one outside an ICMP error's quotation.
     */
    public int find(int protocol, int skipping) {
        return findNext(protocol, 0, skipping);
    }

    /** The index of the first layer of {@code protocol} at or after {@code from}, or -1, whatever its flags. */
    public int findNext(int protocol, int from) {
        return findNext(protocol, from, 0);
    }

    /**
     * The index of the first layer of {@code protocol} at or after {@code from} that has none of the
     * {@link LayerFlags} in {@code skipping}, or -1; see {@link #find(int, int)}.
     */
    public int findNext(int protocol, int from, int skipping) {
        int i = Math.max(0, from);
        while (true) {
            for (; i < count; i++) {
                int b = i * STRIDE;
                if (layers[b + PROTOCOL] == protocol && (layers[b + FLAGS] & skipping) == 0) {
                    return i;
                }
            }
            if (!pending || !decoder.mayHold(protocol)) {
                return -1;
            }
            complete();
        }
    }

    /** The index of the last layer of {@code protocol}, or -1. */
    public int findLast(int protocol) {
        complete();
        for (int i = count - 1; i >= 0; i--) {
            if (layers[i * STRIDE + PROTOCOL] == protocol) {
                return i;
            }
        }
        return -1;
    }

    /** Whether some layer is of {@code protocol}. */
    public boolean has(int protocol) {
        return find(protocol) >= 0;
    }

    /** The shared {@link Ethernet} view of layer {@code i}. */
    public Ethernet ethernet(int i) {
        Ethernet f = ethernet;
        int b = at(i);
        return f.wrap(buffer, layers[b + OFFSET], layers[b + END] - layers[b + OFFSET]);
    }

    /** The shared {@link Vlan} view of layer {@code i} (a {@code vlan} or {@code ieee8021ad} layer). */
    public Vlan vlan(int i) {
        Vlan f = vlan;
        int b = at(i);
        return f.wrap(buffer, layers[b + OFFSET], layers[b + END] - layers[b + OFFSET]);
    }

    /** The shared {@link Mpls} view of layer {@code i}. */
    public Mpls mpls(int i) {
        Mpls f = mpls;
        int b = at(i);
        return f.wrap(buffer, layers[b + OFFSET], layers[b + END] - layers[b + OFFSET]);
    }

    /** The shared {@link Arp} view of layer {@code i}. */
    public Arp arp(int i) {
        Arp f = arp;
        int b = at(i);
        return f.wrap(buffer, layers[b + OFFSET], layers[b + END] - layers[b + OFFSET]);
    }

    /** The shared {@link Ipv4} view of layer {@code i}. */
    public Ipv4 ipv4(int i) {
        Ipv4 f = ipv4;
        int b = at(i);
        return f.wrap(buffer, layers[b + OFFSET], layers[b + END] - layers[b + OFFSET]);
    }

    /** The shared {@link Ipv6} view of layer {@code i}. */
    public Ipv6 ipv6(int i) {
        Ipv6 f = ipv6;
        int b = at(i);
        return f.wrap(buffer, layers[b + OFFSET], layers[b + END] - layers[b + OFFSET]);
    }

    /** The shared {@link Ipv6Extension} view of layer {@code i}. */
    public Ipv6Extension ipv6Extension(int i) {
        Ipv6Extension f = ipv6Extension;
        int b = at(i);
        return f.wrap(buffer, layers[b + OFFSET], layers[b + END] - layers[b + OFFSET]);
    }

    /** The shared {@link Tcp} view of layer {@code i}. */
    public Tcp tcp(int i) {
        Tcp f = tcp;
        int b = at(i);
        return f.wrap(buffer, layers[b + OFFSET], layers[b + END] - layers[b + OFFSET]);
    }

    /** The shared {@link Udp} view of layer {@code i}. */
    public Udp udp(int i) {
        Udp f = udp;
        int b = at(i);
        return f.wrap(buffer, layers[b + OFFSET], layers[b + END] - layers[b + OFFSET]);
    }

    /** The shared {@link Icmp} view of layer {@code i} (ICMP or ICMPv6). */
    public Icmp icmp(int i) {
        Icmp f = icmp;
        int b = at(i);
        return f.wrap(buffer, layers[b + OFFSET], layers[b + END] - layers[b + OFFSET]);
    }

    /**
     * Appends the layers' names joined with {@code :}, like Wireshark's {@code frame.protocols} but without
     * the leading {@code frame}.
     */
    public StringBuilder appendProtocols(StringBuilder out) {
        complete();
        boolean first = true;
        for (int i = 0; i < count; i++) {
            if ((layers[i * STRIDE + FLAGS] & LayerFlags.UNLISTED) != 0) {
                continue;
            }
            if (!first) {
                out.append(':');
            }
            first = false;
            out.append(registry.name(layers[i * STRIDE + PROTOCOL]));
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("DecodedPacket[#").append(frameNumber).append(' ');
        appendProtocols(sb).append(", caplen=").append(capturedLength()).append(", len=").append(originalLength);
        return sb.append(']').toString();
    }
}
