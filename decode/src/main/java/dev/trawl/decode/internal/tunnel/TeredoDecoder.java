package dev.trawl.decode.internal.tunnel;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;

/** Teredo (RFC 4380): optional authentication and origin indications, then an IPv6 packet. Stateless. */
final class TeredoDecoder {
    private TeredoDecoder() {
    }

    private static final int AUTHENTICATION = 0x0001;
    private static final int ORIGIN = 0x0000;

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        int p = off;
        if (p + 4 <= end && u16(buf, p) == AUTHENTICATION) {
            int idLen = u8(buf, p + 2);
            int authLen = u8(buf, p + 3);
            p += 4 + idLen + authLen + 9;
        }
        if (p + 8 <= end && u16(buf, p) == ORIGIN) {
            p += 8;
        }
        if (p + 40 > end || (u8(buf, p) >>> 4) != 6) {
            return ProtocolDecoder.REJECT;
        }
        ctx.addLayer(ctx.protocol(), off, p - off, end);
        return Protocols.IPV6;
    }
}
