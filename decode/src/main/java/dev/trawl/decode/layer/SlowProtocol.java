package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A slow protocols PDU (IEEE 802.3 annex 57A): a subtype (1 LACP, 2 marker, 3 OAM, 10 OSSP), a version, then
 * for LACP and the marker protocol type-length-value records whose one-byte length counts the two header bytes.
 *
 * <pre>
 * +---------+---------+------+--------+--------------------+
 * | subtype | version | type | length | value (length - 2) | ...
 * +---------+---------+------+--------+--------------------+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class SlowProtocol extends TlvMessage {
    /** The subtype of LACP. */
    public static final int LACP = 1;
    /** The subtype of the marker protocol. */
    public static final int MARKER = 2;
    /** The subtype of Ethernet OAM. */
    public static final int OAM = 3;
    /** Where the first record of LACP and the marker protocol starts. */
    public static final int FIRST_TLV = 2;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public SlowProtocol() {
    }

    /** Points this view at a PDU, from its subtype. */
    public SlowProtocol wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    public int subtype() {
        return u8(0);
    }

    public int version() {
        return u8(1);
    }
}
