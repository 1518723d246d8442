package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * The header of a PGM packet (RFC 3208).
 *
 * <pre>
 * +-------------+-----------+------+---------+----------+------------------+--------------+
 * | source port | dest port | type | options | checksum | global source id | TSDU length  |
 * +-------------+-----------+------+---------+----------+------------------+--------------+
 *        2            2        1        1         2              6                2
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Pgm extends TlvMessage {
    /** The length of the common header. */
    public static final int HEADER_LENGTH = 16;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Pgm() {
    }

    /** Points this view at a PGM packet. */
    public Pgm wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code pgm.hdr.sport}. */
    public int sourcePort() {
        return u16(0);
    }

    /** {@code pgm.hdr.dport}. */
    public int destinationPort() {
        return u16(2);
    }

    /** {@code pgm.hdr.type}. */
    public int type() {
        return u8(4);
    }

    /** {@code pgm.hdr.tsdulen}. */
    public int tsduLength() {
        return u16(14);
    }
}
