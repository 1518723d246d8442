package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * One MPLS label stack entry (RFC 3032).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                Label                  | TC  |S|      TTL      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Mpls extends Flyweight {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Mpls() {
    }

    /** The length of one entry. */
    public static final int HEADER_LENGTH = 4;

    /** Points this view at a label stack entry. */
    public Mpls wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The 20-bit label. */
    public int label() {
        return (int) (u32(0) >>> 12);
    }

    /** The traffic class (3 bits). */
    public int trafficClass() {
        return (u8(2) >>> 1) & 7;
    }

    /** Whether this is the bottom of the stack. */
    public boolean bottomOfStack() {
        return (u8(2) & 1) != 0;
    }

    /** The time to live. */
    public int ttl() {
        return u8(3);
    }
}
