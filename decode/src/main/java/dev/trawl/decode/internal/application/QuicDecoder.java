package dev.trawl.decode.internal.application;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Bytes;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;

/**
 * QUIC on UDP 443: Google QUIC's long header carries a version starting with 'Q' ({@code gquic}). An IETF QUIC
 * version 1 Initial packet carries the TLS handshake, which Wireshark decrypts and lists as {@code quic:tls}.
 * Immutable.
 */
final class QuicDecoder implements ProtocolDecoder {
    private static final int LONG_HEADER = 0x80;
    /** The long header's form and type bits of an Initial packet. */
    private static final int INITIAL_MASK = 0xB0;
    private static final int VERSION_1 = 1;

    private final int gquic;

    /** @param gquic the id of {@code gquic} */
    QuicDecoder(int gquic) {
        this.gquic = gquic;
    }

    @Override
    public int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 5 <= end && (u8(buf, off) & LONG_HEADER) != 0 && u8(buf, off + 1) == 'Q') {
            ctx.addLayer(gquic, off, end - off, end);
            return Protocols.NONE;
        }
        ctx.addLayer(Protocols.QUIC, off, end - off, end);
        if (off + 5 <= end && (u8(buf, off) & INITIAL_MASK) == LONG_HEADER && Bytes.i32(buf, off + 1) == VERSION_1) {
            ctx.addLayer(Protocols.TLS, off, 0, end);
        }
        return Protocols.NONE;
    }
}
