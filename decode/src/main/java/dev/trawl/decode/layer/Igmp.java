package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An IGMP message (RFC 2236; version 3 reports and queries, RFC 3376, share the first 8 bytes).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Type     | Max Resp Time |           Checksum            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Group Address                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Igmp extends Flyweight {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Igmp() {
    }

    /** Points this view at an IGMP message. */
    public Igmp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    public int type() {
        return u8(0);
    }

    public int maxResponseTime() {
        return u8(1);
    }

    public int checksum() {
        return u16(2);
    }

    /** The group address (not meaningful for a version 3 report, type 0x22). */
    public int groupAddress() {
        return (int) u32(4);
    }

    /** The number of group records of a version 3 report (type 0x22, {@code igmp.num_grp_recs}). */
    public int recordCount() {
        return u16(6);
    }
}
