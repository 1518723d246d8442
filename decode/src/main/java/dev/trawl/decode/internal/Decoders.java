package dev.trawl.decode.internal;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;

/** Small helpers shared by the built-in decoders. */
final class Decoders {
    private Decoders() {
    }

    /** {@code proto}, or {@link Protocols#DATA} when the lookup found nothing. */
    static int orData(int proto) {
        return proto < 0 ? Protocols.DATA : proto;
    }

    /** Records an opaque payload layer spanning the region; the end of the stack. */
    static int data(byte[] buf, int offset, int end, DecodeContext ctx) {
        if (end > offset) {
            ctx.addLayer(Protocols.DATA, offset, end - offset, end);
        }
        return Protocols.NONE;
    }

    /**
     * Records a header of {@code headerLength} bytes; flags it truncated when the region is shorter. Returns
     * the layer index, or -1 when the layer table is full.
     */
    static int header(DecodeContext ctx, int protocol, int offset, int headerLength, int end) {
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
    static void nameIfSent(DecodeContext ctx, int at, int end) {
        if (at == end && ctx.originalLength() > at - ctx.offsetAt(0)) {
            ctx.nextEvenIfEmpty();
        }
    }

    /** Adds Wireshark's zero-length {@code ethertype} pseudo-layer and returns the protocol for {@code type}. */
    static int viaEtherType(DecodeContext ctx, int typeIndex, int type, int payload, int end) {
        int layer = ctx.addLayer(Protocols.ETHERTYPE, typeIndex, 0, end);
        ctx.flag(layer, LayerFlags.PSEUDO);
        ctx.next(payload, end);
        int next = ctx.lookup(Dispatch.ETHERTYPE, type);
        if (next != Protocols.NONE) {
            nameIfSent(ctx, payload, end);
        }
        return orData(next);
    }
}
