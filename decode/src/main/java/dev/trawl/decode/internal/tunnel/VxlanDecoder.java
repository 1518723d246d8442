package dev.trawl.decode.internal.tunnel;

import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;

/** VXLAN (RFC 7348): 8 bytes of flags and network identifier, then an Ethernet frame. Stateless. */
final class VxlanDecoder {
    private VxlanDecoder() {
    }

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.VXLAN, off, 8, end);
        return off + 8 <= end ? Protocols.ETH : Protocols.NONE;
    }
}
