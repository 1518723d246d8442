package dev.trawl.decode.internal.application;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Bytes;
import dev.trawl.decode.spi.DecodeContext;

/**
 * DCE/RPC connection-oriented PDUs on their port: version 5, minor version 0 or 1, and the whole fragment
 * captured. Like Wireshark, which waits for the rest of a PDU in later segments, nothing is shown for a partial
 * PDU or for bytes that are not one. Stateless.
 */
final class DceRpcDecoder {
    private DceRpcDecoder() {
    }

    private static final int VERSION = 5;
    /** The data representation's flag of little-endian integers. */
    private static final int LITTLE_ENDIAN = 0x10;

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 16 > end || u8(buf, off) != VERSION || u8(buf, off + 1) > 1) {
            return Protocols.NONE;
        }
        boolean littleEndian = (u8(buf, off + 4) & LITTLE_ENDIAN) != 0;
        int fragmentLength = littleEndian ? Bytes.u16le(buf, off + 8) : u16(buf, off + 8);
        if (fragmentLength > end - off) {
            return Protocols.NONE;
        }
        ctx.addLayer(ctx.protocol(), off, 16, end);
        return Protocols.NONE;
    }
}
