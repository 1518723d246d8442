package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An IPv6 extension header in the common TLV-chain format shared by hop-by-hop options, routing, destination
 * options (RFC 8200) and, with a different length unit, the authentication header (RFC 4302). The fragment
 * header has a fixed 8-byte length.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Next Header  |  Hdr Ext Len  |   type-specific data ...      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * Fragment header:
 * |  Next Header  |   Reserved    |      Fragment Offset    |Res|M|
 * |                         Identification                        |
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Ipv6Extension extends Flyweight {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Ipv6Extension() {
    }

    /** Points this view at an extension header. */
    public Ipv6Extension wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    public int nextHeader() {
        return u8(0);
    }

    /** The raw Hdr Ext Len byte. */
    public int headerExtensionLength() {
        return u8(1);
    }

    /** The length of a hop-by-hop, routing or destination options header: {@code (len + 1) * 8}. */
    public int optionsHeaderLength() {
        return (u8(1) + 1) * 8;
    }

    /** The routing type (routing header). */
    public int routingType() {
        return u8(2);
    }

    /** The segments left (routing header). */
    public int segmentsLeft() {
        return u8(3);
    }

    /** The fragment offset in 8-byte units (fragment header). */
    public int fragmentOffset() {
        return u16(2) >>> 3;
    }

    /** The M flag (fragment header). */
    public boolean moreFragments() {
        return (u16(2) & 1) != 0;
    }

    /** The identification (fragment header). */
    public long fragmentIdentification() {
        return u32(4);
    }

    /** The length of an authentication header (AH, RFC 4302): {@code (Payload Len + 2) * 4} ({@code ah.length}). */
    public int authenticationHeaderLength() {
        return (u8(1) + 2) * 4;
    }

    /** The security parameters index of an authentication header ({@code ah.spi}). */
    public long authenticationSpi() {
        return u32(4);
    }

    /** The sequence number of an authentication header ({@code ah.sequence}). */
    public long authenticationSequence() {
        return u32(8);
    }

    /**
     * Copies the 16-byte IPv6 address at {@code rel} into {@code dst}: the addresses of a type 0 routing header
     * start at 8, the segments of a segment routing header (type 4) too; missing bytes are 0.
     */
    public void address(int rel, byte[] dst) {
        copy(rel, dst);
    }
}
