package dev.trawl.decode.internal.tunnel;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Decoders;
import dev.trawl.decode.spi.DecodeContext;

/**
 * WCCP's redirect header inside GRE: four bytes, then the redirected IP packet, which Wireshark lists right after
 * GRE, without a layer of its own. Stateless.
 */
final class WccpDecoder {
    private WccpDecoder() {
    }

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 4 >= end) {
            return Protocols.NONE;
        }
        ctx.next(off + 4, end);
        return Decoders.byVersion(buf, off + 4, end);
    }
}
