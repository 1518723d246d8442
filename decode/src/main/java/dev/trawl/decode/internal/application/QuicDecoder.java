package dev.trawl.decode.internal.application;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Bytes;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;

/**
 * QUIC on UDP 443: Google QUIC's long header carries a version starting with 'Q' ({@code gquic}). An IETF QUIC
 * version 1 Initial packet may carry the TLS handshake in CRYPTO frames, which Wireshark decrypts and lists as
 * {@code quic:tls} ({@link QuicInitial}).
 * Immutable; what it keeps of a connection is kept with the decoder's conversations.
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

    /**
     * Whether the version 1 Initial packet at {@code off}, in the UDP datagram whose header is at {@code udp}, carries
     * TLS: when it opens, whether it holds a CRYPTO frame (one that only acknowledges or pads does not). The client's
     * first Initial opens with the keys of its own destination connection ID, which is kept with the conversation
     * (when conversations are followed) to open the later ones of both sides; a packet that none of those keys opens
     * carries nothing Wireshark can read, unless nothing was kept: then it is taken to (a server's first Initial
     * carries its hello).
     */
    private static boolean carriesHandshake(byte[] buf, int udp, int off, int end, DecodeContext ctx) {
        int packetEnd = QuicInitial.packetEnd(buf, off, end);
        if (packetEnd < 0) {
            return true;
        }
        byte[] own = QuicInitial.destination(buf, off);
        Object kept = udp >= 0 ? ctx.conversations().datagramNote(buf, udp) : null;
        if (kept instanceof byte[] first) {
            int found = QuicInitial.crypto(buf, off, packetEnd, first, false);
            if (found == QuicInitial.NOT_OPENED) {
                found = QuicInitial.crypto(buf, off, packetEnd, first, true);
            }
            if (found != QuicInitial.NOT_OPENED) {
                return found == 1;
            }
        }
        // the client's first Initial of a connection (or after a Retry, with the ID the server gave)
        int found = QuicInitial.crypto(buf, off, packetEnd, own, false);
        if (found != QuicInitial.NOT_OPENED) {
            if (udp >= 0) {
                ctx.conversations().noteDatagrams(buf, udp, own);
            }
            return found == 1;
        }
        return kept == null;
    }

    /** The offset of the UDP header the payload being decoded follows (the last layer), or -1. */
    static int udpHeader(DecodeContext ctx) {
        int layer = ctx.layerCount() - 1;
        return layer >= 0 && ctx.protocolAt(layer) == Protocols.UDP ? ctx.offsetAt(layer) : -1;
    }

    @Override
    public int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 5 <= end && (u8(buf, off) & LONG_HEADER) != 0 && u8(buf, off + 1) == 'Q') {
            ctx.addLayer(gquic, off, end - off, end);
            return Protocols.NONE;
        }
        // looked at while the UDP header is the last layer, which the conversation's note is found by
        boolean tls = off + 5 <= end && (u8(buf, off) & INITIAL_MASK) == LONG_HEADER
                && Bytes.i32(buf, off + 1) == VERSION_1 && carriesHandshake(buf, udpHeader(ctx), off, end, ctx);
        ctx.addLayer(Protocols.QUIC, off, end - off, end);
        if (tls) {
            ctx.addLayer(Protocols.TLS, off, 0, end);
        }
        return Protocols.NONE;
    }
}
