package dev.trawl.decode.internal.application;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.marker;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;

/** SMB: a 32-byte header; transactions to the browser mailslot are the browser protocol. Stateless. */
final class SmbDecoder {
    private SmbDecoder() {
    }

    private static final int TRANSACTION = 0x25;
    private static final String BROWSER_MAILSLOT = "\\MAILSLOT\\BROWSE";

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.SMB, off, 32, end);
        if (off + 32 > end || u8(buf, off + 4) != TRANSACTION) {
            return Protocols.NONE;
        }
        for (int i = off + 32; i + BROWSER_MAILSLOT.length() <= end; i++) {
            boolean match = true;
            for (int k = 0; k < BROWSER_MAILSLOT.length() && match; k++) {
                match = Character.toUpperCase((char) u8(buf, i + k)) == BROWSER_MAILSLOT.charAt(k);
            }
            if (match) {
                return marker(ctx, Protocols.BROWSER, off, end);
            }
        }
        return Protocols.NONE;
    }
}
