package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A DCCP packet's generic header (RFC 4340): 12 bytes with a 24-bit sequence number, or 16 with the extended
 * 48-bit one when the X bit is set; the acknowledgement number and the type's fields follow.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |           Dest Port           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Data Offset  | CCVal | CsCov |           Checksum            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     |       |X|               |                               .
 * | Res | Type  |=|   Reserved    |  Sequence Number (high bits)  .
 * |     |       |1|               |                               .
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * .                  Sequence Number (low bits)                   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Dccp extends TransportHeader {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Dccp() {
    }

    /** Points this view at a DCCP packet. */
    public Dccp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code dccp.data_offset}, in 4-byte words. */
    public int dataOffset() {
        return u8(4);
    }

    /** {@code dccp.ccval}. */
    public int ccval() {
        return u8(5) >>> 4;
    }

    /** {@code dccp.cscov}. */
    public int checksumCoverage() {
        return u8(5) & 0x0F;
    }

    /** {@code dccp.checksum}. */
    public int checksum() {
        return u16(6);
    }

    /** {@code dccp.type}. */
    public int type() {
        return (u8(8) >>> 1) & 0x0F;
    }

    /** {@code dccp.x}: whether the sequence numbers are 48 bits long. */
    public boolean extended() {
        return (u8(8) & 1) != 0;
    }

    /** The length of the generic header: 16 with extended sequence numbers, else 12. */
    public int genericLength() {
        return extended() ? 16 : 12;
    }

    /** {@code dccp.seq}. */
    public long sequence() {
        return extended() ? u48(10) : u24(9);
    }

    /** The acknowledgement number that follows the generic header ({@code dccp.ack}). */
    public long acknowledgment() {
        int at = genericLength();
        return extended() ? u48(at + 2) : u24(at + 1);
    }
}
