package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A Cisco Discovery Protocol message: version, time to live and checksum, then records of a 16-bit type and a
 * 16-bit length that counts the four header bytes.
 *
 * <pre>
 * +---------+-----+----------+------+--------+-------------------+
 * | version | ttl | checksum | type | length | value (length - 4) | ...
 * +---------+-----+----------+------+--------+-------------------+
 *     1        1       2        2       2
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Cdp extends TlvMessage {
    /** The length of the header before the first record. */
    public static final int HEADER_LENGTH = 4;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Cdp() {
    }

    /** Points this view at a CDP message. */
    public Cdp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    public int version() {
        return u8(0);
    }

    /** The time to live, in seconds. */
    public int ttl() {
        return u8(1);
    }

    public int checksum() {
        return u16(2);
    }
}
