package dev.trawl.decode.internal.link;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;

/**
 * SocketCAN (LINKTYPE_CAN_SOCKETCAN): a 4-byte identifier and flags, the data length, 3 bytes reserved, then the
 * data. Stateless.
 */
final class SocketCanDecoder {
    private SocketCanDecoder() {
    }

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, ctx.protocol(), off, 8, end);
        if (off + 8 >= end || u8(buf, off + 4) == 0) {
            return Protocols.NONE;
        }
        ctx.next(off + 8, Math.min(end, off + 8 + u8(buf, off + 4)));
        return Protocols.DATA;
    }
}
