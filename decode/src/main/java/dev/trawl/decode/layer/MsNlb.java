package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A Microsoft Network Load Balancing heartbeat (EtherType 0x886F), of which only the start is known:
 *
 * <pre>
 * +-----------+-----------+-------------------+------------+---------+-----
 * | unknown   | unknown   | host priority, LE | cluster IP | host IP | ...
 * +-----------+-----------+-------------------+------------+---------+-----
 *      4           4               4                4           4
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class MsNlb extends Flyweight {
    /** Where the host priority starts. */
    public static final int PRIORITY_OFFSET = 8;
    /** Where the cluster's virtual address starts. */
    public static final int CLUSTER_OFFSET = 12;
    /** Where the host's address starts. */
    public static final int HOST_OFFSET = 16;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public MsNlb() {
    }

    /** Points this view at a heartbeat. */
    public MsNlb wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The host's priority, little-endian. */
    public long hostPriority() {
        return (long) u16le(PRIORITY_OFFSET + 2) << 16 | u16le(PRIORITY_OFFSET);
    }

    /** The cluster's virtual IPv4 address. */
    public int clusterAddress() {
        return (int) u32(CLUSTER_OFFSET);
    }

    /** The host's IPv4 address. */
    public int hostAddress() {
        return (int) u32(HOST_OFFSET);
    }
}
