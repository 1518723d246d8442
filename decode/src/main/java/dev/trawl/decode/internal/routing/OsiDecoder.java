package dev.trawl.decode.internal.routing;

import static dev.trawl.decode.internal.Bytes.u8;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;

/**
 * The OSI network layer ({@code osi}, a zero-length layer): the first byte, the network layer protocol id, names
 * the protocol (IS-IS, ES-IS). Stateless.
 */
final class OsiDecoder {
    private OsiDecoder() {
    }

    private static final int NLPID_ISIS = 0x83;
    private static final int NLPID_ESIS = 0x82;

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        ctx.addLayer(Protocols.OSI, off, 0, end);
        ctx.next(off, end);
        if (off >= end) {
            return Protocols.NONE;
        }
        switch (u8(buf, off)) {
            case NLPID_ISIS:
                return Protocols.ISIS;
            case NLPID_ESIS:
                return Protocols.ESIS;
            default:
                return Protocols.DATA;
        }
    }
}
