package dev.trawl.decode.internal.application;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;

/**
 * DNS, and the protocols in its message format (mDNS, LLMNR): the 12-byte header, recorded under the protocol
 * called for; questions and records are read on demand by the flyweight and the fields. Over TCP a two-byte length
 * comes first. Stateless.
 */
public final class DnsDecoder {
    private DnsDecoder() {
    }

    /** The built-in decoder of DNS and mDNS. */
    public static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, ctx.protocol(), off, 12, end);
        return Protocols.NONE;
    }

    /** DNS over TCP: a two-byte length, then a DNS message (the layer starts at the message). */
    static int overTcp(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 2 > end) {
            ctx.flag(ctx.addLayer(Protocols.DNS, off, 2, end), LayerFlags.TRUNCATED);
            return Protocols.NONE;
        }
        int len = u16(buf, off);
        int msgEnd = Math.min(end, off + 2 + len);
        int layer = header(ctx, Protocols.DNS, off + 2, 12, msgEnd);
        if (off + 2 + len > end) {
            ctx.flag(layer, LayerFlags.TRUNCATED);
        }
        return Protocols.NONE;
    }
}
