package dev.trawl.decode.internal.state;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.conversation.TcpReassembler;
import dev.trawl.decode.internal.Bytes;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.StreamReassembly;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;

/**
 * Messages that span TCP segments, put back together as Wireshark does, on top of the public
 * {@link TcpReassembler}: the segments before the last show bare TCP payload, and the segment that completes a
 * message is decoded with the whole message behind its TCP header. The reassembler orders each direction's bytes
 * (the first copy of a byte wins; a segment that only repeats bytes adds nothing) and reports gaps; it holds
 * nothing out of order, so a segment after a missing one is a gap, which drops the message in progress, as
 * Wireshark's in-order reassembly gives it up. A segment that starts a message starts it afresh, unless it only
 * repeats the start of the message in progress (a retransmission).
 *
 * <p>Only the segments that start or continue a message go to the reassembler, so it follows only the
 * connections with a message in progress: at most {@value #MAX_CONNECTIONS} (the least recently used is
 * forgotten first), each message at most {@value #MAX_MESSAGE} bytes. Not thread-safe; one per decoder, reading
 * the layers of that decoder's context.
 */
public final class StreamMessages implements StreamReassembly, TcpReassembler.Listener {
    /** The most connections with a message in progress. */
    static final int MAX_CONNECTIONS = 256;
    /** The longest message put back together. */
    static final int MAX_MESSAGE = 1 << 20;
    /** The most directions of connections with a record in progress. */
    static final int MAX_RECORDS = 256;

    /** A direction's message in progress, kept with its stream. */
    private static final class Message {
        byte[] data = new byte[0];
        int length;
        /** Whether bytes still go to the message: false once it completed, was given up, or grew too long. */
        boolean open;
    }

    private final DecodeContext ctx;
    private final TcpReassembler segments = new TcpReassembler(this,
            new TcpReassembler.Limits(0, 0, Long.MAX_VALUE, MAX_CONNECTIONS));
    /** Per direction of a connection, the sequence number at which the record in progress ends. */
    private final Map<Flows.Key, Long> recordEnds = Flows.lru(MAX_RECORDS);
    /** The key a lookup fills, never put in the map. */
    private final Flows.Key probe = new Flows.Key();
    /** The buffer last wrapped for the reassembler, and its view. */
    private byte[] wrapped;
    private ByteBuffer view;
    /**
     * While a segment that starts a message is offered: the length of the message's start, the last bytes of its
     * payload ({@link #segment} of them). -1 otherwise.
     */
    private int starting = -1;
    private int segment;
    private byte[] message = new byte[0];
    private int messageLength = -1;
    private int payloadStart = -1;
    /** How many bytes of the last completed message came from the segments before the one that completed it. */
    private int earlierBytes = -1;
    private boolean assembled;

    /** Messages read from the layers recorded so far in {@code ctx}, its decoder's context. */
    public StreamMessages(DecodeContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The length of the message the last decoded segment completed, or -1; taking it resets it. The message
     * is in {@link #message()}, and belongs behind the TCP header of that segment, whose payload started at
     * {@link #payloadStart()}.
     */
    public int takeCompleted() {
        int n = messageLength;
        messageLength = -1;
        return n;
    }

    /** The bytes of the completed message (valid until the next decode). */
    public byte[] message() {
        return message;
    }

    /** Where the payload of the segment that completed the message started, in that frame's buffer. */
    public int payloadStart() {
        return payloadStart;
    }

    /** Says whether the frame being decoded carries a completed message behind its TCP header. */
    public void assembled(boolean assembled) {
        this.assembled = assembled;
    }

    @Override
    public boolean assembled() {
        return assembled;
    }

    @Override
    public int earlierBytes() {
        return assembled ? earlierBytes : -1;
    }

    @Override
    public void data(TcpReassembler.Stream stream, ByteBuffer data) {
        Message m = (Message) stream.attachment();
        int n = data.remaining();
        if (starting >= 0 && n == segment) {
            // the whole segment is new bytes: its last ones start the message (a partial repeat continues the one in
            // progress)
            data.position(data.position() + n - starting);
            n = starting;
            if (m == null) {
                m = new Message();
                stream.attach(m);
            }
            m.length = 0;
            m.open = true;
        }
        if (m == null || !m.open) {
            return;
        }
        if (m.length + n > MAX_MESSAGE) {
            m.open = false; // too long to put back together
            return;
        }
        if (m.data.length < m.length + n) {
            m.data = Arrays.copyOf(m.data, Math.min(MAX_MESSAGE, Math.max(m.length + n, 2 * m.data.length)));
        }
        data.get(m.data, m.length, n);
        m.length += n;
    }

    @Override
    public void gap(TcpReassembler.Stream stream, long length) {
        if (starting < 0 && stream.attachment() instanceof Message m) {
            m.open = false; // bytes of the message were not seen: it cannot be put back together
        }
    }

    @Override
    public void begin(byte[] buf, int off, int end) {
        int ip = Flows.ipLayerOffset(ctx, buf, Protocols.TCP);
        if (ip < 0 || end - off > MAX_MESSAGE) {
            return;
        }
        int tcp = ctx.offsetAt(ctx.layerCount() - 1);
        starting = end - off;
        segment = end - (tcp + ((buf[tcp + 12] & 0xF0) >>> 2));
        try {
            segments.add(wrap(buf), ip, tcp, end, 0);
        } finally {
            starting = -1;
        }
    }

    @Override
    public void append(byte[] buf, int off, int end, MessageLength length) {
        int ip = Flows.ipLayerOffset(ctx, buf, Protocols.TCP);
        if (ip < 0) {
            return;
        }
        int tcp = ctx.offsetAt(ctx.layerCount() - 1);
        ByteBuffer b = wrap(buf);
        TcpReassembler.Stream s = segments.stream(b, ip, tcp);
        if (s == null || !(s.attachment() instanceof Message m) || !m.open) {
            return; // no message in progress in this direction: nothing to follow
        }
        int before = m.length;
        segments.add(b, ip, tcp, end, 0);
        if (!m.open) {
            return;
        }
        long whole = length.of(m.data, 0, m.length);
        if (whole == MessageLength.UNTIL_CLOSE && finishes(ctx, buf)) {
            whole = m.length; // the body ends with the connection, which this segment closes
        }
        if (whole == MessageLength.UNKNOWN || whole == MessageLength.UNTIL_CLOSE || whole > m.length) {
            return; // more is to come
        }
        m.open = false;
        if (whole < 0) {
            return; // not a message after all: given up
        }
        message = m.data;
        messageLength = (int) whole;
        payloadStart = off;
        earlierBytes = before;
    }

    private ByteBuffer wrap(byte[] buf) {
        if (buf != wrapped) {
            wrapped = buf;
            view = ByteBuffer.wrap(buf);
        }
        return view;
    }

    @Override
    public void expectRecordEnd(byte[] buf, long length) {
        int ip = Flows.ipLayerOffset(ctx, buf, Protocols.TCP);
        if (ip >= 0) {
            int tcp = ctx.offsetAt(ctx.layerCount() - 1);
            recordEnds.put(key(buf, ip, tcp), (Bytes.u32(buf, tcp + 4) + length) & 0xFFFF_FFFFL);
        }
    }

    @Override
    public boolean endsRecord(byte[] buf, int off, int end) {
        int ip = recordEnds.isEmpty() ? -1 : Flows.ipLayerOffset(ctx, buf, Protocols.TCP);
        if (ip < 0) {
            return false;
        }
        int tcp = ctx.offsetAt(ctx.layerCount() - 1);
        Flows.Key key = Flows.key(probe, 6, buf, ip, true, Bytes.u16(buf, tcp), Bytes.u16(buf, tcp + 2));
        Long recordEnd = recordEnds.get(key);
        if (recordEnd == null) {
            return false;
        }
        long sequence = Bytes.u32(buf, tcp + 4);
        int before = (int) (recordEnd - sequence); // bytes of the record still to come at this segment's start
        if (before <= 0) {
            recordEnds.remove(key); // the segment starts past the record: it was lost, or is over
            return false;
        }
        if (before > end - off) {
            return false; // the record goes on
        }
        recordEnds.remove(key);
        return true;
    }

    /**
     * Whether the TCP segment below the layer being decoded closes its direction of the connection (FIN), which
     * ends a message whose length is {@link MessageLength#UNTIL_CLOSE}.
     */
    public static boolean finishes(DecodeContext ctx, byte[] buf) {
        int tcp = ctx.layerCount() - 1;
        return tcp >= 0 && ctx.protocolAt(tcp) == Protocols.TCP
                && (Bytes.u8(buf, ctx.offsetAt(tcp) + 13) & 0x01) != 0;
    }

    /** The direction of the connection of the TCP segment at {@code tcp} over the IP header at {@code ip}. */
    private static Flows.Key key(byte[] buf, int ip, int tcp) {
        return Flows.key(6, buf, ip, true, Bytes.u16(buf, tcp), Bytes.u16(buf, tcp + 2));
    }
}
