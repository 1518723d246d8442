package dev.trawl.decode.internal.link;

import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Bytes;
import dev.trawl.decode.internal.Decoders;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;
import dev.trawl.decode.spi.ProtocolDecoder;

/**
 * Apple PKTAP (LINKTYPE_PKTAP): a little-endian header length and the link type of the packet that follows,
 * which Wireshark lists after a zero-length {@code pcap_pktdata}. Immutable.
 */
final class PktapDecoder implements ProtocolDecoder {
    private final int packetData;

    /** @param packetData the id of {@code pcap_pktdata} */
    PktapDecoder(int packetData) {
        this.packetData = packetData;
    }

    @Override
    public int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 12 > end) {
            header(ctx, Protocols.PKTAP, off, 12, end);
            return Protocols.NONE;
        }
        int hl = Bytes.i32le(buf, off);
        if (hl < 12 || hl > end - off) {
            ctx.flag(ctx.addLayer(Protocols.PKTAP, off, Math.max(hl, 12), end), LayerFlags.BAD_LENGTH);
            return Protocols.NONE;
        }
        ctx.addLayer(Protocols.PKTAP, off, hl, end);
        int next = ctx.lookup(Dispatch.LINKTYPE, Bytes.i32le(buf, off + 8) & 0xFFFF);
        ctx.addLayer(packetData, off + hl, 0, end);
        return Decoders.orData(next);
    }
}
