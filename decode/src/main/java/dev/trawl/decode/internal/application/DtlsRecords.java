package dev.trawl.decode.internal.application;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;

/** What DTLS records look like, for the DTLS decoder and UDP's heuristic. Stateless. */
public final class DtlsRecords {
    private DtlsRecords() {
    }

    /** A DTLS record header: type, version, epoch, sequence number, length. */
    static final int RECORD_HEADER = 13;
    private static final int FIRST_TYPE = 20;
    /** The last content type Wireshark 4.0 takes for a record's: a record with a connection ID (25). */
    private static final int LAST_TYPE = 25;
    private static final int DTLS_1_0 = 0xFEFF;
    static final int DTLS_1_2 = 0xFEFD;
    /** DTLS 1.0 as OpenSSL's early versions wrote it. */
    private static final int DTLS_1_0_OPENSSL = 0x0100;

    /** Whether a DTLS record header starts at {@code off}: a content type and a DTLS version. */
    static boolean isRecord(byte[] buf, int off) {
        int type = u8(buf, off);
        int version = u16(buf, off + 1);
        return type >= FIRST_TYPE && type <= LAST_TYPE
                && (version == DTLS_1_0 || version == DTLS_1_2 || version == DTLS_1_0_OPENSSL);
    }

    /**
     * Wireshark's test for DTLS on a port nothing is bound to, of the UDP payload in {@code [off, end)} that was
     * {@code length} bytes on the wire: when all of it was captured, records back to back that end exactly where it
     * does; when the capture cut it, record headers back to back as far as the bytes go.
     */
    public static boolean looksLikeDtls(byte[] buf, int off, int end, int length) {
        int captured = end - off;
        if (captured == length) {
            for (int p = off; p + RECORD_HEADER <= end && isRecord(buf, p);) {
                p += RECORD_HEADER + u16(buf, p + 11);
                if (p == end) {
                    return true;
                }
            }
            return false;
        }
        int p = off;
        while (end - p >= 3) {
            if (!isRecord(buf, p)) {
                return false;
            }
            p += 3;
            if (end - p < 10) {
                return true; // a header cut short: what there is looks right
            }
            p += 10 + u16(buf, p + 8);
            if (p == end) {
                return true;
            }
        }
        return captured >= p - off;
    }

}
