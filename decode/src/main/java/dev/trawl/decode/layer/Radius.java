package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A RADIUS message (RFC 2865): a 20-byte header, then attributes of a type byte and a length byte that counts
 * the two header bytes, which a printer walks with the {@link TlvMessage} accessors.
 *
 * <pre>
 * +------+------------+--------+-----------------------+------------------------------+
 * | code | identifier | length | authenticator (16)    | type | length | value ... |...
 * +------+------------+--------+-----------------------+------------------------------+
 *    1         1          2
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Radius extends TlvMessage {
    /** The length of the header before the first attribute. */
    public static final int HEADER_LENGTH = 20;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Radius() {
    }

    /** Points this view at a RADIUS message. */
    public Radius wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code radius.code}: 1 Access-Request, 2 Access-Accept, ... */
    public int code() {
        return u8(0);
    }

    /** {@code radius.id}. */
    public int identifier() {
        return u8(1);
    }

    /** {@code radius.length}: the message's length, header included. */
    public int length() {
        return u16(2);
    }
}
