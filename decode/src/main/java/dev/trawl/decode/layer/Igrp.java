package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An IGRP packet (Cisco's Interior Gateway Routing Protocol, IP protocol 9): a 12-byte header, then 14-byte route
 * entries, the interior ones first, then the system and the exterior ones, as many of each as the header counts.
 * A printer walks the entries with the {@link TlvMessage} accessors at offsets relative to the packet's start.
 *
 * <pre>
 * +-----------+---------+--------+----------+--------+----------+----------+
 * | ver|opcode| edition | AS (2) | interior | system | exterior | checksum |
 * +-----------+---------+--------+----------+--------+----------+----------+
 * entry: network (3) | delay (3) | bandwidth (3) | MTU (2) | reliability | load | hop count
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Igrp extends TlvMessage {
    /** The length of the header before the first entry. */
    public static final int HEADER_LENGTH = 12;
    /** The length of a route entry. */
    public static final int ENTRY_LENGTH = 14;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Igrp() {
    }

    /** Points this view at an IGRP packet. */
    public Igrp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code igrp.version}, the high nibble of the first byte. */
    public int version() {
        return u8(0) >>> 4;
    }

    /** {@code igrp.command}: 1 update, 2 request. */
    public int command() {
        return u8(0) & 0x0F;
    }
}
