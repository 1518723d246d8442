package dev.trawl.decode.internal.routing;

import static dev.trawl.decode.internal.Bytes.u8;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;

/**
 * The OSI network layer ({@code osi}, a zero-length layer): the first byte, the network layer protocol id, names
 * the protocol (IS-IS, ES-IS, CLNP), or IPv4, IPv6 or PPP after it. Immutable.
 */
final class OsiDecoder implements ProtocolDecoder {
    private static final int NLPID_CLNP = 0x81;
    private static final int NLPID_ESIS = 0x82;
    private static final int NLPID_ISIS = 0x83;
    private static final int NLPID_IPV4 = 0xCC;
    private static final int NLPID_IPV6 = 0x8E;
    private static final int NLPID_PPP = 0xCF;

    private final int clnp;

    OsiDecoder(int clnp) {
        this.clnp = clnp;
    }

    @Override
    public int decode(byte[] buf, int off, int end, DecodeContext ctx) {
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
            case NLPID_CLNP:
                return clnp;
            case NLPID_IPV4:
                ctx.next(off + 1, end);
                return Protocols.IP;
            case NLPID_IPV6:
                ctx.next(off + 1, end);
                return Protocols.IPV6;
            case NLPID_PPP:
                ctx.next(off + 1, end);
                return Protocols.PPP;
            default:
                return Protocols.DATA;
        }
    }
}
