package dev.trawl.decode.internal.link;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;

/**
 * OpenBSD pflog (LINKTYPE_PFLOG): a header whose first byte is its length (padded to 4 bytes) and whose second
 * is the address family of the packet that follows. Stateless.
 */
final class PflogDecoder {
    private PflogDecoder() {
    }

    private static final int AF_INET = 2;

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        int length = off < end ? (u8(buf, off) + 3) & ~3 : 0;
        header(ctx, ctx.protocol(), off, Math.max(length, 4), end);
        if (length < 4 || off + length >= end) {
            return Protocols.NONE;
        }
        int family = u8(buf, off + 1);
        ctx.next(off + length, end);
        if (family == AF_INET) {
            return Protocols.IP;
        }
        return LinkProtocols.isInet6(family) ? Protocols.IPV6 : Protocols.DATA;
    }
}
