package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An IEEE 802.1AE MACsec SecTAG (EtherType 0x88E5), the header between an Ethernet frame's addresses and its
 * protected data; a 16-byte ICV ends the frame.
 *
 * <pre>
 * +---------+--------+-----------------+--------------------------+
 * | TCI, AN |   SL   |  packet number  |  SCI (when TCI has SC)   |
 * +---------+--------+-----------------+--------------------------+
 *  V ES SC SCB E C AN   2 bits of 0,     4 bytes                     8 bytes: system id (MAC), port
 *                       6 of short length
 * </pre>
 *
 * Without E and C the data is in clear: an EtherType and its payload. See {@link Flyweight}; not thread-safe.
 */
public final class Macsec extends Flyweight {
    /** The SecTAG's length without an SCI. */
    public static final int SECTAG_LENGTH = 6;
    /** The SecTAG's length with an SCI. */
    public static final int SECTAG_LENGTH_SCI = 14;
    /** The length of the integrity check value that ends the frame (the default cipher suites'). */
    public static final int ICV_LENGTH = 16;
    /** TCI bit: version, which must be 0. */
    public static final int TCI_VERSION = 0x80;
    /** TCI bit: sent by an end station. */
    public static final int TCI_ES = 0x40;
    /** TCI bit: an SCI follows the packet number. */
    public static final int TCI_SC = 0x20;
    /** TCI bit: single copy broadcast. */
    public static final int TCI_SCB = 0x10;
    /** TCI bit: the data is encrypted. */
    public static final int TCI_E = 0x08;
    /** TCI bit: the data was changed (encrypted, or a cipher suite that changes it). */
    public static final int TCI_C = 0x04;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Macsec() {
    }

    /** Points this view at a SecTAG. */
    public Macsec wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The TCI bits in place: the first byte without the association number ({@code macsec.TCI} shifted left 2). */
    public int tci() {
        return u8(0) & 0xfc;
    }

    /** The association number ({@code macsec.AN}). */
    public int associationNumber() {
        return u8(0) & 0x03;
    }

    /** The second byte, whose low 6 bits are the short length and high 2 bits must be 0. */
    public int shortLengthByte() {
        return u8(1);
    }

    /** The short length ({@code macsec.SL}): the data's length when under 48 bytes, else 0. */
    public int shortLength() {
        return u8(1) & 0x3f;
    }

    /** The packet number ({@code macsec.PN}). */
    public long packetNumber() {
        return u32(2);
    }

    /** Whether the TCI says an SCI is present. */
    public boolean hasSci() {
        return (u8(0) & TCI_SC) != 0;
    }

    /** The length of this SecTAG: 14 with an SCI, else 6. */
    public int sectagLength() {
        return hasSci() ? SECTAG_LENGTH_SCI : SECTAG_LENGTH;
    }

    /** The 8-byte SCI (system identifier and port), when {@link #hasSci()}; 0 if not captured. */
    public long sci() {
        return has(6, 8) ? u32(6) << 32 | u32(10) : 0;
    }

    /** Whether the data is in clear: neither E nor C is set. */
    public boolean integrityOnly() {
        return (u8(0) & (TCI_E | TCI_C)) == 0;
    }
}
