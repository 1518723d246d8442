package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An EIGRP packet (RFC 7868): a 20-byte header, then TLVs of a 16-bit type and a 16-bit length that counts the
 * four header bytes, which a printer walks with the {@link TlvMessage} accessors.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Header Version |    Opcode     |           Checksum            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                             Flags                             |
 * |                        Sequence Number                        |
 * |                     Acknowledgment Number                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Virtual Router ID (VRID)    |    Autonomous System Number   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Eigrp extends TlvMessage {
    /** The length of the header before the first TLV. */
    public static final int HEADER_LENGTH = 20;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Eigrp() {
    }

    /** Points this view at an EIGRP packet. */
    public Eigrp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code eigrp.version}. */
    public int version() {
        return u8(0);
    }

    /** {@code eigrp.opcode}: 1 update, 3 query, 4 reply, 5 hello, 6 IPX SAP, 7 probe, ... */
    public int opcode() {
        return u8(1);
    }

    /** {@code eigrp.checksum}. */
    public int checksum() {
        return u16(2);
    }

    /** {@code eigrp.flags}. */
    public long flags() {
        return u32(4);
    }

    /** {@code eigrp.seq}. */
    public long sequence() {
        return u32(8);
    }

    /** {@code eigrp.ack}. */
    public long acknowledgment() {
        return u32(12);
    }

    /** {@code eigrp.vrid}. */
    public int virtualRouterId() {
        return u16(16);
    }

    /** {@code eigrp.as}. */
    public int autonomousSystem() {
        return u16(18);
    }
}
