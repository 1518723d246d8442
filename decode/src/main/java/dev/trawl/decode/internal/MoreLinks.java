package dev.trawl.decode.internal;

import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;
import dev.trawl.decode.spi.ProtocolRegistrar;

/** Prism-headed 802.11. */
final class MoreLinks {
    private MoreLinks() {
    }

    private static int prism;

    static void register(ProtocolRegistrar r) {
        prism = r.protocol("prism", MoreLinks::prism);
        r.bind(Dispatch.LINKTYPE, 119, prism);
    }

    /** The Prism monitor-mode header: a message code and the header's length (little-endian), then 802.11. */
    static int prism(byte[] buf, int off, int end, DecodeContext ctx) {
        int length = off + 8 <= end ? Bytes.i32le(buf, off + 4) : 0;
        if (length < 8 || length > end - off) {
            header(ctx, prism, off, 8, end);
            return Protocols.NONE;
        }
        ctx.addLayer(prism, off, length, end);
        int pseudo = ctx.addLayer(Protocols.WLAN_RADIO, off + length, 0, end);
        ctx.flag(pseudo, LayerFlags.PSEUDO);
        ctx.next(off + length, end);
        return Protocols.WLAN;
    }
}
