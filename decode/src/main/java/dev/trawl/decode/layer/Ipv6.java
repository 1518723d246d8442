package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An IPv6 fixed header (RFC 8200).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version| Traffic Class |           Flow Label                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Payload Length        |  Next Header  |   Hop Limit   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     Source Address (128 bits)                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  Destination Address (128 bits)               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Extension headers are separate layers ({@link Ipv6Extension}). See {@link Flyweight}; not thread-safe.
 */
public final class Ipv6 extends Flyweight {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Ipv6() {
    }

    /** The fixed header length. */
    public static final int HEADER_LENGTH = 40;

    /** Points this view at an IPv6 header. */
    public Ipv6 wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    public int version() {
        return u8(0) >>> 4;
    }

    public int trafficClass() {
        return (u16(0) >>> 4) & 0xFF;
    }

    public int flowLabel() {
        return (int) (u32(0) & 0xFFFFF);
    }

    public int payloadLength() {
        return u16(4);
    }

    public int nextHeader() {
        return u8(6);
    }

    public int hopLimit() {
        return u8(7);
    }

    /** The absolute index of the 16-byte source address. */
    public int sourceIndex() {
        return offset + 8;
    }

    /** The absolute index of the 16-byte destination address. */
    public int destinationIndex() {
        return offset + 24;
    }

    /** Copies the source address into {@code dst} (16 bytes). */
    public void source(byte[] dst) {
        copy(8, dst);
    }

    /** Copies the destination address into {@code dst} (16 bytes). */
    public void destination(byte[] dst) {
        copy(24, dst);
    }
}
