package dev.trawl.decode.internal.application;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;

/** What a TLS record header looks like, for the TLS decoder and TCP's heuristic. Stateless. */
public final class TlsRecords {
    private TlsRecords() {
    }

    /** The content types a record may have: change cipher spec (20) to heartbeat (24). */
    private static final int FIRST_TYPE = 20;
    private static final int LAST_TYPE = 24;
    /** SSL 3.0 and every TLS version have major version 3, and minor versions up to 4 (TLS 1.3). */
    private static final int MAJOR = 3;
    private static final int LAST_MINOR = 4;
    /** The longest record: 2^14 bytes of plaintext and 2,048 of expansion. */
    private static final int MAX_LENGTH = 18432;

    /** Whether a TLS record header starts at {@code off}. */
    public static boolean isRecord(byte[] buf, int off, int end) {
        if (off + 5 > end) {
            return false;
        }
        int type = u8(buf, off);
        int major = u8(buf, off + 1);
        int minor = u8(buf, off + 2);
        return type >= FIRST_TYPE && type <= LAST_TYPE && major == MAJOR && minor <= LAST_MINOR
                && u16(buf, off + 3) <= MAX_LENGTH;
    }
}
