package dev.trawl.decode.internal.link;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.nameIfSent;
import static dev.trawl.decode.internal.Decoders.viaEtherType;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;

/** Ethernet II, or IEEE 802.3 followed by LLC (or raw Novell IPX). Stateless. */
public final class EthernetDecoder {
    private EthernetDecoder() {
    }

    /** The largest value of the type/length field that is an 802.3 length, as Wireshark draws the line. */
    public static final int MAX_LENGTH = 1500;
    /** The LLC DSAP of IPX, which raw Novell 802.3 frames carry without an LLC header. */
    static final int NOVELL_SAP = 0xFF;

    /** The built-in Ethernet decoder. */
    public static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        int layer = header(ctx, Protocols.ETH, off, 14, end);
        if (off + 14 > end) {
            return Protocols.NONE;
        }
        int type = u16(buf, off + 12);
        if (type > MAX_LENGTH) {
            return viaEtherType(ctx, off + 12, type, off + 14, end);
        }
        // An 802.3 length: the payload ends there; what follows it is padding (or an FCS).
        int payloadEnd = Math.min(end, off + 14 + type);
        if (off + 14 + type > end) {
            ctx.flag(layer, LayerFlags.TRUNCATED);
        }
        ctx.next(off + 14, payloadEnd);
        if (type > 0) {
            nameIfSent(ctx, off + 14, end);
        }
        if (off + 16 <= end && u16(buf, off + 14) == 0xFFFF) {
            return ctx.lookup(Dispatch.LLC_SAP, NOVELL_SAP);
        }
        return Protocols.LLC;
    }
}
