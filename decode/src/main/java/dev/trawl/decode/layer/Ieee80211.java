package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * The IEEE 802.11 MAC header: frame control, duration and addresses (a radiotap header, when present, is a
 * separate layer before it; its length is the little-endian 16-bit value at offset 2).
 *
 * <pre>
 * | Frame Control (16, little-endian) | Duration/ID (16) | Address 1 (48) | Address 2 (48) |
 * | Address 3 (48) | Sequence Control (16) | Address 4 (48, WDS only) | QoS Control (16, QoS data) |
 * Frame control, first byte:  | subtype (4) | type (2) | version (2) |
 * Frame control, second byte: | order | protected | more data | power mgmt | retry | more frag |
 *                             | from DS | to DS |
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Ieee80211 extends Flyweight {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Ieee80211() {
    }

    public static final int TYPE_MANAGEMENT = 0;
    public static final int TYPE_CONTROL = 1;
    public static final int TYPE_DATA = 2;

    /** Points this view at an 802.11 MAC header. */
    public Ieee80211 wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The frame control field as Wireshark shows it ({@code wlan.fc}: first byte high). */
    public int frameControl() {
        return u16(0);
    }

    public int protocolVersion() {
        return u8(0) & 3;
    }

    public int type() {
        return (u8(0) >>> 2) & 3;
    }

    public int subtype() {
        return u8(0) >>> 4;
    }

    /** The flags byte (to DS, from DS, more fragments, retry, power management, more data, protected, order). */
    public int flags() {
        return u8(1);
    }

    public boolean toDs() {
        return (u8(1) & 0x01) != 0;
    }

    public boolean fromDs() {
        return (u8(1) & 0x02) != 0;
    }

    public boolean isProtected() {
        return (u8(1) & 0x40) != 0;
    }

    /** The duration/ID field (little-endian). */
    public int duration() {
        return u16le(2);
    }

    /** Address 1 (receiver) as a 48-bit number. */
    public long address1() {
        return u48(4);
    }

    /** Address 2 (transmitter), 0 when the frame has none. */
    public long address2() {
        return u48(10);
    }

    /** Address 3, 0 when the frame has none. */
    public long address3() {
        return u48(16);
    }

    /** The sequence number (12 bits of the sequence control field). */
    public int sequenceNumber() {
        return u16le(22) >>> 4;
    }

    /** Address 4 (the source of a frame between distribution systems), 0 when the frame has none. */
    public long address4() {
        return u48(24);
    }

    /** The 48-bit address at {@code rel} (control frames place theirs after the first), 0 when not captured. */
    public long addressAt(int rel) {
        return u48(rel);
    }

    /**
     * The little-endian 16-bit value at {@code rel}, 0 when not captured: the fixed fields of a management body
     * (capability, status and reason codes, authentication algorithm and sequence), a block ack request's
     * control and sequence, a PS-Poll's association ID.
     */
    public int fixed16(int rel) {
        return u16le(rel);
    }

    /** The little-endian 32-bit value at {@code rel} (a protected frame's IV and key ID), 0 when not captured. */
    public long fixed32(int rel) {
        return has(rel, 4) ? (long) u16le(rel + 2) << 16 | u16le(rel) : 0;
    }

    /** The unsigned byte at {@code rel}, 0 when not captured. */
    public int byteAt(int rel) {
        return u8(rel);
    }
}
