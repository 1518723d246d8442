package dev.trawl.decode.internal.tunnel;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;

/**
 * ERSPAN type II (an 8-byte header) and type III (12 bytes, plus an optional 8-byte subheader), then the mirrored
 * Ethernet frame. Stateless.
 */
final class ErspanDecoder {
    private ErspanDecoder() {
    }

    /** The version field of type III. */
    private static final int TYPE_III = 2;

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 8 > end) {
            header(ctx, Protocols.ERSPAN, off, 8, end);
            return Protocols.NONE;
        }
        int version = u8(buf, off) >>> 4;
        int hl = 8;
        if (version == TYPE_III) {
            hl = 12;
            if (off + 12 <= end && (u8(buf, off + 11) & 1) != 0) {
                hl += 8;
            }
        }
        header(ctx, Protocols.ERSPAN, off, hl, end);
        return off + hl <= end ? Protocols.ETH : Protocols.NONE;
    }
}
