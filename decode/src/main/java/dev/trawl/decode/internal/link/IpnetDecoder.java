package dev.trawl.decode.internal.link;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;

/** Solaris ipnet (LINKTYPE_IPNET): a 24-byte header whose second byte is the address family. Stateless. */
final class IpnetDecoder {
    private IpnetDecoder() {
    }

    /** Solaris's AF_INET and AF_INET6. */
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 26;

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.IPNET, off, 24, end);
        if (off + 24 > end) {
            return Protocols.NONE;
        }
        int family = u8(buf, off + 1);
        return family == AF_INET ? Protocols.IP : family == AF_INET6 ? Protocols.IPV6 : Protocols.DATA;
    }
}
