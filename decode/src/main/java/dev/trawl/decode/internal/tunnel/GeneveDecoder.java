package dev.trawl.decode.internal.tunnel;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.orData;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;
import dev.trawl.pcap.EtherType;

/** GENEVE (RFC 8926): 8 bytes plus options, then a payload named by an EtherType. Stateless. */
final class GeneveDecoder {
    private GeneveDecoder() {
    }

    private static final int ETHERNET = EtherType.TRANSPARENT_ETHERNET_BRIDGING.value();

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 8 > end) {
            header(ctx, Protocols.GENEVE, off, 8, end);
            return Protocols.NONE;
        }
        int hl = 8 + (u8(buf, off) & 0x3F) * 4;
        header(ctx, Protocols.GENEVE, off, hl, end);
        if (off + hl > end) {
            return Protocols.NONE;
        }
        int type = u16(buf, off + 2);
        return type == ETHERNET ? Protocols.ETH : orData(ctx.lookup(Dispatch.ETHERTYPE, type));
    }
}
