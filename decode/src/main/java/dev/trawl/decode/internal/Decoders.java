package dev.trawl.decode.internal;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;
import dev.trawl.decode.spi.ProtocolDecoder;

/**
 * Small helpers the built-in decoders share, made of the public SPI alone. Stateless; thread-safe.
 */
public final class Decoders {
    private Decoders() {
    }

    private static final int IPV4 = 4;
    private static final int IPV6 = 6;

    /**
     * The decoder of a protocol that is named and not decoded further: its whole region is one layer of the
     * protocol it is called for, the end of the stack. One instance serves every such protocol, so that
     * {@link FastPath#isLeaf} can recognise it.
     */
    public static final ProtocolDecoder OPAQUE = Decoders::opaque;

    private static int opaque(byte[] buf, int off, int end, DecodeContext ctx) {
        ctx.addLayer(ctx.protocol(), off, end - off, end);
        return Protocols.NONE;
    }

    /**
     * Adds a zero-length layer of {@code protocol} over the region and ends the stack: how Wireshark lists the
     * message or version a sub-dissector names ({@code igmp:igmp}, {@code slow:lacp}, {@code isis:isis.hello}).
     */
    public static int marker(DecodeContext ctx, int protocol, int off, int end) {
        ctx.addLayer(protocol, off, 0, end);
        return Protocols.NONE;
    }

    /**
     * The decoder of a protocol decoded only as far as its fixed header of {@code length} bytes (DHCP's, NTP's):
     * one layer of the protocol it is called for, flagged truncated when the bytes stop short, the end of the
     * stack.
     */
    public static ProtocolDecoder fixedHeader(int length) {
        return (buf, off, end, ctx) -> {
            header(ctx, ctx.protocol(), off, length, end);
            return Protocols.NONE;
        };
    }

    /** {@code proto}, or {@link Protocols#DATA} when the lookup found nothing. */
    public static int orData(int proto) {
        return proto < 0 ? Protocols.DATA : proto;
    }

    /** Records an opaque payload layer spanning the region; the end of the stack. */
    public static int data(byte[] buf, int offset, int end, DecodeContext ctx) {
        if (end > offset) {
            ctx.addLayer(Protocols.DATA, offset, end - offset, end);
        }
        return Protocols.NONE;
    }

    /**
     * Records a header of {@code headerLength} bytes; flags it truncated when the region is shorter. Returns
     * the layer index, or -1 when the layer table is full.
     */
    public static int header(DecodeContext ctx, int protocol, int offset, int headerLength, int end) {
        int layer = ctx.addLayer(protocol, offset, headerLength, end);
        if (offset + headerLength > end) {
            ctx.flag(layer, LayerFlags.TRUNCATED);
        }
        return layer;
    }

    /**
     * Lets the next protocol be named though none of its bytes were captured, when the capture stops exactly
     * at {@code at} but the frame went on: Wireshark names a protocol that was sent and not captured.
     */
    public static void nameIfSent(DecodeContext ctx, int at, int end) {
        if (at == end && ctx.originalLength() > at - ctx.offsetAt(0)) {
            ctx.nextEvenIfEmpty();
        }
    }

    /** Adds Wireshark's zero-length {@code ethertype} pseudo-layer and returns the protocol for {@code type}. */
    public static int viaEtherType(DecodeContext ctx, int typeIndex, int type, int payload, int end) {
        int layer = ctx.addLayer(Protocols.ETHERTYPE, typeIndex, 0, end);
        ctx.flag(layer, LayerFlags.PSEUDO | LayerFlags.UNSHOWN);
        ctx.next(payload, end);
        int next = ctx.lookup(Dispatch.ETHERTYPE, type);
        if (next != Protocols.NONE) {
            nameIfSent(ctx, payload, end);
        }
        return orData(next);
    }

    /**
     * IPv4 or IPv6 by the version nibble at {@code off}, else data; NONE when nothing is left: how Wireshark
     * names a packet that no field announces (raw IP, MPLS payloads, tunnels that carry either).
     */
    public static int byVersion(byte[] buf, int off, int end) {
        if (off >= end) {
            return Protocols.NONE;
        }
        switch (Bytes.u8(buf, off) >>> 4) {
            case IPV4:
                return Protocols.IP;
            case IPV6:
                return Protocols.IPV6;
            default:
                return Protocols.DATA;
        }
    }
}
