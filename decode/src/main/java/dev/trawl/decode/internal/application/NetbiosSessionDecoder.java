package dev.trawl.decode.internal.application;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Bytes;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;

/**
 * The NetBIOS session service (RFC 1002), also SMB's framing on port 445: a 4-byte header; a session message
 * (type 0) carries SMB, or SMB2 (by their signatures), or other data. The other types carry no payload Wireshark
 * decodes further. Immutable.
 */
final class NetbiosSessionDecoder implements ProtocolDecoder {
    private static final int SESSION_MESSAGE = 0;
    /** The first four bytes of an SMB header ({@code \xffSMB}), of SMB2's and of SMB2's transform header. */
    static final int SMB = 0xFF534D42;
    private static final int SMB2 = 0xFE534D42;
    private static final int SMB2_TRANSFORM = 0xFD534D42;

    private final int smb2;

    /** @param smb2 the id of {@code smb2} */
    NetbiosSessionDecoder(int smb2) {
        this.smb2 = smb2;
    }

    @Override
    public int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, ctx.protocol(), off, 4, end);
        int p = off + 4;
        if (p >= end || u8(buf, off) != SESSION_MESSAGE) {
            return Protocols.NONE;
        }
        ctx.next(p, end);
        int signature = p + 4 <= end ? Bytes.i32(buf, p) : 0;
        if (signature == SMB) {
            return Protocols.SMB;
        }
        if (signature == SMB2 || signature == SMB2_TRANSFORM) {
            ctx.addLayer(smb2, p, 0, end);
            return Protocols.NONE;
        }
        return Protocols.DATA;
    }
}
