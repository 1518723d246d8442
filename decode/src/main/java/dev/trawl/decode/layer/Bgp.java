package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * The BGP messages of a TCP segment's payload (RFC 4271): each starts with a 16-byte marker of all ones, a
 * 16-bit length that counts the whole message and a type; the body (OPEN, UPDATE with its path attributes
 * and prefixes, NOTIFICATION, ROUTE-REFRESH) is a sequence of records a printer walks with the
 * {@link TlvMessage} accessors. A segment may hold several messages, or start inside one.
 *
 * <pre>
 * +--------------------+------------+------+----------------+
 * | marker (16 x 0xff) | length (2) | type | body ...       |
 * +--------------------+------------+------+----------------+
 * </pre>
 *
 * Offsets are relative to the wrapped region (the segment's payload). See {@link Flyweight}; not thread-safe.
 */
public final class Bgp extends TlvMessage {
    /** The length of the message header: marker, length and type. */
    public static final int HEADER_LENGTH = 19;
    /** The length of the marker. */
    public static final int MARKER_LENGTH = 16;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Bgp() {
    }

    /** Points this view at the payload of a segment carrying BGP. */
    public Bgp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** Whether a whole 16-byte marker of all ones is captured at {@code rel}. */
    public boolean markerAt(int rel) {
        if (!has(rel, MARKER_LENGTH)) {
            return false;
        }
        for (int i = 0; i < MARKER_LENGTH; i++) {
            if (checkedU8(rel + i) != 0xff) {
                return false;
            }
        }
        return true;
    }

    /** {@code bgp.length} of the message at {@code rel}: the whole message's length, header included. */
    public int messageLength(int rel) {
        return u16(rel + MARKER_LENGTH);
    }

    /** {@code bgp.type} of the message at {@code rel}. */
    public int messageType(int rel) {
        return u8(rel + MARKER_LENGTH + 2);
    }

    /** The unsigned big-endian 64-bit value at {@code rel} as a signed long (0 when not captured whole). */
    public long longAt(int rel) {
        return has(rel, 8) ? u32(rel) << 32 | u32(rel + 4) : 0;
    }
}
