package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A Cisco SLARP message, carried by Cisco HDLC under the RARP EtherType: a 32-bit code (0 request, 1 reply,
 * 2 keepalive), then an address and mask for a reply, or for a keepalive the two sequence numbers, a 16-bit
 * reliability field and an optional uptime in milliseconds.
 *
 * <pre>
 * +------+--------------------------+--------------------------+-------------+-------------+
 * | code | reply: address / keepalive: my sequence | mask / your sequence | reliability | uptime (ms) |
 * +------+--------------------------+--------------------------+-------------+-------------+
 *    4                4                           4                   2             4
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Slarp extends TlvMessage {
    /** The length of a message without the uptime. */
    public static final int MIN_LENGTH = 14;
    /** The length of a message with the uptime. */
    public static final int MAX_LENGTH = 18;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Slarp() {
    }

    /** Points this view at a SLARP message. */
    public Slarp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code slarp.ptype}: 0 request, 1 reply, 2 keepalive. */
    public long code() {
        return u32(0);
    }

    /** A reply's address ({@code slarp.address}). */
    public int address() {
        return (int) u32(4);
    }

    /** A reply's mask. */
    public int mask() {
        return (int) u32(8);
    }

    /** A keepalive's own sequence number ({@code slarp.mysequence}). */
    public long mySequence() {
        return u32(4);
    }

    /** A keepalive's sequence number of the other side ({@code slarp.yoursequence}). */
    public long yourSequence() {
        return u32(8);
    }

    /** A keepalive's reliability field. */
    public int reliability() {
        return u16(12);
    }

    /** A keepalive's uptime in milliseconds, when the message has it. */
    public long uptimeMillis() {
        return u32(14);
    }
}
