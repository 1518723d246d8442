package dev.trawl.decode.internal.wireless;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;

/**
 * LWAPP (RFC 5412): a 6-byte header (version, radio slot and flags; fragment id; length; RSSI and SNR), then an
 * 802.11 frame, or a control message when the C flag is set. Stateless.
 */
final class LwappDecoder {
    private LwappDecoder() {
    }

    private static final int CONTROL = 0x04;

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.LWAPP, off, 6, end);
        if (off + 6 >= end) {
            return Protocols.NONE;
        }
        ctx.next(off + 6, end);
        return (u8(buf, off) & CONTROL) != 0 ? Protocols.DATA : Protocols.WLAN;
    }
}
