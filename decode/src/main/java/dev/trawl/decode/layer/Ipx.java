package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An IPX header (Novell), and the SAP or RIP message after it, which a printer walks at offsets past
 * {@link #HEADER_LENGTH}.
 *
 * <pre>
 *  0      2      4    5    6             10                 16     18            22                 28     30
 * +------+------+----+----+-------------+------------------+------+-------------+------------------+------+
 * | csum | len  | tc |type| dst network | dst node (MAC)   | dst  | src network | src node (MAC)   | src  |
 * |      |      |    |    |             |                  | sock |             |                  | sock |
 * +------+------+----+----+-------------+------------------+------+-------------+------------------+------+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Ipx extends TlvMessage {
    /** The length of the header. */
    public static final int HEADER_LENGTH = 30;
    /** Where the destination's network, node and socket start. */
    public static final int DESTINATION = 6;
    /** Where the source's network, node and socket start. */
    public static final int SOURCE = 18;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Ipx() {
    }

    /** Points this view at an IPX packet. */
    public Ipx wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code ipx.len}: the packet's length, header included, or 0. */
    public int length() {
        return u16(2);
    }

    /** {@code ipx.dst.socket}, or 0. */
    public int destinationSocket() {
        return u16(DESTINATION + 10);
    }

    /** The network number of the address at {@code at} ({@link #SOURCE} or {@link #DESTINATION}), or 0. */
    public long network(int at) {
        return u32(at);
    }

    /** The node (a MAC address) of the address at {@code at}, or 0. */
    public long node(int at) {
        return u48(at + 4);
    }

    /** The socket of the address at {@code at}, or 0. */
    public int socket(int at) {
        return u16(at + 10);
    }
}
