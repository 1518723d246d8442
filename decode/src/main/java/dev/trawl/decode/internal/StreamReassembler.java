package dev.trawl.decode.internal;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import java.util.Arrays;
import java.util.Map;

/**
 * HTTP messages that span TCP segments, put back together as Wireshark does: the segments before the last
 * show bare TCP payload, and the segment that completes a message is decoded with the whole message behind
 * its TCP header. Segments must arrive in order: a gap or an overlap drops the message, as a retransmitted
 * segment is ignored. Bounded: at most {@value #MAX_STREAMS} directions of connections wait (the oldest goes
 * first), each for a message of at most {@value #MAX_MESSAGE} bytes. Not thread-safe; one per decoder.
 */
public final class StreamReassembler {
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

    /** What a decoder that puts streams back together lets the protocol decoders reach. */
    public interface Hook {
        /** The decoder's reassembler, or null when it does not put streams back together. */
        StreamReassembler streams();
    }

    private final Map<Flows.Key, Pending> pending = Flows.lru(MAX_STREAMS);
    /** Per direction of a connection, the sequence number at which the TLS record in progress ends. */
    private final Map<Flows.Key, Long> recordEnds = Flows.lru(MAX_STREAMS);
    private byte[] message = new byte[0];
    private int messageLength = -1;
    private int payloadStart = -1;

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

    private static StreamReassembler of(DecodeContext ctx) {
        return ctx instanceof Hook hook ? hook.streams() : null;
    }

    /**
     * Keeps the start of a message that the segment whose payload is {@code [off, end)} begins but does not
     * complete, when {@code ctx} puts streams back together.
     */
    static void begin(DecodeContext ctx, byte[] buf, int off, int end) {
        StreamReassembler s = of(ctx);
        int ip = s == null ? -1 : Flows.ipLayerOffset(ctx, buf, Protocols.TCP);
        if (ip < 0 || end - off > MAX_MESSAGE) {
            return;
        }
        int tcp = ctx.offsetAt(ctx.layerCount() - 1);
        Flows.Key key = key(buf, ip, tcp);
        long sequence = Bytes.u32(buf, tcp + 4);
        Pending existing = s.pending.get(key);
        if (existing != null && (int) (sequence - existing.nextSequence) < 0) {
            return; // a retransmission of the start of the message in progress
        }
        Pending p = new Pending();
        p.data = Arrays.copyOfRange(buf, off, end);
        p.length = end - off;
        p.nextSequence = (sequence + p.length) & 0xFFFF_FFFFL;
        s.pending.put(key, p);
    }

    /**
     * Adds the segment whose payload is {@code [off, end)} to the message in progress in its direction, if
     * it is the next one; when {@code length} says the message is then whole, keeps it for
     * {@link #takeCompleted}.
     */
    static void append(DecodeContext ctx, byte[] buf, int off, int end, MessageLength length) {
        StreamReassembler s = of(ctx);
        int ip = s == null || s.pending.isEmpty() ? -1 : Flows.ipLayerOffset(ctx, buf, Protocols.TCP);
        if (ip < 0) {
            return;
        }
        int tcp = ctx.offsetAt(ctx.layerCount() - 1);
        Flows.Key key = key(buf, ip, tcp);
        Pending p = s.pending.get(key);
        if (p == null) {
            return;
        }
        int ahead = (int) (Bytes.u32(buf, tcp + 4) - p.nextSequence);
        if (ahead < 0) {
            return; // a retransmission of bytes already kept: ignored
        }
        if (ahead > 0 || p.length + (end - off) > MAX_MESSAGE) {
            s.pending.remove(key); // a gap, or too long: the message cannot be put back together
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
        s.pending.remove(key);
        if (whole < 0) {
            return; // not a message after all: given up
        }
        s.message = p.data;
        s.messageLength = (int) whole;
        s.payloadStart = off;
    }

    /** How long a message is, from its first bytes. */
    interface MessageLength {
        /** Not known yet: more bytes are needed. */
        long UNKNOWN = -1;
        /** Known never to be: the bytes start no message, or one that cannot be read. */
        long NEVER = -2;
        /** The body ends when the connection closes (with a FIN). */
        long UNTIL_CLOSE = -3;

        /** The length of the message at {@code [off, end)}, once it is whole, or one of the constants. */
        long of(byte[] buf, int off, int end);
    }

    /**
     * Notes that a record the segment being decoded starts ends {@code length} bytes after the segment's
     * payload starts, in a later segment.
     */
    static void expectRecordEnd(DecodeContext ctx, byte[] buf, long length) {
        StreamReassembler s = of(ctx);
        int ip = s == null ? -1 : Flows.ipLayerOffset(ctx, buf, Protocols.TCP);
        if (ip >= 0) {
            int tcp = ctx.offsetAt(ctx.layerCount() - 1);
            s.recordEnds.put(key(buf, ip, tcp), (Bytes.u32(buf, tcp + 4) + length) & 0xFFFF_FFFFL);
        }
    }

    /**
     * Whether the segment being decoded, whose payload is {@code [off, end)}, completes the TLS record in
     * progress in its direction (it ends at or past the record's end, having started inside it).
     */
    static boolean continueRecord(DecodeContext ctx, byte[] buf, int off, int end) {
        StreamReassembler s = of(ctx);
        int ip = s == null || s.recordEnds.isEmpty() ? -1 : Flows.ipLayerOffset(ctx, buf, Protocols.TCP);
        if (ip < 0) {
            return false;
        }
        int tcp = ctx.offsetAt(ctx.layerCount() - 1);
        Flows.Key key = key(buf, ip, tcp);
        Long recordEnd = s.recordEnds.get(key);
        if (recordEnd == null) {
            return false;
        }
        long sequence = Bytes.u32(buf, tcp + 4);
        int before = (int) (recordEnd - sequence); // bytes of the record still to come at this segment's start
        if (before <= 0) {
            s.recordEnds.remove(key); // the segment starts past the record: it was lost, or is over
            return false;
        }
        if (before > end - off) {
            return false; // the record goes on
        }
        s.recordEnds.remove(key);
        return true;
    }

    /** Whether the TCP segment below the layer being decoded closes its direction of the connection (FIN). */
    static boolean finishes(DecodeContext ctx, byte[] buf) {
        int tcp = ctx.layerCount() - 1;
        return tcp >= 0 && ctx.protocolAt(tcp) == Protocols.TCP
                && (Bytes.u8(buf, ctx.offsetAt(tcp) + 13) & 0x01) != 0;
    }

    /** The direction of the connection of the TCP segment at {@code tcp} over the IP header at {@code ip}. */
    private static Flows.Key key(byte[] buf, int ip, int tcp) {
        return Flows.key(6, buf, ip, true, Bytes.u16(buf, tcp), Bytes.u16(buf, tcp + 2));
    }
}
