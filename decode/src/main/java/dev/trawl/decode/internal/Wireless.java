package dev.trawl.decode.internal;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;

/** Decoders of the radiotap pseudo-header and the IEEE 802.11 MAC header. */
final class Wireless {
    private Wireless() {
    }

    /** Radiotap: a little-endian length and present bitmaps; the 802.11 frame follows. */
    static int radiotap(byte[] buf, int off, int end, DecodeContext ctx) {
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
        while (word < 0 && p + 4 <= off + len) { // bit 31: another present word follows
            word = Bytes.i32le(buf, p);
            p += 4;
        }
        int frameEnd = end;
        if ((present & 2) != 0) {
            if ((present & 1) != 0) {
                p = off + ((p - off + 7) & ~7) + 8; // TSFT: 8 bytes, 8-aligned
            }
            if (p < off + len && (u8(buf, p) & 0x10) != 0) {
                frameEnd = Math.max(off + len, end - 4);
            }
        }
        int pseudo = ctx.addLayer(Protocols.WLAN_RADIO, off + len, 0, frameEnd);
        ctx.flag(pseudo, LayerFlags.PSEUDO);
        ctx.next(off + len, frameEnd);
        return Protocols.WLAN;
    }

    /** The 802.11 MAC header length for a frame control value, or -1 when unknown. */
    static int wlanHeaderLength(int fc0, int fc1, int subtypeRaw) {
        int type = (fc0 >>> 2) & 3;
        int subtype = fc0 >>> 4;
        switch (type) {
            case 0:
                return 24 + ((fc1 & 0x80) != 0 ? 4 : 0);
            case 1:
                switch (subtype) {
                    case 12: // CTS
                    case 13: // ACK
                        return 10;
                    case 8: // block ack request
                    case 9: // block ack
                        return 16;
                    default:
                        return 16;
                }
            case 2: {
                int len = 24;
                if ((fc1 & 3) == 3) {
                    len += 6;
                }
                if ((subtype & 8) != 0) {
                    len += 2;
                    if ((fc1 & 0x80) != 0) {
                        len += 4;
                    }
                }
                return len;
            }
            default:
                return -1;
        }
    }

    static int wlan(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 2 > end) {
            header(ctx, Protocols.WLAN, off, 2, end);
            return Protocols.NONE;
        }
        int fc0 = u8(buf, off);
        int fc1 = u8(buf, off + 1);
        int hl = wlanHeaderLength(fc0, fc1, fc0 >>> 4);
        if (hl < 0) {
            ctx.flag(ctx.addLayer(Protocols.WLAN, off, 2, end), LayerFlags.MALFORMED);
            return Protocols.NONE;
        }
        header(ctx, Protocols.WLAN, off, hl, end);
        int type = (fc0 >>> 2) & 3;
        int subtype = fc0 >>> 4;
        boolean isProtected = (fc1 & 0x40) != 0;
        if (type != 2 || (subtype & 4) != 0 || off + hl >= end) {
            return Protocols.NONE;
        }
        if (isProtected) {
            return Protocols.DATA; // encrypted: Wireshark shows the body as data
        }
        return Protocols.LLC;
    }
}
