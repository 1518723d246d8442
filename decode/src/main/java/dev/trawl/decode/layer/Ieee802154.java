package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An IEEE 802.15.4 MAC frame (LINKTYPE_IEEE802_15_4_WITHFCS and _NOFCS): a little-endian frame control field,
 * an optional sequence number, then PAN identifiers and addresses whose presence the frame control field says.
 *
 * <pre>
 * | Frame Control (16, little-endian) | Sequence (8, unless suppressed) | Dst PAN (16) | Dst address (0/16/64) |
 * | Src PAN (16) | Src address (0/16/64) | [Aux security header] [IEs] | payload | FCS (16 or 32) |
 * Frame control: | src mode (2) | version (2) | dst mode (2) | IE present | seq suppressed | reserved |
 *                | PAN ID compression | ack request | frame pending | security | type (3) |
 * </pre>
 *
 * <p>Whether the frame ends with an FCS, and of which size, is not in the frame: {@link #fcsLength()} finds it
 * by checking a 32-bit and then a 16-bit CRC (both with initial value 0, as 802.15.4 defines them) against the
 * frame's last bytes. See {@link Flyweight}; not thread-safe.
 */
public final class Ieee802154 extends Flyweight {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Ieee802154() {
    }

    /** Points this view at an 802.15.4 frame. */
    public Ieee802154 wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The frame control field. */
    public int frameControl() {
        return u16le(0);
    }

    /** The frame type (0 beacon, 1 data, 2 ack, 3 command, 5 multipurpose, 6 fragment). */
    public int frameType() {
        return frameControl() & 7;
    }

    /** The frame version (0 to 3). */
    public int frameVersion() {
        return (frameControl() >>> 12) & 3;
    }

    /**
     * The length of the address field of addressing mode {@code mode} (0 none, 2 short, 3 extended): 0, 2 or 8
     * bytes; -1 for the reserved mode 1.
     */
    public static int addressLength(int mode) {
        return switch (mode & 3) {
            case 0 -> 0;
            case 2 -> 2;
            case 3 -> 8;
            default -> -1;
        };
    }

    /** The length of the destination address (see {@link #addressLength(int)}). */
    public int destinationAddressLength() {
        return addressLength(frameControl() >>> 10);
    }

    /** The length of the source address (see {@link #addressLength(int)}). */
    public int sourceAddressLength() {
        return addressLength(frameControl() >>> 14);
    }

    /** The little-endian 16-bit value at {@code rel} (a PAN identifier or short address), 0 if not captured. */
    public int u16leAt(int rel) {
        return u16le(rel);
    }

    /**
     * The FCS's length as found from the captured bytes: 4 when the last four bytes hold the 32-bit CRC of the
     * rest, else 2 when the last two hold the 16-bit CRC, else 0.
     */
    public int fcsLength() {
        int n = regionLength();
        if (n < 4) {
            return 0;
        }
        long stored32 = (long) u16le(n - 2) << 16 | u16le(n - 4);
        if (crc32(n - 4) == stored32) {
            return 4;
        }
        return crc16(n - 2) == u16le(n - 2) ? 2 : 0;
    }

    /** The reflected CCITT CRC (polynomial 0x1021) with initial value 0 over the first {@code n} bytes. */
    private int crc16(int n) {
        int crc = 0;
        for (int i = 0; i < n; i++) {
            crc ^= u8(i);
            for (int b = 0; b < 8; b++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
            }
        }
        return crc;
    }

    /** The reflected CRC-32 (polynomial 0x04C11DB7) with initial value 0 and no final XOR. */
    private long crc32(int n) {
        int crc = 0;
        for (int i = 0; i < n; i++) {
            crc ^= u8(i);
            for (int b = 0; b < 8; b++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xEDB88320 : crc >>> 1;
            }
        }
        return crc & 0xFFFF_FFFFL;
    }
}
