package dev.trawl.decode.internal.lan;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;

/**
 * PPP over Ethernet: a 6-byte header (version and type, code, session id, payload length); discovery packets
 * carry tags, session packets a PPP frame from its protocol field on. Stateless.
 */
final class PppoeDecoder {
    private PppoeDecoder() {
    }

    /** PPPoE discovery (EtherType 0x8863). */
    static int discovery(byte[] buf, int off, int end, DecodeContext ctx) {
        int layer = header(ctx, Protocols.PPPOED, off, 6, end);
        if (off + 6 <= end && off + 6 + u16(buf, off + 4) > end) {
            ctx.flag(layer, LayerFlags.TRUNCATED);
        }
        return Protocols.NONE;
    }

    /** PPPoE session (EtherType 0x8864), followed by a PPP protocol field. */
    static int session(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.PPPOES, off, 6, end);
        if (off + 6 > end) {
            return Protocols.NONE;
        }
        int payloadEnd = Math.min(end, off + 6 + u16(buf, off + 4));
        ctx.next(off + 6, payloadEnd);
        return Protocols.PPP;
    }
}
