package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An ICMP (RFC 792) or ICMPv6 (RFC 4443) message header; the two share this layout.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Rest of header (identifier/sequence, MTU, ...)      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Error messages (destination unreachable, time exceeded, ...) quote the offending packet after these
 * 8 bytes; the decoder records the quote as further layers flagged
 * {@link dev.trawl.decode.LayerFlags#QUOTED}. See {@link Flyweight}; not thread-safe.
 */
public final class Icmp extends Flyweight {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Icmp() {
    }

    /** The length of the header including the rest-of-header word. */
    public static final int HEADER_LENGTH = 8;

    /** Points this view at an ICMP or ICMPv6 header. */
    public Icmp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    public int type() {
        return u8(0);
    }

    public int code() {
        return u8(1);
    }

    public int checksum() {
        return u16(2);
    }

    /** The identifier of an echo request/reply. */
    public int identifier() {
        return u16(4);
    }

    /** The sequence number of an echo request/reply. */
    public int sequenceNumber() {
        return u16(6);
    }

    /** The second 32-bit word (rest of header). */
    public long restOfHeader() {
        return u32(4);
    }
}
