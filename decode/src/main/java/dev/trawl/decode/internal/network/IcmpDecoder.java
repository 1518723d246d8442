package dev.trawl.decode.internal.network;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.nameIfSent;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Bytes;
import dev.trawl.decode.spi.DecodeContext;

/**
 * ICMP: an 8-byte header; an error quotes the IP header of the datagram that caused it (and, in a redirect, 8
 * bytes past it), echo messages carry data. Stateless.
 */
final class IcmpDecoder {
    private IcmpDecoder() {
    }

    private static final int ECHO_REPLY = 0;
    private static final int DESTINATION_UNREACHABLE = 3;
    private static final int SOURCE_QUENCH = 4;
    private static final int REDIRECT = 5;
    private static final int ECHO_REQUEST = 8;
    private static final int TIME_EXCEEDED = 11;
    private static final int PARAMETER_PROBLEM = 12;

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        int quoted = Quotation.inherited(ctx);
        int layer = header(ctx, Protocols.ICMP, off, Math.min(8, Math.max(4, end - off)), end);
        ctx.flag(layer, quoted);
        if (off + 4 > end) {
            return Protocols.NONE;
        }
        if (ctx.verifyChecksums() && quoted == 0
                && Bytes.onesComplementSum(buf, off, end - off, 0) != 0xFFFF) {
            ctx.flag(layer, LayerFlags.BAD_CHECKSUM);
        }
        int type = u8(buf, off);
        if (off + 8 > end) {
            return Protocols.NONE;
        }
        if (type == REDIRECT && off + 9 <= end) {
            // Wireshark reads no more of the datagram a redirect quotes than its IP header and 8 bytes.
            ctx.next(off + 8, Math.min(end, off + 8 + (u8(buf, off + 8) & 0x0F) * 4 + 8));
        } else {
            ctx.next(off + 8, end);
        }
        switch (type) {
            case DESTINATION_UNREACHABLE:
            case SOURCE_QUENCH:
            case REDIRECT:
            case TIME_EXCEEDED:
            case PARAMETER_PROBLEM:
                if ((ctx.flagsAt(layer) & LayerFlags.QUOTED) != 0) {
                    return Protocols.DATA;
                }
                nameIfSent(ctx, off + 8, end); // the header the error quotes
                return Protocols.IP;
            case ECHO_REPLY:
            case ECHO_REQUEST:
                return Protocols.DATA;
            default:
                return Protocols.NONE;
        }
    }
}
