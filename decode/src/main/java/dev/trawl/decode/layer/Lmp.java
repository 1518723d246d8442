package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An LMP message (RFC 4204, over UDP port 701): an eight-byte common header, then objects of a class type (its
 * top bit the negotiable flag), a class number and a 16-bit length (header included), which a printer walks with
 * the {@link TlvMessage} accessors.
 *
 * <pre>
 * +-------+-------+---------------+---------------+---------------+
 * | Vers  |      (Reserved)       |    Flags      |    Msg Type   |
 * +-------+-----------------------+---------------+---------------+
 * |          LMP Length           |          (Reserved)           |
 * +-+-------------+---------------+-------------------------------+
 * |N|   C-Type    |   Class       |            Length             |  object header
 * +-+-------------+---------------+-------------------------------+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Lmp extends TlvMessage {
    /** The length of the common header. */
    public static final int HEADER_LENGTH = 8;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Lmp() {
    }

    /** Points this view at an LMP message. */
    public Lmp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code lmp.version}: 1 today. */
    public int version() {
        return u16(0) >>> 12;
    }

    /** {@code lmp.hdr.flags}: control channel down 1, LMP restart 2. */
    public int flags() {
        return u8(2);
    }

    /** {@code lmp.msg}: the message type. */
    public int messageType() {
        return u8(3);
    }

    /** {@code lmp.length}: the message's length, common header included. */
    public int messageLength() {
        return u16(4);
    }
}
