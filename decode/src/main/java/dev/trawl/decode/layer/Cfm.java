package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An IEEE 802.1ag Connectivity Fault Management (and Y.1731 OAM) PDU's common header, then the opcode's fields and
 * TLVs from the first TLV offset on.
 *
 * <pre>
 * +----------------+---------+--------+--------+-------------------+
 * | MD level (3)   | version | opcode | flags  | first TLV offset  |
 * +----------------+---------+--------+--------+-------------------+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Cfm extends TlvMessage {
    /** The length of the common header. */
    public static final int HEADER_LENGTH = 4;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Cfm() {
    }

    /** Points this view at a CFM PDU. */
    public Cfm wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code cfm.md.level}. */
    public int mdLevel() {
        return u8(0) >>> 5;
    }

    /** {@code cfm.version}. */
    public int version() {
        return u8(0) & 0x1F;
    }

    /** {@code cfm.opcode}. */
    public int opcode() {
        return u8(1);
    }

    /** {@code cfm.flags}. */
    public int flags() {
        return u8(2);
    }

    /** {@code cfm.first.tlv.offset}. */
    public int firstTlvOffset() {
        return u8(3);
    }
}
