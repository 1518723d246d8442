package dev.trawl.decode.internal;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;
import dev.trawl.decode.spi.ProtocolDecoder;
import dev.trawl.decode.spi.ProtocolRegistrar;

/** UDP tunnels decoded through to the inner packet: L2TP version 2, GTP-U and Teredo. */
final class MoreTunnels {
    private MoreTunnels() {
    }

    static int l2tp;
    static int gtp;
    static int teredo;

    static void register(ProtocolRegistrar r) {
        l2tp = r.protocol("l2tp", MoreTunnels::l2tp);
        r.bind(Dispatch.UDP_PORT, 1701, l2tp);
        gtp = r.protocol("gtp", MoreTunnels::gtpUser);
        r.bind(Dispatch.UDP_PORT, 2152, gtp);
        gtpv2 = r.protocol("gtpv2", null);
        r.bind(Dispatch.UDP_PORT, 2123, r.protocol("gtp-control", MoreTunnels::gtpControl));
        teredo = r.protocol("teredo", MoreTunnels::teredo);
        r.bind(Dispatch.UDP_PORT, 3544, teredo);
    }

    /**
     * L2TP version 2 (RFC 2661): flags and version, optional length, tunnel and session ids, optional
     * sequence numbers and offset; a data message carries a PPP frame.
     */
    static int l2tp(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 6 > end) {
            header(ctx, l2tp, off, 6, end);
            return Protocols.NONE;
        }
        int flags = u16(buf, off);
        if ((flags & 0x0F) != 2) {
            // Version 3 over UDP has a different header; keep it opaque.
            ctx.addLayer(l2tp, off, end - off, end);
            return Protocols.NONE;
        }
        int hl = 2;
        if ((flags & 0x4000) != 0) { // L: length present
            hl += 2;
        }
        hl += 4; // tunnel and session id
        if ((flags & 0x0800) != 0) { // S: Ns and Nr present
            hl += 4;
        }
        if ((flags & 0x0200) != 0) { // O: offset size (and padding) present
            if (off + hl + 2 > end) {
                header(ctx, l2tp, off, hl + 2, end);
                return Protocols.NONE;
            }
            hl += 2 + u16(buf, off + hl);
        }
        header(ctx, l2tp, off, hl, end);
        if ((flags & 0x8000) != 0 || off + hl >= end) { // T: a control message
            return Protocols.NONE;
        }
        return Protocols.PPP;
    }

    static int gtpv2;

    /** GTP-C (GTP' aside): version 1 messages are Wireshark's {@code gtp}, version 2 its {@code gtpv2}. */
    static int gtpControl(byte[] buf, int off, int end, DecodeContext ctx) {
        int version = off + 8 <= end ? u8(buf, off) >>> 5 : 0;
        if (version == 1) {
            header(ctx, gtp, off, (u8(buf, off) & 0x07) != 0 ? 12 : 8, end);
            return Protocols.NONE;
        }
        if (version == 2) { // Wireshark's gtp hands version 2 on to gtpv2
            ctx.addLayer(gtp, off, 0, end);
            header(ctx, gtpv2, off, (u8(buf, off) & 0x08) != 0 ? 12 : 8, end);
            return Protocols.NONE;
        }
        return ProtocolDecoder.REJECT;
    }

    /** GTP-U version 1: an 8-byte header, an optional 4-byte part and extension headers; T-PDUs carry IP. */
    static int gtpUser(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 8 > end || (u8(buf, off) >>> 5) != 1) {
            return ProtocolDecoder.REJECT;
        }
        int flags = u8(buf, off);
        int type = u8(buf, off + 1);
        int hl = 8;
        if ((flags & 0x07) != 0) {
            hl += 4;
            if ((flags & 0x04) != 0) { // E: extension headers follow, each a length in 4-byte units
                int next = off + 11 < end ? u8(buf, off + 11) : 0;
                for (int guard = 0; next != 0 && guard < 16; guard++) {
                    if (off + hl >= end) {
                        break;
                    }
                    int len = u8(buf, off + hl) * 4;
                    if (len == 0 || off + hl + len > end) {
                        break;
                    }
                    next = u8(buf, off + hl + len - 1);
                    hl += len;
                }
            }
        }
        header(ctx, gtp, off, hl, end);
        if (type != 0xFF || off + hl >= end) {
            return Protocols.NONE;
        }
        ctx.next(off + hl, end);
        return Decoders.byVersion(buf, off + hl, end);
    }

    /** Teredo (RFC 4380): optional authentication and origin indications, then an IPv6 packet. */
    static int teredo(byte[] buf, int off, int end, DecodeContext ctx) {
        int p = off;
        if (p + 4 <= end && u16(buf, p) == 0x0001) { // authentication indicator
            int idLen = u8(buf, p + 2);
            int authLen = u8(buf, p + 3);
            p += 4 + idLen + authLen + 9;
        }
        if (p + 8 <= end && u16(buf, p) == 0x0000) { // origin indication
            p += 8;
        }
        if (p + 40 > end || (u8(buf, p) >>> 4) != 6) {
            return ProtocolDecoder.REJECT;
        }
        ctx.addLayer(teredo, off, p - off, end);
        return Protocols.IPV6;
    }
}
