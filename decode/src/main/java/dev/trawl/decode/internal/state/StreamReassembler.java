package dev.trawl.decode.internal.state;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Bytes;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.StreamReassembly;
import java.util.Arrays;
import java.util.Map;

/**
 * Messages that span TCP segments, put back together as Wireshark does: the segments before the last show bare
 * TCP payload, and the segment that completes a message is decoded with the whole message behind its TCP
 * header. Segments must arrive in order: a gap or an overlap drops the message, as a retransmitted segment is
 * ignored. Bounded: at most {@value #MAX_STREAMS} directions of connections wait (the oldest goes first), each
 * for a message of at most {@value #MAX_MESSAGE} bytes. Not thread-safe; one per decoder, reading the layers of
 * that decoder's context.
 */
public final class StreamReassembler implements StreamReassembly {
    /** The most directions of connections with a message in progress. */
    static final int MAX_STREAMS = 256;
    /** The longest message put back together. */
    static final int MAX_MESSAGE = 1 << 20;

    /** A message in progress: the bytes so far and the sequence number the next segment must have. */
    private static final class Pending {
        long nextSequence;
        byte[] data;
        int length;
    }

    private final DecodeContext ctx;
    private final Map<Flows.Key, Pending> pending = Flows.lru(MAX_STREAMS);
    /** Per direction of a connection, the sequence number at which the record in progress ends. */
    private final Map<Flows.Key, Long> recordEnds = Flows.lru(MAX_STREAMS);
    private byte[] message = new byte[0];
    private int messageLength = -1;
    private int payloadStart = -1;
    private boolean assembled;

    /** A reassembler that reads the layers recorded so far from {@code ctx}, its decoder's context. */
    public StreamReassembler(DecodeContext ctx) {
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
    public void begin(byte[] buf, int off, int end) {
        int ip = Flows.ipLayerOffset(ctx, buf, Protocols.TCP);
        if (ip < 0 || end - off > MAX_MESSAGE) {
            return;
        }
        int tcp = ctx.offsetAt(ctx.layerCount() - 1);
        Flows.Key key = key(buf, ip, tcp);
        long sequence = Bytes.u32(buf, tcp + 4);
        Pending existing = pending.get(key);
        if (existing != null && (int) (sequence - existing.nextSequence) < 0) {
            return; // a retransmission of the start of the message in progress
        }
        int payload = tcp + (Bytes.u8(buf, tcp + 12) >>> 4) * 4;
        Pending p = new Pending();
        p.data = Arrays.copyOfRange(buf, off, end);
        p.length = end - off;
        p.nextSequence = (sequence + (end - Math.min(off, payload))) & 0xFFFF_FFFFL;
        pending.put(key, p);
    }

    @Override
    public void append(byte[] buf, int off, int end, MessageLength length) {
        int ip = pending.isEmpty() ? -1 : Flows.ipLayerOffset(ctx, buf, Protocols.TCP);
        if (ip < 0) {
            return;
        }
        int tcp = ctx.offsetAt(ctx.layerCount() - 1);
        Flows.Key key = key(buf, ip, tcp);
        Pending p = pending.get(key);
        if (p == null) {
            return;
        }
        int ahead = (int) (Bytes.u32(buf, tcp + 4) - p.nextSequence);
        if (ahead < 0) {
            return; // a retransmission of bytes already kept: ignored
        }
        if (ahead > 0 || p.length + (end - off) > MAX_MESSAGE) {
            pending.remove(key); // a gap, or too long: the message cannot be put back together
            return;
        }
        if (p.data.length < p.length + (end - off)) {
            p.data = Arrays.copyOf(p.data, Math.min(MAX_MESSAGE, Math.max(p.length + (end - off), 2 * p.data.length)));
        }
        System.arraycopy(buf, off, p.data, p.length, end - off);
        p.length += end - off;
        p.nextSequence = (p.nextSequence + (end - off)) & 0xFFFF_FFFFL;
        long whole = length.of(p.data, 0, p.length);
        if (whole == MessageLength.UNTIL_CLOSE && finishes(ctx, buf)) {
            whole = p.length; // the body ends with the connection, which this segment closes
        }
        if (whole == MessageLength.UNKNOWN || whole == MessageLength.UNTIL_CLOSE || whole > p.length) {
            return; // more is to come
        }
        pending.remove(key);
        if (whole < 0) {
            return; // not a message after all: given up
        }
        if (whole < p.length && length instanceof RecordLength) {
            // the rest starts the next record
            Pending rest = new Pending();
            rest.data = Arrays.copyOfRange(p.data, (int) whole, p.length);
            rest.length = rest.data.length;
            rest.nextSequence = p.nextSequence;
            pending.put(key, rest);
        }
        message = p.data;
        messageLength = (int) whole;
        payloadStart = off;
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
        Flows.Key key = key(buf, ip, tcp);
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
