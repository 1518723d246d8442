package dev.trawl.decode.internal.link;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.orData;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;

/**
 * PPP, in HDLC-like framing (an optional {@code FF 03}) with a one- or two-byte protocol field that names what
 * follows ({@link Dispatch#PPP_PROTO}). Stateless.
 */
final class PppDecoder {
    private PppDecoder() {
    }

    private static final int ALL_STATIONS = 0xFF;
    private static final int UNNUMBERED_INFORMATION = 0x03;

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        int p = off;
        if (p + 2 <= end && u8(buf, p) == ALL_STATIONS && u8(buf, p + 1) == UNNUMBERED_INFORMATION) {
            p += 2;
        }
        if (p >= end) {
            header(ctx, Protocols.PPP, off, p - off + 2, end);
            return Protocols.NONE;
        }
        int proto;
        if ((u8(buf, p) & 1) != 0) { // protocol-field compression: one byte
            proto = u8(buf, p);
            p += 1;
        } else {
            if (p + 2 > end) {
                header(ctx, Protocols.PPP, off, p - off + 2, end);
                return Protocols.NONE;
            }
            proto = u16(buf, p);
            p += 2;
        }
        ctx.addLayer(Protocols.PPP, off, p - off, end);
        return orData(ctx.lookup(Dispatch.PPP_PROTO, proto));
    }
}
