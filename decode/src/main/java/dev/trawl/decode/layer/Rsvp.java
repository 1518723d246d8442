package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An RSVP message (RFC 2205): an eight-byte common header, then objects of a 16-bit length (header included), a
 * class number and a class type, which a printer walks with the {@link TlvMessage} accessors. A Bundle message
 * (RFC 2961) holds whole messages, each with its own common header, in place of objects.
 *
 * <pre>
 * +-------------+-------------+-------------+-------------+
 * | Vers | Flags|  Msg Type   |       RSVP Checksum       |
 * +-------------+-------------+-------------+-------------+
 * |  Send_TTL   | (Reserved)  |        RSVP Length        |
 * +-------------+-------------+-------------+-------------+
 * |       Length (bytes)      |  Class-Num  |   C-Type    |  object header
 * +-------------+-------------+-------------+-------------+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Rsvp extends TlvMessage {
    /** The length of the common header. */
    public static final int HEADER_LENGTH = 8;
    /** The length of an object's header. */
    public static final int OBJECT_HEADER_LENGTH = 4;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Rsvp() {
    }

    /** Points this view at an RSVP message. */
    public Rsvp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code rsvp.version} of the header at {@code rel}: 1 today. */
    public int version(int rel) {
        return u8(rel) >>> 4;
    }

    /** {@code rsvp.flags} of the header at {@code rel} (bit 0: refresh reduction capable). */
    public int flags(int rel) {
        return u8(rel) & 0x0F;
    }

    /** {@code rsvp.msg} of the header at {@code rel}: Path 1, Resv 2, ..., Bundle 12, Hello 20. */
    public int messageType(int rel) {
        return u8(rel + 1);
    }

    /** {@code rsvp.checksum} of the header at {@code rel}. */
    public int checksum(int rel) {
        return u16(rel + 2);
    }

    /** {@code rsvp.ttl} of the header at {@code rel}: the Send_TTL. */
    public int sendTtl(int rel) {
        return u8(rel + 4);
    }

    /** {@code rsvp.length} of the header at {@code rel}: the message's length, common header included. */
    public int messageLength(int rel) {
        return u16(rel + 6);
    }
}
