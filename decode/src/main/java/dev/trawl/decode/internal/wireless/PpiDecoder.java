package dev.trawl.decode.internal.wireless;

import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Bytes;
import dev.trawl.decode.internal.Decoders;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;
import dev.trawl.pcap.LinkType;

/**
 * The Per-Packet Information header (LINKTYPE_PPI): version, flags, the header's length and the link type of
 * the frame after it (little-endian), then per-packet fields the header's length covers. The frame is decoded as
 * its link type says; an 802.11 frame goes under Wireshark's zero-length {@code wlan_radio}, as after radiotap.
 * Stateless.
 *
 * <pre>
 * | version (8) | flags (8) | length (16) | link type, a DLT value (32) | fields (length - 8) ... | frame ... |
 * </pre>
 */
final class PpiDecoder {
    /** The fixed part of the header. */
    static final int HEADER = 8;

    private PpiDecoder() {
    }

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        int length = off + HEADER <= end ? Bytes.u16le(buf, off + 2) : 0;
        if (length < HEADER || length > end - off) {
            header(ctx, ctx.protocol(), off, HEADER, end);
            return Protocols.NONE;
        }
        ctx.addLayer(ctx.protocol(), off, length, end);
        int linkType = LinkType.fromDlt(Bytes.i32le(buf, off + 4)).value();
        int next = ctx.lookup(Dispatch.LINKTYPE, linkType);
        if (next == Protocols.NONE) {
            return Decoders.data(buf, off + length, end, ctx);
        }
        if (next == Protocols.WLAN) {
            ctx.flag(ctx.addLayer(Protocols.WLAN_RADIO, off + length, 0, end), LayerFlags.PSEUDO);
        }
        ctx.next(off + length, end);
        return next;
    }
}
