package dev.trawl.decode.conversation;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The payload of one TCP connection or UDP conversation, by stream index, as Wireshark's "Follow Stream" shows it
 * ({@code tshark -z follow,tcp|udp,...}): the pieces of data each side sent, in the order they became readable.
 * For TCP that is sequence order per direction: a segment sent again gives only the bytes not seen before, and
 * one that arrives before a missing segment waits until the gap is filled (or the end, when it follows the gap).
 * Node 0 is the side that sent the stream's first packet. The decoder must follow conversations
 * ({@code PacketDecoder.trackConversations}) and should not put HTTP messages back together, so that each
 * segment shows its own payload.
 *
 * <p>Bounded: at most {@link #DEFAULT_MAX_BYTES} of payload are kept (what lies beyond is counted in
 * {@link #droppedBytes()}), and as many bytes of segments waiting for a gap.
 *
 * <p>Not thread-safe.
 */
public final class StreamFollower {
    /** How many payload bytes are kept at most, by default. */
    public static final long DEFAULT_MAX_BYTES = 256L << 20;

    /** One piece of payload, from node 0 or node 1. */
    public record Chunk(int node, byte[] data) {
    }

    private final boolean tcp;
    private final long stream;
    private final long maxBytes;
    private final List<Chunk> chunks = new ArrayList<>();
    private byte[] nodeAddress;
    private int nodePort = -1;
    private long kept;
    private long dropped;
    /** Per node: whether the next sequence number is known, the next one, and the segments after a gap. */
    private final boolean[] started = new boolean[2];
    private final int[] nextSeq = new int[2];
    private final List<TreeMap<Integer, byte[]>> pending = List.of(new TreeMap<>(StreamFollower::compareSeq),
            new TreeMap<>(StreamFollower::compareSeq));
    private long pendingBytes;
    private byte[] otherAddress;
    private int otherPort = -1;

    /** Follows TCP stream {@code stream} ({@code tcp}) or UDP stream {@code stream}. */
    public StreamFollower(boolean tcp, long stream) {
        this(tcp, stream, DEFAULT_MAX_BYTES);
    }

    public StreamFollower(boolean tcp, long stream, long maxBytes) {
        this.tcp = tcp;
        this.stream = stream;
        this.maxBytes = maxBytes;
    }

    /** Whether this follows a TCP stream (else a UDP one). */
    public boolean tcp() {
        return tcp;
    }

    private static int compareSeq(Integer a, Integer b) {
        return Integer.compare(a - b, 0);
    }

    /** Offers a decoded frame: every frame of the capture, in order. */
    public void add(DecodedPacket p) {
        int n = p.layerCount();
        for (int i = 0; i < n; i++) {
            if (p.protocol(i) == (tcp ? Protocols.TCP : Protocols.UDP) && (p.flags(i) & LayerFlags.QUOTED) == 0) {
                layer(p, i);
            }
        }
    }

    private void layer(DecodedPacket p, int i) {
        long s;
        if (tcp) {
            TcpSegment segment = p.tcpSegment(i);
            s = segment == null ? -1 : segment.stream();
        } else {
            s = p.udpStream(i);
        }
        int ip = IpAddresses.enclosing(p, i);
        if (s != stream || ip < 0) {
            return;
        }
        ByteBuffer buf = p.buffer();
        int at = p.offset(i);
        // Wireshark names the nodes (and tells their directions apart) by the addresses and ports the frame's
        // dissection ended with: those of its last IP header and its last TCP or UDP header, in a tunnel the
        // inner ones
        int last = lastLayer(p, Protocols.IP, Protocols.IPV6);
        int ports = lastLayer(p, Protocols.TCP, Protocols.UDP);
        if (last < 0 || ports < 0) {
            return;
        }
        int srcPort = buf.getShort(p.offset(ports)) & 0xFFFF;
        if (nodeAddress == null) {
            int lastLength = IpAddresses.length(p, last);
            nodeAddress = new byte[lastLength];
            buf.get(IpAddresses.source(p, last), nodeAddress);
            nodePort = srcPort;
            otherAddress = new byte[lastLength];
            buf.get(IpAddresses.destination(p, last, p.layerCount()), otherAddress);
            otherPort = buf.getShort(p.offset(ports) + 2) & 0xFFFF;
        }
        int node = srcPort == nodePort && IpAddresses.length(p, last) == nodeAddress.length
                && same(buf, IpAddresses.source(p, last), nodeAddress) ? 0 : 1;
        int end = p.layerEnd(i);
        if (!tcp) {
            int declared = (buf.getShort(at + 4) & 0xFFFF) - 8;
            int payloadEnd = Math.min(end, at + 8 + Math.max(0, declared));
            emit(node, copy(buf, at + 8, payloadEnd - (at + 8)));
            return;
        }
        if (end - at < 20) {
            return;
        }
        int headerLength = (buf.get(at + 12) & 0xF0) >>> 2;
        int flags = buf.get(at + 13) & 0xFF;
        int seq = buf.getInt(at + 4);
        if ((flags & 0x02) != 0) {
            started[node] = true;
            nextSeq[node] = seq + 1;
            return;
        }
        if (headerLength < 20 || at + headerLength >= end) {
            return;
        }
        int payload = Math.min(end - at - headerLength, payloadLength(p, i, headerLength));
        if (payload <= 0) {
            return;
        }
        data(node, seq, copy(buf, at + headerLength, payload));
    }

    /** The segment's length as the IP header gives it (a jumbogram's, with no length there, as captured). */
    private static int payloadLength(DecodedPacket p, int i, int headerLength) {
        int ip = IpAddresses.enclosing(p, i);
        ByteBuffer buf = p.buffer();
        int ipAt = p.offset(ip);
        boolean v6 = p.protocol(ip) == Protocols.IPV6;
        int stated = buf.getShort(ipAt + (v6 ? 4 : 2)) & 0xFFFF;
        if (stated == 0) {
            return Integer.MAX_VALUE;
        }
        int total = v6 ? stated + 40 : stated;
        return total - (p.offset(i) - ipAt) - headerLength;
    }

    /**
     * The last layer of protocol {@code a} or {@code b} whose header was captured (20 bytes for IPv4 and TCP, 40 for
     * IPv6, 8 for UDP) and that an ICMP error does not quote.
     */
    private static int lastLayer(DecodedPacket p, int a, int b) {
        int last = -1;
        for (int j = 0; j < p.layerCount(); j++) {
            int proto = p.protocol(j);
            int need = proto == Protocols.IPV6 ? 40 : proto == Protocols.UDP ? 8 : 20;
            if ((proto == a || proto == b) && p.layerEnd(j) - p.offset(j) >= need
                    && (p.flags(j) & LayerFlags.QUOTED) == 0) {
                last = j;
            }
        }
        return last;
    }

    private void data(int node, int seq, byte[] bytes) {
        if (!started[node]) {
            started[node] = true;
            nextSeq[node] = seq;
        }
        int offset = nextSeq[node] - seq;
        if (offset > 0) {
            // sent again: only what was not seen before
            if (offset >= bytes.length) {
                return;
            }
            bytes = Arrays.copyOfRange(bytes, offset, bytes.length);
            seq = nextSeq[node];
        }
        if (seq != nextSeq[node]) {
            if (pendingBytes + bytes.length <= maxBytes) {
                // one segment per sequence number, the longest: the count follows what is held
                byte[] held = pending.get(node).get(seq);
                if (held == null || held.length < bytes.length) {
                    pending.get(node).put(seq, bytes);
                    pendingBytes += bytes.length - (held == null ? 0 : held.length);
                }
            } else {
                dropped += bytes.length;
            }
            return;
        }
        emit(node, bytes);
        nextSeq[node] += bytes.length;
        drain(node, false);
    }

    /** Emits the waiting segments that now follow on (all of them, in order, at the end). */
    private void drain(int node, boolean all) {
        TreeMap<Integer, byte[]> waiting = pending.get(node);
        while (!waiting.isEmpty()) {
            Map.Entry<Integer, byte[]> first = waiting.firstEntry();
            int seq = first.getKey();
            byte[] bytes = first.getValue();
            int offset = nextSeq[node] - seq;
            if (offset < 0 && !all) {
                return;
            }
            waiting.remove(seq);
            pendingBytes -= bytes.length;
            if (offset >= bytes.length) {
                continue;
            }
            byte[] fresh = offset > 0 ? Arrays.copyOfRange(bytes, offset, bytes.length) : bytes;
            emit(node, fresh);
            nextSeq[node] = seq + Math.max(0, offset) + fresh.length;
        }
    }

    private void emit(int node, byte[] bytes) {
        if (bytes.length == 0) {
            return;
        }
        if (kept + bytes.length > maxBytes) {
            dropped += bytes.length;
            return;
        }
        kept += bytes.length;
        chunks.add(new Chunk(node, bytes));
    }

    /** Ends the stream: segments still waiting for a gap are shown after it. */
    public void finish() {
        drain(0, true);
        drain(1, true);
    }

    /** The pieces of payload in the order they became readable. */
    public List<Chunk> chunks() {
        return Collections.unmodifiableList(chunks);
    }

    /** Node 0's address (4 or 16 bytes), or null when the stream was not seen. */
    public byte[] address(int node) {
        byte[] a = node == 0 ? nodeAddress : otherAddress;
        return a == null ? null : a.clone();
    }

    /** Node {@code node}'s port, or 0 when the stream was not seen. */
    public int port(int node) {
        return Math.max(0, node == 0 ? nodePort : otherPort);
    }

    /** Payload bytes left out because the limits were reached. */
    public long droppedBytes() {
        return dropped;
    }

    private static boolean same(ByteBuffer buf, int at, byte[] address) {
        for (int k = 0; k < address.length; k++) {
            if (buf.get(at + k) != address[k]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] copy(ByteBuffer buf, int at, int length) {
        byte[] b = new byte[Math.max(0, length)];
        buf.get(at, b);
        return b;
    }
}
