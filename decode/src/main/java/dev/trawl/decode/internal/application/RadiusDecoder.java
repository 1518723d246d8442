package dev.trawl.decode.internal.application;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;

/** RADIUS: a 20-byte header and attributes; an EAP-Message attribute carries EAP. Immutable. */
final class RadiusDecoder implements ProtocolDecoder {
    private static final int EAP_MESSAGE = 79;

    private final int eap;

    /** @param eap the id of {@code eap} */
    RadiusDecoder(int eap) {
        this.eap = eap;
    }

    @Override
    public int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.RADIUS, off, 20, end);
        int limit = off + 4 <= end ? Math.min(end, off + u16(buf, off + 2)) : end;
        for (int p = off + 20; p + 2 <= limit;) {
            int type = u8(buf, p);
            int len = u8(buf, p + 1);
            if (len < 2) {
                break;
            }
            if (type == EAP_MESSAGE) {
                ctx.addLayer(eap, p + 2, 0, end);
                return Protocols.NONE;
            }
            p += len;
        }
        return Protocols.NONE;
    }
}
