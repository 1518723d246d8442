package dev.trawl.decode.internal.network;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;

/**
 * The IPv6 fragment header: a real fragment (an offset, or more to come) stays opaque, unless the decoder put
 * the datagram back together behind it; an atomic fragment carries its next header. Stateless.
 */
final class Ipv6FragmentDecoder {
    private Ipv6FragmentDecoder() {
    }

    /** The offset and M bits; the two reserved bits between them do not make a fragment. */
    private static final int FRAGMENT = 0xFFF9;

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        int layer = header(ctx, Protocols.IPV6_FRAGHDR, off, 8, end);
        if (off + 8 > end) {
            return Protocols.NONE;
        }
        ctx.flag(layer, layer > 0 ? ctx.flagsAt(layer - 1) & LayerFlags.QUOTED : 0);
        int reassembled = ctx.fragments().payloadLength(off);
        if (reassembled >= 0 && off + 8 + reassembled <= end) {
            ctx.next(off + 8, off + 8 + reassembled); // the reassembled datagram's payload
            return Ipv6Decoder.nextHeader(ctx, ctx.fragments().nextHeader());
        }
        int fragment = u16(buf, off + 2);
        if ((fragment & FRAGMENT) != 0 && ((fragment & 0xFFF8) != 0 || !ctx.decodeFirstFragments())) {
            return Protocols.DATA;
        }
        return Ipv6Decoder.nextHeader(ctx, u8(buf, off));
    }
}
