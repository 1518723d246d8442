package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An AODV message (RFC 3561, UDP port 654): a type byte, then a body whose layout the type and the IP version
 * carrying it decide (route request, reply, error, reply acknowledgement, and the IPv6 draft's variants), which a
 * printer reads through the {@link TlvMessage} accessors.
 *
 * <pre>
 * +--------+--------+--------+--------+
 * | type   | flags  |reserved| hops   |   RREQ, RREP (prefix size in the third byte), RERR (count in the fourth)
 * +--------+--------+--------+--------+
 * | addresses, sequence numbers ...   |
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Aodv extends TlvMessage {
    /** Route request. */
    public static final int RREQ = 1;
    /** Route reply. */
    public static final int RREP = 2;
    /** Route error. */
    public static final int RERR = 3;
    /** Route reply acknowledgement. */
    public static final int RREP_ACK = 4;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Aodv() {
    }

    /** Points this view at an AODV message. */
    public Aodv wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code aodv.type}. */
    public int type() {
        return u8(0);
    }
}
