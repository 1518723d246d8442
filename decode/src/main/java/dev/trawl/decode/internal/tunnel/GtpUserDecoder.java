package dev.trawl.decode.internal.tunnel;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Decoders;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;

/**
 * GTP-U version 1 ({@code gtp}, UDP 2152): an 8-byte header, an optional 4-byte part and extension headers;
 * T-PDUs carry an IP packet. Stateless.
 */
final class GtpUserDecoder {
    private GtpUserDecoder() {
    }

    /** The message type of a T-PDU, which carries a user packet. */
    private static final int T_PDU = 0xFF;

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 8 > end || (u8(buf, off) >>> 5) != 1) {
            return ProtocolDecoder.REJECT;
        }
        int flags = u8(buf, off);
        int type = u8(buf, off + 1);
        int hl = 8;
        if ((flags & 0x07) != 0) {
            hl += 4;
            if ((flags & 0x04) != 0) { // E: extension headers follow, each a length in 4-byte units
                int next = off + 11 < end ? u8(buf, off + 11) : 0;
                for (int guard = 0; next != 0 && guard < 16; guard++) {
                    if (off + hl >= end) {
                        break;
                    }
                    int len = u8(buf, off + hl) * 4;
                    if (len == 0 || off + hl + len > end) {
                        break;
                    }
                    next = u8(buf, off + hl + len - 1);
                    hl += len;
                }
            }
        }
        header(ctx, ctx.protocol(), off, hl, end);
        if (type != T_PDU || off + hl >= end) {
            return Protocols.NONE;
        }
        ctx.next(off + hl, end);
        return Decoders.byVersion(buf, off + hl, end);
    }
}
