package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * The 16-byte pseudo-header of libpcap's SLIP captures (LINKTYPE_SLIP) and the packet after it:
 *
 * <pre>
 * +-----------+--------------------+-------------------------------------+------------------
 * | direction | compression header | rest of the compressed TCP/IP header | IP packet ...
 * +-----------+--------------------+-------------------------------------+------------------
 *       1                1                         14
 * </pre>
 *
 * The direction is 0 for a received packet and 1 for a sent one; the compression header's high nibble says
 * whether the packet was sent as plain IP (0x40), uncompressed TCP (0x70) or compressed TCP (0x80 set). See
 * {@link Flyweight}; not thread-safe.
 */
public final class Slip extends TlvMessage {
    /** The length of the pseudo-header. */
    public static final int HEADER_LENGTH = 16;
    /** Direction: received. */
    public static final int IN = 0;
    /** Direction: sent. */
    public static final int OUT = 1;
    /** Compression header: a plain IP packet. */
    public static final int TYPE_IP = 0x40;
    /** Compression header: TCP sent uncompressed, with the connection number in the IP protocol field. */
    public static final int TYPE_UNCOMPRESSED_TCP = 0x70;
    /** Compression header bit: Van Jacobson compressed TCP. */
    public static final int TYPE_COMPRESSED_TCP = 0x80;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Slip() {
    }

    /** Points this view at a SLIP pseudo-header and the packet after it. */
    public Slip wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The direction byte. */
    public int direction() {
        return u8(0);
    }

    /** The compression header byte. */
    public int compressionHeader() {
        return u8(1);
    }

    /** The connection number of an uncompressed TCP packet, kept in the copied IP header's protocol field. */
    public int connection() {
        return u8(1 + 9);
    }

    /** The version nibble of the packet after the pseudo-header (0 when not captured). */
    public int ipVersion() {
        return u8(HEADER_LENGTH) >> 4;
    }
}
