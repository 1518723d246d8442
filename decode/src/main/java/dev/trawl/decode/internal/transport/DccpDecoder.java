package dev.trawl.decode.internal.transport;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;

/** DCCP (RFC 4340): the data offset gives the header length; what follows is application data. Stateless. */
final class DccpDecoder {
    private DccpDecoder() {
    }

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 5 > end) {
            header(ctx, ctx.protocol(), off, 12, end);
            return Protocols.NONE;
        }
        int hl = u8(buf, off + 4) * 4;
        header(ctx, ctx.protocol(), off, Math.max(hl, 12), end);
        return hl >= 12 && off + hl < end ? Protocols.DATA : Protocols.NONE;
    }
}
