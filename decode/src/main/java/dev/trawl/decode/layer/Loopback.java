package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * The 4-byte header of BSD loopback captures (LINKTYPE_NULL, the address family in the capturing host's byte
 * order) and OpenBSD loopback captures (LINKTYPE_LOOP, network byte order). Wireshark calls the field
 * {@code null.family}.
 *
 * <pre>
 *  0                   1                   2                   3
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Address family (AF_INET 2, AF_INET6 10/24/28/30)       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Loopback extends Flyweight {
    /** The header length. */
    public static final int HEADER_LENGTH = 4;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Loopback() {
    }

    /** Points this view at a loopback header. */
    public Loopback wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /**
     * The address family, read in network order when that gives a value below 65,536 and in little-endian order
     * otherwise (a capture written by a little-endian host), as Wireshark and tcpdump read it.
     */
    public long family() {
        long family = u32(0);
        if ((family & 0xFFFF0000L) != 0) {
            family = Integer.toUnsignedLong(Integer.reverseBytes((int) family));
        }
        return family;
    }
}
