package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An ISAKMP (IKE) message header (RFC 2408, RFC 7296), followed by payloads of a next-payload byte, a
 * reserved byte and a 16-bit length, which a printer walks with the {@link TlvMessage} accessors.
 *
 * <pre>
 * +-------------------------------+-------------------------------+
 * |                initiator cookie / SPI (8)                     |
 * |                responder cookie / SPI (8)                     |
 * +---------------+-------+-------+---------------+---------------+
 * | next payload  | major | minor | exchange type |     flags     |
 * +---------------+-------+-------+---------------+---------------+
 * |                          message id                           |
 * |                            length                             |
 * +-------------------------------+-------------------------------+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Isakmp extends TlvMessage {
    /** The length of the header before the first payload. */
    public static final int HEADER_LENGTH = 28;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Isakmp() {
    }

    /** Points this view at an ISAKMP message. */
    public Isakmp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code isakmp.ispi}: the initiator's cookie, as a 64-bit number. */
    public long initiatorCookie() {
        return u32(0) << 32 | u32(4);
    }

    /** {@code isakmp.rspi}: the responder's cookie, as a 64-bit number (0 before the responder answered). */
    public long responderCookie() {
        return u32(8) << 32 | u32(12);
    }

    /** {@code isakmp.nextpayload}. */
    public int nextPayload() {
        return u8(16);
    }

    /** {@code isakmp.version}'s major number: 1 for IKEv1, 2 for IKEv2. */
    public int majorVersion() {
        return u8(17) >>> 4;
    }

    /** {@code isakmp.version}'s minor number. */
    public int minorVersion() {
        return u8(17) & 0x0F;
    }

    /** {@code isakmp.exchangetype}. */
    public int exchangeType() {
        return u8(18);
    }

    /** {@code isakmp.flags}. */
    public int flags() {
        return u8(19);
    }

    /** {@code isakmp.messageid}. */
    public long messageId() {
        return u32(20);
    }

    /** {@code isakmp.length}. */
    public long length() {
        return u32(24);
    }
}
