package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An AHCP message (the ad-hoc configuration protocol, draft-chroboczek-ahcp, UDP port 5359): magic 43 and a
 * version; version 1 then has hop counts, a nonce, source and destination ids, and a body of a type, a length and
 * options, which a printer walks through the {@link TlvMessage} accessors.
 *
 * <pre>
 * +--------+--------+--------+--------+
 * | magic  |version |hopcount|original|
 * +--------+--------+--------+--------+
 * |               nonce               |
 * +--------+--------+--------+--------+
 * |  source id (8) | destination id (8)
 * +--------+--------+--------+--------+
 * | type   |  mbz   |   body length   |  options ...
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Ahcp extends TlvMessage {
    /** The value of the magic byte. */
    public static final int MAGIC = 43;
    /** The length of version 1's header, up to the body. */
    public static final int HEADER_LENGTH = 24;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Ahcp() {
    }

    /** Points this view at an AHCP message. */
    public Ahcp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The magic byte, 43 in an AHCP message. */
    public int magic() {
        return u8(0);
    }

    /** The protocol version. */
    public int version() {
        return u8(1);
    }
}
