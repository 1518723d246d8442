package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * The header of Linux ARCNET captures (LINKTYPE_ARCNET_LINUX): source and destination station, a two-byte offset
 * and the protocol id; the RFC 1201 protocols add a split flag and a sequence number.
 *
 * <pre>
 * +-----+-----+-----------+------+------+-----------+
 * | src | dst |  offset   | type | flag |  seqid    |   (flag and seqid for RFC 1201 types)
 * +-----+-----+-----------+------+------+-----------+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Arcnet extends TlvMessage {
    /** The length of the header of the RFC 1051 protocols (and diagnostics). */
    public static final int SHORT_HEADER = 5;
    /** The length of the header of the RFC 1201 protocols, as tcpdump reads it. */
    public static final int LONG_HEADER = 8;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Arcnet() {
    }

    /** Points this view at a frame. */
    public Arcnet wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code arcnet.src}, or 0. */
    public int source() {
        return u8(0);
    }

    /** {@code arcnet.dst}, or 0. */
    public int destination() {
        return u8(1);
    }

    /** {@code arcnet.protID}, or 0. */
    public int type() {
        return u8(4);
    }
}
