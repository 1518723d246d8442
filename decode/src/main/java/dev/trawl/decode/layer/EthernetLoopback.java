package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * The Ethernet configuration testing protocol (Ethernet v2 "loopback", EtherType 0x9000): a skip count, then
 * the messages, each a function code (1 reply, 2 forward data) and its fields. Its numbers are little-endian.
 *
 * <pre>
 * +---------------+---------------+------------------------+---------------------------+
 * | skipCount (2) | skipped bytes | function (2)           | receipt number (2) or     |
 * |               |               |                        | forwarding address (6)... |
 * +---------------+---------------+------------------------+---------------------------+
 * </pre>
 *
 * A printer reads the fields it walks through {@link TlvMessage}'s accessors and {@link #le16(int)}. See
 * {@link Flyweight}; not thread-safe.
 */
public final class EthernetLoopback extends TlvMessage {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public EthernetLoopback() {
    }

    /** Points this view at the message. */
    public EthernetLoopback wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The little-endian 16-bit value at {@code rel}, or 0 outside the region. */
    public int le16(int rel) {
        return u8(rel) | u8(rel + 1) << 8;
    }

    /** The number of bytes to skip before the message for this station. */
    public int skipCount() {
        return le16(0);
    }
}
