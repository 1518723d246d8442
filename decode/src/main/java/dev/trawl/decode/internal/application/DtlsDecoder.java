package dev.trawl.decode.internal.application;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u24;
import static dev.trawl.decode.internal.Bytes.u8;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;
import java.util.BitSet;

/**
 * DTLS over UDP: one layer for the records of a datagram, found on its port or, as Wireshark finds it on any port,
 * by {@link DtlsRecords#looksLikeDtls}. The Certificate and CertificateRequest messages in the clear name the layers
 * of their certificates and authorities, as TLS's do ({@link CertificateLayers}), in the datagram that holds the
 * whole message or its last fragment (fragments are kept with the conversation, when conversations are followed).
 * Immutable; what it keeps of a conversation is kept with the decoder's conversations.
 */
final class DtlsDecoder implements ProtocolDecoder {
    private static final int RECORD_HEADER = DtlsRecords.RECORD_HEADER;
    /** A DTLS handshake header: type, length, message sequence, fragment offset, fragment length. */
    private static final int HANDSHAKE_HEADER = 12;
    private static final int CHANGE_CIPHER_SPEC = 20;
    private static final int HANDSHAKE = 22;
    private static final int DTLS_1_2 = DtlsRecords.DTLS_1_2;
    private static final int CERTIFICATE = 11;
    private static final int CERTIFICATE_REQUEST = 13;
    private static final int MAX_RECORDS = 64;

    private final CertificateLayers certificates;

    DtlsDecoder(CertificateLayers certificates) {
        this.certificates = certificates;
    }

    @Override
    public int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        // the conversation's fragments are found while the UDP header is the last layer, which finds them
        Fragments fragments = handshakeInClear(buf, off, end) ? fragments(buf, QuicDecoder.udpHeader(ctx), ctx) : null;
        ctx.addLayer(ctx.protocol(), off, Math.min(RECORD_HEADER, end - off), end);
        int n = 0;
        for (int p = off; p + RECORD_HEADER <= end && n < MAX_RECORDS && DtlsRecords.isRecord(buf, p); n++) {
            int type = u8(buf, p);
            int recordEnd = p + RECORD_HEADER + u16(buf, p + 11);
            if (type == CHANGE_CIPHER_SPEC || recordEnd > end) {
                break; // the handshake records after it are encrypted
            }
            if (type == HANDSHAKE && u16(buf, p + 3) == 0) { // epoch 0: in the clear
                handshakes(buf, p + RECORD_HEADER, recordEnd, u16(buf, p + 1), fragments, ctx);
            }
            p = recordEnd;
        }
        return Protocols.NONE;
    }

    /** Whether the datagram's first record is a handshake record in the clear. */
    private static boolean handshakeInClear(byte[] buf, int off, int end) {
        return off + RECORD_HEADER <= end && u8(buf, off) == HANDSHAKE && u16(buf, off + 3) == 0;
    }

    /**
     * The layers of the handshake messages in the record body {@code [off, end)}: of each whole one, and of each one
     * whose last fragment this is, put back together from the fragments of earlier datagrams (when conversations are
     * followed; {@link Fragments}).
     */
    private void handshakes(byte[] buf, int off, int end, int version, Fragments fragments, DecodeContext ctx) {
        for (int m = off; m + HANDSHAKE_HEADER <= end;) {
            int type = u8(buf, m);
            int length = u24(buf, m + 1);
            int fragmentOffset = u24(buf, m + 6);
            int fragmentLength = u24(buf, m + 9);
            int body = m + HANDSHAKE_HEADER;
            int messageEnd = body + fragmentLength;
            if (messageEnd > end || fragmentOffset + fragmentLength > length) {
                return;
            }
            if (type == CERTIFICATE || type == CERTIFICATE_REQUEST) {
                if (fragmentOffset == 0 && fragmentLength == length) {
                    message(buf, body, messageEnd, type, version, ctx);
                } else if (fragments != null) {
                    byte[] whole = fragments.add(buf, m);
                    if (whole != null) {
                        message(whole, 0, whole.length, type, version, ctx);
                    }
                }
            }
            m = messageEnd;
        }
    }

    /**
     * The fragments kept for the direction of the datagram whose UDP header is at {@code udp} (the last layer), made
     * and kept with its conversation on first use; null without a UDP header.
     */
    private static Fragments fragments(byte[] buf, int udp, DecodeContext ctx) {
        if (udp < 0) {
            return null;
        }
        Fragments[] both;
        if (ctx.conversations().datagramNote(buf, udp) instanceof Fragments[] kept) {
            both = kept;
        } else {
            both = new Fragments[] {new Fragments(), new Fragments()};
            ctx.conversations().noteDatagrams(buf, udp, both);
        }
        // each direction by its sender's port, the lower one's first
        return both[u16(buf, udp) <= u16(buf, udp + 2) ? 0 : 1];
    }

    /** The layers of a Certificate or CertificateRequest message whose body is {@code [body, end)}. */
    private void message(byte[] buf, int body, int end, int type, int version, DecodeContext ctx) {
        if (type == CERTIFICATE && body + 3 <= end && body + 3 + u24(buf, body) == end) {
            certificates.certificateList(buf, body, end, ctx);
        } else if (type == CERTIFICATE_REQUEST) {
            certificates.certificateRequest(buf, body, end, version == DTLS_1_2, ctx);
        }
    }

    /**
     * The Certificate or CertificateRequest message being put back together in one direction of a conversation: one
     * at a time, at most {@link #MAX_MESSAGE} bytes; fragments may come in any order and overlap. A message put back
     * together is not again: later copies of its fragments (a flight sent again) are ignored, as Wireshark shows the
     * message once.
     */
    static final class Fragments {
        static final int MAX_MESSAGE = 1 << 16;
        private int sequence = -1;
        private int done = -1;
        private byte[] bytes;
        private final BitSet have = new BitSet();

        /** Adds the fragment whose handshake header is at {@code m}: the message's body when it is whole, else null. */
        byte[] add(byte[] buf, int m) {
            int seq = u16(buf, m + 4);
            int length = u24(buf, m + 1);
            int offset = u24(buf, m + 6);
            int fragment = u24(buf, m + 9);
            if (length > MAX_MESSAGE || seq <= done) {
                return null;
            }
            if (seq != sequence || bytes.length != length) {
                sequence = seq;
                bytes = new byte[length];
                have.clear();
            }
            System.arraycopy(buf, m + HANDSHAKE_HEADER, bytes, offset, fragment);
            have.set(offset, offset + fragment);
            if (have.cardinality() < length) {
                return null;
            }
            done = seq;
            byte[] whole = bytes;
            bytes = null;
            sequence = -1;
            return whole;
        }
    }
}
