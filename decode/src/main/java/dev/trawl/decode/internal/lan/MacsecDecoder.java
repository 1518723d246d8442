package dev.trawl.decode.internal.lan;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;

/** MACsec (IEEE 802.1AE): an 8-byte SecTAG (16 with an SCI); the protected data is opaque. Stateless. */
final class MacsecDecoder {
    private MacsecDecoder() {
    }

    /** The SC bit of the TCI: an SCI follows the packet number. */
    private static final int SCI_PRESENT = 0x20;

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off >= end) {
            return Protocols.NONE;
        }
        int hl = (u8(buf, off) & SCI_PRESENT) != 0 ? 16 : 8;
        header(ctx, ctx.protocol(), off, hl, end);
        return off + hl < end ? Protocols.DATA : Protocols.NONE;
    }
}
