package dev.trawl.decode.internal.routing;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Decoders;
import dev.trawl.decode.spi.DecodeContext;

/** PIM: a version 2 register message encapsulates an IP packet after its 8-byte header. Stateless. */
final class PimDecoder {
    private PimDecoder() {
    }

    private static final int VERSION = 2;
    private static final int REGISTER = 1;

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.PIM, off, 4, end);
        if (off + 8 >= end || (u8(buf, off) & 0x0F) != REGISTER || (u8(buf, off) >>> 4) != VERSION) {
            return Protocols.NONE;
        }
        ctx.next(off + 8, end);
        return Decoders.byVersion(buf, off + 8, end);
    }
}
