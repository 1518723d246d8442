package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A RIP message (RFC 1058, RFC 2453) or RIPng message (RFC 2080): a command, a version and two bytes, then
 * route entries of 20 bytes, which a printer reads with the {@link TlvMessage} accessors.
 *
 * <pre>
 * +---------+---------+----------------+-----------------------+
 * | command | version | must be zero   | route entries (20) ...|
 * +---------+---------+----------------+-----------------------+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Rip extends TlvMessage {
    /** The length of the header before the first entry. */
    public static final int HEADER_LENGTH = 4;
    /** The length of a route entry. */
    public static final int ENTRY_LENGTH = 20;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Rip() {
    }

    /** Points this view at a RIP or RIPng message. */
    public Rip wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code rip.command}: 1 request, 2 response. */
    public int command() {
        return u8(0);
    }

    /** {@code rip.version}. */
    public int version() {
        return u8(1);
    }
}
