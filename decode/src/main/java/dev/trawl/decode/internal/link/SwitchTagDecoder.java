package dev.trawl.decode.internal.link;

import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.viaEtherType;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Bytes;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;

/**
 * The link types of Ethernet switches' management ports, whose frames carry a switch tag: between the MAC
 * addresses and the EtherType (Marvell DSA and EDSA, Broadcom), one layer from the destination address to the
 * EtherType; or before the whole frame (Broadcom's prepended tag), one layer of the tag and then Ethernet.
 * Immutable.
 */
final class SwitchTagDecoder implements ProtocolDecoder {
    private static final int MACS = 12;

    private final int tagLength;
    private final boolean prepended;

    /**
     * @param tagLength the tag's length in bytes
     * @param prepended whether the tag comes before the frame rather than after its addresses
     */
    SwitchTagDecoder(int tagLength, boolean prepended) {
        this.tagLength = tagLength;
        this.prepended = prepended;
    }

    @Override
    public int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (prepended) {
            header(ctx, ctx.protocol(), off, tagLength, end);
            return off + tagLength < end ? Protocols.ETH : Protocols.NONE;
        }
        int type = off + MACS + tagLength;
        if (type + 2 > end) {
            header(ctx, ctx.protocol(), off, MACS + tagLength + 2, end);
            return Protocols.NONE;
        }
        ctx.addLayer(ctx.protocol(), off, MACS + tagLength + 2, end);
        return viaEtherType(ctx, type, Bytes.u16(buf, type), type + 2, end);
    }
}
