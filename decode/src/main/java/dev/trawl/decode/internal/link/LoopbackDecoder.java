package dev.trawl.decode.internal.link;

import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.orData;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Bytes;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;

/**
 * BSD loopback (LINKTYPE_NULL, an address family in host byte order) and OpenBSD loopback (LINKTYPE_LOOP,
 * network order), shown as {@code null}: the family names what follows ({@link Dispatch#NULL_FAMILY}).
 * Stateless.
 */
final class LoopbackDecoder {
    private LoopbackDecoder() {
    }

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.NULL, off, 4, end);
        if (off + 4 > end) {
            return Protocols.NONE;
        }
        int family = Bytes.i32(buf, off);
        if ((family & 0xFFFF0000) != 0) {
            family = Bytes.i32le(buf, off);
        }
        if (family > EthernetDecoder.MAX_LENGTH && (family & 0xFFFF0000) == 0) {
            // Some systems write an EtherType here.
            return orData(ctx.lookup(Dispatch.ETHERTYPE, family));
        }
        return orData(ctx.lookup(Dispatch.NULL_FAMILY, family & 0xFFFF));
    }
}
