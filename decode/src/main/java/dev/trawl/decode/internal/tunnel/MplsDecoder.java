package dev.trawl.decode.internal.tunnel;

import static dev.trawl.decode.internal.Bytes.u8;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Decoders;
import dev.trawl.decode.spi.DecodeContext;

/**
 * An MPLS label stack: one layer covering every entry down to the bottom-of-stack bit, then the payload, which
 * RFC 3032 leaves to the label: like Wireshark, it is guessed from the first nibble. Stateless.
 */
final class MplsDecoder {
    private MplsDecoder() {
    }

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        int p = off;
        boolean bottom = false;
        while (p + 4 <= end && !bottom) {
            bottom = (u8(buf, p + 2) & 1) != 0;
            p += 4;
        }
        int layer = ctx.addLayer(Protocols.MPLS, off, Math.max(4, p - off), end);
        if (!bottom) {
            ctx.flag(layer, LayerFlags.TRUNCATED);
            return Protocols.NONE;
        }
        return Decoders.byVersion(buf, p, end);
    }
}
