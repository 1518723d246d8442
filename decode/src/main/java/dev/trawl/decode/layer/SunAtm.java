package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * The pseudo-header of Sun's raw ATM captures (LINKTYPE_SUNATM) and the cell payload after it:
 *
 * <pre>
 * +-----------------+-----+---------+--------------------
 * | direction, type | VPI |   VCI   | payload ...
 * +-----------------+-----+---------+--------------------
 *          1           1       2
 * </pre>
 *
 * The first byte's high bit is set for a transmitted cell; its low nibble is the traffic type (1 LANE, 2 LLC).
 * See {@link Flyweight}; not thread-safe.
 */
public final class SunAtm extends TlvMessage {
    /** The length of the pseudo-header. */
    public static final int HEADER_LENGTH = 4;
    /** Traffic type: LAN emulation. */
    public static final int TYPE_LANE = 1;
    /** Traffic type: LLC encapsulation. */
    public static final int TYPE_LLC = 2;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public SunAtm() {
    }

    /** Points this view at a pseudo-header and the payload after it. */
    public SunAtm wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** Whether the cell was transmitted (else received). */
    public boolean transmitted() {
        return (u8(0) & 0x80) != 0;
    }

    /** The traffic type, the first byte's low nibble. */
    public int trafficType() {
        return u8(0) & 0x0f;
    }

    /** The virtual path identifier ({@code atm.vpi}). */
    public int vpi() {
        return u8(1);
    }

    /** The virtual channel identifier ({@code atm.vci}). */
    public int vci() {
        return u16(2);
    }
}
