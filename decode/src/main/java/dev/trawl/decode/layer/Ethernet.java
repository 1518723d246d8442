package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * Ethernet II / IEEE 802.3 MAC header.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Destination MAC (6 octets)                 |
 * +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                               |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+        Source MAC (6 octets)  +
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     EtherType or Length       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * A type/length value of 1536 (0x0600) or more is an EtherType (Ethernet II); 1500 or less is an 802.3
 * length followed by an LLC header. See {@link Flyweight} for the reading rules; not thread-safe.
 */
public final class Ethernet extends Flyweight {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Ethernet() {
    }

    /** The header length. */
    public static final int HEADER_LENGTH = 14;
    /** The largest type/length value that is an 802.3 length. */
    public static final int MAX_LENGTH = 1500;

    /** Points this view at an Ethernet header. */
    public Ethernet wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The destination MAC address as a 48-bit number. */
    public long destination() {
        return u48(0);
    }

    /** The source MAC address as a 48-bit number. */
    public long source() {
        return u48(6);
    }

    /** The EtherType or 802.3 length field. */
    public int typeOrLength() {
        return u16(12);
    }

    /** Whether {@link #typeOrLength()} is an EtherType (at least 0x0600). */
    public boolean isEthernetII() {
        return typeOrLength() >= 0x0600;
    }
}
