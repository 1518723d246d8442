package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An AppleTalk datagram (DDP, long form) or an AppleTalk ARP packet; which one is the layer's protocol
 * ({@code ddp} or {@code aarp}).
 *
 * <pre>
 * DDP:  | hops+length (2) | checksum (2) | dst net (2) | src net (2) | dst node | src node | dst skt | src skt | type |
 * AARP: | htype (2) | ptype (2) | halen | palen | op (2) | src MAC (6) | src addr (4) | dst MAC (6) | dst addr (4) |
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class AppleTalk extends TlvMessage {
    /** The length of a DDP header. */
    public static final int DDP_HEADER = 13;
    /** The length of an AARP packet. */
    public static final int AARP_LENGTH = 28;
    /** Where an AARP packet's source protocol address (its pad byte, then network and node) starts. */
    public static final int AARP_SOURCE = 14;
    /** Where an AARP packet's destination protocol address starts. */
    public static final int AARP_DESTINATION = 24;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public AppleTalk() {
    }

    /** Points this view at a datagram or an AARP packet. */
    public AppleTalk wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** {@code ddp.dst.net}, or 0. */
    public int ddpDestinationNet() {
        return u16(4);
    }

    /** {@code ddp.src.net}, or 0. */
    public int ddpSourceNet() {
        return u16(6);
    }

    /** {@code ddp.dst.node}, or 0. */
    public int ddpDestinationNode() {
        return u8(8);
    }

    /** {@code ddp.src.node}, or 0. */
    public int ddpSourceNode() {
        return u8(9);
    }

    /** {@code ddp.dst_socket}, or 0. */
    public int ddpDestinationSocket() {
        return u8(10);
    }

    /** {@code ddp.src_socket}, or 0. */
    public int ddpSourceSocket() {
        return u8(11);
    }

    /** {@code ddp.type}, or 0. */
    public int ddpType() {
        return u8(12);
    }
}
