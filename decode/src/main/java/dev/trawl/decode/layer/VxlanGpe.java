package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A VXLAN Generic Protocol Extension header: flags, two reserved bytes, the next protocol (1 IPv4, 2 IPv6,
 * 3 Ethernet, 4 NSH), the 24-bit VNI and a reserved byte.
 *
 * <pre>
 * +-------+----------+---------------+---------------------+----------+
 * | flags | reserved | next protocol |     VNI (24)        | reserved |
 * +-------+----------+---------------+---------------------+----------+
 *     1        2             1                 3                 1
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class VxlanGpe extends Flyweight {
    /** The length of the header. */
    public static final int HEADER_LENGTH = 8;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public VxlanGpe() {
    }

    /** Points this view at a VXLAN-GPE header. */
    public VxlanGpe wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code vxlan.flags}' first byte: I 0x08, P 0x04, B 0x02, O 0x01. */
    public int flags() {
        return u8(0);
    }

    /** {@code vxlan.next_proto}. */
    public int nextProtocol() {
        return u8(3);
    }

    /** {@code vxlan.vni}. */
    public int vni() {
        return u24(4);
    }
}
