package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A Link Layer Discovery Protocol message (IEEE 802.1AB): records with a 7-bit type and a 9-bit length of the
 * value that follows the 2-byte header; type 0 ends the message.
 *
 * <pre>
 * +--------------+----------------+--------------------+
 * | type (7 bits)| length (9 bits)| value (length)     | ...
 * +--------------+----------------+--------------------+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Lldp extends TlvMessage {
    /** The type of the record that ends the message. */
    public static final int END = 0;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Lldp() {
    }

    /** Points this view at an LLDP message. */
    public Lldp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The type of the record whose header is at {@code rel}. */
    public int tlvType(int rel) {
        return u16(rel) >>> 9;
    }

    /** The length of the value of the record whose header is at {@code rel}. */
    public int tlvLength(int rel) {
        return u16(rel) & 0x1FF;
    }
}
