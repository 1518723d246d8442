package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An IEEE 802.1Q (or 802.1ad service) VLAN tag, as it follows the EtherType 0x8100 / 0x88a8.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | PCP |D|         VLAN ID       |     EtherType (or length)     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Vlan extends Flyweight {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Vlan() {
    }

    /** The tag length (after the TPID). */
    public static final int HEADER_LENGTH = 4;

    /** Points this view at a tag. */
    public Vlan wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The tag control information (16 bits). */
    public int tci() {
        return u16(0);
    }

    /** The priority code point (3 bits). */
    public int priority() {
        return u16(0) >>> 13;
    }

    /** The drop eligible indicator / CFI bit. */
    public int dei() {
        return (u16(0) >>> 12) & 1;
    }

    /** The VLAN identifier (12 bits). */
    public int id() {
        return u16(0) & 0x0FFF;
    }

    /** The EtherType (or 802.3 length) of what follows. */
    public int etherType() {
        return u16(2);
    }
}
