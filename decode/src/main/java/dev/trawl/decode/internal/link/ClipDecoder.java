package dev.trawl.decode.internal.link;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;

/**
 * Linux Classical IP over ATM (LINKTYPE_ATM_CLIP): a zero-length {@code clip} pseudo-layer, then the IP packet.
 * Stateless.
 */
final class ClipDecoder {
    private ClipDecoder() {
    }

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        int layer = ctx.addLayer(Protocols.CLIP, off, 0, end);
        ctx.flag(layer, LayerFlags.PSEUDO);
        ctx.next(off, end);
        return Protocols.IP; // Wireshark's IPv4 decoder hands IPv6 on itself
    }
}
