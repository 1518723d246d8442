package dev.trawl.decode.internal.tunnel;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Bytes;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;

/**
 * L2TP: version 2 over UDP (RFC 2661), whose data messages carry a PPP frame, and version 3 straight over IP (RFC
 * 3931), whose sessions carry what their pseudowire says (which Wireshark does not guess: data). Both are shown as
 * {@code l2tp}. Stateless.
 */
final class L2tpDecoder {
    private L2tpDecoder() {
    }

    /** The flag bits of version 2: a control message, and the optional fields. */
    private static final int VERSION_MASK = 0x0F;
    private static final int VERSION_2 = 2;
    private static final int CONTROL = 0x8000;
    private static final int LENGTH = 0x4000;
    private static final int SEQUENCE = 0x0800;
    private static final int OFFSET = 0x0200;

    /**
     * Version 2 over UDP: flags and version, optional length, tunnel and session ids, optional sequence numbers
     * and offset; a data message carries a PPP frame.
     */
    static int overUdp(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 6 > end) {
            header(ctx, ctx.protocol(), off, 6, end);
            return Protocols.NONE;
        }
        int flags = u16(buf, off);
        if ((flags & VERSION_MASK) != VERSION_2) {
            // Version 3 over UDP has a different header; keep it opaque.
            ctx.addLayer(ctx.protocol(), off, end - off, end);
            return Protocols.NONE;
        }
        int hl = 2;
        if ((flags & LENGTH) != 0) { // L: length present
            hl += 2;
        }
        hl += 4; // tunnel and session id
        if ((flags & SEQUENCE) != 0) { // S: Ns and Nr present
            hl += 4;
        }
        if ((flags & OFFSET) != 0) { // O: offset size (and padding) present
            if (off + hl + 2 > end) {
                header(ctx, ctx.protocol(), off, hl + 2, end);
                return Protocols.NONE;
            }
            hl += 2 + u16(buf, off + hl);
        }
        header(ctx, ctx.protocol(), off, hl, end);
        if ((flags & CONTROL) != 0 || off + hl >= end) { // T: a control message
            return Protocols.NONE;
        }
        return Protocols.PPP;
    }

    /**
     * Version 3 straight over IP, shown as {@code l2tp} (whose id is given): a 4-byte session id, 0 for a control
     * message; a session's payload is data.
     */
    static ProtocolDecoder overIp(int l2tp) {
        return (buf, off, end, ctx) -> {
            header(ctx, l2tp, off, 4, end);
            if (off + 4 >= end || Bytes.i32(buf, off) == 0) {
                return Protocols.NONE;
            }
            ctx.next(off + 4, end);
            return Protocols.DATA;
        };
    }
}
