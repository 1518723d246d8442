package dev.trawl.decode.internal.tunnel;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;

/**
 * GTP-C (UDP 2123): version 1 messages are Wireshark's {@code gtp}, version 2 its {@code gtpv2}, which it lists
 * after a zero-length {@code gtp}. Immutable.
 */
final class GtpControlDecoder implements ProtocolDecoder {
    private final int gtp;
    private final int gtpv2;

    GtpControlDecoder(int gtp, int gtpv2) {
        this.gtp = gtp;
        this.gtpv2 = gtpv2;
    }

    @Override
    public int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        int version = off + 8 <= end ? u8(buf, off) >>> 5 : 0;
        if (version == 1) {
            header(ctx, gtp, off, (u8(buf, off) & 0x07) != 0 ? 12 : 8, end);
            return Protocols.NONE;
        }
        if (version == 2) { // Wireshark's gtp hands version 2 on to gtpv2
            ctx.addLayer(gtp, off, 0, end);
            header(ctx, gtpv2, off, (u8(buf, off) & 0x08) != 0 ? 12 : 8, end);
            return Protocols.NONE;
        }
        return ProtocolDecoder.REJECT;
    }
}
