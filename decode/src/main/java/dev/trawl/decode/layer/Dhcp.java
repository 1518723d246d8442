package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A BOOTP/DHCP message (RFC 2131, options RFC 2132).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------+---------------+---------------+---------------+
 * |     op (1)    |   htype (1)   |   hlen (1)    |   hops (1)    |
 * +---------------+---------------+---------------+---------------+
 * |                            xid (4)                            |
 * +-------------------------------+-------------------------------+
 * |           secs (2)            |           flags (2)           |
 * +-------------------------------+-------------------------------+
 * |  ciaddr (4) | yiaddr (4) | siaddr (4) | giaddr (4)            |
 * |  chaddr (16) | sname (64) | file (128)                        |
 * |  magic cookie 99.130.83.99 | options (code, length, value)... |
 * +---------------------------------------------------------------+
 * </pre>
 *
 * Options are walked with {@link #firstOption()} / {@link #nextOption(int)}; -1 ends the walk (also at the
 * END option or a length past the data). A printer that shows every option as it lies (pads, values cut by
 * the capture) reads the bytes through {@link TlvMessage}'s accessors. See {@link Flyweight}; not thread-safe.
 */
public final class Dhcp extends TlvMessage {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Dhcp() {
    }

    /** The offset of the magic cookie. */
    public static final int COOKIE_OFFSET = 236;
    /** The magic cookie. */
    public static final long MAGIC_COOKIE = 0x63825363L;

    /** Points this view at a DHCP message. */
    public Dhcp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    public int op() {
        return u8(0);
    }

    public int hardwareType() {
        return u8(1);
    }

    public int hardwareLength() {
        return u8(2);
    }

    public int hops() {
        return u8(3);
    }

    public long transactionId() {
        return u32(4);
    }

    public int seconds() {
        return u16(8);
    }

    public int flags() {
        return u16(10);
    }

    public int clientAddress() {
        return (int) u32(12);
    }

    public int yourAddress() {
        return (int) u32(16);
    }

    public int serverAddress() {
        return (int) u32(20);
    }

    public int relayAddress() {
        return (int) u32(24);
    }

    /** The client hardware address as a 48-bit number (meaningful for Ethernet, hlen 6). */
    public long clientMac() {
        return u48(28);
    }

    /** Whether the magic cookie is present. */
    public boolean hasCookie() {
        return u32(COOKIE_OFFSET) == MAGIC_COOKIE && has(COOKIE_OFFSET, 4);
    }

    /** The relative offset of the first option, or -1. */
    public int firstOption() {
        return hasCookie() ? optionAt(COOKIE_OFFSET + 4) : -1;
    }

    private int optionAt(int rel) {
        int p = rel;
        while (has(p, 1) && u8(p) == 0) { // pad
            p++;
        }
        if (!has(p, 1) || u8(p) == 255) {
            return -1;
        }
        return has(p, 2) && has(p + 2, u8(p + 1)) ? p : -1;
    }

    /** The relative offset of the option after {@code option}, or -1. */
    public int nextOption(int option) {
        return optionAt(option + 2 + u8(option + 1));
    }

    public int optionCode(int option) {
        return u8(option);
    }

    public int optionLength(int option) {
        return u8(option + 1);
    }

    /** The DHCP message type (option 53), or -1 when absent. */
    public int messageType() {
        for (int o = firstOption(); o >= 0; o = nextOption(o)) {
            if (optionCode(o) == 53 && optionLength(o) == 1) {
                return u8(o + 2);
            }
        }
        return -1;
    }
}
