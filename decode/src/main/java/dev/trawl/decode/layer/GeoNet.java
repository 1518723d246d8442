package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * The common header of ETSI GeoNetworking (EN 302 636-4-1, in the layout tcpdump reads: version and next header,
 * header type and subtype, payload length, hop limit, then the sender's long position vector with its 8-byte
 * GeoNetworking address, latitude and longitude), and the BTP header after the extended header.
 *
 * <pre>
 *  0          1          2 .. 3   4 .. 5    6     7        8 .. 15     16 .. 19   20 .. 23   ...   36
 * +----------+----------+--------+---------+-----+--------+-----------+----------+----------+-----+
 * | ver | NH | HT | HST | (rsvd) | payload | (-) | hoplim | GN_ADDR   | (tst)    | lat      | ... |
 * +----------+----------+--------+---------+-----+--------+-----------+----------+----------+-----+
 * </pre>
 *
 * Wireshark leaves the old Ethernet type 0x0707 as data, so decode names no layer for it; a printer points this
 * view at the payload. See {@link Flyweight}; not thread-safe.
 */
public final class GeoNet extends TlvMessage {
    /** The length of the common header with the long position vector. */
    public static final int COMMON_HEADER = 36;
    /** Where the long position vector starts. */
    public static final int POSITION_VECTOR = 8;
    /** The length of a GeoNetworking address. */
    public static final int ADDRESS_LENGTH = 8;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public GeoNet() {
    }

    /** Points this view at a GeoNetworking packet. */
    public GeoNet wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The version, the first byte's high nibble, or 0. */
    public int version() {
        return u8(0) >> 4;
    }

    /** The next header, the first byte's low nibble, or 0. */
    public int nextHeader() {
        return u8(0) & 0x0f;
    }

    /** The header type, or 0. */
    public int headerType() {
        return u8(1) >> 4;
    }

    /** The header subtype, or 0. */
    public int headerSubtype() {
        return u8(1) & 0x0f;
    }

    /** The payload length, or 0. */
    public int payloadLength() {
        return u16(4);
    }

    /** The hop limit, or 0. */
    public int hopLimit() {
        return u8(7);
    }

    /** The position vector's latitude, or 0. */
    public long latitude() {
        return u32(POSITION_VECTOR + 12);
    }

    /** The position vector's longitude, or 0. */
    public long longitude() {
        return u32(POSITION_VECTOR + 16);
    }
}
