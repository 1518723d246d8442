package dev.trawl.decode.internal;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.orData;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;

/** Decoders of IPv4, IPv6 and the IPv6 extension headers (plus AH and ESP, shared with IPv4). */
final class Ip {
    private Ip() {
    }

    /**
     * Whether the layer being decoded sits inside an ICMP error's quotation, or inside a packet header an
     * sFlow sample carries (which Wireshark decodes as it decodes a quotation).
     */
    static boolean quoted(DecodeContext ctx) {
        int n = ctx.layerCount();
        if (n == 0) {
            return false;
        }
        int parent = ctx.protocolAt(n - 1);
        return parent == Protocols.ICMP || parent == Protocols.ICMPV6
                || (ctx.flagsAt(n - 1) & LayerFlags.QUOTED) != 0 || insideSflow(ctx);
    }

    /** Whether the layer being decoded is part of a packet header an sFlow sample carries. */
    static boolean insideSflow(DecodeContext ctx) {
        for (int i = ctx.layerCount() - 2; i >= 0; i--) {
            if (ctx.protocolAt(i) == Named.sflow) {
                return true;
            }
        }
        return false;
    }

    static int ipv4(byte[] buf, int off, int end, DecodeContext ctx) {
        boolean quoted = quoted(ctx);
        if (off + 20 > end) {
            int layer = header(ctx, Protocols.IP, off, 20, end);
            ctx.flag(layer, quoted ? LayerFlags.QUOTED : 0);
            return Protocols.NONE;
        }
        int vhl = u8(buf, off);
        int hl = (vhl & 0x0F) * 4;
        int total = u16(buf, off + 2);
        int layerEnd;
        int flags = quoted ? LayerFlags.QUOTED : 0;
        if ((vhl >>> 4) != 4 || hl < 20) {
            ctx.flag(ctx.addLayer(Protocols.IP, off, Math.max(hl, 20), end), flags | LayerFlags.MALFORMED);
            if ((vhl >>> 4) == 6 && !quoted) {
                // Wireshark's IPv4 decoder hands an IPv6 packet (sent with IPv4's EtherType or link type) on
                ctx.next(off, end);
                return Protocols.IPV6;
            }
            return Protocols.NONE;
        }
        int reassembled = quoted ? -1 : ctx.fragments().payloadLength(off);
        if (reassembled >= 0 && off + hl + reassembled <= end) {
            // The datagram this fragment completed, put back together behind the fragment's own header.
            ctx.flag(ctx.addLayer(Protocols.IP, off, hl, off + hl + reassembled), flags);
            return orData(ctx.lookup(Dispatch.IP_PROTO, u8(buf, off + 9)));
        }
        if (total == 0 && !quoted || !quoted && total >= hl && ctx.streams().assembled()) {
            // TCP segmentation offload leaves the length 0: like Wireshark, use what was captured. A message put
            // back together from several segments also reaches past the frame's own length.
            layerEnd = end;
        } else if (total < hl) {
            ctx.flag(ctx.addLayer(Protocols.IP, off, hl, end), flags | LayerFlags.BAD_LENGTH);
            return Protocols.NONE;
        } else {
            layerEnd = Math.min(end, off + total);
            if (off + total > end && !quoted) {
                flags |= LayerFlags.TRUNCATED;
            }
        }
        int layer = ctx.addLayer(Protocols.IP, off, hl, layerEnd);
        if (off + hl > end) {
            ctx.flag(layer, flags | LayerFlags.TRUNCATED);
            return Protocols.NONE;
        }
        if (ctx.verifyChecksums() && Bytes.onesComplementSum(buf, off, hl, 0) != 0xFFFF) {
            flags |= LayerFlags.BAD_CHECKSUM;
        }
        ctx.flag(layer, flags);
        if (total > hl) {
            // The datagram has a payload even if the capture ends here: Wireshark still names it.
            ctx.nextEvenIfEmpty();
        }
        int fragment = u16(buf, off + 6);
        if ((fragment & 0x3FFF) != 0 && ((fragment & 0x1FFF) != 0 || (flags & LayerFlags.TRUNCATED) == 0)) {
            // A fragment: its payload is not a whole upper-layer packet, so it stays opaque. Wireshark makes one
            // exception: a first fragment the capture cut short cannot join a reassembly, and it decodes the
            // upper layer from what is there.
            return Protocols.DATA;
        }
        return orData(ctx.lookup(Dispatch.IP_PROTO, u8(buf, off + 9)));
    }

    static int ipv6(byte[] buf, int off, int end, DecodeContext ctx) {
        boolean quoted = quoted(ctx);
        int flags = quoted ? LayerFlags.QUOTED : 0;
        if (off < end && (u8(buf, off) >>> 4) != 6) {
            // Not IPv6 after all: Wireshark gives the bytes up as data.
            return dev.trawl.decode.spi.ProtocolDecoder.REJECT;
        }
        if (off + 40 > end) {
            ctx.flag(header(ctx, Protocols.IPV6, off, 40, end), flags);
            return Protocols.NONE;
        }
        int payload = u16(buf, off + 4);
        int layerEnd;
        if (payload == 0 && !quoted || !quoted && ctx.streams().assembled()) {
            layerEnd = end; // a jumbogram, offloaded length, or a message put back together: all that is there
        } else {
            layerEnd = Math.min(end, off + 40 + payload);
            if (off + 40 + payload > end && !quoted) {
                flags |= LayerFlags.TRUNCATED;
            }
        }
        int reassembled = quoted ? -1 : ctx.fragments().payloadLength(off + 40);
        if (reassembled >= 0 && off + 48 + reassembled <= end) {
            layerEnd = off + 48 + reassembled; // a fragment header follows, behind which the datagram was put back
            flags &= ~LayerFlags.TRUNCATED;
        }
        int layer = ctx.addLayer(Protocols.IPV6, off, 40, layerEnd);
        ctx.flag(layer, flags);
        ctx.nextEvenIfEmpty();
        return nextHeader(ctx, u8(buf, off + 6));
    }

    private static int nextHeader(DecodeContext ctx, int nh) {
        if (nh == 59) {
            return Protocols.NONE;
        }
        return orData(ctx.lookup(Dispatch.IP_PROTO, nh));
    }

    /** Hop-by-hop options, routing and destination options: next header, length in 8-byte units. */
    static int optionsHeader(int protocol, byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 2 > end) {
            header(ctx, protocol, off, 8, end);
            return Protocols.NONE;
        }
        int len = (u8(buf, off + 1) + 1) * 8;
        int layer = header(ctx, protocol, off, len, end);
        if (off + len > end) {
            return Protocols.NONE;
        }
        int parentQuoted = ctx.flagsAt(layer - 1 >= 0 ? layer - 1 : layer) & LayerFlags.QUOTED;
        ctx.flag(layer, parentQuoted);
        return nextHeader(ctx, u8(buf, off));
    }

    static int hopByHop(byte[] buf, int off, int end, DecodeContext ctx) {
        return optionsHeader(Protocols.IPV6_HOPOPTS, buf, off, end, ctx);
    }

    static int routing(byte[] buf, int off, int end, DecodeContext ctx) {
        return optionsHeader(Protocols.IPV6_ROUTING, buf, off, end, ctx);
    }

    static int destinationOptions(byte[] buf, int off, int end, DecodeContext ctx) {
        return optionsHeader(Protocols.IPV6_DSTOPTS, buf, off, end, ctx);
    }

    static int fragment(byte[] buf, int off, int end, DecodeContext ctx) {
        int layer = header(ctx, Protocols.IPV6_FRAGHDR, off, 8, end);
        if (off + 8 > end) {
            return Protocols.NONE;
        }
        ctx.flag(layer, layer > 0 ? ctx.flagsAt(layer - 1) & LayerFlags.QUOTED : 0);
        int reassembled = ctx.fragments().payloadLength(off);
        if (reassembled >= 0 && off + 8 + reassembled <= end) {
            ctx.next(off + 8, off + 8 + reassembled); // the reassembled datagram's payload
            return nextHeader(ctx, ctx.fragments().nextHeader());
        }
        int fo = u16(buf, off + 2);
        if ((fo & 0xFFF9) != 0) { // a real fragment (offset or M set): opaque
            return Protocols.DATA;
        }
        return nextHeader(ctx, u8(buf, off));
    }

    /** The authentication header (RFC 4302): length in 4-byte units, minus 2. */
    static int ah(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 2 > end) {
            header(ctx, Protocols.AH, off, 12, end);
            return Protocols.NONE;
        }
        int len = (u8(buf, off + 1) + 2) * 4;
        header(ctx, Protocols.AH, off, len, end);
        if (off + len > end) {
            return Protocols.NONE;
        }
        return nextHeader(ctx, u8(buf, off));
    }

    /** ESP (RFC 4303): only the SPI and sequence number are visible; the rest is encrypted. */
    static int esp(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.ESP, off, 8, end);
        ctx.next(end, end);
        return Protocols.NONE;
    }
}
