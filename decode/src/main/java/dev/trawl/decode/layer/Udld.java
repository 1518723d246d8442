package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A Cisco UniDirectional Link Detection message (RFC 5171), then records of a 16-bit type and a 16-bit length
 * that counts the four header bytes.
 *
 * <pre>
 *  0       3 4     7 8             15 16                           31
 * +---------+-------+----------------+------------------------------+
 * | version | opcode|     flags      |           checksum           |
 * +---------+-------+----------------+------------------------------+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Udld extends TlvMessage {
    /** The length of the header before the first record. */
    public static final int HEADER_LENGTH = 4;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Udld() {
    }

    /** Points this view at a UDLD message. */
    public Udld wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    public int version() {
        return u8(0) >>> 5;
    }

    public int opcode() {
        return u8(0) & 0x1F;
    }

    public int flags() {
        return u8(1);
    }

    public int checksum() {
        return u16(2);
    }
}
