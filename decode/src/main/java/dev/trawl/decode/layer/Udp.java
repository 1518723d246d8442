package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A UDP header (RFC 768).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |       Destination Port        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            Length             |           Checksum            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Udp extends TransportHeader {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Udp() {
    }

    /** The header length. */
    public static final int HEADER_LENGTH = 8;

    /** Points this view at a UDP header. */
    public Udp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The length of header and data, as the header states it. */
    public int totalLength() {
        return u16(4);
    }

    public int checksum() {
        return u16(6);
    }
}
