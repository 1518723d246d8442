package dev.trawl.decode.internal.application;

import static dev.trawl.decode.internal.Bytes.u16;
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
        ctx.addLayer(Protocols.TLS, off, 5, first);
        handshakes(buf, off, first, ctx);
        if (first < end) {
            ctx.addLayer(Protocols.TLS, first, 5, end);
            handshakes(buf, first, end, ctx);
        }
        return Protocols.NONE;
    }

    /**
     * Adds the layers of the certificates and distinguished names that the whole handshake records in
     * {@code [off, end)} carry in the clear ({@link CertificateLayers}): those of each Certificate message and of each
     * CertificateRequest's authorities, up to a ChangeCipherSpec record (the handshake records after it are
     * encrypted). A message must lie whole in its record, and its lengths must agree with it.
     */
    private void handshakes(byte[] buf, int off, int end, DecodeContext ctx) {
        if (protect) {
            return;
        }
        for (int p = off, n = 0; p + 5 <= end && n < 64 && TlsRecords.isRecord(buf, p, end); n++) {
            int type = u8(buf, p);
            int recordEnd = p + 5 + u16(buf, p + 3);
            if (type == CHANGE_CIPHER_SPEC || recordEnd > end) {
                return;
            }
            for (int m = p + 5; type == HANDSHAKE && m + 4 <= recordEnd;) {
                int body = m + 4;
                int messageEnd = body + u24(buf, m + 1);
                if (messageEnd > recordEnd) {
                    break;
                }
                int message = u8(buf, m);
                if (message == CERTIFICATE && body + 3 <= messageEnd && body + 3 + u24(buf, body) == messageEnd) {
                    certificates.certificateList(buf, body, messageEnd, ctx);
                } else if (message == CERTIFICATE_REQUEST) {
                    certificates.certificateRequest(buf, body, messageEnd, u16(buf, p + 1) >= TLS_1_2, ctx);
                }
                m = messageEnd;
            }
            p = recordEnd;
        }
    }

    private static int u24(byte[] buf, int at) {
        return u8(buf, at) << 16 | u16(buf, at + 1);
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
