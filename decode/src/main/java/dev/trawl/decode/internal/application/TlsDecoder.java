package dev.trawl.decode.internal.application;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u24;
import static dev.trawl.decode.internal.Bytes.u8;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;
import dev.trawl.decode.spi.StreamReassembly.MessageLength;

/**
 * TLS over TCP: a segment that starts with a record header is TLS, whole records or not. A record that goes on
 * in later segments is put back together when streams are ({@link dev.trawl.decode.spi.StreamReassembly}): the
 * segments in between show bare TCP payload, and the one that completes the record is decoded with it whole, as
 * Wireshark shows it. Without that, the segment that completes a record is still shown as TLS (see
 * {@link dev.trawl.decode.spi.StreamReassembly#endsRecord}). A server hello that agrees on TLS 1.3 makes its
 * connection's later layers {@link LayerFlags#PROTECTED} (when conversations are followed). Stateless.
 */
final class TlsDecoder implements ProtocolDecoder {
    /** The id that marks a connection whose hellos agreed on TLS 1.3, and whether this decodes one. */
    private final int protectedSession;
    private final boolean protect;
    /** The layers of the certificates and names a handshake carries in the clear. */
    private final CertificateLayers certificates;

    TlsDecoder(int protectedSession, boolean protect, CertificateLayers certificates) {
        this.protectedSession = protectedSession;
        this.protect = protect;
        this.certificates = certificates;
    }

    private static final int CHANGE_CIPHER_SPEC = 20;
    private static final int HANDSHAKE = 22;
    private static final int SERVER_HELLO = 2;
    private static final int CERTIFICATE = 11;
    private static final int CERTIFICATE_REQUEST = 13;
    private static final int TLS_1_2 = 0x0303;
    private static final int SUPPORTED_VERSIONS = 43;
    private static final int TLS_1_3 = 0x0304;

    @Override
    public int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        int layer = ctx.layerCount();
        if (!protect && layer > 0 && ctx.protocolAt(layer - 1) == Protocols.TCP && agreesOnTls13(buf, off, end)) {
            // from here on, both ways, application data records are protected (Wireshark follows the
            // session's version the same way)
            ctx.conversations().expectStream(buf, ctx.offsetAt(layer - 1), protectedSession);
        }
        int next = decodeRecords(buf, off, end, ctx);
        for (int i = layer; protect && i < ctx.layerCount(); i++) {
            if (ctx.protocolAt(i) == Protocols.TLS) {
                ctx.flag(i, LayerFlags.PROTECTED);
            }
        }
        return next;
    }

    /** Whether the whole records at {@code off} hold a server hello that chose TLS 1.3. */
    static boolean agreesOnTls13(byte[] buf, int off, int end) {
        for (int p = off, n = 0; p + 5 <= end && n < 64 && TlsRecords.isRecord(buf, p, end); n++) {
            int recordEnd = p + 5 + u16(buf, p + 3);
            if (recordEnd > end) {
                return false;
            }
            if (u8(buf, p) == HANDSHAKE && p + 9 <= recordEnd && u8(buf, p + 5) == SERVER_HELLO) {
                int q = p + 9 + 2 + 32; // version, random
                if (q >= recordEnd) {
                    return false;
                }
                q += 1 + u8(buf, q) + 2 + 1; // session id, cipher suite, compression method
                if (q + 2 > recordEnd) {
                    return false;
                }
                int extEnd = Math.min(recordEnd, q + 2 + u16(buf, q));
                for (q += 2; q + 4 <= extEnd; q += 4 + u16(buf, q + 2)) {
                    if (u16(buf, q) == SUPPORTED_VERSIONS && q + 6 <= extEnd) {
                        return u16(buf, q + 4) == TLS_1_3;
                    }
                }
                return false;
            }
            p = recordEnd;
        }
        return false;
    }

    /** TLS's framing: the records complete in the bytes, back to back. */
    private static final MessageLength RECORDS = TlsDecoder::records;

    private int decodeRecords(byte[] buf, int off, int end, DecodeContext ctx) {
        if (!TlsRecords.isRecord(buf, off, end)) {
            ctx.streams().append(buf, off, end, RECORDS);
            if (ctx.streams().endsRecord(buf, off, end)) {
                ctx.addLayer(Protocols.TLS, off, 0, end);
                return Protocols.NONE;
            }
            return ProtocolDecoder.INCOMPLETE;
        }
        int p = off;
        while (p + 5 <= end && TlsRecords.isRecord(buf, p, end)) {
            int recordEnd = p + 5 + u16(buf, p + 3);
            if (recordEnd > end) {
                ctx.streams().expectRecordEnd(buf, recordEnd - off);
                ctx.streams().begin(buf, p, end);
                break;
            }
            p = recordEnd;
        }
        if (p < end && p + 5 > end && startsRecord(buf, p, end)) {
            ctx.streams().begin(buf, p, end); // a record header the next segment completes
        }
        int first = assembledEnd(buf, off, end, ctx);
        // the direction's spanning message is found while the TCP header is the last layer, which finds it
        Spanning spanning = protect || !handshakeRecord(buf, off, end) ? null : spanning(buf, ctx);
        ctx.addLayer(Protocols.TLS, off, 5, first);
        if (spanning != null) {
            handshakes(buf, off, first, spanning, ctx);
        }
        if (first < end) {
            ctx.addLayer(Protocols.TLS, first, 5, end);
            if (spanning != null) {
                handshakes(buf, first, end, spanning, ctx);
            }
        }
        return Protocols.NONE;
    }

    /**
     * Adds the layers of the certificates and distinguished names that the whole handshake records in
     * {@code [off, end)} carry in the clear ({@link CertificateLayers}): those of each Certificate message and of each
     * CertificateRequest's authorities, up to a ChangeCipherSpec record (the handshake records after it are
     * encrypted). A message that goes on in the next handshake records is put back together in {@code spanning}, and
     * named where it ends.
     */
    private void handshakes(byte[] buf, int off, int end, Spanning spanning, DecodeContext ctx) {
        for (int p = off, n = 0; p + 5 <= end && n < 64 && TlsRecords.isRecord(buf, p, end); n++) {
            int type = u8(buf, p);
            int recordEnd = p + 5 + u16(buf, p + 3);
            if (recordEnd > end) {
                return; // the rest of the record comes in later segments: it is read when put back together
            }
            if (type == CHANGE_CIPHER_SPEC) {
                spanning.clear();
                return;
            }
            if (type != HANDSHAKE) {
                spanning.clear(); // an alert or data between a message's records: it is not put back together
                p = recordEnd;
                continue;
            }
            int version = u16(buf, p + 1);
            int m = p + 5;
            if (spanning.waiting()) {
                m = spanning.add(buf, m, recordEnd);
                if (spanning.whole()) {
                    message(spanning.bytes, 0, spanning.bytes.length, spanning.type, spanning.version, ctx);
                    spanning.clear();
                }
            }
            while (m + 4 <= recordEnd) {
                int messageEnd = m + 4 + u24(buf, m + 1);
                if (messageEnd > recordEnd) {
                    spanning.start(buf, m, recordEnd, version);
                    break;
                }
                message(buf, m + 4, messageEnd, u8(buf, m), version, ctx);
                m = messageEnd;
            }
            p = recordEnd;
        }
    }

    /** The layers of a handshake message of {@code type} whose body is {@code [body, end)}, in a record of version. */
    private void message(byte[] buf, int body, int end, int type, int version, DecodeContext ctx) {
        if (type == CERTIFICATE && body + 3 <= end && body + 3 + u24(buf, body) == end) {
            certificates.certificateList(buf, body, end, ctx);
        } else if (type == CERTIFICATE_REQUEST) {
            certificates.certificateRequest(buf, body, end, version >= TLS_1_2, ctx);
        }
    }

    /**
     * The spanning state of one direction of a connection, kept with it ({@link
     * dev.trawl.decode.spi.Conversations#noteStream}, when conversations are followed) or for one segment: a
     * handshake message that goes on past its record, its bytes kept when it is a Certificate or CertificateRequest
     * of at most {@link #MAX_MESSAGE} bytes, else only counted off.
     */
    static final class Spanning {
        static final int MAX_MESSAGE = 1 << 18;
        int type;
        int version;
        /** The message's header and body, when kept; null otherwise. */
        byte[] bytes;
        private int remaining;
        private int filled;

        boolean waiting() {
            return remaining > 0;
        }

        boolean whole() {
            return remaining == 0 && bytes != null && filled == bytes.length;
        }

        /** Starts the message whose header is at {@code m}, of which {@code [m, recordEnd)} is in this record. */
        void start(byte[] buf, int m, int recordEnd, int version) {
            this.type = u8(buf, m);
            this.version = version;
            int length = u24(buf, m + 1);
            int here = recordEnd - m - 4;
            remaining = length - here;
            boolean kept = (type == CERTIFICATE || type == CERTIFICATE_REQUEST) && length <= MAX_MESSAGE;
            bytes = kept ? new byte[length] : null;
            filled = 0;
            if (kept) {
                System.arraycopy(buf, m + 4, bytes, 0, here);
                filled = here;
            }
        }

        /**
         * Adds what of the record body {@code [m, recordEnd)} belongs to the message; returns where the rest starts.
         */
        int add(byte[] buf, int m, int recordEnd) {
            int here = Math.min(remaining, recordEnd - m);
            if (bytes != null) {
                System.arraycopy(buf, m, bytes, filled, here);
                filled += here;
            }
            remaining -= here;
            return m + here;
        }

        void clear() {
            remaining = 0;
            bytes = null;
            filled = 0;
        }
    }

    /** Whether one of the whole records back to back from {@code off} is a handshake record. */
    private static boolean handshakeRecord(byte[] buf, int off, int end) {
        for (int p = off, n = 0; p + 5 <= end && n < 64 && TlsRecords.isRecord(buf, p, end); n++) {
            if (u8(buf, p) == HANDSHAKE) {
                return true;
            }
            p += 5 + u16(buf, p + 3);
        }
        return false;
    }

    /**
     * The spanning state of the direction of the segment being decoded, kept with it when conversations are followed
     * (made on first use), else one for this segment alone.
     */
    private static Spanning spanning(byte[] buf, DecodeContext ctx) {
        int layer = ctx.layerCount() - 1;
        if (layer < 0 || ctx.protocolAt(layer) != Protocols.TCP) {
            return new Spanning();
        }
        int tcp = ctx.offsetAt(layer);
        if (ctx.conversations().streamNote(buf, tcp) instanceof Spanning kept) {
            return kept;
        }
        Spanning made = new Spanning();
        ctx.conversations().noteStream(buf, tcp, made);
        return made;
    }

    /**
     * Where the record put back together from earlier segments ends, in a frame whose own segment goes on with
     * records of its own after it: Wireshark asks for just the bytes that complete a record whose header it has,
     * decodes that record, and then decodes the rest of the segment as TLS again (a second layer). {@code end}
     * when the frame carries no such record, or when the earlier segments ended inside the record's header (then
     * Wireshark takes the whole next segment with it, and decodes it all at once).
     */
    private static int assembledEnd(byte[] buf, int off, int end, DecodeContext ctx) {
        if (ctx.streams().earlierBytes() < 5) {
            return end;
        }
        int recordEnd = off + 5 + u16(buf, off + 3);
        return recordEnd < end ? recordEnd : end;
    }

    /** Whether the fewer than five bytes at {@code off} may start a record header. */
    private static boolean startsRecord(byte[] buf, int off, int end) {
        int type = u8(buf, off);
        return type >= 20 && type <= 24 && (off + 1 >= end || u8(buf, off + 1) == 3);
    }

    /** The length of the records complete from {@code off}, back to back; unknown while the first is not. */
    static long records(byte[] buf, int off, int end) {
        int p = off;
        while (p + 5 <= end) {
            if (!TlsRecords.isRecord(buf, p, end)) {
                return p == off ? MessageLength.NEVER : p - off;
            }
            int next = p + 5 + u16(buf, p + 3);
            if (next > end) {
                break;
            }
            p = next;
        }
        return p == off ? MessageLength.UNKNOWN : p - off;
    }
}
