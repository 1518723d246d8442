package dev.trawl.decode.internal.lan;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.nameIfSent;
import static dev.trawl.decode.internal.Decoders.viaEtherType;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.link.EthernetDecoder;
import dev.trawl.decode.spi.DecodeContext;

/**
 * A VLAN tag: 802.1Q's ({@code vlan}) or 802.1ad's service tag ({@code ieee8021ad}), each 4 bytes of priority,
 * DEI and id, then the type or length of what it tags, as in an Ethernet header. Stateless.
 */
final class VlanTagDecoder {
    private VlanTagDecoder() {
    }

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, ctx.protocol(), off, 4, end);
        if (off + 4 > end) {
            return Protocols.NONE;
        }
        int type = u16(buf, off + 2);
        if (type <= EthernetDecoder.MAX_LENGTH) {
            ctx.next(off + 4, Math.min(end, off + 4 + type));
            if (type > 0) {
                nameIfSent(ctx, off + 4, end);
            }
            return Protocols.LLC;
        }
        return viaEtherType(ctx, off + 2, type, off + 4, end);
    }
}
