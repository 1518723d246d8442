package dev.trawl.decode.internal.application;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Bytes;
import dev.trawl.decode.spi.DecodeContext;

/**
 * The NetBIOS datagram service: direct and broadcast datagrams carry two encoded names, then (usually) SMB.
 * Stateless.
 */
final class NetbiosDatagramDecoder {
    private NetbiosDatagramDecoder() {
    }

    /** The types of direct unique, direct group and broadcast datagrams. */
    private static final int FIRST_DATAGRAM = 0x10;
    private static final int LAST_DATAGRAM = 0x12;

    /** The index just past a NetBIOS encoded name (length-prefixed labels ending in 0), or -1. */
    private static int skipName(byte[] buf, int p, int end) {
        for (int guard = 0; guard < 64 && p < end; guard++) {
            int len = u8(buf, p);
            if (len == 0) {
                return p + 1;
            }
            if (len > 63) {
                return -1;
            }
            p += 1 + len;
        }
        return -1;
    }

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 14 > end) {
            header(ctx, Protocols.NBDGM, off, 10, end);
            return Protocols.NONE;
        }
        int type = u8(buf, off);
        if (type < FIRST_DATAGRAM || type > LAST_DATAGRAM) {
            header(ctx, Protocols.NBDGM, off, 10, end);
            return Protocols.NONE;
        }
        int p = skipName(buf, off + 14, end);
        p = p < 0 ? -1 : skipName(buf, p, end);
        if (p < 0) {
            header(ctx, Protocols.NBDGM, off, 14, end);
            return Protocols.NONE;
        }
        ctx.addLayer(Protocols.NBDGM, off, p - off, end);
        return p + 4 <= end && Bytes.i32(buf, p) == NetbiosSessionDecoder.SMB ? Protocols.SMB : Protocols.DATA;
    }
}
