package dev.trawl.decode.internal.link;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Decoders;
import dev.trawl.decode.spi.DecodeContext;

/** LINKTYPE_RAW: an IPv4 or IPv6 packet, told apart by its version nibble, under a zero-length {@code raw}. */
final class RawIpDecoder {
    private RawIpDecoder() {
    }

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        int layer = ctx.addLayer(Protocols.RAW, off, 0, end);
        ctx.next(off, end);
        int next = Decoders.byVersion(buf, off, end);
        if (next == Protocols.DATA) {
            // Neither IPv4 nor IPv6: Wireshark shows the raw layer alone.
            ctx.flag(layer, LayerFlags.MALFORMED);
            return Protocols.NONE;
        }
        return next;
    }
}
