package dev.trawl.decode.internal.tunnel;

import static dev.trawl.decode.internal.Bytes.u8;

import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;

/**
 * VXLAN-GPE: an 8-byte header naming its payload (IPv4, IPv6, Ethernet, NSH, MPLS); Wireshark lists no layer for
 * it. Immutable.
 */
final class VxlanGpeDecoder implements ProtocolDecoder {
    private final int nsh;

    /** @param nsh the id of {@code nsh} */
    VxlanGpeDecoder(int nsh) {
        this.nsh = nsh;
    }

    @Override
    public int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 8 >= end) {
            return REJECT;
        }
        ctx.next(off + 8, end);
        return NshDecoder.next(u8(buf, off + 3), nsh);
    }
}
