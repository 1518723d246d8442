package dev.trawl.decode.internal.application;

import static dev.trawl.decode.internal.Decoders.header;

/** The header block of a text protocol (HTTP, SIP, SSDP): where it ends, and a header's value. Stateless. */
final class TextHeaders {
    private TextHeaders() {
    }

    /** The longest header block looked at. */
    static final int MAX_BLOCK = 65536;

    /** The index just past the empty line ending the header block, or -1. */
    static int end(byte[] buf, int off, int end) {
        int limit = Math.min(end, off + MAX_BLOCK);
        for (int i = off; i + 3 < limit; i++) {
            if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    /** The value of header {@code name} in [off, end), lower-cased, or null. */
    static String value(byte[] buf, int off, int end, String name) {
        int line = off;
        for (int i = off; i + 1 < end; i++) {
            if (buf[i] != '\r' || buf[i + 1] != '\n') {
                continue;
            }
            if (i - line > name.length() && buf[line + name.length()] == ':') {
                boolean match = true;
                for (int k = 0; k < name.length() && match; k++) {
                    match = Character.toLowerCase((char) buf[line + k]) == name.charAt(k);
                }
                if (match) {
                    StringBuilder sb = new StringBuilder();
                    for (int k = line + name.length() + 1; k < i; k++) {
                        sb.append(Character.toLowerCase((char) (buf[k] & 0xFF)));
                    }
                    return sb.toString().trim();
                }
            }
            line = i + 2;
            i++;
        }
        return null;
    }
}
