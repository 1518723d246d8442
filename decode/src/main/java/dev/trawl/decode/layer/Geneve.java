package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A GENEVE header (RFC 8926); options follow the fixed part, then the payload named by the protocol type.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Ver|  Opt Len  |O|C|    Rsvd.  |          Protocol Type        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Virtual Network Identifier (VNI)       |    Reserved   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Variable-Length Options                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Geneve extends TlvMessage {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Geneve() {
    }

    /** Points this view at a GENEVE header. */
    public Geneve wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    public int version() {
        return u8(0) >>> 6;
    }

    /** The length of the options in bytes. */
    public int optionsLength() {
        return (u8(0) & 0x3F) * 4;
    }

    /** The header length including options. */
    public int headerLength() {
        return 8 + optionsLength();
    }

    /** The O (control packet) flag. */
    public boolean controlPacket() {
        return (u8(1) & 0x80) != 0;
    }

    /** The C (critical options present) flag. */
    public boolean criticalOptions() {
        return (u8(1) & 0x40) != 0;
    }

    /** The EtherType of the payload (0x6558 for Ethernet). */
    public int protocolType() {
        return u16(2);
    }

    /** The 24-bit virtual network identifier. */
    public int vni() {
        return u24(4);
    }
}
