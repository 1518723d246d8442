package dev.trawl.decode.internal.network;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.orData;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Bytes;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;

/**
 * IPv4: the header and its options, the datagram's end from its total length (or what was captured, when
 * segmentation offload left it 0), fragments kept opaque unless the decoder put the datagram back together,
 * and the payload named by the protocol field. Stateless.
 */
public final class Ipv4Decoder {
    private Ipv4Decoder() {
    }

    private static final int VERSION = 4;
    private static final int IPV6_VERSION = 6;
    /** The flags and fragment offset bits that make a datagram a fragment (MF, offset), and the offset alone. */
    private static final int FRAGMENT = 0x3FFF;
    private static final int OFFSET = 0x1FFF;

    /** The built-in IPv4 decoder. */
    public static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        boolean quoted = Quotation.quoted(ctx);
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
        if ((vhl >>> 4) != VERSION || hl < 20) {
            int layer = ctx.addLayer(Protocols.IP, off, Math.max(hl, 20), end);
            if ((vhl >>> 4) == IPV6_VERSION && !quoted) {
                // Wireshark's IPv4 decoder hands an IPv6 packet (sent with IPv4's EtherType or link type) on,
                // before it adds an item of its own
                ctx.flag(layer, flags | LayerFlags.UNSHOWN);
                ctx.next(off, end);
                return Protocols.IPV6;
            }
            ctx.flag(layer, flags | LayerFlags.MALFORMED);
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
        if ((fragment & FRAGMENT) != 0 && ((fragment & OFFSET) != 0
                || (flags & LayerFlags.TRUNCATED) == 0 && !ctx.decodeFirstFragments())) {
            // A fragment: its payload is not a whole upper-layer packet, so it stays opaque. Wireshark makes one
            // exception: a first fragment the capture cut short cannot join a reassembly, and it decodes the
            // upper layer from what is there.
            return Protocols.DATA;
        }
        return orData(ctx.lookup(Dispatch.IP_PROTO, u8(buf, off + 9)));
    }
}
