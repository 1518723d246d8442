package dev.trawl.decode.internal.link;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Decoders.orData;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;
import dev.trawl.pcap.EtherType;

/**
 * Cisco HDLC: address, control and an EtherType; two of its values mean Cisco's own protocols here (SLARP where
 * Ethernet has RARP, and CDP). Stateless.
 */
final class CiscoHdlcDecoder {
    private CiscoHdlcDecoder() {
    }

    private static final int SLARP = EtherType.RARP.value();
    private static final int CDP = EtherType.CDP.value();

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        int id = ctx.addLayer(Protocols.CHDLC, off, 4, end);
        if (off + 4 > end) {
            ctx.flag(id, LayerFlags.TRUNCATED);
            return Protocols.NONE;
        }
        int type = u16(buf, off + 2);
        int next = ctx.lookup(Dispatch.ETHERTYPE, type);
        if (type == SLARP) {
            next = Protocols.SLARP;
        } else if (type == CDP) {
            next = Protocols.CDP;
        }
        return orData(next);
    }
}
