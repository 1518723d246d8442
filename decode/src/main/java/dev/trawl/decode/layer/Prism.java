package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * The header that Prism-based and AVS monitor-mode drivers put before an 802.11 frame
 * (LINKTYPE_IEEE802_11_PRISM). A Prism header is 144 bytes: a message code, its length (little-endian) and
 * the device name, then a fixed list of value items. An AVS header, told by its big-endian magic cookie
 * ({@code 0x80211001} or {@code 0x80211002}), states its own length (big-endian) after the cookie.
 *
 * <p>See {@link Flyweight}; not thread-safe.
 */
public final class Prism extends Flyweight {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Prism() {
    }

    /** The length of a Prism header. */
    public static final int PRISM_LENGTH = 144;

    /** Points this view at a Prism or AVS header. */
    public Prism wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** Whether the header is an AVS one (its first four bytes hold the AVS magic cookie). */
    public boolean isAvs() {
        long cookie = u32(0);
        return cookie == 0x80211001L || cookie == 0x80211002L;
    }

    /** An AVS header's stated length (big-endian, after the cookie). */
    public long avsLength() {
        return u32(4);
    }
}
