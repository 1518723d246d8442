package dev.trawl.decode.internal;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.nameIfSent;
import static dev.trawl.decode.internal.Decoders.orData;
import static dev.trawl.decode.internal.Decoders.viaEtherType;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;

/** Decoders of what Ethernet carries below IP: VLAN tags, MPLS, ARP, PPPoE. */
final class L2 {
    private L2() {
    }

    /** An 802.1Q tag (EtherType 0x8100). */
    static int vlan(byte[] buf, int off, int end, DecodeContext ctx) {
        return tag(Protocols.VLAN, buf, off, end, ctx);
    }

    /** An 802.1ad service tag (EtherType 0x88a8). */
    static int ieee8021ad(byte[] buf, int off, int end, DecodeContext ctx) {
        return tag(Protocols.IEEE8021AD, buf, off, end, ctx);
    }

    private static int tag(int protocol, byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, protocol, off, 4, end);
        if (off + 4 > end) {
            return Protocols.NONE;
        }
        int type = u16(buf, off + 2);
        if (type <= 1500) {
            ctx.next(off + 4, Math.min(end, off + 4 + type));
            if (type > 0) {
                nameIfSent(ctx, off + 4, end);
            }
            return Protocols.LLC;
        }
        return viaEtherType(ctx, off + 2, type, off + 4, end);
    }

    /** An MPLS label stack: one layer covering every entry down to the bottom-of-stack bit. */
    static int mpls(byte[] buf, int off, int end, DecodeContext ctx) {
        int p = off;
        boolean bottom = false;
        while (p + 4 <= end && !bottom) {
            bottom = (u8(buf, p + 2) & 1) != 0;
            p += 4;
        }
        int layer = ctx.addLayer(Protocols.MPLS, off, Math.max(4, p - off), end);
        if (!bottom) {
            ctx.flag(layer, LayerFlags.TRUNCATED);
            return Protocols.NONE;
        }
        if (p >= end) {
            return Protocols.NONE;
        }
        // RFC 3032 leaves the payload type to the label; like Wireshark, guess it from the first nibble.
        switch (u8(buf, p) >>> 4) {
            case 4:
                return Protocols.IP;
            case 6:
                return Protocols.IPV6;
            default:
                return Protocols.DATA;
        }
    }

    /** ARP and RARP. */
    static int arp(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 8 > end) {
            header(ctx, Protocols.ARP, off, 8, end);
            return Protocols.NONE;
        }
        int len = 8 + 2 * (u8(buf, off + 4) + u8(buf, off + 5));
        header(ctx, Protocols.ARP, off, len, end);
        return Protocols.NONE;
    }

    /** PPPoE discovery (EtherType 0x8863). */
    static int pppoeDiscovery(byte[] buf, int off, int end, DecodeContext ctx) {
        int layer = header(ctx, Protocols.PPPOED, off, 6, end);
        if (off + 6 <= end && off + 6 + u16(buf, off + 4) > end) {
            ctx.flag(layer, LayerFlags.TRUNCATED);
        }
        return Protocols.NONE;
    }

    /** PPPoE session (EtherType 0x8864), followed by a PPP protocol field. */
    static int pppoeSession(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.PPPOES, off, 6, end);
        if (off + 6 > end) {
            return Protocols.NONE;
        }
        int payloadEnd = Math.min(end, off + 6 + u16(buf, off + 4));
        ctx.next(off + 6, payloadEnd);
        return Protocols.PPP;
    }
}
