package dev.trawl.decode.internal.link;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.orData;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;

/**
 * IP over InfiniBand (LINKTYPE_IPOIB): a 40-byte pseudo-header holding the source GID, then the 4-byte IPoIB
 * header whose first half is an EtherType. Stateless.
 */
final class IpoibDecoder {
    private IpoibDecoder() {
    }

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.IPOIB, off, 44, end);
        if (off + 44 > end) {
            return Protocols.NONE;
        }
        return orData(ctx.lookup(Dispatch.ETHERTYPE, u16(buf, off + 40)));
    }
}
