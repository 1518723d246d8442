package dev.trawl.decode.internal.application;

import static dev.trawl.decode.field.FieldType.HEX16;
import static dev.trawl.decode.field.FieldType.STRING;
import static dev.trawl.decode.field.FieldType.UINT;
import static dev.trawl.decode.internal.FieldSupport.ascii;
import static dev.trawl.decode.internal.FieldSupport.has;
import static dev.trawl.decode.internal.FieldSupport.u16;
import static dev.trawl.decode.internal.FieldSupport.u8;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.field.FieldRegistrar;
import dev.trawl.decode.field.FieldSink;
import java.nio.ByteBuffer;

/**
 * Fields of TLS records, of their handshake messages, and of the hellos' versions, cipher suites, extensions and
 * server name indication. A record shows its fields once it is whole (in the segment that completes it, when
 * streams are put back together), as Wireshark shows it. Stateless.
 */
public final class TlsFields {
    private TlsFields() {
    }

    /** The most records, and handshake messages in one record, looked at in one layer. */
    private static final int MAX_RECORDS = 64;
    private static final int CHANGE_CIPHER_SPEC = 20;
    private static final int HANDSHAKE = 22;
    private static final int APPLICATION_DATA = 23;
    private static final int CLIENT_HELLO = 1;
    private static final int SERVER_HELLO = 2;
    /** The handshake message types Wireshark 4.0 names; a record that starts with another is encrypted. */
    private static final long KNOWN_TYPES = 1L << 0 | 1L << 1 | 1L << 2 | 1L << 3 | 1L << 4 | 1L << 5 | 1L << 6
            | 1L << 8 | 1L << 11 | 1L << 12 | 1L << 13 | 1L << 14 | 1L << 15 | 1L << 16 | 1L << 20 | 1L << 21
            | 1L << 22 | 1L << 23 | 1L << 24 | 1L << 25;
    private static final int NEXT_PROTOCOL = 67;
    private static final int MESSAGE_HASH = 254;
    /** The type {@link #messages} gives an encrypted handshake record. */
    private static final int ENCRYPTED = -1;

    private interface RecordVisitor {
        void visit(DecodedPacket p, int i, int rel, int type, int length, FieldSink s);
    }

    /** Receives one handshake message: its type, and where its body starts and ends in the layer. */
    private interface MessageVisitor {
        void visit(DecodedPacket p, int i, int type, int body, int end, FieldSink s);
    }

    /** Visits the whole records of layer {@code i} (all that were captured, when the capture cut the frame). */
    private static void records(DecodedPacket p, int i, FieldSink s, RecordVisitor v) {
        for (int rel = 0, n = 0; n < MAX_RECORDS; n++) {
            int len = wholeRecord(p, i, rel);
            if (len < 0) {
                return;
            }
            v.visit(p, i, rel, u8(p, i, rel), len, s);
            rel += 5 + len;
        }
    }

    /** The length of the record at {@code rel} if it is whole, or -1 (none there, or it goes on later). */
    private static int wholeRecord(DecodedPacket p, int i, int rel) {
        if (!has(p, i, rel, 5)) {
            return -1;
        }
        int type = u8(p, i, rel);
        if (type < 20 || type > 24 || u8(p, i, rel + 1) != 3) {
            return -1;
        }
        int len = u16(p, i, rel + 3);
        boolean cut = p.capturedLength() < p.originalLength();
        return rel + 5 + len > p.layerEnd(i) - p.offset(i) && !cut ? -1 : len;
    }

    /**
     * The content types of the whole records, in the clear ({@code opaque} false) or of protected application
     * data records (true): those of a {@link LayerFlags#PROTECTED} layer, and those after a server hello that
     * agrees on TLS 1.3.
     */
    private static void contentTypes(DecodedPacket p, int i, FieldSink s, boolean opaque) {
        boolean protect = (p.flags(i) & LayerFlags.PROTECTED) != 0;
        for (int rel = 0, n = 0; n < MAX_RECORDS; n++) {
            int len = wholeRecord(p, i, rel);
            if (len < 0) {
                return;
            }
            int type = u8(p, i, rel);
            if ((protect && type == APPLICATION_DATA) == opaque) {
                s.integer(type);
            }
            protect |= type == HANDSHAKE && agreesOnTls13(p, i, rel, len);
            rel += 5 + len;
        }
    }

    /** Whether the whole record at {@code rel} is a server hello that agrees on TLS 1.3. */
    private static boolean agreesOnTls13(DecodedPacket p, int i, int rel, int len) {
        ByteBuffer b = p.buffer();
        if (!b.hasArray()) {
            return false;
        }
        int at = b.arrayOffset() + p.offset(i) + rel;
        int captured = b.arrayOffset() + Math.min(p.layerEnd(i), p.end());
        return TlsDecoder.agreesOnTls13(b.array(), at, Math.min(at + 5 + len, captured));
    }

    /**
     * Visits the handshake messages of the layer's handshake records. A record after a change cipher spec, or
     * whose first message has no known type or overruns the record, is encrypted: it is visited once, with type
     * {@link #ENCRYPTED}.
     */
    private static void messages(DecodedPacket p, int i, FieldSink s, MessageVisitor v) {
        boolean encrypted = false;
        for (int rel = 0, n = 0; n < MAX_RECORDS; n++) {
            int len = wholeRecord(p, i, rel);
            if (len < 0) {
                return;
            }
            int type = u8(p, i, rel);
            encrypted |= type == CHANGE_CIPHER_SPEC;
            int end = rel + 5 + len;
            if (type == HANDSHAKE && encrypted) {
                v.visit(p, i, ENCRYPTED, rel + 5, end, s);
            } else if (type == HANDSHAKE) {
                int q = rel + 5;
                for (int m = 0; m < MAX_RECORDS && q + 4 <= end && has(p, i, q, 4); m++) {
                    int t = u8(p, i, q);
                    int body = u16(p, i, q + 1) << 8 | u8(p, i, q + 3);
                    if (!known(t) || q + 4 + body > end) {
                        if (m == 0) {
                            v.visit(p, i, ENCRYPTED, rel + 5, end, s);
                        }
                        break;
                    }
                    v.visit(p, i, t, q + 4, q + 4 + body, s);
                    q += 4 + body;
                }
            }
            rel = end;
        }
    }

    private static boolean known(int type) {
        return type < 64 ? (KNOWN_TYPES >>> type & 1) != 0 : type == NEXT_PROTOCOL || type == MESSAGE_HASH;
    }

    /** Where a client or server hello's cipher suites start (the client's list; the server's choice), or -1. */
    private static int cipherSuites(DecodedPacket p, int i, int type, int body, int end) {
        int q = body + 2 + 32; // version, random
        if (q >= end || !has(p, i, q, 1)) {
            return -1;
        }
        q += 1 + u8(p, i, q); // session id
        return q + 2 <= end && has(p, i, q, 2) ? q : -1;
    }

    /** Where a hello's extensions start (their 2-byte length), or -1. */
    private static int extensions(DecodedPacket p, int i, int type, int body, int end) {
        int q = cipherSuites(p, i, type, body, end);
        if (q < 0) {
            return -1;
        }
        q += type == CLIENT_HELLO ? 2 + u16(p, i, q) : 2;
        if (q + 1 > end || !has(p, i, q, 1)) {
            return -1;
        }
        q += type == CLIENT_HELLO ? 1 + u8(p, i, q) : 1; // compression methods, or the chosen one
        return q + 2 <= end && has(p, i, q, 2) ? q : -1;
    }

    /** Receives one extension of a hello: its type, and where its data starts and ends. */
    private interface ExtensionVisitor {
        void visit(DecodedPacket p, int i, int type, int data, int end, FieldSink s);
    }

    private static void helloExtensions(DecodedPacket p, int i, FieldSink s, ExtensionVisitor v) {
        messages(p, i, s, (pp, ii, type, body, end, ss) -> {
            if (type != CLIENT_HELLO && type != SERVER_HELLO) {
                return;
            }
            int q = extensions(pp, ii, type, body, end);
            if (q < 0) {
                return;
            }
            int extEnd = Math.min(end, q + 2 + u16(pp, ii, q));
            q += 2;
            for (int n = 0; n < 4 * MAX_RECORDS && q + 4 <= extEnd && has(pp, ii, q, 4); n++) {
                int len = u16(pp, ii, q + 2);
                if (q + 4 + len > extEnd) {
                    return;
                }
                v.visit(pp, ii, u16(pp, ii, q), q + 4, q + 4 + len, ss);
                q += 4 + len;
            }
        });
    }

    /** Registers the {@code tls.*} fields. */
    public static void register(FieldRegistrar r) {
        r.field("tls.record.content_type", "tls", UINT, "Content type", (p, i, s) -> contentTypes(p, i, s, false));
        r.field("tls.record.opaque_type", "tls", UINT, "Opaque type (a protected record's)",
                (p, i, s) -> contentTypes(p, i, s, true));
        r.field("tls.record.version", "tls", HEX16, "Record version",
                (p, i, s) -> records(p, i, s, (pp, ii, rel, type, len, ss) -> ss.integer(u16(pp, ii, rel + 1))));
        r.field("tls.record.length", "tls", UINT, "Record length",
                (p, i, s) -> records(p, i, s, (pp, ii, rel, type, len, ss) -> ss.integer(len)));
        r.field("tls.record", "tls", UINT, "Record (1 for each)",
                (p, i, s) -> records(p, i, s, (pp, ii, rel, type, len, ss) -> ss.integer(1)));
        r.field("tls.handshake", "tls", UINT, "Handshake message (1 for each)",
                (p, i, s) -> messages(p, i, s, (pp, ii, type, body, end, ss) -> ss.integer(1)));
        r.field("tls.handshake.type", "tls", UINT, "Handshake type",
                (p, i, s) -> messages(p, i, s, (pp, ii, type, body, end, ss) -> {
                    if (type != ENCRYPTED) {
                        ss.integer(type);
                    }
                }));
        r.field("tls.handshake.length", "tls", UINT, "Handshake message length",
                (p, i, s) -> messages(p, i, s, (pp, ii, type, body, end, ss) -> {
                    if (type != ENCRYPTED) {
                        ss.integer(end - body);
                    }
                }));
        r.field("tls.handshake.version", "tls", HEX16, "Hello version",
                (p, i, s) -> messages(p, i, s, (pp, ii, type, body, end, ss) -> {
                    if ((type == CLIENT_HELLO || type == SERVER_HELLO) && body + 2 <= end && has(pp, ii, body, 2)) {
                        ss.integer(u16(pp, ii, body));
                    }
                }));
        r.field("tls.handshake.ciphersuite", "tls", HEX16, "Cipher suite",
                (p, i, s) -> messages(p, i, s, (pp, ii, type, body, end, ss) -> {
                    if (type != CLIENT_HELLO && type != SERVER_HELLO) {
                        return;
                    }
                    int q = cipherSuites(pp, ii, type, body, end);
                    if (q < 0) {
                        return;
                    }
                    if (type == SERVER_HELLO) {
                        ss.integer(u16(pp, ii, q));
                        return;
                    }
                    int listEnd = Math.min(end, q + 2 + u16(pp, ii, q));
                    for (int c = q + 2; c + 2 <= listEnd && has(pp, ii, c, 2); c += 2) {
                        ss.integer(u16(pp, ii, c));
                    }
                }));
        r.field("tls.handshake.extension.type", "tls", UINT, "Extension type",
                (p, i, s) -> helloExtensions(p, i, s, (pp, ii, type, data, end, ss) -> ss.integer(type)));
        r.field("tls.handshake.extensions_server_name", "tls", STRING, "Server name",
                (p, i, s) -> helloExtensions(p, i, s, (pp, ii, type, data, end, ss) -> {
                    if (type == 0 && data + 5 <= end && has(pp, ii, data, 5) && u8(pp, ii, data + 2) == 0) {
                        int nameLen = u16(pp, ii, data + 3);
                        if (data + 5 + nameLen <= end && has(pp, ii, data + 5, nameLen)) {
                            ss.text(ascii(pp, ii, data + 5, nameLen));
                        }
                    }
                }));
    }
}
