package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An IEEE 802.2 LLC header, with the SNAP extension when both SAPs are 0xAA and the frame is unnumbered.
 *
 * <pre>
 * +--------+--------+----------------+   U-format: 1-byte control; I- and S-format: 2 bytes
 * |  DSAP  |  SSAP  | Control (1|2)  |
 * +--------+--------+----------------+---------------------------+
 * |            SNAP: OUI (3 bytes)   |   Protocol id (2 bytes)   |
 * +----------------------------------+---------------------------+
 * </pre>
 *
 * The low bit of the DSAP is the individual/group bit, the low bit of the SSAP the command/response bit. See
 * {@link Flyweight}; not thread-safe.
 */
public final class Llc extends Flyweight {
    /** The SAP of SNAP. */
    public static final int SAP_SNAP = 0xAA;
    /** The control value of an unnumbered information frame. */
    public static final int CONTROL_UI = 0x03;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Llc() {
    }

    /** Points this view at an LLC header. */
    public Llc wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The destination SAP byte, with its individual/group bit. */
    public int dsapField() {
        return u8(0);
    }

    /** The source SAP byte, with its command/response bit. */
    public int ssapField() {
        return u8(1);
    }

    /** The first control byte. */
    public int control() {
        return u8(2);
    }

    /** Whether the control field is the one-byte U-format (else I- or S-format, two bytes). */
    public boolean isUnnumbered() {
        return (u8(2) & 3) == 3;
    }

    /** The two-byte control field of I- and S-format frames, which is little-endian. */
    public int control16() {
        return u16le(2);
    }

    /** The header's length without SNAP: 3 for U-format frames, 4 otherwise. */
    public int headerLength() {
        return isUnnumbered() ? 3 : 4;
    }

    /** Whether this is a SNAP header (both SAPs 0xAA, unnumbered information). */
    public boolean isSnap() {
        return (u8(0) & 0xFE) == SAP_SNAP && (u8(1) & 0xFE) == SAP_SNAP && u8(2) == CONTROL_UI;
    }

    /** SNAP's organisation code. */
    public int oui() {
        return u24(3);
    }

    /** SNAP's protocol id (an EtherType when the OUI is 0). */
    public int protocolId() {
        return u16(6);
    }
}
