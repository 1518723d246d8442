package dev.trawl.decode.internal;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.orData;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;

/** Decoders of tunnel headers: GRE (and ERSPAN over it), VXLAN, GENEVE. */
final class Tunnels {
    private Tunnels() {
    }

    static final int GRE_CHECKSUM = 0x8000;
    static final int GRE_ROUTING = 0x4000;
    static final int GRE_KEY = 0x2000;
    static final int GRE_SEQUENCE = 0x1000;
    static final int GRE_ACK = 0x0080;

    /** The length of a GRE header with the given flags and version word. */
    static int greHeaderLength(int flagsVersion) {
        int len = 4;
        if ((flagsVersion & (GRE_CHECKSUM | GRE_ROUTING)) != 0) {
            len += 4;
        }
        if ((flagsVersion & GRE_KEY) != 0) {
            len += 4;
        }
        if ((flagsVersion & GRE_SEQUENCE) != 0) {
            len += 4;
        }
        if ((flagsVersion & 7) == 1 && (flagsVersion & GRE_ACK) != 0) {
            len += 4;
        }
        return len;
    }

    static int gre(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 4 > end) {
            header(ctx, Protocols.GRE, off, 4, end);
            return Protocols.NONE;
        }
        int fv = u16(buf, off);
        int type = u16(buf, off + 2);
        int hl = greHeaderLength(fv);
        header(ctx, Protocols.GRE, off, hl, end);
        if (off + hl > end) {
            return Protocols.NONE;
        }
        if ((fv & GRE_ROUTING) != 0) {
            // RFC 1701 source routing entries follow; they are rare and not decoded.
            return Protocols.DATA;
        }
        if (type == 0x88BE && (fv & GRE_SEQUENCE) == 0) {
            // ERSPAN type I has no header of its own: the mirrored frame follows at once.
            return Protocols.ETH;
        }
        return orData(ctx.lookup(Dispatch.GRE_PROTO, type));
    }

    /** ERSPAN type II (8-byte header) and type III (12 bytes, plus an optional 8-byte subheader). */
    static int erspan(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 8 > end) {
            header(ctx, Protocols.ERSPAN, off, 8, end);
            return Protocols.NONE;
        }
        int version = u8(buf, off) >>> 4;
        int hl = 8;
        if (version == 2) {
            hl = 12;
            if (off + 12 <= end && (u8(buf, off + 11) & 1) != 0) {
                hl += 8;
            }
        }
        header(ctx, Protocols.ERSPAN, off, hl, end);
        return off + hl <= end ? Protocols.ETH : Protocols.NONE;
    }

    /** Cisco MetaData inside GRE: the payload's EtherType, then version, length, option and SGT. */
    static int ciscoMetadata(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.CMD, off, 8, end);
        if (off + 8 > end) {
            return Protocols.NONE;
        }
        return orData(ctx.lookup(Dispatch.ETHERTYPE, u16(buf, off)));
    }

    /** VXLAN (RFC 7348): 8 bytes, then an Ethernet frame. */
    static int vxlan(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.VXLAN, off, 8, end);
        return off + 8 <= end ? Protocols.ETH : Protocols.NONE;
    }

    /** GENEVE (RFC 8926): 8 bytes plus options, then a payload named by an EtherType. */
    static int geneve(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 8 > end) {
            header(ctx, Protocols.GENEVE, off, 8, end);
            return Protocols.NONE;
        }
        int hl = 8 + (u8(buf, off) & 0x3F) * 4;
        header(ctx, Protocols.GENEVE, off, hl, end);
        if (off + hl > end) {
            return Protocols.NONE;
        }
        int type = u16(buf, off + 2);
        return type == 0x6558 ? Protocols.ETH : orData(ctx.lookup(Dispatch.ETHERTYPE, type));
    }
}
