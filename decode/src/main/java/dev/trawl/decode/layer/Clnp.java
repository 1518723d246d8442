package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A CLNP PDU (ISO 8473): the 9-byte fixed part, then the destination and source NSAPs each after a length byte, the
 * segmentation part when the PDU may be segmented, and options of a code byte and a length byte, which a printer
 * reads with the {@link TlvMessage} accessors.
 *
 * <pre>
 * +-------+-----------+---------+----------+----------------+----------------+----------+
 * | nlpid | length ind| version | lifetime | flags|pdu type | segment length | checksum |
 * +-------+-----------+---------+----------+----------------+----------------+----------+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Clnp extends OsiHeader {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Clnp() {
    }

    /** Points this view at a CLNP PDU. */
    public Clnp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code clnp.ttl}: the lifetime in units of 500 ms. */
    public int lifetime() {
        return u8(3);
    }

    /**
     * The flags {@code clnp.cnf.segmentation} (0x80), {@code clnp.cnf.more_segments} (0x40) and
     * {@code clnp.cnf.report_error} (0x20): the high three bits of the type byte.
     */
    public int flags() {
        return u8(4) & 0xE0;
    }

    /** {@code clnp.pdu.len}: the segment's length. */
    public int segmentLength() {
        return u16(5);
    }
}
