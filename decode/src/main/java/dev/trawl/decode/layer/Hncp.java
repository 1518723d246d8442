package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An HNCP packet (RFC 7788, over DNCP, RFC 7787; UDP port 8231): a sequence of TLVs, each a 16-bit type, a 16-bit
 * body length and the body padded to a multiple of four bytes, some of which nest further TLVs after their
 * fixed fields. A printer walks them through the bounds-checked accessors of {@link TlvMessage}.
 *
 * <pre>
 * +-----------------+-----------------+
 * | type            | body length     |
 * +-----------------+-----------------+
 * | body ... padding to 4 bytes       |
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Hncp extends TlvMessage {
    /** The length of a TLV's header. */
    public static final int TLV_HEADER_LENGTH = 4;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Hncp() {
    }

    /** Points this view at an HNCP packet. */
    public Hncp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The type of the TLV at {@code rel}. */
    public int tlvType(int rel) {
        return u16(rel);
    }

    /** The body length of the TLV at {@code rel}, padding excluded. */
    public int tlvLength(int rel) {
        return u16(rel + 2);
    }
}
