package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * The common header of an OSPF packet (version 2, RFC 2328; version 3, RFC 5340, shares the first 12 bytes).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Version #   |     Type      |         Packet length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          Router ID                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           Area ID                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Ospf extends Flyweight {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Ospf() {
    }

    /** Points this view at an OSPF packet. */
    public Ospf wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    public int version() {
        return u8(0);
    }

    /** 1 hello, 2 database description, 3 link state request, 4 update, 5 acknowledgement. */
    public int type() {
        return u8(1);
    }

    /** The packet's length as its header states it. */
    public int packetLength() {
        return u16(2);
    }

    public int routerId() {
        return (int) u32(4);
    }

    public int areaId() {
        return (int) u32(8);
    }

    /** Version 2's authentication type (2 for a keyed MD5 digest, which trails the packet). */
    public int authType() {
        return u16(14);
    }
}
