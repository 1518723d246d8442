package dev.trawl.decode.internal.application;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;

/**
 * TFTP: a read or write request sets up the transfer that follows (between the client's port and a new server
 * port) as a conversation; a DATA packet carries data after its 4-byte header. Stateless.
 */
final class TftpDecoder {
    private TftpDecoder() {
    }

    private static final int READ_REQUEST = 1;
    private static final int WRITE_REQUEST = 2;
    private static final int DATA = 3;
    static final int PORT = 69;

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 2 > end) {
            header(ctx, Protocols.TFTP, off, 2, end);
            return Protocols.NONE;
        }
        int opcode = u16(buf, off);
        if ((opcode == READ_REQUEST || opcode == WRITE_REQUEST) && off >= 8 && u16(buf, off - 6) == PORT) {
            // A read or write request: the transfer follows between the client's port and a new server port.
            ctx.conversations().expectDatagrams(buf, off - 8, Protocols.TFTP);
        }
        if (opcode == DATA) {
            header(ctx, Protocols.TFTP, off, 4, end);
            return off + 4 < end ? Protocols.DATA : Protocols.NONE;
        }
        ctx.addLayer(Protocols.TFTP, off, end - off, end);
        return Protocols.NONE;
    }
}
