package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A VXLAN header (RFC 7348); an Ethernet frame follows.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |R|R|R|R|I|R|R|R|            Reserved                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                VXLAN Network Identifier (VNI) |   Reserved    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Vxlan extends Flyweight {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Vxlan() {
    }

    /** The header length. */
    public static final int HEADER_LENGTH = 8;

    /** Points this view at a VXLAN header. */
    public Vxlan wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    public int flags() {
        return u8(0);
    }

    /** Whether the I flag (a valid VNI) is set. */
    public boolean vniValid() {
        return (u8(0) & 0x08) != 0;
    }

    /** The 24-bit VXLAN network identifier. */
    public int vni() {
        return u24(4);
    }
}
