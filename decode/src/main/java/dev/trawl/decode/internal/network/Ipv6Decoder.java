package dev.trawl.decode.internal.network;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.orData;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;
import dev.trawl.pcap.IpProtocol;

/**
 * IPv6: the fixed 40-byte header, the packet's end from its payload length (or what was captured, for a
 * jumbogram or an offloaded length), and the next header named by the IP protocol table, extension headers
 * included. Stateless.
 */
public final class Ipv6Decoder {
    private Ipv6Decoder() {
    }

    private static final int VERSION = 6;
    private static final int NO_NEXT_HEADER = IpProtocol.NO_NEXT_HEADER.value();

    /** The built-in IPv6 decoder. */
    public static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        boolean quoted = Quotation.quoted(ctx);
        int flags = quoted ? LayerFlags.QUOTED : 0;
        if (off < end && (u8(buf, off) >>> 4) != VERSION) {
            // Wireshark shows the header's version and refuses the bytes: the layer below shows them as data
            boolean first = ctx.layerCount() == 0;
            int layer = ctx.addLayer(Protocols.IPV6, off, 1, off + 1);
            ctx.flag(layer, flags | LayerFlags.MALFORMED | LayerFlags.UNLISTED);
            if (first) {
                return Protocols.NONE;
            }
            ctx.next(off, end);
            return Protocols.DATA;
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

    /** The protocol of next header {@code nh}: none for "no next header", data for one nothing is bound to. */
    static int nextHeader(DecodeContext ctx, int nh) {
        if (nh == NO_NEXT_HEADER) {
            return Protocols.NONE;
        }
        return orData(ctx.lookup(Dispatch.IP_PROTO, nh));
    }
}
