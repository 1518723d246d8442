package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An sFlow version 5 datagram header; the agent address is 4 or 16 bytes by its address type, which moves the
 * fields after it. Samples follow, which a printer walks with the {@link TlvMessage} accessors.
 *
 * <pre>
 * +---------+--------------+----------------+----------+--------+--------+---------+
 * | version | address type | agent (4 / 16) | agent id | seqnum | uptime | samples |
 * +---------+--------------+----------------+----------+--------+--------+---------+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Sflow extends TlvMessage {
    /** Address type 1: an IPv4 agent address. */
    public static final int IPV4 = 1;
    /** Address type 2: an IPv6 agent address. */
    public static final int IPV6 = 2;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Sflow() {
    }

    /** Points this view at an sFlow datagram. */
    public Sflow wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code sflow_245.version}. */
    public long version() {
        return u32(0);
    }

    /** {@code sflow_245.agenttype}: 1 IPv4, 2 IPv6. */
    public long addressType() {
        return u32(4);
    }

    /** The length of the header: 28 bytes with an IPv4 agent address, else 40 (an IPv6 one). */
    public int headerLength() {
        return addressType() == IPV4 ? 28 : 40;
    }

    /** {@code sflow_245.agent}, an IPv4 agent address. */
    public int agentIpv4() {
        return (int) u32(8);
    }

    /** Copies the IPv6 agent address ({@code sflow_245.agent}) into {@code dst} (16 bytes). */
    public void agentIpv6(byte[] dst) {
        copy(8, dst);
    }

    /** {@code sflow_245.sub_agent_id}. */
    public long agentId() {
        return u32(headerLength() - 16);
    }

    /** {@code sflow_245.sequence_number}. */
    public long sequence() {
        return u32(headerLength() - 12);
    }

    /** {@code sflow_245.sysuptime}. */
    public long uptime() {
        return u32(headerLength() - 8);
    }

    /** {@code sflow_245.numsamples}. */
    public long samples() {
        return u32(headerLength() - 4);
    }
}
