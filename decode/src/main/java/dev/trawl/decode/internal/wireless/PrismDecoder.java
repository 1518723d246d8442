package dev.trawl.decode.internal.wireless;

import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Bytes;
import dev.trawl.decode.spi.DecodeContext;

/**
 * The Prism monitor-mode header (LINKTYPE_IEEE802_11_PRISM): a message code and the header's length
 * (little-endian), then the 802.11 frame under Wireshark's zero-length {@code wlan_radio}. Stateless.
 */
final class PrismDecoder {
    private PrismDecoder() {
    }

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        int length = off + 8 <= end ? Bytes.i32le(buf, off + 4) : 0;
        if (length < 8 || length > end - off) {
            header(ctx, ctx.protocol(), off, 8, end);
            return Protocols.NONE;
        }
        ctx.addLayer(ctx.protocol(), off, length, end);
        int pseudo = ctx.addLayer(Protocols.WLAN_RADIO, off + length, 0, end);
        ctx.flag(pseudo, LayerFlags.PSEUDO);
        ctx.next(off + length, end);
        return Protocols.WLAN;
    }
}
