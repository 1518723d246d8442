package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A spanning tree BPDU (IEEE 802.1D configuration and topology change, 802.1w rapid, 802.1s multiple).
 *
 * <pre>
 *  0       2       3       4       5                  13               17                 25     27
 * +-------+-------+-------+-------+------------------+----------------+------------------+------+
 * | proto | vers. | type  | flags | root id (8)      | root path cost | bridge id (8)    | port |
 * +-------+-------+-------+-------+------------------+----------------+------------------+------+
 *  27          29        31          33            35          36         (MSTP: v3 length at 36)
 * | msg age   | max age | hello time | fwd delay  | v1 length |
 * </pre>
 *
 * Times are in 1/256 s. A bridge id is a 16-bit priority and a MAC address. See {@link Flyweight}; not
 * thread-safe.
 */
public final class Stp extends TlvMessage {
    /** The length of a configuration BPDU. */
    public static final int CONFIG_LENGTH = 35;
    /** The length of a rapid spanning tree BPDU (configuration plus the version 1 length). */
    public static final int RSTP_LENGTH = 36;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Stp() {
    }

    /** Points this view at a BPDU. */
    public Stp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    public int protocolId() {
        return u16(0);
    }

    /** 0 for 802.1D, 2 for 802.1w, 3 for 802.1s, 4 for shortest path bridging. */
    public int version() {
        return u8(2);
    }

    /** 0x00 configuration, 0x02 rapid or multiple, 0x80 topology change notification. */
    public int type() {
        return u8(3);
    }

    public int flags() {
        return u8(4);
    }

    /** The root bridge id: the priority in the top 16 bits, the MAC address below. */
    public long rootId() {
        return has(5, 8) ? (long) u16(5) << 48 | u48(7) : 0;
    }

    public long rootPathCost() {
        return u32(13);
    }

    /** The sending bridge's id. */
    public long bridgeId() {
        return has(17, 8) ? (long) u16(17) << 48 | u48(19) : 0;
    }

    public int portId() {
        return u16(25);
    }

    /** The message age, in 1/256 s. */
    public int messageAge() {
        return u16(27);
    }

    public int maxAge() {
        return u16(29);
    }

    public int helloTime() {
        return u16(31);
    }

    public int forwardDelay() {
        return u16(33);
    }

    /** The version 1 length (rapid and multiple spanning tree BPDUs). */
    public int v1Length() {
        return u8(35);
    }

    /** The version 3 length of a multiple spanning tree BPDU. */
    public int v3Length() {
        return u16(36);
    }
}
