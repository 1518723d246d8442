package dev.trawl.decode.internal.application;

import static dev.trawl.decode.field.FieldType.HEX16;
import static dev.trawl.decode.field.FieldType.STRING;
import static dev.trawl.decode.field.FieldType.UINT;
import static dev.trawl.decode.internal.FieldSupport.ascii;
import static dev.trawl.decode.internal.FieldSupport.has;
import static dev.trawl.decode.internal.FieldSupport.u16;
import static dev.trawl.decode.internal.FieldSupport.u8;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.field.FieldRegistrar;
import dev.trawl.decode.field.FieldSink;

/** Fields of TLS records and of the ClientHello's server name indication. Stateless. */
public final class TlsFields {
    private TlsFields() {
    }

    /** The most records looked at in one layer. */
    private static final int MAX_RECORDS = 64;

    private interface RecordVisitor {
        void visit(DecodedPacket p, int i, int rel, int type, int length, FieldSink s);
    }

    private static void records(DecodedPacket p, int i, FieldSink s, RecordVisitor v) {
        int rel = 0;
        for (int n = 0; n < MAX_RECORDS && has(p, i, rel, 5); n++) {
            int type = u8(p, i, rel);
            if (type < 20 || type > 24 || u8(p, i, rel + 1) != 3) {
                return;
            }
            int len = u16(p, i, rel + 3);
            v.visit(p, i, rel, type, len, s);
            rel += 5 + len;
        }
    }

    /** Appends the SNI host name of a ClientHello record at {@code rel}; false if there is none. */
    private static boolean serverName(DecodedPacket p, int i, int rel, int recordLength, StringBuilder out) {
        int end = rel + 5 + recordLength;
        int h = rel + 5;
        if (!has(p, i, h, 4) || u8(p, i, h) != 1) {
            return false;
        }
        int q = h + 4 + 2 + 32; // type, length, client version, random
        if (!has(p, i, q, 1)) {
            return false;
        }
        q += 1 + u8(p, i, q); // session id
        if (!has(p, i, q, 2)) {
            return false;
        }
        q += 2 + u16(p, i, q); // cipher suites
        if (!has(p, i, q, 1)) {
            return false;
        }
        q += 1 + u8(p, i, q); // compression methods
        if (!has(p, i, q, 2)) {
            return false;
        }
        int extEnd = Math.min(end, q + 2 + u16(p, i, q));
        q += 2;
        while (q + 4 <= extEnd && has(p, i, q, 4)) {
            int type = u16(p, i, q);
            int len = u16(p, i, q + 2);
            if (type == 0 && has(p, i, q + 4, 5)) {
                int nameType = u8(p, i, q + 6);
                int nameLen = u16(p, i, q + 7);
                if (nameType == 0 && has(p, i, q + 9, nameLen)) {
                    out.append(ascii(p, i, q + 9, nameLen));
                    return true;
                }
                return false;
            }
            q += 4 + len;
        }
        return false;
    }

    /** Registers the {@code tls.*} fields. */
    public static void register(FieldRegistrar r) {
        r.field("tls.record.content_type", "tls", UINT, "Content type",
                (p, i, s) -> records(p, i, s, (pp, ii, rel, type, len, ss) -> ss.integer(type)));
        r.field("tls.record.version", "tls", HEX16, "Record version",
                (p, i, s) -> records(p, i, s, (pp, ii, rel, type, len, ss) -> ss.integer(u16(pp, ii, rel + 1))));
        r.field("tls.record.length", "tls", UINT, "Record length",
                (p, i, s) -> records(p, i, s, (pp, ii, rel, type, len, ss) -> ss.integer(len)));
        r.field("tls.handshake.type", "tls", UINT, "Handshake type",
                (p, i, s) -> records(p, i, s, (pp, ii, rel, type, len, ss) -> {
                    if (type == 22 && has(pp, ii, rel + 5, 1)) {
                        ss.integer(u8(pp, ii, rel + 5));
                    }
                }));
        r.field("tls.handshake.extensions_server_name", "tls", STRING, "Server name",
                (p, i, s) -> records(p, i, s, (pp, ii, rel, type, len, ss) -> {
                    StringBuilder sb = new StringBuilder();
                    if (type == 22 && serverName(pp, ii, rel, len, sb)) {
                        ss.text(sb);
                    }
                }));
    }
}
