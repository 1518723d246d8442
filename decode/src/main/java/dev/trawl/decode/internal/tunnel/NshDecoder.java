package dev.trawl.decode.internal.tunnel;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;

/**
 * The Network Service Header (RFC 8300): its length in 4-byte words, then the payload its next protocol names,
 * from the next-protocol values it shares with VXLAN-GPE. Stateless.
 */
final class NshDecoder {
    private NshDecoder() {
    }

    private static final int NEXT_IPV4 = 1;
    private static final int NEXT_IPV6 = 2;
    private static final int NEXT_ETHERNET = 3;
    private static final int NEXT_NSH = 4;
    private static final int NEXT_MPLS = 5;

    /** The protocol for a VXLAN-GPE or NSH next-protocol value, {@code nsh} being the id of NSH. */
    static int next(int value, int nsh) {
        switch (value) {
            case NEXT_IPV4:
                return Protocols.IP;
            case NEXT_IPV6:
                return Protocols.IPV6;
            case NEXT_ETHERNET:
                return Protocols.ETH;
            case NEXT_NSH:
                return nsh;
            case NEXT_MPLS:
                return Protocols.MPLS;
            default:
                return Protocols.DATA;
        }
    }

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 8 > end) {
            header(ctx, ctx.protocol(), off, 8, end);
            return Protocols.NONE;
        }
        int hl = (u16(buf, off) & 0x3F) * 4;
        header(ctx, ctx.protocol(), off, Math.max(hl, 8), end);
        return hl >= 8 && off + hl < end ? next(u8(buf, off + 3), ctx.protocol()) : Protocols.NONE;
    }
}
