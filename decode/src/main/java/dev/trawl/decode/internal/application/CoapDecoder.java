package dev.trawl.decode.internal.application;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;

/** CoAP (RFC 7252): a 4-byte header whose version is 1. Stateless. */
final class CoapDecoder {
    private CoapDecoder() {
    }

    private static final int VERSION = 1;

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 4 > end || (u8(buf, off) >>> 6) != VERSION) {
            return ProtocolDecoder.REJECT;
        }
        ctx.addLayer(ctx.protocol(), off, 4, end);
        return Protocols.NONE;
    }
}
