package dev.trawl.decode.internal.application;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;

/**
 * Diameter (RFC 6733): version 1 and a 24-bit message length; a message not yet whole shows nothing, as Wireshark
 * waits for the rest. Stateless.
 */
final class DiameterDecoder {
    private DiameterDecoder() {
    }

    private static final int VERSION = 1;

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 20 > end || u8(buf, off) != VERSION) {
            return ProtocolDecoder.REJECT;
        }
        int length = u8(buf, off + 1) << 16 | u16(buf, off + 2);
        if (length < 20) {
            return ProtocolDecoder.REJECT;
        }
        if (off + length > end) {
            return Protocols.NONE;
        }
        ctx.addLayer(ctx.protocol(), off, 20, end);
        return Protocols.NONE;
    }
}
