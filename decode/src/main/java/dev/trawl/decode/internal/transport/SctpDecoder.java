package dev.trawl.decode.internal.transport;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.orData;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Bytes;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;

/**
 * SCTP: the 12-byte common header, then chunks, walked to check they are well formed; the first DATA chunk that
 * holds a whole message is decoded by port. Stateless.
 */
final class SctpDecoder {
    private SctpDecoder() {
    }

    private static final int DATA = 0;
    /** The B and E flags of a DATA chunk: the beginning and the end of a message. */
    private static final int WHOLE_MESSAGE = 0x03;

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        int layer = header(ctx, Protocols.SCTP, off, 12, end);
        if (off + 12 > end) {
            return Protocols.NONE;
        }
        // Walk the chunk list to check it is well formed; each chunk advances at least 4 bytes.
        int p = off + 12;
        int dataPpid = -1;
        int dataStart = -1;
        int dataEnd = -1;
        while (p + 4 <= end) {
            int type = u8(buf, p);
            int len = u16(buf, p + 2);
            if (len < 4) {
                ctx.flag(layer, LayerFlags.BAD_LENGTH);
                return Protocols.NONE;
            }
            // The first DATA chunk that holds a whole message (B and E set); a fragment is not decoded further.
            if (type == DATA && dataPpid < 0 && p + 16 <= end && (u8(buf, p + 1) & WHOLE_MESSAGE) == WHOLE_MESSAGE) {
                dataPpid = (int) Bytes.u32(buf, p + 12);
                dataStart = p + 16;
                dataEnd = Math.min(end, p + len);
            }
            p += (len + 3) & ~3;
        }
        if (p > end + 3) {
            ctx.flag(layer, LayerFlags.TRUNCATED);
        }
        if (dataPpid >= 0) {
            int next = ctx.lookupPorts(Dispatch.SCTP_PORT, u16(buf, off), u16(buf, off + 2));
            ctx.next(dataStart, dataEnd);
            return orData(next);
        }
        return Protocols.NONE;
    }
}
