package dev.trawl.decode.internal.wireless;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;

/**
 * The IEEE 802.11 MAC header ({@code wlan}): its length follows from the frame control field; an unprotected
 * data frame carries LLC, a protected one data. Stateless.
 */
final class Ieee80211Decoder {
    private Ieee80211Decoder() {
    }

    private static final int MANAGEMENT = 0;
    private static final int CONTROL = 1;
    private static final int DATA = 2;
    /** Frame control flags (second byte). */
    private static final int TO_AND_FROM_DS = 0x03;
    private static final int PROTECTED = 0x40;
    private static final int ORDER = 0x80;
    /** The bit of a data subtype that says it carries a QoS control field; of one that says it has no body. */
    private static final int QOS = 8;
    private static final int NO_BODY = 4;

    /** The 802.11 MAC header length for a frame control value, or -1 when unknown. */
    static int headerLength(int fc0, int fc1) {
        int type = (fc0 >>> 2) & 3;
        int subtype = fc0 >>> 4;
        switch (type) {
            case MANAGEMENT:
                return 24 + ((fc1 & ORDER) != 0 ? 4 : 0);
            case CONTROL:
                switch (subtype) {
                    case 12: // CTS
                    case 13: // ACK
                        return 10;
                    default: // RTS, block ack (request), PS-poll, CF-end
                        return 16;
                }
            case DATA: {
                int len = 24;
                if ((fc1 & TO_AND_FROM_DS) == TO_AND_FROM_DS) {
                    len += 6;
                }
                if ((subtype & QOS) != 0) {
                    len += 2;
                    if ((fc1 & ORDER) != 0) {
                        len += 4;
                    }
                }
                return len;
            }
            default:
                return -1;
        }
    }

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 2 > end) {
            header(ctx, Protocols.WLAN, off, 2, end);
            return Protocols.NONE;
        }
        int fc0 = u8(buf, off);
        int fc1 = u8(buf, off + 1);
        int hl = headerLength(fc0, fc1);
        if (hl < 0) {
            ctx.flag(ctx.addLayer(Protocols.WLAN, off, 2, end), LayerFlags.MALFORMED);
            return Protocols.NONE;
        }
        header(ctx, Protocols.WLAN, off, hl, end);
        int type = (fc0 >>> 2) & 3;
        int subtype = fc0 >>> 4;
        if (type != DATA || (subtype & NO_BODY) != 0 || off + hl >= end) {
            return Protocols.NONE;
        }
        if ((fc1 & PROTECTED) != 0) {
            return Protocols.DATA; // encrypted: Wireshark shows the body as data
        }
        return Protocols.LLC;
    }
}
