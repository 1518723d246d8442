package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * The common header of a PIM version 2 message (RFC 7761).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |PIM Ver| Type  |Subtype| AddrL |           Checksum            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Pim extends Flyweight {
    /** The IP protocol number that carries PIM. */
    public static final int IP_PROTOCOL = 103;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Pim() {
    }

    /** Points this view at a PIM message. */
    public Pim wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    public int version() {
        return u8(0) >>> 4;
    }

    /** 0 hello, 1 register, 2 register stop, 3 join/prune, 4 bootstrap, 5 assert, ... */
    public int type() {
        return u8(0) & 0x0F;
    }

    /**
     * The low four bits of the second byte: the unicast address length of RFC 2117's encoding, whose encoded
     * addresses then carry no family and encoding bytes; 0 in the encoded formats of RFC 7761.
     */
    public int addressLength() {
        return u8(1) & 0x0F;
    }

    /** The high four bits of the second byte: a DF election message's subtype (RFC 5015), 1 offer to 4 pass. */
    public int subtype() {
        return u8(1) >>> 4;
    }

    public int checksum() {
        return u16(2);
    }
}
