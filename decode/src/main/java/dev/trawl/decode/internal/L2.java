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

    /** Frame Relay (Q.922 address, then Q.933 NLPID encapsulation). */
    static int frameRelay(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 2 > end) {
            header(ctx, Protocols.FR, off, 2, end);
            return Protocols.NONE;
        }
        int p = off + 2;
        // The address extends while the EA bit (bit 0) is clear, up to 4 bytes.
        if ((u8(buf, off + 1) & 1) == 0 && p < end) {
            p++;
            if ((u8(buf, p - 1) & 1) == 0 && p < end) {
                p++;
            }
        }
        if (p + 2 <= end && u8(buf, p) != 0x03) {
            // Cisco's encapsulation: an EtherType right after the address.
            ctx.addLayer(Protocols.FR, off, p + 2 - off, end);
            return orData(ctx.lookup(Dispatch.ETHERTYPE, u16(buf, p)));
        }
        if (p + 2 > end) {
            ctx.addLayer(Protocols.FR, off, p - off, end);
            return p < end ? Protocols.DATA : Protocols.NONE;
        }
        p++;
        if (u8(buf, p) == 0x00 && p + 1 < end) { // optional padding byte
            p++;
        }
        int nlpid = u8(buf, p);
        p++;
        if (nlpid == 0x80 && p + 5 <= end) { // SNAP
            int oui = Bytes.u24(buf, p);
            int pid = u16(buf, p + 3);
            ctx.addLayer(Protocols.FR, off, p + 5 - off, end);
            return oui == 0 ? orData(ctx.lookup(Dispatch.ETHERTYPE, pid)) : Protocols.DATA;
        }
        ctx.addLayer(Protocols.FR, off, p - off, end);
        switch (nlpid) {
            case 0xCC:
                return Protocols.IP;
            case 0x8E:
                return Protocols.IPV6;
            case 0x82:
                ctx.next(p - 1, end);
                return Protocols.ESIS;
            case 0x83:
                ctx.next(p - 1, end);
                return Protocols.ISIS;
            default:
                return Protocols.DATA;
        }
    }

    /** Solaris ipnet: a 24-byte header with an address family. */
    static int ipnet(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.IPNET, off, 24, end);
        if (off + 24 > end) {
            return Protocols.NONE;
        }
        int family = u8(buf, off + 1);
        return family == 2 ? Protocols.IP : family == 26 ? Protocols.IPV6 : Protocols.DATA;
    }

    /** Linux NFLOG: a 4-byte header, then TLVs; the payload TLV (type 9) holds the packet. */
    static int nflog(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 4 > end) {
            header(ctx, Protocols.NFLOG, off, 4, end);
            return Protocols.NONE;
        }
        int family = u8(buf, off);
        int p = off + 4;
        // TLV lengths are little-endian and padded to 4; the walk advances at least 4 bytes each time.
        while (p + 4 <= end) {
            int len = Bytes.u16le(buf, p);
            int type = Bytes.u16le(buf, p + 2) & 0x7FFF;
            if (len < 4) {
                break;
            }
            if (type == 9) {
                ctx.addLayer(Protocols.NFLOG, off, p + 4 - off, end);
                ctx.next(p + 4, Math.min(end, p + len));
                return family == 2 ? Protocols.IP : family == 10 ? Protocols.IPV6 : Protocols.DATA;
            }
            p += (len + 3) & ~3;
        }
        ctx.addLayer(Protocols.NFLOG, off, end - off, end);
        return Protocols.NONE;
    }

    /**
     * IP over InfiniBand (LINKTYPE_IPOIB): a 40-byte pseudo-header holding the source GID, then the 4-byte
     * IPoIB header whose first half is an EtherType.
     */
    static int ipoib(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.IPOIB, off, 44, end);
        if (off + 44 > end) {
            return Protocols.NONE;
        }
        return orData(ctx.lookup(Dispatch.ETHERTYPE, u16(buf, off + 40)));
    }

    /**
     * Linux ARCNET (LINKTYPE_ARCNET_LINUX): source, destination, a two-byte offset, then the protocol id;
     * RFC 1201 protocols add a split flag and sequence number (and an exception packet four more bytes).
     */
    static int arcnet(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 5 > end) {
            header(ctx, Protocols.ARCNET, off, 5, end);
            return Protocols.NONE;
        }
        int type = u8(buf, off + 4);
        int hl;
        switch (type) {
            case 0xD4: // RFC 1201 IP
            case 0xD5: // RFC 1201 ARP
            case 0xD6: // RFC 1201 RARP
            case 0xDD: // RFC 1201 AppleTalk
                hl = off + 6 <= end && u8(buf, off + 5) == 0xFF ? 12 : 8;
                break;
            default:
                hl = 5;
        }
        header(ctx, Protocols.ARCNET, off, hl, end);
        switch (type) {
            case 0xD4:
            case 0xF0:
                return Protocols.IP;
            case 0xD5:
            case 0xF1:
                return Protocols.ARP;
            case 0xDD:
                return orData(ctx.lookup(Dispatch.ETHERTYPE, 0x809B));
            default:
                return Protocols.DATA;
        }
    }

    /** Linux Classical IP over ATM: an LLC/SNAP header. */
    static int clip(byte[] buf, int off, int end, DecodeContext ctx) {
        int layer = ctx.addLayer(Protocols.CLIP, off, 0, end);
        ctx.flag(layer, LayerFlags.PSEUDO);
        ctx.next(off, end);
        return LinkLayers.byVersion(buf, off, end);
    }
}
