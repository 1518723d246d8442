package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A VRRP message (version 2, RFC 3768; version 3, RFC 5798).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version| Type  | Virtual Rtr ID|   Priority    | Count IP Addrs|
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  v2: Auth Type | Adver Int    |          Checksum             |
 * |  v3: rsvd |  Max Adver Int    |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           addresses (4 or 16 bytes each) ... v2: auth data (8)  |
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Vrrp extends Flyweight {
    /** The length of the fixed header. */
    public static final int HEADER_LENGTH = 8;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Vrrp() {
    }

    /** Points this view at a VRRP message. */
    public Vrrp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    public int version() {
        return u8(0) >>> 4;
    }

    /** 1 for an advertisement. */
    public int type() {
        return u8(0) & 0x0F;
    }

    public int virtualRouterId() {
        return u8(1);
    }

    public int priority() {
        return u8(2);
    }

    public int addressCount() {
        return u8(3);
    }

    /** Version 2's authentication type: 0 none, 1 simple text, 2 IP authentication header. */
    public int authType() {
        return u8(4);
    }

    /** The advertisement interval: seconds in version 2, centiseconds (12 bits) in version 3. */
    public int interval() {
        return version() == 3 ? (u8(4) & 0x0F) << 8 | u8(5) : u8(5);
    }

    public int checksum() {
        return u16(6);
    }

    /** The {@code i}th IPv4 address. */
    public int ipv4Address(int i) {
        return (int) u32(HEADER_LENGTH + 4 * i);
    }

    /** Copies the {@code i}th IPv6 address into {@code dst} (16 bytes). */
    public void ipv6Address(int i, byte[] dst) {
        copy(HEADER_LENGTH + 16 * i, dst);
    }

    /** The unsigned byte at {@code rel} (version 2's authentication data follows the addresses). */
    public int byteAt(int rel) {
        return u8(rel);
    }
}
