package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A LISP control message (RFC 6830, UDP port 4342): the sixteen-byte header that Map-Register and Map-Notify
 * share, then the authentication data and the EID records with their locators, which a printer walks through the
 * {@link TlvMessage} accessors.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Type  | flags |       reserved and flags      | Record Count  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Nonce (64 bits)                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            Key ID             |  Authentication Data Length   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   authentication data ..., records ...                        |
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class LispControl extends TlvMessage {
    /** The length of the Map-Register and Map-Notify header, authentication data excluded. */
    public static final int HEADER_LENGTH = 16;
    /** The type of a Map-Register. */
    public static final int MAP_REGISTER = 3;
    /** The type of a Map-Notify. */
    public static final int MAP_NOTIFY = 4;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public LispControl() {
    }

    /** Points this view at a LISP control message. */
    public LispControl wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code lisp.type}: the high four bits of the first byte. */
    public int type() {
        return u8(0) >>> 4;
    }

    /** The first 32 bits, whose bits are the type's flags. */
    public long flagWord() {
        return u32(0);
    }

    /** {@code lisp.records}: the number of EID records. */
    public int recordCount() {
        return u8(3);
    }

    /** {@code lisp.keyid}: the authentication's key (0 none, 1 HMAC-SHA-1, 2 HMAC-SHA-256). */
    public int keyId() {
        return u16(12);
    }

    /** {@code lisp.authlen}: the length of the authentication data after the header. */
    public int authDataLength() {
        return u16(14);
    }

    /** Whether the xTR-ID and site ID follow the records (the I bit, at a place that depends on the type). */
    public boolean xtrIdPresent() {
        int first = u8(0);
        return type() == MAP_REGISTER ? (first & 0x02) != 0 : type() == MAP_NOTIFY && (first & 0x08) != 0;
    }
}
