package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * The Per-Packet Information header of LINKTYPE_PPI captures, little-endian, before the frame it describes:
 *
 * <pre>
 * +---------+-------+--------+------------------------+------------------------+-----------
 * | version | flags | length | link type (a DLT value) | fields (length - 8) ... | frame ...
 * +---------+-------+--------+------------------------+------------------------+-----------
 *      1        1       2                4
 * </pre>
 *
 * The length covers the whole header, fields included; the specification allows 8 to 65,532. See
 * {@link Flyweight}; not thread-safe.
 */
public final class Ppi extends TlvMessage {
    /** The length of the fixed part of the header. */
    public static final int HEADER_LENGTH = 8;
    /** The largest header length the specification allows. */
    public static final int MAX_LENGTH = 65_532;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Ppi() {
    }

    /** Points this view at a PPI header and the frame after it. */
    public Ppi wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The version (0 for the only one defined). */
    public int version() {
        return u8(0);
    }

    /** The flags byte. */
    public int flags() {
        return u8(1);
    }

    /** The length of the whole header, fields included. */
    public int headerLength() {
        return u16le(2);
    }

    /** The link type of the frame after the header, as a {@code DLT_} value. */
    public long dlt() {
        return (long) u16le(6) << 16 | u16le(4);
    }
}
