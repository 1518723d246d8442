package dev.trawl.decode.internal.lan;

import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;

/** The Ethernet configuration testing protocol ({@code loop}, EtherType 0x9000): skip count, then functions. */
final class EthernetLoopbackDecoder {
    private EthernetLoopbackDecoder() {
    }

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.LOOP, off, 6, end);
        return off + 6 < end ? Protocols.DATA : Protocols.NONE;
    }
}
