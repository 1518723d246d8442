package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An Ethernet configuration testing protocol frame (ethertype 0x9000, "loopback"): a little-endian skip
 * count, the bytes it skips, then messages of a little-endian function code (1 reply, 2 forward data) and
 * their fields.
 *
 * <pre>
 * +------------+-------------+----------+----------------------------------------+
 * | skip count | skipped ... | function | reply: receipt number, data            |
 * |  (2, LE)   |             | (2, LE)  | forward: forwarding address (6), data  |
 * +------------+-------------+----------+----------------------------------------+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class EthernetLoopback extends TlvMessage {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public EthernetLoopback() {
    }

    /** Points this view at a loopback frame's payload. */
    public EthernetLoopback wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code loop.skipcount}. */
    public int skipCount() {
        return u16le(0);
    }

    /** The little-endian 16-bit value at {@code rel} (a function code, a receipt number), or 0. */
    public int littleEndianShortAt(int rel) {
        return u16le(rel);
    }
}
