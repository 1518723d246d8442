package dev.trawl.decode.conversation;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * TCP connections as ordered byte streams, one per direction, handed to a {@link Listener}: the bytes each
 * side sent in sequence order ({@link Listener#data}), the bytes a stream had to skip because they were never
 * seen ({@link Listener#gap}), and the end of each stream ({@link Listener#end}: FIN, RST, idle, evicted, or the
 * end of the capture). IPv4 and IPv6, tunnelled or not; segments an ICMP error quotes are not part of a stream.
 *
 * <p><b>Retransmitted and overlapping bytes: the first copy wins</b>, as in Wireshark. Bytes at sequence numbers a
 * stream has already delivered are dropped, and so are bytes of a segment that overlap bytes already held out of
 * order; both are counted in {@link #duplicateBytes()}.
 *
 * <p><b>Out of order.</b> A segment beyond a missing one is held until the missing bytes arrive. At most
 * {@link Limits#maxHeldPerConnection} bytes are held per connection (both directions) and
 * {@link Limits#maxHeldTotal} over all connections. When a segment would take either past its limit, its stream
 * stops waiting: the missing bytes are reported as a gap, everything it held is delivered in order (with a gap
 * before each run that was still missing), then the segment; this is counted in {@link #connectionLimitFlushes()}
 * or {@link #totalLimitFlushes()}. Bytes that the capture cut off (snap length) are reported as a gap too.
 *
 * <p><b>The end.</b> A direction ends when its FIN is reached in sequence order; an RST ends both directions at
 * once, after delivering (with gaps) what they held. A connection both of whose directions ended is forgotten
 * at once; one with no segment for {@link Limits#idleTimeoutNanos} of capture time ends as
 * {@link End#IDLE_TIMEOUT}; beyond {@link Limits#maxConnections} the least recently seen is ended as
 * {@link End#EVICTED}; {@link #finish()} ends the rest as {@link End#END_OF_CAPTURE}. A segment with neither
 * payload, SYN nor FIN does not start a connection (the last ACK of a closed one starts nothing). A segment whose
 * TCP header claims fewer than 20 bytes is not used, as tshark passes none of its payload on.
 *
 * <p><b>Buffers.</b> The {@link ByteBuffer} given to {@link Listener#data} is read-only and valid during the call
 * only: it may be a view of the frame's buffer, which the next frame replaces. Copy what you keep.
 *
 * <p>Not thread-safe: one reassembler per thread, fed the frames of one capture in order.
 */
public final class TcpReassembler {
    /** Why a stream ended. */
    public enum End {
        /** Its FIN was reached in sequence order. */
        FIN,
        /** Either side reset the connection. */
        RST,
        /** No segment of the connection for the idle timeout. */
        IDLE_TIMEOUT,
        /** Forgotten to make room: more connections than the limit. */
        EVICTED,
        /** {@link #finish()}: the capture ended. */
        END_OF_CAPTURE
    }

    /** What a reassembler hands its streams to. Called on the thread that feeds the reassembler. */
    public interface Listener {
        /**
         * The next bytes of {@code stream}, in sequence order: from {@code data}'s position to its limit, read-only
         * and valid only during the call.
         */
        void data(Stream stream, ByteBuffer data);

        /** {@code length} bytes of {@code stream} that were never seen, skipped before the next data. */
        default void gap(Stream stream, long length) {
        }

        /** {@code stream} ended; nothing more comes for it. */
        default void end(Stream stream, End reason) {
        }
    }

    /**
     * The bounds a reassembler keeps to.
     *
     * @param maxHeldPerConnection bytes held out of order per connection (both directions), at most
     * @param maxHeldTotal bytes held out of order over all connections, at most
     * @param idleTimeoutNanos capture time after which a connection without segments ends
     * @param maxConnections connections followed at once, at most
     */
    public record Limits(long maxHeldPerConnection, long maxHeldTotal, long idleTimeoutNanos, int maxConnections) {
        /** 4 MiB per connection, 256 MiB in all, 2 minutes idle, a million connections. */
        public static final Limits DEFAULT = new Limits(4L << 20, 256L << 20, 120_000_000_000L, 1_000_000);

        public Limits {
            if (maxHeldPerConnection < 0 || maxHeldTotal < 0 || idleTimeoutNanos <= 0 || maxConnections <= 0) {
                throw new IllegalArgumentException("limits must be positive (held bytes may be 0): " + maxHeldPerConnection
                        + ", " + maxHeldTotal + ", " + idleTimeoutNanos + ", " + maxConnections);
            }
        }
    }

    /**
     * One direction of one connection: who sent it to whom, and how far it got. Its getters may be read during and
     * after the callbacks; it changes as the reassembler delivers.
     */
    public static final class Stream {
        private final long connection;
        private final int direction;
        private final byte[] source;
        private final int sourcePort;
        private final byte[] destination;
        private final int destinationPort;
        private final Connection owner;
        private boolean started;
        private boolean ended;
        /** The sequence number of the next byte to deliver, unwrapped to 64 bits. */
        private long next;
        /** Where the FIN is, once seen; -1 before. */
        private long fin = -1;
        private final TreeMap<Long, byte[]> held = new TreeMap<>();
        private long delivered;
        private long skipped;
        private Object attachment;

        private Stream(Connection owner, long connection, int direction, byte[] source, int sourcePort,
                byte[] destination, int destinationPort) {
            this.owner = owner;
            this.connection = connection;
            this.direction = direction;
            this.source = source;
            this.sourcePort = sourcePort;
            this.destination = destination;
            this.destinationPort = destinationPort;
        }

        /** The connection's number: 0 for the first one this reassembler saw, then 1, 2, ... */
        public long connection() {
            return connection;
        }

        /** 0 for the direction of the connection's first segment seen, 1 for the other. */
        public int direction() {
            return direction;
        }

        /** The sender's address, 4 or 16 bytes (a copy). */
        public byte[] sourceAddress() {
            return source.clone();
        }

        public int sourcePort() {
            return sourcePort;
        }

        /** The receiver's address, 4 or 16 bytes (a copy). */
        public byte[] destinationAddress() {
            return destination.clone();
        }

        public int destinationPort() {
            return destinationPort;
        }

        /** Bytes delivered so far. */
        public long delivered() {
            return delivered;
        }

        /** Bytes reported as gaps so far. */
        public long skipped() {
            return skipped;
        }

        /** Whether the stream has ended. */
        public boolean ended() {
            return ended;
        }

        /** Keeps {@code value} with this stream (a caller's state for it), replacing what was kept; null clears. */
        public void attach(Object value) {
            this.attachment = value;
        }

        /** What {@link #attach} kept with this stream, or null. */
        public Object attachment() {
            return attachment;
        }
    }

    private static final class Connection {
        final FlowKey key;
        final Stream[] streams = new Stream[2];
        /** Which {@link #streams} entry the key's first endpoint sends. */
        int firstSends;
        long held;
        long lastSeen;

        Connection(FlowKey key) {
            this.key = key;
        }
    }

    private final Listener listener;
    private final Limits limits;
    private final LinkedHashMap<FlowKey, Connection> connections = new LinkedHashMap<>(1024, 0.75f, true);
    private final FlowKey probe = new FlowKey();
    private long nextConnection;
    private long now;
    private long held;
    private long segments;
    private long deliveredBytes;
    private long duplicateBytes;
    private long outOfOrderSegments;
    private long gaps;
    private long skippedBytes;
    private long connectionLimitFlushes;
    private long totalLimitFlushes;
    private long idleTimeouts;
    private long evictions;
    private long ignored;

    /** A reassembler with {@link Limits#DEFAULT} handing streams to {@code listener}. */
    public TcpReassembler(Listener listener) {
        this(listener, Limits.DEFAULT);
    }

    public TcpReassembler(Listener listener, Limits limits) {
        if (listener == null || limits == null) {
            throw new NullPointerException("listener and limits are required");
        }
        this.listener = listener;
        this.limits = limits;
    }

    /**
     * Offers a decoded frame (every frame of the capture, in order); its TCP segments go to their streams. Any
     * decoder settings do: the reassembler reads the IP and TCP headers itself.
     */
    public void add(DecodedPacket p) {
        if (p.hasTimestamp()) {
            clock(p.timestampSeconds() * 1_000_000_000L + p.timestampNanos());
        }
        expireIdle();
        int n = p.layerCount();
        for (int i = 0; i < n; i++) {
            if (p.protocol(i) == Protocols.TCP && (p.flags(i) & LayerFlags.QUOTED) == 0) {
                int ip = IpAddresses.enclosing(p, i);
                if (ip >= 0) {
                    segment(p.buffer(), p.offset(ip), p.protocol(ip) == Protocols.IPV6, IpAddresses.source(p, ip),
                            IpAddresses.destination(p, ip, i), IpAddresses.length(p, ip), p.offset(i), p.layerEnd(i));
                }
            }
        }
    }

    /**
     * Offers one TCP segment read from raw bytes, for callers that find the headers themselves: the IPv4 or IPv6
     * header at index {@code ip} of {@code buf} (its addresses name the connection, its length says how long the
     * payload is), the TCP header at {@code tcp} after it, and the captured bytes up to {@code end}. Segments must
     * come in capture order; {@code timeNanos} is the segment's capture time, on which idle connections are
     * measured. The listener hears what the segment made readable before this returns. Reads nothing outside
     * {@code [ip, end)}; a segment whose headers were not captured whole is not used.
     *
     * @return the stream the segment belongs to, or null when it was not used (no connection followed or
     *     started, a header cut short or one claiming fewer than 20 bytes)
     * @throws IndexOutOfBoundsException if {@code ip <= tcp <= end} does not hold within the buffer's limit
     */
    public Stream add(ByteBuffer buf, int ip, int tcp, int end, long timeNanos) {
        if (ip < 0 || ip > tcp || tcp > end || end > buf.limit()) {
            throw new IndexOutOfBoundsException("headers at " + ip + " and " + tcp + ", end " + end
                    + " outside the buffer's " + buf.limit() + " bytes");
        }
        clock(timeNanos);
        expireIdle();
        int version = tcp - ip >= 1 ? (buf.get(ip) & 0xF0) >>> 4 : 0;
        boolean v6 = version == 6;
        if (!(version == 4 && tcp - ip >= 20 || v6 && tcp - ip >= 40)) {
            return null;
        }
        return segment(buf, ip, v6, ip + (v6 ? 8 : 12), ip + (v6 ? 24 : 16), v6 ? 16 : 4, tcp, end);
    }

    /**
     * The stream the TCP segment at {@code tcp} over the IP header at {@code ip} would go to, if its connection
     * is followed now; null otherwise. Changes nothing.
     *
     * @throws IndexOutOfBoundsException if {@code ip <= tcp} does not hold within the buffer's limit
     */
    public Stream stream(ByteBuffer buf, int ip, int tcp) {
        if (ip < 0 || ip > tcp || tcp > buf.limit()) {
            throw new IndexOutOfBoundsException("headers at " + ip + " and " + tcp + " outside the buffer's "
                    + buf.limit() + " bytes");
        }
        int version = tcp - ip >= 1 ? (buf.get(ip) & 0xF0) >>> 4 : 0;
        boolean v6 = version == 6;
        if (!(version == 4 && tcp - ip >= 20 || v6 && tcp - ip >= 40) || tcp + 4 > buf.limit()) {
            return null;
        }
        int way = probe.set(buf, ip + (v6 ? 8 : 12), ip + (v6 ? 24 : 16), v6 ? 16 : 4, buf.getShort(tcp) & 0xFFFF,
                buf.getShort(tcp + 2) & 0xFFFF);
        Connection c = connections.get(probe);
        return c == null ? null : c.streams[way > 0 ? c.firstSends : 1 - c.firstSends];
    }

    private void clock(long t) {
        if (t > now) {
            now = t;
        }
    }

    /** Ends every stream still open ({@link End#END_OF_CAPTURE}), after delivering what it held. */
    public void finish() {
        while (!connections.isEmpty()) {
            Connection c = connections.values().iterator().next();
            close(c, End.END_OF_CAPTURE);
        }
    }

    /**
     * One segment: the IP header at {@code ipAt} (IPv6 or not) with the addresses at {@code src} and {@code dst},
     * the TCP header at {@code at}, captured up to {@code end}.
     */
    private Stream segment(ByteBuffer buf, int ipAt, boolean v6, int src, int dst, int length, int at, int end) {
        if (end - at < 20) {
            return null;
        }
        int headerLength = (buf.get(at + 12) & 0xF0) >>> 2;
        if (headerLength < 20) {
            ignored++;
            return null;
        }
        segments++;
        int flags = buf.get(at + 13) & 0xFF;
        int seq = buf.getInt(at + 4);
        int stated = statedPayload(buf, ipAt, v6, at, end, headerLength);
        int captured = Math.max(0, Math.min(end - at - headerLength, stated));
        boolean syn = (flags & 0x02) != 0;
        boolean fin = (flags & 0x01) != 0;
        boolean rst = (flags & 0x04) != 0;
        int srcPort = buf.getShort(at) & 0xFFFF;
        int dstPort = buf.getShort(at + 2) & 0xFFFF;
        int way = probe.set(buf, src, dst, length, srcPort, dstPort);
        Connection c = connections.get(probe);
        if (c == null) {
            if (rst || !syn && !fin && stated <= 0) {
                return null;
            }
            if (connections.size() >= limits.maxConnections()) {
                evictions++;
                close(connections.values().iterator().next(), End.EVICTED);
            }
            c = new Connection(probe.copy());
            c.firstSends = way > 0 ? 0 : 1;
            long id = nextConnection++;
            byte[] a = new byte[length];
            byte[] b = new byte[length];
            buf.get(src, a);
            buf.get(dst, b);
            c.streams[0] = new Stream(c, id, 0, a, srcPort, b, dstPort);
            c.streams[1] = new Stream(c, id, 1, b, dstPort, a, srcPort);
            connections.put(c.key, c);
        }
        c.lastSeen = now;
        Stream s = c.streams[way > 0 ? c.firstSends : 1 - c.firstSends];
        if (rst) {
            close(c, End.RST);
            return s;
        }
        if (s.ended) {
            if (captured > 0) {
                duplicateBytes += captured;
            }
            return s;
        }
        if (syn) {
            if (!s.started) {
                s.started = true;
                s.next = (seq & 0xFFFF_FFFFL) + 1;
            }
            seq++;
        }
        if (!s.started) {
            s.started = true;
            s.next = seq & 0xFFFF_FFFFL;
        }
        long position = s.next + (seq - (int) s.next);
        if (stated > 0) {
            bytes(s, position, buf, at + headerLength, captured, stated);
        }
        if (fin) {
            s.fin = position + Math.max(0, stated);
        }
        if (s.fin >= 0 && s.next >= s.fin && !s.ended) {
            endStream(s, End.FIN);
        }
        return s;
    }

    /** The payload length the IP header states (what the frame holds, for a jumbogram that states none). */
    private static int statedPayload(ByteBuffer buf, int ipAt, boolean v6, int tcp, int end, int headerLength) {
        int stated = buf.getShort(ipAt + (v6 ? 4 : 2)) & 0xFFFF;
        if (stated == 0) {
            return end - tcp - headerLength;
        }
        int total = v6 ? stated + 40 : stated;
        return total - (tcp - ipAt) - headerLength;
    }

    /** A segment's {@code stated} bytes at {@code position}, of which the first {@code captured} are in the frame. */
    private void bytes(Stream s, long position, ByteBuffer buf, int from, int captured, int stated) {
        long end = position + stated;
        if (end <= s.next) {
            duplicateBytes += stated;
            return;
        }
        if (position > s.next) {
            outOfOrderSegments++;
            Connection c = s.owner;
            long adding = Math.min(captured, stated);
            boolean connectionFull = c.held + adding > limits.maxHeldPerConnection();
            boolean totalFull = held + adding > limits.maxHeldTotal();
            if (!connectionFull && !totalFull) {
                hold(s, position, buf, from, captured); // a tail the capture cut off stays missing
                return;
            }
            if (connectionFull) {
                connectionLimitFlushes++;
            } else {
                totalLimitFlushes++;
            }
            flush(s);
            if (position > s.next) {
                skip(s, position - s.next);
            }
        }
        int trim = (int) (s.next - position);
        if (trim > 0) {
            duplicateBytes += trim;
        }
        int start = Math.max(0, trim);
        if (start < captured) {
            deliver(s, buf, from + start, captured - start);
        }
        if (captured < stated) {
            skip(s, end - s.next); // cut off by the capture's snap length
        }
        drain(s);
    }

    /** Keeps bytes beyond a gap, first copy winning over any already held. */
    private void hold(Stream s, long position, ByteBuffer buf, int from, int captured) {
        long at = position;
        long end = position + captured;
        while (at < end) {
            Map.Entry<Long, byte[]> floor = s.held.floorEntry(at);
            if (floor != null && floor.getKey() + floor.getValue().length > at) {
                long covered = Math.min(end, floor.getKey() + floor.getValue().length) - at;
                duplicateBytes += covered;
                at += covered;
                continue;
            }
            Map.Entry<Long, byte[]> higher = s.held.higherEntry(at);
            long stop = higher == null ? end : Math.min(end, higher.getKey());
            byte[] piece = new byte[(int) (stop - at)];
            buf.get(from + (int) (at - position), piece);
            s.held.put(at, piece);
            s.owner.held += piece.length;
            held += piece.length;
            at = stop;
        }
    }

    /** Delivers what became contiguous. */
    private void drain(Stream s) {
        while (!s.held.isEmpty()) {
            Map.Entry<Long, byte[]> first = s.held.firstEntry();
            if (first.getKey() > s.next) {
                return;
            }
            release(s, first);
            long end = first.getKey() + first.getValue().length;
            if (end > s.next) {
                int skip = (int) (s.next - first.getKey());
                deliver(s, ByteBuffer.wrap(first.getValue()), skip, first.getValue().length - skip);
            } else {
                duplicateBytes += first.getValue().length;
            }
        }
    }

    /** Stops waiting: delivers everything held, with a gap before each run still missing. */
    private void flush(Stream s) {
        while (!s.held.isEmpty()) {
            long first = s.held.firstKey();
            if (first > s.next) {
                skip(s, first - s.next);
            }
            drain(s);
        }
    }

    private void release(Stream s, Map.Entry<Long, byte[]> entry) {
        s.held.remove(entry.getKey());
        s.owner.held -= entry.getValue().length;
        held -= entry.getValue().length;
    }

    private void deliver(Stream s, ByteBuffer buf, int from, int length) {
        ByteBuffer view = buf.asReadOnlyBuffer();
        view.limit(from + length).position(from);
        s.next += length;
        s.delivered += length;
        deliveredBytes += length;
        listener.data(s, view);
    }

    private void skip(Stream s, long length) {
        s.next += length;
        s.skipped += length;
        skippedBytes += length;
        gaps++;
        listener.gap(s, length);
    }

    private void endStream(Stream s, End reason) {
        flush(s);
        s.ended = true;
        listener.end(s, reason);
        Connection c = s.owner;
        if (c.streams[0].ended && c.streams[1].ended) {
            connections.remove(c.key);
        }
    }

    /** Ends both streams of {@code c} (the ones still open) and forgets it. */
    private void close(Connection c, End reason) {
        for (Stream s : c.streams) {
            if (!s.ended) {
                endStream(s, reason);
            }
        }
        connections.remove(c.key);
    }

    private void expireIdle() {
        Iterator<Connection> it = connections.values().iterator();
        while (it.hasNext()) {
            Connection c = it.next();
            if (now - c.lastSeen < limits.idleTimeoutNanos()) {
                return; // the rest were seen more recently
            }
            idleTimeouts++;
            close(c, End.IDLE_TIMEOUT);
            it = connections.values().iterator();
        }
    }

    /** Connections followed now. */
    public int connections() {
        return connections.size();
    }

    /** Bytes held out of order now, over all connections. */
    public long heldBytes() {
        return held;
    }

    /** TCP segments seen. */
    public long segments() {
        return segments;
    }

    /** Bytes delivered, over all streams. */
    public long deliveredBytes() {
        return deliveredBytes;
    }

    /** Bytes dropped because the stream already had them (retransmitted or overlapping; the first copy wins). */
    public long duplicateBytes() {
        return duplicateBytes;
    }

    /** Segments that arrived beyond a gap. */
    public long outOfOrderSegments() {
        return outOfOrderSegments;
    }

    /** Gaps reported. */
    public long gaps() {
        return gaps;
    }

    /** Bytes reported as gaps. */
    public long skippedBytes() {
        return skippedBytes;
    }

    /** Times a stream stopped waiting because its connection held {@link Limits#maxHeldPerConnection}. */
    public long connectionLimitFlushes() {
        return connectionLimitFlushes;
    }

    /** Times a stream stopped waiting because all connections together held {@link Limits#maxHeldTotal}. */
    public long totalLimitFlushes() {
        return totalLimitFlushes;
    }

    /** Connections ended for being idle. */
    public long idleTimeouts() {
        return idleTimeouts;
    }

    /** Connections ended to make room for new ones. */
    public long evictions() {
        return evictions;
    }

    /** Segments not used because their TCP header claims fewer than 20 bytes. */
    public long ignoredSegments() {
        return ignored;
    }
}
