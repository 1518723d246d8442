package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * The capture header that Juniper routers put before every frame of their link types (LINKTYPE_JUNIPER_ETHER,
 * _ATM1, _ES, _MONITOR and the others): a magic number, flags, optional extension records, and for most
 * interface types a cookie whose length depends on the interface and on its first byte.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |              magic "MGC"                      |     flags     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | extensions' length (flag 0x80)|  type  | length | value ...  (records)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | cookie (0 to 8 bytes, by interface type) ...   | protocol    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * With flag {@link #FLAG_NO_L2} the frame's link header was stripped and four bytes precede the network header.
 * The view is wrapped over the captured bytes from the header's start to the frame's end. See {@link Flyweight};
 * not thread-safe.
 */
public final class Juniper extends TlvMessage {
    /** The magic number, "MGC". */
    public static final int MAGIC = 0x4D4743;
    /** Flag: the packet came in on the interface (else it went out). */
    public static final int FLAG_IN = 0x01;
    /** Flag: the link header was stripped. */
    public static final int FLAG_NO_L2 = 0x02;
    /** Flag: extension records follow the flags. */
    public static final int FLAG_EXTENSIONS = 0x80;
    /** A cookie's first byte that makes it two bytes longer (a link-services interface). */
    public static final int COOKIE_LINK_SERVICES = 0x54;
    /** A cookie's first byte that makes it eight bytes long (an adaptive-services interface). */
    public static final int COOKIE_ADAPTIVE_SERVICES = 0x47;
    /** The length of an extension record's type and length. */
    public static final int RECORD_HEADER = 2;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Juniper() {
    }

    /** Points this view at a Juniper capture header and what follows it, up to the frame's end. */
    public Juniper wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** Whether the header starts with the magic number (false when fewer than three bytes were captured). */
    public boolean hasMagic() {
        return has(0, 3) && u24(0) == MAGIC;
    }

    /** The flags byte ({@code juniper.flags}). */
    public int flags() {
        return u8(3);
    }

    /** The length of the extension records ({@code juniper.ext_total_len}), when {@link #FLAG_EXTENSIONS} is set. */
    public int extensionsLength() {
        return u16(4);
    }

    /**
     * Walks the extension records as Juniper's own tools do, stopping at a record of type or length 0, and
     * returns the first record whose stated length overruns the space left for records: its length with the
     * record header in the low 16 bits, the space left above them; -1 when no record overruns.
     */
    public long overrunningRecord() {
        int left = extensionsLength();
        int at = 6;
        while (left > RECORD_HEADER) {
            int type = u8(at);
            int length = u8(at + 1);
            if (type == 0 || length == 0) {
                break;
            }
            if (left < length + RECORD_HEADER) {
                return (long) left << 16 | (length + RECORD_HEADER);
            }
            at += RECORD_HEADER + length;
            left -= RECORD_HEADER + length;
        }
        return -1;
    }

    /** The length of the magic number, flags and extensions: where the cookie (or the stripped-header word) starts. */
    public int headerLength() {
        return (flags() & FLAG_EXTENSIONS) != 0 ? 6 + extensionsLength() : 4;
    }

    /**
     * The length of the cookie that starts at {@code rel} on an interface whose cookies are {@code base} bytes
     * long: two more on a link-services interface, eight on an adaptive-services one.
     */
    public int cookieLength(int rel, int base) {
        int first = u8(rel);
        return first == COOKIE_LINK_SERVICES ? base + 2 : first == COOKIE_ADAPTIVE_SERVICES ? 8 : base;
    }
}
