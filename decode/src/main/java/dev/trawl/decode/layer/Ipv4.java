package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An IPv4 header (RFC 791).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|  IHL  |Type of Service|          Total Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Identification        |Flags|      Fragment Offset    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Time to Live |    Protocol   |         Header Checksum       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Source Address                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Destination Address                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options                    |    Padding    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Ipv4 extends TlvMessage {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Ipv4() {
    }

    /** The length of a header without options. */
    public static final int MIN_HEADER_LENGTH = 20;

    /** Points this view at an IPv4 header. */
    public Ipv4 wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    public int version() {
        return u8(0) >>> 4;
    }

    /** The Internet Header Length in 32-bit words. */
    public int ihl() {
        return u8(0) & 0x0F;
    }

    /** The header length in bytes ({@code ihl() * 4}). */
    public int headerLength() {
        return ihl() * 4;
    }

    /** The Type of Service / DS field byte. */
    public int typeOfService() {
        return u8(1);
    }

    /** The differentiated services code point (6 bits). */
    public int dscp() {
        return u8(1) >>> 2;
    }

    /** The explicit congestion notification (2 bits). */
    public int ecn() {
        return u8(1) & 3;
    }

    public int totalLength() {
        return u16(2);
    }

    public int identification() {
        return u16(4);
    }

    /** The three flag bits (reserved, DF, MF) as a number 0-7. */
    public int flags() {
        return u8(6) >>> 5;
    }

    /** The reserved (evil) bit. */
    public boolean reservedFlag() {
        return (u8(6) & 0x80) != 0;
    }

    /** The Don't Fragment bit. */
    public boolean dontFragment() {
        return (u8(6) & 0x40) != 0;
    }

    /** The More Fragments bit. */
    public boolean moreFragments() {
        return (u8(6) & 0x20) != 0;
    }

    /** The fragment offset in units of 8 bytes. */
    public int fragmentOffset() {
        return u16(6) & 0x1FFF;
    }

    public int timeToLive() {
        return u8(8);
    }

    public int protocol() {
        return u8(9);
    }

    public int headerChecksum() {
        return u16(10);
    }

    /** The source address as an int (network order: the first octet is the high byte). */
    public int source() {
        return (int) u32(12);
    }

    /** The destination address as an int. */
    public int destination() {
        return (int) u32(16);
    }

    /** The absolute index of the source address. */
    public int sourceIndex() {
        return offset + 12;
    }

    /** The absolute index of the destination address. */
    public int destinationIndex() {
        return offset + 16;
    }
}
