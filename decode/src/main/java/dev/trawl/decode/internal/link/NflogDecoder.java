package dev.trawl.decode.internal.link;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Bytes;
import dev.trawl.decode.spi.DecodeContext;

/**
 * Linux NFLOG (LINKTYPE_NFLOG): a 4-byte header (the address family first), then TLVs; the payload TLV holds the
 * packet. Stateless.
 */
final class NflogDecoder {
    private NflogDecoder() {
    }

    /** NFULA_PAYLOAD. */
    private static final int PAYLOAD = 9;
    /** Linux's AF_INET and AF_INET6. */
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 4 > end) {
            header(ctx, Protocols.NFLOG, off, 4, end);
            return Protocols.NONE;
        }
        int family = u8(buf, off);
        int p = off + 4;
        // TLV lengths are little-endian and padded to 4; the walk advances at least 4 bytes each time.
        while (p + 4 <= end) {
            int len = Bytes.u16le(buf, p);
            int type = Bytes.u16le(buf, p + 2) & 0x7FFF;
            if (len < 4) {
                break;
            }
            if (type == PAYLOAD) {
                ctx.addLayer(Protocols.NFLOG, off, p + 4 - off, end);
                ctx.next(p + 4, Math.min(end, p + len));
                return family == AF_INET ? Protocols.IP : family == AF_INET6 ? Protocols.IPV6 : Protocols.DATA;
            }
            p += (len + 3) & ~3;
        }
        ctx.addLayer(Protocols.NFLOG, off, end - off, end);
        return Protocols.NONE;
    }
}
