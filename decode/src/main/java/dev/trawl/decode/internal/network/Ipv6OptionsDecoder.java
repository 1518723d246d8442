package dev.trawl.decode.internal.network;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;

/**
 * The IPv6 extension headers shaped as options are (hop-by-hop options, routing, destination options): a next
 * header and a length in 8-byte units past the first 8. One decoder serves the three, each recorded under the
 * protocol it was called for. The options of hop-by-hop and destination options headers must fit in the header, as
 * Wireshark requires. Stateless.
 */
final class Ipv6OptionsDecoder {
    /** The option that is one byte, with no length. */
    private static final int PAD1 = 0;

    private Ipv6OptionsDecoder() {
    }

    /** A routing header. */
    static int routing(byte[] buf, int off, int end, DecodeContext ctx) {
        return decode(buf, off, end, ctx, false);
    }

    /** A hop-by-hop or destination options header. */
    static int options(byte[] buf, int off, int end, DecodeContext ctx) {
        return decode(buf, off, end, ctx, true);
    }

    private static int decode(byte[] buf, int off, int end, DecodeContext ctx, boolean options) {
        int protocol = ctx.protocol();
        if (off + 2 > end) {
            header(ctx, protocol, off, 8, end);
            return Protocols.NONE;
        }
        int len = (u8(buf, off + 1) + 1) * 8;
        int layer = header(ctx, protocol, off, len, end);
        if (off + len > end) {
            return Protocols.NONE;
        }
        int parentQuoted = ctx.flagsAt(layer - 1 >= 0 ? layer - 1 : layer) & LayerFlags.QUOTED;
        if (options && !optionsFit(buf, off + 2, off + len)) {
            ctx.flag(layer, parentQuoted | LayerFlags.MALFORMED); // Wireshark stops at the malformed option
            return Protocols.NONE;
        }
        ctx.flag(layer, parentQuoted);
        return Ipv6Decoder.nextHeader(ctx, u8(buf, off));
    }

    /** Whether the type-length-value options in {@code [o, end)} each end within it (Pad1 is one byte alone). */
    private static boolean optionsFit(byte[] buf, int o, int end) {
        while (o < end) {
            if (u8(buf, o) == PAD1) {
                o++;
            } else if (o + 2 > end) {
                return false;
            } else {
                o += 2 + u8(buf, o + 1);
            }
        }
        return o == end;
    }
}
