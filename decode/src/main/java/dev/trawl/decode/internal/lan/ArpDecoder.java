package dev.trawl.decode.internal.lan;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;

/**
 * ARP and RARP: an 8-byte fixed part, then sender and target addresses whose sizes it gives. Stateless.
 */
final class ArpDecoder {
    private ArpDecoder() {
    }

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 8 > end) {
            header(ctx, Protocols.ARP, off, 8, end);
            return Protocols.NONE;
        }
        int len = 8 + 2 * (u8(buf, off + 4) + u8(buf, off + 5));
        header(ctx, Protocols.ARP, off, len, end);
        return Protocols.NONE;
    }
}
