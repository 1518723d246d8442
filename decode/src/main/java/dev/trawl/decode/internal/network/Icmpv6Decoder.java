package dev.trawl.decode.internal.network;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;

/** ICMPv6: an 8-byte header; an error quotes the packet that caused it, echo messages carry data. Stateless. */
final class Icmpv6Decoder {
    private Icmpv6Decoder() {
    }

    private static final int DESTINATION_UNREACHABLE = 1;
    private static final int PACKET_TOO_BIG = 2;
    private static final int TIME_EXCEEDED = 3;
    private static final int PARAMETER_PROBLEM = 4;
    private static final int ECHO_REQUEST = 128;
    private static final int ECHO_REPLY = 129;

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        int quoted = Quotation.inherited(ctx);
        int layer = header(ctx, Protocols.ICMPV6, off, Math.min(8, Math.max(4, end - off)), end);
        ctx.flag(layer, quoted);
        if (off + 4 > end) {
            return Protocols.NONE;
        }
        int type = u8(buf, off);
        if (off + 8 > end) {
            return Protocols.NONE;
        }
        ctx.next(off + 8, end);
        switch (type) {
            case DESTINATION_UNREACHABLE:
            case PACKET_TOO_BIG:
            case TIME_EXCEEDED:
            case PARAMETER_PROBLEM:
                return (ctx.flagsAt(layer) & LayerFlags.QUOTED) != 0 ? Protocols.DATA : Protocols.IPV6;
            case ECHO_REQUEST:
            case ECHO_REPLY:
                return Protocols.DATA;
            default:
                return Protocols.NONE;
        }
    }
}
