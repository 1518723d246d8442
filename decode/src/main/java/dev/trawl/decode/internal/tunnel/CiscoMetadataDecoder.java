package dev.trawl.decode.internal.tunnel;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.orData;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;

/**
 * Cisco MetaData inside GRE ({@code cmd}): the payload's EtherType, then version, length, option and SGT.
 * Stateless.
 */
final class CiscoMetadataDecoder {
    private CiscoMetadataDecoder() {
    }

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.CMD, off, 8, end);
        if (off + 8 > end) {
            return Protocols.NONE;
        }
        return orData(ctx.lookup(Dispatch.ETHERTYPE, u16(buf, off)));
    }
}
