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

/** Decoders of link-layer headers: the first layer of a frame, chosen by link type. */
final class LinkLayers {
    private LinkLayers() {
    }

    /** Ethernet II, or IEEE 802.3 followed by LLC (or raw Novell IPX). */
    static int ethernet(byte[] buf, int off, int end, DecodeContext ctx) {
        int layer = header(ctx, Protocols.ETH, off, 14, end);
        if (off + 14 > end) {
            return Protocols.NONE;
        }
        int type = u16(buf, off + 12);
        if (type > 1500) {
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
            return ctx.lookup(Dispatch.LLC_SAP, 0xFF);
        }
        return Protocols.LLC;
    }

    /** IEEE 802.2 LLC, with SNAP when DSAP and SSAP are 0xAA. */
    static int llc(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 3 > end) {
            header(ctx, Protocols.LLC, off, 3, end);
            return Protocols.NONE;
        }
        int dsap = u8(buf, off);
        int ssap = u8(buf, off + 1);
        int control = u8(buf, off + 2);
        // I- and S-format frames carry a two-byte control field; U-format frames one byte.
        int hl = (control & 3) == 3 ? 3 : 4;
        if (dsap == 0xAA && ssap == 0xAA && hl == 3) {
            header(ctx, Protocols.LLC, off, 8, end);
            if (off + 8 > end) {
                return Protocols.NONE;
            }
            int oui = Bytes.u24(buf, off + 3);
            int pid = u16(buf, off + 6);
            ctx.next(off + 8, end);
            if (oui == 0 || oui == 0xF8) {
                return orData(ctx.lookup(Dispatch.ETHERTYPE, pid));
            }
            return orData(ctx.lookup(Dispatch.LLC_SAP, snapKey(oui, pid)));
        }
        header(ctx, Protocols.LLC, off, hl, end);
        int next = ctx.lookup(Dispatch.LLC_SAP, dsap);
        if (next != Protocols.NONE) {
            nameIfSent(ctx, off + hl, end);
        }
        return orData(next);
    }

    /**
     * The LLC_SAP dispatch key for a SNAP organisation code and protocol id: above the 8-bit SAPs, the low
     * 14 bits of the OUI and the PID (enough to keep the OUIs bound here apart).
     */
    public static int snapKey(int oui, int pid) {
        return 0x4000_0000 | (oui & 0x3FFF) << 16 | (pid & 0xFFFF);
    }

    /** Linux cooked capture v1 (LINKTYPE_LINUX_SLL). */
    static int sll(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.SLL, off, 16, end);
        if (off + 16 > end) {
            return Protocols.NONE;
        }
        return sllPayload(ctx, u16(buf, off + 2), off + 14, u16(buf, off + 14), off + 16, end);
    }

    /** Linux cooked capture v2 (LINKTYPE_LINUX_SLL2). */
    static int sll2(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.SLL, off, 20, end);
        if (off + 20 > end) {
            return Protocols.NONE;
        }
        return sllPayload(ctx, u16(buf, off + 8), off, u16(buf, off), off + 20, end);
    }

    private static int sllPayload(DecodeContext ctx, int hatype, int typeIndex, int protocol, int payload,
            int end) {
        ctx.next(payload, end);
        if (hatype == 778) { // ARPHRD_IPGRE: the protocol field is a GRE protocol type
            return orData(ctx.lookup(Dispatch.GRE_PROTO, protocol));
        }
        if (protocol <= 1500) {
            switch (protocol) {
                case 0x0004: // LINUX_SLL_P_802_2
                    return Protocols.LLC;
                case 0x0001: // LINUX_SLL_P_802_3: Novell 802.3 without LLC
                    return orData(ctx.lookup(Dispatch.LLC_SAP, 0xFF));
                default:
                    return Protocols.DATA;
            }
        }
        return viaEtherType(ctx, typeIndex, protocol, payload, end);
    }

    /** BSD loopback (LINKTYPE_NULL, host byte order) and OpenBSD loopback (LINKTYPE_LOOP, network order). */
    static int nullLoopback(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.NULL, off, 4, end);
        if (off + 4 > end) {
            return Protocols.NONE;
        }
        int family = Bytes.i32(buf, off);
        if ((family & 0xFFFF0000) != 0) {
            family = Bytes.i32le(buf, off);
        }
        if (family > 1500 && (family & 0xFFFF0000) == 0) {
            // Some systems write an EtherType here.
            return orData(ctx.lookup(Dispatch.ETHERTYPE, family));
        }
        return orData(ctx.lookup(Dispatch.NULL_FAMILY, family & 0xFFFF));
    }

    /** LINKTYPE_RAW: an IPv4 or IPv6 packet, told apart by its version nibble. */
    static int raw(byte[] buf, int off, int end, DecodeContext ctx) {
        int layer = ctx.addLayer(Protocols.RAW, off, 0, end);
        ctx.next(off, end);
        int next = byVersion(buf, off, end);
        if (next == Protocols.DATA) {
            // Neither IPv4 nor IPv6: Wireshark shows the raw layer alone.
            ctx.flag(layer, dev.trawl.decode.LayerFlags.MALFORMED);
            return Protocols.NONE;
        }
        return next;
    }

    /** IPv4 or IPv6 by the version nibble at {@code off}, else data; NONE when nothing is left. */
    static int byVersion(byte[] buf, int off, int end) {
        if (off >= end) {
            return Protocols.NONE;
        }
        switch (u8(buf, off) >>> 4) {
            case 4:
                return Protocols.IP;
            case 6:
                return Protocols.IPV6;
            default:
                return Protocols.DATA;
        }
    }

    /** PPP in HDLC-like framing (optional FF 03) with a one- or two-byte protocol field. */
    static int ppp(byte[] buf, int off, int end, DecodeContext ctx) {
        int p = off;
        if (p + 2 <= end && u8(buf, p) == 0xFF && u8(buf, p + 1) == 0x03) {
            p += 2;
        }
        if (p >= end) {
            header(ctx, Protocols.PPP, off, p - off + 2, end);
            return Protocols.NONE;
        }
        int proto;
        if ((u8(buf, p) & 1) != 0) { // protocol-field compression: one byte
            proto = u8(buf, p);
            p += 1;
        } else {
            if (p + 2 > end) {
                header(ctx, Protocols.PPP, off, p - off + 2, end);
                return Protocols.NONE;
            }
            proto = u16(buf, p);
            p += 2;
        }
        ctx.addLayer(Protocols.PPP, off, p - off, end);
        return orData(ctx.lookup(Dispatch.PPP_PROTO, proto));
    }

    /** Cisco HDLC: address, control and an EtherType. */
    static int ciscoHdlc(byte[] buf, int off, int end, DecodeContext ctx) {
        int id = ctx.addLayer(Protocols.CHDLC, off, 4, end);
        if (off + 4 > end) {
            ctx.flag(id, LayerFlags.TRUNCATED);
            return Protocols.NONE;
        }
        int type = u16(buf, off + 2);
        int next = ctx.lookup(Dispatch.ETHERTYPE, type);
        if (type == 0x8035) {
            next = Protocols.SLARP;
        } else if (type == 0x2000) {
            next = Protocols.CDP;
        }
        return orData(next);
    }
}
