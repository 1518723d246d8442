package dev.trawl.decode.internal.network;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;

/**
 * The IPv6 extension headers shaped as options are (hop-by-hop options, routing, destination options): a next
 * header and a length in 8-byte units past the first 8. One decoder serves the three, each recorded under the
 * protocol it was called for. Stateless.
 */
final class Ipv6OptionsDecoder {
    private Ipv6OptionsDecoder() {
    }

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        int protocol = ctx.protocol();
        if (off + 2 > end) {
            header(ctx, protocol, off, 8, end);
            return Protocols.NONE;
        }
        int len = (u8(buf, off + 1) + 1) * 8;
        int layer = header(ctx, protocol, off, len, end);
        if (off + len > end) {
            return Protocols.NONE;
        }
        int parentQuoted = ctx.flagsAt(layer - 1 >= 0 ? layer - 1 : layer) & LayerFlags.QUOTED;
        ctx.flag(layer, parentQuoted);
        return Ipv6Decoder.nextHeader(ctx, u8(buf, off));
    }
}
