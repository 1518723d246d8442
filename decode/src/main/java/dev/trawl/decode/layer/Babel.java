package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A Babel routing packet (RFC 8966): a four-byte header (magic 42, version, body length) and a body of TLVs,
 * possibly followed by a trailer of TLVs past the stated body length. Each TLV but Pad1 is a type byte, a length
 * byte and that many bytes; a printer walks them through the bounds-checked accessors of {@link TlvMessage}.
 * See {@link Flyweight}; not thread-safe.
 */
public final class Babel extends TlvMessage {
    /** The length of the packet header. */
    public static final int HEADER_LENGTH = 4;
    /** The value of the magic byte, {@code babel.magic}. */
    public static final int MAGIC = 42;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Babel() {
    }

    /** Points this view at a Babel packet. */
    public Babel wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code babel.magic}: 42 in a Babel packet. */
    public int magic() {
        return u8(0);
    }

    /** {@code babel.version}. */
    public int version() {
        return u8(1);
    }

    /** {@code babel.bodylen}: the length of the body that follows the header, trailer excluded. */
    public int bodyLength() {
        return u16(2);
    }
}
