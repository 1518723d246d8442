package dev.trawl.decode.internal.tunnel;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;

/** EtherIP (RFC 3378): a 2-byte header (version 3), then an Ethernet frame. Stateless. */
final class EtherIpDecoder {
    private EtherIpDecoder() {
    }

    private static final int VERSION = 3;

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, ctx.protocol(), off, 2, end);
        if (off + 2 >= end || (u8(buf, off) >>> 4) != VERSION) {
            return Protocols.NONE;
        }
        ctx.next(off + 2, end);
        return Protocols.ETH;
    }
}
