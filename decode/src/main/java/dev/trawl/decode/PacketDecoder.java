package dev.trawl.decode;

import dev.trawl.decode.conversation.TcpSegment;
import dev.trawl.decode.conversation.TcpTracker;
import dev.trawl.decode.conversation.UdpTracker;
import dev.trawl.decode.internal.Bytes;
import dev.trawl.decode.internal.FastPath;
import dev.trawl.decode.internal.state.ConversationTable;
import dev.trawl.decode.internal.state.IpReassembler;
import dev.trawl.decode.internal.state.StreamMessages;
import dev.trawl.decode.internal.transport.UdpDecoder;
import dev.trawl.decode.spi.Conversations;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;
import dev.trawl.decode.spi.FragmentReassembly;
import dev.trawl.decode.spi.ProtocolDecoder;
import dev.trawl.decode.spi.StreamReassembly;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.Packet;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Decodes packet bytes into a {@link DecodedPacket}: a reusable decoder that fills one reusable result, so
 * decoding allocates nothing per packet. The first layer is chosen by link type; each layer's decoder then
 * names the next, through the dispatch tables of a {@link ProtocolRegistry}.
 *
 * <pre>{@code
 * PacketDecoder decoder = new PacketDecoder();
 * while (handle.next() ...) {
 *     DecodedPacket p = decoder.decode(handle.linkType(), packet);
 *     ...
 * }
 * }</pre>
 *
 * <p>Decoding is partly lazy: the common Ethernet / IP / TCP or UDP headers are decoded at once, and the layers
 * above them only when the result is first asked for one of them (or for the layer count, flags, or a search
 * that the first layers do not answer). The result is the same either way; it only costs less when a caller
 * reads the first layers alone.
 *
 * <p>Malformed or truncated input never makes it throw: decoding stops at the first layer that cannot be
 * read and flags it ({@link LayerFlags}). Each call counts one frame ({@link DecodedPacket#frameNumber()}),
 * starting at 1; {@link #resetFrameNumber()} starts over.
 *
 * <p>Not thread-safe: use one decoder per thread. The result refers to the caller's buffer and is valid
 * until the next call.
 */
public final class PacketDecoder {
    private final ProtocolRegistry registry;
    private final DecodedPacket result;
    private final Context context = new Context();
    private final CommonChain chain;
    private final boolean chainUsable;
    /** Whether LINKTYPE_ETHERNET frames start with the chain; known once, as the registry is immutable. */
    private final boolean ethernetChain;
    private static final int ETHERNET = LinkType.ETHERNET.value();
    /** The array the current result indexes, kept for decoding the rest of its layers on demand. */
    private byte[] current;
    private boolean verifyChecksums;
    private boolean firstFragments;
    /** Puts HTTP messages spanning TCP segments back together; null when {@link #reassembleStreams} is off. */
    private StreamMessages streams;
    /** The conversations followed; null when {@link #followConversations} is off. */
    private ConversationTable conversations;
    /** Puts fragments back together; null when {@link #reassembleFragments} is off. */
    private IpReassembler reassembler;
    private byte[] assembled = new byte[0];
    /** The conversation trackers; null when {@link #trackConversations} is off. */
    private TcpTracker tcpTracker;
    private UdpTracker udpTracker;
    /** {@link #verifyChecksums} as it was when the current packet was decoded. */
    private boolean verifyCurrent;
    private long frameCounter;
    private int interfaceId = -1;
    /** The capture times of the first frame decoded and of the one before this (frame.time_relative, _delta). */
    private long firstTime = NO_TIME;
    private long previousTime = NO_TIME;
    private static final long NO_TIME = Long.MIN_VALUE;
    /** Views of recently seen backing arrays, so that a caller cycling through a few buffers allocates none. */
    private final byte[][] wrappedArrays = new byte[8][];
    private final ByteBuffer[] wrappedBuffers = new ByteBuffer[8];
    private int nextWrapped;
    /** The array-backed buffer decoded last, with its array, the view of it and its array offset. */
    private ByteBuffer lastBuffer;
    private byte[] lastArray;
    private ByteBuffer lastView;
    private int lastArrayOffset;
    private byte[] scratch = new byte[2048];
    private ByteBuffer scratchBuffer = ByteBuffer.wrap(scratch);

    /** A decoder over the {@link ProtocolRegistry#standard() standard} protocols. */
    public PacketDecoder() {
        this(ProtocolRegistry.standard());
    }

    /** A decoder over the protocols of {@code registry}. */
    public PacketDecoder(ProtocolRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.result = new DecodedPacket(registry, this);
        this.chain = new CommonChain(result, registry);
        this.chainUsable = CommonChain.usable(registry);
        this.ethernetChain = chainUsable && registry.lookup(Dispatch.LINKTYPE, ETHERNET) == Protocols.ETH;
    }

    /**
     * Whether checksums are verified (off by default, as in Wireshark): the IPv4 header, ICMP, and TCP and UDP
     * over their IPv4 or IPv6 pseudo-header, when the whole segment was captured. A failure sets
     * {@link LayerFlags#BAD_CHECKSUM}.
     */
    public PacketDecoder verifyChecksums(boolean verify) {
        this.verifyChecksums = verify;
        return this;
    }

    /**
     * Whether the payload of an IPv4 or IPv6 first fragment (offset 0, more fragments to come) is decoded as far
     * as its bytes go, as tcpdump prints it (off by default: Wireshark keeps every fragment opaque data unless it
     * reassembles). The layers above a first fragment then end where the fragment does.
     */
    public PacketDecoder decodeFirstFragments(boolean decode) {
        this.firstFragments = decode;
        return this;
    }

    /**
     * Whether fragmented IPv4 and IPv6 datagrams are put back together (off by default; Wireshark does it by
     * default, and the command-line tool's field output does too). When on, the frame that completes a
     * datagram is decoded with the whole payload behind its IP header: its layers then refer to a buffer the
     * decoder owns ({@link DecodedPacket#buffer()}), while its captured length stays the frame's. Every other
     * fragment stays opaque data. The decoder keeps the fragments it waits for, at most 1,024 datagrams of at
     * most 65,535 bytes each (the oldest goes first); turning this off forgets them.
     */
    public PacketDecoder reassembleFragments(boolean reassemble) {
        this.reassembler = reassemble ? (reassembler != null ? reassembler : new IpReassembler()) : null;
        context.fragments = reassembler;
        return this;
    }

    /**
     * Whether protocols that Wireshark follows by conversation rather than by port are followed too (off by
     * default; the command-line tool's field output turns it on): after a TFTP request, the transfer's
     * datagrams are TFTP whatever their ports. The decoder keeps at most 4,096 conversations (the oldest goes
     * first); turning this off forgets them. Following conversations decodes every layer at once.
     */
    public PacketDecoder followConversations(boolean follow) {
        this.conversations = follow ? (conversations != null ? conversations : new ConversationTable(context)) : null;
        context.conversations = conversations;
        return this;
    }

    /**
     * Whether HTTP messages that span TCP segments are put back together (off by default; Wireshark does it
     * by default, and the command-line tool's field output does too). When on, the segment that completes a
     * message is decoded with the whole message behind its TCP header: its layers then refer to a buffer the
     * decoder owns ({@link DecodedPacket#buffer()}), while its captured length and TCP length stay the frame's.
     * The segments before it show bare TCP payload, as without. The bytes are ordered by a
     * {@link dev.trawl.decode.conversation.TcpReassembler} that holds nothing out of order: a missing segment
     * drops the message, a retransmission adds nothing. At most 256 connections with a message in progress are
     * followed, each message of at most 1 MiB; turning this off forgets them.
     */
    public PacketDecoder reassembleStreams(boolean reassemble) {
        this.streams = reassemble ? (streams != null ? streams : new StreamMessages(context)) : null;
        context.streams = streams;
        return this;
    }

    /**
     * Whether TCP connections and UDP conversations are followed, with tshark's defaults (off by default; the
     * command-line tool's field output and display filters turn it on): each TCP layer then gets its stream
     * index, relative sequence numbers, scaled window and sequence analysis ({@link DecodedPacket#tcpSegment},
     * the {@code tcp.stream}, {@code tcp.seq} and {@code tcp.analysis.*} fields), and each UDP layer its
     * conversation index ({@link DecodedPacket#udpStream}, {@code udp.stream}). Packets must come in capture
     * order, numbered as the caller numbers frames ({@link #nextFrameNumber}); the trackers' state is bounded
     * (see {@link TcpTracker} and {@link UdpTracker}). Turning this off forgets them.
     */
    public PacketDecoder trackConversations(boolean track) {
        return track ? trackConversations(tcpTracker != null ? tcpTracker : TcpTracker.standard(),
                udpTracker != null ? udpTracker : new UdpTracker()) : trackConversations(null, null);
    }

    /**
     * Follows TCP connections with {@code tcp} and UDP conversations with {@code udp}, trackers configured by
     * the caller (for instance with raw sequence numbers, or other limits); either may be null to follow
     * none of that kind. A tracker must not be shared with another decoder.
     */
    public PacketDecoder trackConversations(TcpTracker tcp, UdpTracker udp) {
        this.tcpTracker = tcp;
        this.udpTracker = udp;
        return this;
    }

    /** The TCP tracker in use, for its counters; null when TCP connections are not followed. */
    public TcpTracker tcpTracker() {
        return tcpTracker;
    }

    /** The UDP tracker in use, for its counters; null when UDP conversations are not followed. */
    public UdpTracker udpTracker() {
        return udpTracker;
    }

    /**
     * Whether decoding keeps state across packets, which it changes as it decodes: every layer is then decoded
     * at once, so that the state does not depend on what a caller asks for, but for a transport's payload that
     * ends the stack (see {@link #payloadEndsStack}).
     */
    private boolean stateful() {
        return reassembler != null || conversations != null || streams != null || tcpTracker != null
                || udpTracker != null;
    }

    /**
     * Whether a {@link Projector} may read a packet's Ethernet, IP and transport headers without this decoder:
     * it then skips nothing this decoder would learn from them (no checksums verified, no connections tracked).
     */
    boolean projectable() {
        return ethernetChain && !verifyChecksums && tcpTracker == null && udpTracker == null;
    }

    /** Whether this decoder follows conversations: a payload's protocol may then depend on earlier packets. */
    boolean followsConversations() {
        return conversations != null;
    }

    /**
     * Names the payload of the TCP or UDP header at {@code transport} ({@code hl} bytes long, its layer ending at
     * {@code end}) as this decoder would when decoding the Ethernet frame at {@code frame} (to {@code limit}) with
     * the IPv4 or IPv6 header at {@code ip} and that header: through the conversations it follows, recording
     * what it would record. For a {@link Projector} that reads the frame without decoding it; the layers it
     * sets up for the conversations to read are cleared again.
     */
    int namePayload(byte[] buf, int frame, int limit, int ip, int ipProtocol, int transport, int hl, int end,
            boolean tcp) {
        DecodedPacket r = result;
        // the layers the decoder would have recorded by then, as its common chain records them (one call each: the
        // tool's client compiler runs this for every packet, and a loop choosing each value cost it more)
        CommonChain c = chain;
        c.add(0, Protocols.ETH, frame, 14, limit, 0);
        c.add(1, Protocols.ETHERTYPE, frame + 12, 0, limit, LayerFlags.PSEUDO | LayerFlags.UNSHOWN);
        c.add(2, ipProtocol, ip, transport - ip, end, 0);
        c.add(3, tcp ? Protocols.TCP : Protocols.UDP, transport, hl, end, 0);
        r.pending = false;
        context.protocol = tcp ? Protocols.TCP : Protocols.UDP;
        try {
            return tcp ? FastPath.tcpPayload(buf, transport, hl, end, context)
                    : FastPath.udpPayload(buf, transport, end, context);
        } finally {
            r.count = 0;
        }
    }

    /** Makes the next decoded packet frame number 1, and its time the reference of the ones after it. */
    public void resetFrameNumber() {
        frameCounter = 0;
        firstTime = previousTime = NO_TIME;
    }

    /**
     * Makes the next decoded packet frame number {@code number} (and the ones after it count on from there),
     * for callers that number frames themselves: state that refers to frames (the TCP analysis's
     * {@code tcp.analysis.acks_frame}) then uses the caller's numbers.
     */
    public void nextFrameNumber(long number) {
        frameCounter = number - 1;
    }

    /**
     * The pcapng interface (its index in the file) the frames decoded next arrived on, or -1, the default, for
     * a capture that has no interfaces (a pcap file, a live capture): {@code frame.interface_id} is then
     * absent, as tshark shows it only for pcapng files.
     */
    public void nextInterface(int id) {
        interfaceId = Math.max(-1, id);
    }

    /** The registry this decoder uses. */
    public ProtocolRegistry registry() {
        return registry;
    }

    /**
     * Decodes a packet read from a handle, with its timestamp and original length. The bytes are those
     * between {@code packet.data()}'s position and limit.
     */
    public DecodedPacket decode(LinkType linkType, Packet packet) {
        ByteBuffer data = packet.data();
        return decode(linkType.value(), data, data.position(), data.remaining(), packet.originalLength(),
                packet.timestampSeconds(), packet.timestampNanos());
    }

    /** Decodes the bytes between {@code buf}'s position and limit. */
    public DecodedPacket decode(LinkType linkType, ByteBuffer buf) {
        return decode(linkType.value(), buf, buf.position(), buf.remaining());
    }

    /** Decodes {@code length} bytes of {@code buf} from the absolute index {@code offset}. */
    public DecodedPacket decode(int linkType, ByteBuffer buf, int offset, int length) {
        return decode(linkType, buf, offset, length, length, 0, 0);
    }

    /** Decodes {@code length} bytes of {@code data} from {@code offset}. */
    public DecodedPacket decode(int linkType, byte[] data, int offset, int length) {
        return decode(linkType, data, offset, length, length, 0, 0);
    }

    /**
     * Decodes {@code length} bytes of {@code data} from {@code offset}, with frame metadata.
     *
     * @param originalLength the length on the wire, as the capture states it (below {@code length} in a damaged
     *     file)
     */
    public DecodedPacket decode(int linkType, byte[] data, int offset, int length, int originalLength,
            long timestampSeconds, int timestampNanos) {
        Objects.checkFromIndexSize(offset, length, data.length);
        return decodeArray(linkType, data, wrap(data), offset, length, originalLength, timestampSeconds,
                timestampNanos);
    }

    /**
     * Decodes {@code length} bytes of {@code buf} from the absolute index {@code offset}, with frame
     * metadata. This is the method the others call.
     *
     * @param linkType a {@code LINKTYPE_} value; bits above the low 16 (pcap's FCS and reserved fields) are
     *     ignored
     * @param originalLength the length on the wire, as the capture states it (below {@code length} in a damaged
     *     file)
     * @throws IndexOutOfBoundsException if the region lies outside the buffer (a caller error)
     */
    public DecodedPacket decode(int linkType, ByteBuffer buf, int offset, int length, int originalLength,
            long timestampSeconds, int timestampNanos) {
        Objects.checkFromIndexSize(offset, length, buf.limit());
        if (buf == lastBuffer) {
            // The same buffer as last time (a buffer's array and array offset never change).
            return decodeArray(linkType, lastArray, lastView, lastArrayOffset + offset, length, originalLength,
                    timestampSeconds, timestampNanos);
        }
        if (buf.hasArray()) {
            // Decode in place, in the coordinates of the backing array.
            byte[] array = buf.array();
            lastBuffer = buf;
            lastArray = array;
            lastView = wrap(array);
            lastArrayOffset = buf.arrayOffset();
            return decodeArray(linkType, array, lastView, lastArrayOffset + offset, length, originalLength,
                    timestampSeconds, timestampNanos);
        }
        // A read-only or direct buffer hides its array: decode a copy of the packet's bytes.
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
            scratchBuffer = ByteBuffer.wrap(scratch);
        }
        buf.get(offset, scratch, 0, length);
        return decodeArray(linkType, scratch, scratchBuffer, 0, length, originalLength, timestampSeconds,
                timestampNanos);
    }

    private DecodedPacket decodeArray(int linkType, byte[] data, ByteBuffer view, int offset, int length,
            int originalLength, long timestampSeconds, int timestampNanos) {
        DecodedPacket r = result;
        if (r.buffer != view) {
            r.buffer = view; // stores of references cost a GC barrier; most packets come from the same buffer
        }
        r.start = offset;
        r.end = offset + length;
        r.linkType = linkType & 0xFFFF;
        r.frameNumber = ++frameCounter;
        r.interfaceId = interfaceId;
        r.timestampSeconds = timestampSeconds;
        r.timestampNanos = timestampNanos;
        // a frame without a timestamp (a pcapng simple packet or custom block) counts as time 0
        long time = timestampSeconds == DecodedPacket.NO_TIMESTAMP ? 0
                : timestampSeconds * 1_000_000_000L + timestampNanos;
        if (firstTime == NO_TIME) {
            firstTime = previousTime = time;
        }
        r.sinceFirst = time - firstTime;
        r.sincePrevious = time - previousTime;
        previousTime = time;
        r.originalLength = originalLength; // as the file states it: a damaged file's may be below length
        r.count = 0;
        r.tooManyLayers = false;
        r.pending = false;
        r.tcpSegmentCount = 0;
        r.udpTracked = false;
        if (current != data) {
            current = data;
        }
        verifyCurrent = verifyChecksums;
        r.capturedLength = -1;
        r.reassembledAt = -1;
        if (stateful()) {
            // State across packets follows from whole stacks of layers: the general path decodes them at once,
            // but for a payload that ends the stack, which changes no state and holds no layer the state reads
            boolean settled = false;
            if (r.linkType == ETHERNET && ethernetChain && !verifyCurrent && length > 0) {
                chain.ethernet(data, offset, offset + length, context);
                settled = payloadEndsStack();
                if (settled) {
                    r.pending = chain.kind != CommonChain.DONE;
                } else {
                    finish();
                }
            } else {
                run(data, offset, offset + length, registry.lookup(Dispatch.LINKTYPE, r.linkType));
            }
            if (reassembler != null && !settled) {
                reassemble(data, offset, length);
            }
            if (streams != null) {
                int message = streams.takeCompleted();
                int payloadStart = streams.payloadStart();
                // not when the frame completed an IP datagram too: its payload is not in this frame's bytes
                if (message >= 0 && current == data && payloadStart >= offset && payloadStart <= offset + length) {
                    decodeStream(data, offset, payloadStart, message);
                }
            }
            if (tcpTracker != null || udpTracker != null) {
                // what is left for later is a leaf that flags none of the layers the trackers read
                boolean pending = r.pending;
                r.pending = false;
                try {
                    follow(r);
                } finally {
                    r.pending = pending;
                }
            }
        } else if (r.linkType == ETHERNET && ethernetChain && !verifyCurrent && length > 0) {
            chain.ethernet(data, offset, offset + length, context);
            r.pending = chain.kind != CommonChain.DONE;
        } else {
            run(data, offset, offset + length, registry.lookup(Dispatch.LINKTYPE, r.linkType));
        }
        return r;
    }

    /** Overrides the frame number of the current result (for callers that number frames themselves). */
    public void frameNumber(long number) {
        result.frameNumber = number;
        frameCounter = number;
    }

    /** Hands each TCP and UDP layer of the decoded packet to its tracker, keeping what they learn. */
    private void follow(DecodedPacket r) {
        int n = r.count;
        r.udpTracked = udpTracker != null;
        for (int i = 0; i < n; i++) {
            int protocol = r.protocol(i);
            if (protocol == Protocols.TCP && tcpTracker != null) {
                int k = r.tcpSegmentCount;
                if (k == r.tcpSegments.length) {
                    r.tcpSegments = Arrays.copyOf(r.tcpSegments, k + 1);
                    r.tcpSegmentLayers = Arrays.copyOf(r.tcpSegmentLayers, k + 1);
                    r.tcpSegments[k] = new TcpSegment();
                }
                if (tcpTracker.track(r, i, r.tcpSegments[k])) {
                    r.tcpSegmentLayers[k] = i;
                    r.tcpSegmentCount = k + 1;
                }
            } else if (protocol == Protocols.UDP && udpTracker != null) {
                r.udpStreams[i] = udpTracker.track(r, i);
            }
        }
    }

    private ByteBuffer wrap(byte[] data) {
        byte[][] arrays = wrappedArrays;
        for (int i = 0; i < arrays.length; i++) {
            if (arrays[i] == data) {
                return wrappedBuffers[i];
            }
        }
        int slot = nextWrapped;
        nextWrapped = (slot + 1) & (arrays.length - 1);
        arrays[slot] = data;
        return wrappedBuffers[slot] = ByteBuffer.wrap(data);
    }

    /**
     * Hands a fragment the frame carries (not one quoted in an ICMP error) to the reassembler; when it
     * completes its datagram, decodes the frame again with the whole payload behind the fragment's header.
     */
    private void reassemble(byte[] data, int offset, int length) {
        DecodedPacket r = result;
        int vlan = 0;
        for (int i = 0; i + 1 < r.count; i++) {
            int protocol = r.protocol(i);
            int off = r.offset(i);
            if (protocol == Protocols.VLAN && off + 2 <= offset + length) {
                vlan = Bytes.u16(data, off) & 0x0FFF;
            }
            if (r.protocol(i + 1) != Protocols.DATA || (r.flags(i) & UNUSABLE) != 0) {
                continue;
            }
            if (protocol == Protocols.IP) {
                int hl = r.headerLength(i);
                int total = Bytes.u16(data, off + 2);
                if ((Bytes.u16(data, off + 6) & 0x3FFF) == 0 || total <= hl
                        || off + total > offset + length) {
                    continue; // not a fragment, or not all of it captured (Wireshark then leaves it out too)
                }
                if (reassembler.addIpv4(data, off, off + hl, total - hl, vlan)) {
                    decodeAssembled(data, offset, off + hl, off);
                }
                return;
            }
            if (protocol == Protocols.IPV6_FRAGHDR && i > 0 && r.protocol(i - 1) == Protocols.IPV6
                    && off == r.offset(i - 1) + 40) {
                int ipv6 = r.offset(i - 1);
                int payload = Bytes.u16(data, ipv6 + 4) - 8;
                if (payload < 0 || off + 8 + payload > offset + length || (Bytes.u16(data, off + 2) & 0xFFF9) == 0) {
                    continue;
                }
                if (reassembler.addIpv6(data, ipv6, off, off + 8, payload, vlan)) {
                    decodeAssembled(data, offset, off + 8, off);
                }
                return;
            }
        }
    }

    /**
     * Decodes the frame again from a buffer holding its bytes up to the TCP payload that starts at
     * {@code payloadStart}, followed by the {@code length} bytes of the message that payload completed.
     */
    private void decodeStream(byte[] data, int offset, int payloadStart, int length) {
        int end = assemble(data, offset, payloadStart, streams.message(), length);
        streams.assembled(true);
        try {
            run(assembled, 0, end, registry.lookup(Dispatch.LINKTYPE, result.linkType));
        } finally {
            streams.assembled(false);
            streams.takeCompleted(); // the decode again completes nothing more
        }
    }

    /**
     * Points the result at {@link #assembled}, filled with the frame's bytes from {@code offset} up to
     * {@code payloadStart} followed by {@code length} bytes of {@code payload}, for decoding again; the
     * captured length stays the frame's. Returns the end of the filled bytes.
     */
    private int assemble(byte[] data, int offset, int payloadStart, byte[] payload, int length) {
        DecodedPacket r = result;
        int prefix = payloadStart - offset;
        if (assembled.length < prefix + length) {
            assembled = new byte[Math.max(prefix + length, 2 * assembled.length)];
        }
        System.arraycopy(data, offset, assembled, 0, prefix);
        System.arraycopy(payload, 0, assembled, prefix, length);
        if (r.capturedLength < 0) {
            r.frameBuffer = r.buffer;
            r.frameStart = r.start;
        }
        r.capturedLength = r.end - r.start;
        r.reassembledAt = prefix;
        r.buffer = wrap(assembled);
        r.start = 0;
        r.end = prefix + length;
        r.count = 0;
        r.tooManyLayers = false;
        current = assembled;
        return prefix + length;
    }

    /** Layer flags that keep a fragment out of reassembly. */
    private static final int UNUSABLE = LayerFlags.QUOTED | LayerFlags.TRUNCATED | LayerFlags.MALFORMED
            | LayerFlags.BAD_LENGTH;

    /**
     * Decodes the frame again from a buffer holding its bytes up to {@code payloadStart} followed by the
     * reassembled payload; {@code header} is the IPv4 header or IPv6 fragment header the payload belongs to.
     */
    private void decodeAssembled(byte[] data, int offset, int payloadStart, int header) {
        int end = assemble(data, offset, payloadStart, reassembler.payload(), reassembler.payloadLength());
        reassembler.place(header - offset);
        try {
            run(assembled, 0, end, registry.lookup(Dispatch.LINKTYPE, result.linkType));
        } finally {
            reassembler.place(-1);
        }
    }

    private void run(byte[] buf, int offset, int end, int first) {
        if (offset >= end) {
            return; // an empty frame has no layers
        }
        if (first < 0) {
            context.addLayer(Protocols.DATA, offset, end - offset, end);
            return;
        }
        if (first == Protocols.ETH && chainUsable && !verifyCurrent && !stateful()) {
            chain.ethernet(buf, offset, end, context); // Ethernet under another link type's number
            result.pending = chain.kind != CommonChain.DONE;
            return;
        }
        guardedLoop(buf, offset, end, first);
    }

    /**
     * Decodes the layers {@link CommonChain} left for later. Called by the result, once, the first time it is
     * asked for something the first layers do not answer.
     */
    void finish() {
        CommonChain c = chain;
        byte[] buf = current;
        int kind = c.kind;
        c.kind = CommonChain.DONE;
        switch (kind) {
            case CommonChain.STEP:
                guardedLoop(buf, c.off, c.end, c.proto);
                break;
            case CommonChain.TCP_PAYLOAD:
                guardedLoop(buf, c.off + c.aux, c.end, tcpPayload(buf, c));
                break;
            case CommonChain.UDP_PAYLOAD:
                guardedLoop(buf, c.off + 8, c.end, udpPayload(buf, c));
                break;
            default:
                break;
        }
    }

    /**
     * Whether what the chain left for later, if anything, is the payload of a TCP or UDP header of a protocol that
     * ends the stack ({@link ProtocolRegistry#isLeaf}): decoding it can then change no state across packets and
     * add no layer that state is kept for, so that a stateful decode may leave it for later too. Names the
     * payload, as {@link #mayHold} does, through the conversations the decoder follows, which record what the
     * transport's decoder would have recorded.
     */
    private boolean payloadEndsStack() {
        CommonChain c = chain;
        if (c.kind == CommonChain.DONE) {
            return true;
        }
        if (c.kind != CommonChain.TCP_PAYLOAD && c.kind != CommonChain.UDP_PAYLOAD) {
            return false; // the chain stopped short of a transport's payload
        }
        mayHold(Protocols.DATA);
        return registry.isLeaf(c.proto);
    }

    /**
     * Whether the layers still to be decoded may include one of {@code protocol}: false only when the next
     * one is known to be a {@link ProtocolRegistry#isLeaf leaf} of another protocol, so that a search for a
     * protocol the packet does not hold need not decode its application layer.
     */
    boolean mayHold(int protocol) {
        CommonChain c = chain;
        // Name the transport payload's protocol now (the resume point becomes a plain step at the payload).
        if (c.kind == CommonChain.UDP_PAYLOAD) {
            c.proto = udpPayload(current, c);
            c.off += 8;
            c.kind = CommonChain.STEP;
        } else if (c.kind == CommonChain.TCP_PAYLOAD) {
            c.proto = tcpPayload(current, c);
            c.off += c.aux;
            c.kind = CommonChain.STEP;
        }
        return c.kind != CommonChain.STEP || !registry.isLeaf(c.proto) || protocol == c.proto
                || protocol == Protocols.DATA;
    }

    /** The protocol of the payload of the TCP header the chain stopped at, as the TCP decoder would name it. */
    private int tcpPayload(byte[] buf, CommonChain c) {
        context.protocol = Protocols.TCP;
        return FastPath.tcpPayload(buf, c.off, c.aux, c.end, context);
    }

    /** The protocol of the payload of the UDP header the chain stopped at, as the UDP decoder would name it. */
    private int udpPayload(byte[] buf, CommonChain c) {
        context.protocol = Protocols.UDP;
        return FastPath.udpPayload(buf, c.off, c.end, context);
    }

    private void guardedLoop(byte[] buf, int offset, int end, int first) {
        try {
            loop(buf, offset, end, first);
        } catch (RuntimeException e) {
            // A plugin broke the contract; keep what was decoded and mark where it failed.
            if (result.count == stepStart) {
                context.addLayer(stepProtocol, stepOffset, 0, stepLimit);
            }
            context.flag(result.count - 1, LayerFlags.MALFORMED);
        }
    }

    /** Where the current decoder step started, for the exception handler of {@link #run}. */
    private int stepStart;
    private int stepProtocol;
    private int stepOffset;
    private int stepLimit;

    /**
     * What the payload at {@code off} of a UDP datagram is when the protocol its port named ({@code rejected})
     * refused it: as Wireshark goes on to its heuristics, DNS or DTLS if it looks like either (and is not what was
     * refused), else -1. Only for the payload right behind the UDP header, the last layer.
     */
    private int afterRejection(byte[] buf, int off, int limit, int rejected) {
        DecodedPacket r = result;
        int udp = r.count - 1;
        if (udp < 0 || r.protocol(udp) != Protocols.UDP || r.offset(udp) + 8 != off) {
            return -1;
        }
        int heuristic = UdpDecoder.heuristic(buf, r.offset(udp), limit, context);
        return heuristic == rejected ? -1 : heuristic;
    }

    private void loop(byte[] buf, int offset, int end, int first) {
        DecodedPacket r = result;
        Context ctx = context;
        int proto = first;
        int off = offset;
        int limit = end;
        while (proto >= 0) {
            int before = r.count;
            if (before >= DecodedPacket.MAX_LAYERS) {
                r.tooManyLayers = true;
                return;
            }
            stepStart = before;
            stepProtocol = proto;
            stepOffset = off;
            stepLimit = limit;
            ctx.nextOffset = -1;
            ctx.allowEmpty = false;
            ctx.protocol = proto;
            int next;
            if (registry.isDirect(proto)) {
                next = FastPath.decode(proto, buf, off, limit, ctx);
            } else {
                ProtocolDecoder decoder = registry.decoder(proto);
                if (decoder == null) {
                    ctx.addLayer(proto, off, limit - off, limit);
                    return;
                }
                next = decoder.decode(buf, off, limit, ctx);
            }
            if (next < 0) {
                if (next == ProtocolDecoder.REJECT) {
                    int instead = r.count == before && limit > off ? afterRejection(buf, off, limit, proto) : -1;
                    if (instead >= 0) {
                        proto = instead;
                        continue; // the same bytes, as another protocol
                    }
                    if (r.count == before && limit > off) {
                        ctx.addLayer(Protocols.DATA, off, limit - off, limit);
                    }
                } else if (next == ProtocolDecoder.INCOMPLETE) {
                    r.count = before;
                }
                return;
            }
            boolean silent = r.count == before;
            int nextOff;
            int nextEnd;
            if (ctx.nextOffset >= 0) {
                nextOff = ctx.nextOffset;
                nextEnd = ctx.nextEnd;
            } else if (silent) {
                return;
            } else {
                int b = (r.count - 1) * DecodedPacket.STRIDE;
                int[] l = r.layers;
                nextOff = l[b + DecodedPacket.OFFSET] + l[b + DecodedPacket.HEADER_LENGTH];
                nextEnd = l[b + DecodedPacket.END];
            }
            // The next region must lie inside this one and move forward, so that no decoder can loop.
            nextEnd = Math.min(nextEnd, limit);
            if (nextOff < off || (silent && nextOff <= off) || nextOff > nextEnd
                    || (nextOff == nextEnd && !ctx.allowEmpty)) {
                return;
            }
            off = nextOff;
            limit = nextEnd;
            proto = next;
        }
    }

    /** What the decoders see of this decoder; its state services are null while the option is off. */
    private final class Context implements DecodeContext {
        int protocol;
        int nextOffset;
        int nextEnd;
        boolean allowEmpty;
        Conversations conversations;
        StreamReassembly streams;
        FragmentReassembly fragments;

        @Override
        public int protocol() {
            return protocol;
        }

        @Override
        public Conversations conversations() {
            return conversations != null ? conversations : DecodeContext.super.conversations();
        }

        @Override
        public StreamReassembly streams() {
            return streams != null ? streams : DecodeContext.super.streams();
        }

        @Override
        public FragmentReassembly fragments() {
            return fragments != null ? fragments : DecodeContext.super.fragments();
        }

        @Override
        public void nextEvenIfEmpty() {
            allowEmpty = true;
        }

        @Override
        public int addLayer(int protocol, int offset, int headerLength, int end) {
            DecodedPacket r = result;
            int i = r.count;
            if (i >= DecodedPacket.MAX_LAYERS) {
                r.tooManyLayers = true;
                return -1;
            }
            int e = Math.max(offset, Math.min(end, r.end));
            int[] l = r.layers;
            int b = i * DecodedPacket.STRIDE;
            l[b + DecodedPacket.PROTOCOL] = protocol;
            l[b + DecodedPacket.OFFSET] = offset;
            l[b + DecodedPacket.HEADER_LENGTH] = Math.max(0, headerLength);
            l[b + DecodedPacket.END] = e;
            l[b + DecodedPacket.FLAGS] = 0;
            r.count = i + 1;
            return i;
        }

        @Override
        public void flag(int layer, int flags) {
            if (flags != 0 && layer >= 0 && layer < result.count) {
                result.layers[layer * DecodedPacket.STRIDE + DecodedPacket.FLAGS] |= flags;
            }
        }

        @Override
        public void next(int offset, int end) {
            nextOffset = Math.max(0, offset);
            nextEnd = end;
        }

        @Override
        public int lookup(int table, int key) {
            return registry.lookup(table, key);
        }

        @Override
        public int lookupPorts(int table, int port1, int port2) {
            return registry.lookupPorts(table, port1, port2);
        }

        @Override
        public boolean verifyChecksums() {
            return verifyCurrent;
        }

        @Override
        public boolean decodeFirstFragments() {
            return firstFragments;
        }

        @Override
        public int layerCount() {
            return result.count;
        }

        @Override
        public int protocolAt(int index) {
            return result.layers[index * DecodedPacket.STRIDE + DecodedPacket.PROTOCOL];
        }

        @Override
        public int flagsAt(int index) {
            return result.layers[index * DecodedPacket.STRIDE + DecodedPacket.FLAGS];
        }

        @Override
        public int offsetAt(int index) {
            return result.layers[index * DecodedPacket.STRIDE + DecodedPacket.OFFSET];
        }

        @Override
        public int originalLength() {
            return result.originalLength;
        }
    }
}
