package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * The OpenFlow messages of a TCP segment's payload: each starts with an 8-byte header of a version, a type, a
 * 16-bit length that counts the whole message and a 32-bit transaction id; a printer walks the messages (and
 * their bodies) with the {@link TlvMessage} accessors at offsets relative to the payload's start.
 *
 * <pre>
 * +---------+------+------------+-----------+----------+
 * | version | type | length (2) | xid (4)   | body ... |
 * +---------+------+------------+-----------+----------+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class OpenFlow extends TlvMessage {
    /** The length of the header every message starts with. */
    public static final int HEADER_LENGTH = 8;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public OpenFlow() {
    }

    /** Points this view at the payload of a segment carrying OpenFlow. */
    public OpenFlow wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }
}
