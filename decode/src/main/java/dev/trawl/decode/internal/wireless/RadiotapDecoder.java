package dev.trawl.decode.internal.wireless;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Bytes;
import dev.trawl.decode.spi.DecodeContext;

/**
 * Radiotap (LINKTYPE_IEEE802_11_RADIOTAP): a little-endian length and present bitmaps, then the 802.11 frame
 * under Wireshark's zero-length {@code wlan_radio}; the Flags field says whether the frame ends with an FCS.
 * Stateless.
 */
final class RadiotapDecoder {
    private RadiotapDecoder() {
    }

    private static final int PRESENT_TSFT = 1;
    private static final int PRESENT_FLAGS = 2;
    /** Bit 31 of a present word: another present word follows. */
    private static final int PRESENT_EXTENDED = 0x8000_0000;
    /** The Flags field's bit for a frame that includes its FCS. */
    private static final int FLAG_FCS = 0x10;

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 8 > end) {
            header(ctx, Protocols.RADIOTAP, off, 8, end);
            return Protocols.NONE;
        }
        int len = Bytes.u16le(buf, off + 2);
        int layer = header(ctx, Protocols.RADIOTAP, off, Math.max(len, 8), end);
        if (len < 8) {
            ctx.flag(layer, LayerFlags.BAD_LENGTH);
            return Protocols.NONE;
        }
        if (off + len > end) {
            return Protocols.NONE;
        }
        // Find the Flags field to learn whether the frame ends with an FCS.
        int present = Bytes.i32le(buf, off + 4);
        int p = off + 8;
        int word = present;
        while ((word & PRESENT_EXTENDED) != 0 && p + 4 <= off + len) {
            word = Bytes.i32le(buf, p);
            p += 4;
        }
        int frameEnd = end;
        if ((present & PRESENT_FLAGS) != 0) {
            if ((present & PRESENT_TSFT) != 0) {
                p = off + ((p - off + 7) & ~7) + 8; // TSFT: 8 bytes, 8-aligned
            }
            if (p < off + len && (u8(buf, p) & FLAG_FCS) != 0) {
                frameEnd = Math.max(off + len, end - 4);
            }
        }
        int pseudo = ctx.addLayer(Protocols.WLAN_RADIO, off + len, 0, frameEnd);
        ctx.flag(pseudo, LayerFlags.PSEUDO);
        ctx.next(off + len, frameEnd);
        return Protocols.WLAN;
    }
}
