package dev.trawl.decode.internal.tunnel;

import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Decoders;
import dev.trawl.decode.spi.DecodeContext;

/** LISP's data plane (RFC 9300): an 8-byte header, then the encapsulated IP packet. Stateless. */
final class LispDataDecoder {
    private LispDataDecoder() {
    }

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, ctx.protocol(), off, 8, end);
        if (off + 8 >= end) {
            return Protocols.NONE;
        }
        ctx.next(off + 8, end);
        return Decoders.byVersion(buf, off + 8, end);
    }
}
