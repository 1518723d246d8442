package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A PPP over Ethernet header (RFC 2516): discovery packets (EtherType 0x8863) carry tags after it, session
 * packets (0x8864) a PPP frame.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  VER  | TYPE  |      CODE     |          SESSION_ID           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            LENGTH             |   payload (tags: type, length, value) ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * A printer walks the tags through {@link TlvMessage}'s accessors. See {@link Flyweight}; not thread-safe.
 */
public final class Pppoe extends TlvMessage {
    /** The header length. */
    public static final int HEADER_LENGTH = 6;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Pppoe() {
    }

    /** Points this view at a PPPoE header. */
    public Pppoe wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The version (1). */
    public int version() {
        return u8(0) >> 4;
    }

    /** The type (1). */
    public int type() {
        return u8(0) & 0xf;
    }

    /** The code: 0 for session data, else the discovery stage (PADI 0x09, PADO 0x07, ...). */
    public int code() {
        return u8(1);
    }

    public int sessionId() {
        return u16(2);
    }

    /** The payload's length, from the header. */
    public int payloadLength() {
        return u16(4);
    }
}
