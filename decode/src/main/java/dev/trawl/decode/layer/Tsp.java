package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A message of the BSD time synchronization protocol (timed, UDP port 525): type, version, sequence number,
 * then a time (or, for loop detection, a hop count) and the sender's host name, NUL-terminated in 256 bytes.
 *
 * <pre>
 * +------+---------+----------+-------------------------------------+------------------+
 * | type | version | sequence | seconds (4) usec (4) / hop count (1) | name (256)       |
 * +------+---------+----------+-------------------------------------+------------------+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Tsp extends TlvMessage {
    /** Where the host name starts. */
    public static final int NAME_OFFSET = 12;
    /** The size of the host name field. */
    public static final int NAME_LENGTH = 256;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Tsp() {
    }

    /** Points this view at a timed message. */
    public Tsp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The message type (24 for loop detection). */
    public int type() {
        return u8(0);
    }

    public int version() {
        return u8(1);
    }

    public int sequence() {
        return u16(2);
    }

    /** The hop count of a loop detection message. */
    public int hopCount() {
        return u8(4);
    }

    /** The time's seconds, signed. */
    public int seconds() {
        return (int) u32(4);
    }

    /** The time's microseconds, signed. */
    public int microseconds() {
        return (int) u32(8);
    }
}
