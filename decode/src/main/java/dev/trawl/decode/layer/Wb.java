package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A message of LBL's shared whiteboard, {@code wb} (UDP port 4567): a twelve-byte header (source site, timestamp,
 * version, type, flags) and a body by type (drawing operations, announcements, repair requests and replies, page
 * requests and replies), which a printer reads through the {@link TlvMessage} accessors.
 *
 * <pre>
 * +-----------------------------------+
 * |            source site            |
 * +-----------------------------------+
 * |             timestamp             |
 * +-----------------+--------+--------+
 * |     version     |  type  | flags  |
 * +-----------------+--------+--------+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Wb extends TlvMessage {
    /** The length of the header. */
    public static final int HEADER_LENGTH = 12;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Wb() {
    }

    /** Points this view at a wb message. */
    public Wb wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The message type. */
    public int type() {
        return u8(10);
    }

    /** The flags byte. */
    public int flags() {
        return u8(11);
    }
}
