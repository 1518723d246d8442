package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * Apple's PKTAP capture header (LINKTYPE_PKTAP), little-endian, before a frame of the link type it names:
 *
 * <pre>
 * +------------+-------------+-----------+----------------+-------+----------------------------------+
 * | header len | record type | link type | interface name | flags | family, process, service, ...    |
 * +------------+-------------+-----------+----------------+-------+----------------------------------+
 *       4             4            4            24            4       (108 bytes in all, or more)
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Pktap extends Flyweight {
    /** The length of the header as Apple defines it. */
    public static final int HEADER_LENGTH = 108;
    /** The length of the fields up to the link type. */
    public static final int FIXED_LENGTH = 12;
    /** Record type: nothing follows the header. */
    public static final int RECORD_NONE = 0;
    /** Record type: a packet follows the header. */
    public static final int RECORD_PACKET = 1;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Pktap() {
    }

    /** Points this view at a PKTAP header. */
    public Pktap wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The header's stated length ({@code pktap.hdrlen}). */
    public long headerLength() {
        return u32le(0);
    }

    /** The record type ({@code pktap.rectype}). */
    public long recordType() {
        return u32le(4);
    }

    /** The link type (a {@code DLT_} value) of the packet that follows ({@code pktap.dlt}). */
    public long linkType() {
        return u32le(8);
    }

    private long u32le(int rel) {
        return (long) u16le(rel + 2) << 16 | u16le(rel);
    }
}
