package dev.trawl.decode.internal.lan;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.viaEtherType;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;

/**
 * Arista's vendor-specific header ({@code avsp}, EtherType 0xD28B): subtype, version, a timestamp, then the
 * EtherType of the frame's payload. Stateless.
 */
final class AristaDecoder {
    private AristaDecoder() {
    }

    /** The versions that carry a 64-bit and a 48-bit timestamp. */
    private static final int TIMESTAMP_64 = 0x10;
    private static final int TIMESTAMP_48 = 0x20;

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 4 > end) {
            header(ctx, ctx.protocol(), off, 4, end);
            return Protocols.NONE;
        }
        int version = u16(buf, off + 2) & 0xFF;
        // Other versions are not followed (as in Wireshark).
        int hl = version == TIMESTAMP_64 ? 14 : version == TIMESTAMP_48 ? 12 : -1;
        if (hl < 0 || off + hl > end) {
            ctx.addLayer(ctx.protocol(), off, 4, end);
            return Protocols.NONE;
        }
        ctx.addLayer(ctx.protocol(), off, hl, end);
        return viaEtherType(ctx, off + hl - 2, u16(buf, off + hl - 2), off + hl, end);
    }
}
