package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * The first line of an HTTP or RTSP message (request line or status line, RFC 9112), as a view: its length
 * and its characters, for printing it without copying.
 *
 * <pre>
 * GET /index.html HTTP/1.1 CRLF      or      HTTP/1.1 200 OK CRLF
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class HttpLine extends Flyweight {
    private static final String[] STARTS = {"GET ", "POST ", "HEAD ", "PUT ", "DELETE ", "OPTIONS ", "TRACE ",
        "CONNECT ", "PATCH ", "HTTP/1.", "HTTP/2", "RTSP/"};

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public HttpLine() {
    }

    /** Points this view at the start of a message. */
    public HttpLine wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** Whether the message starts with a request method tcpdump and Wireshark know, or a status line. */
    public boolean isMessageStart() {
        for (String start : STARTS) {
            if (startsWith(start)) {
                return true;
            }
        }
        return false;
    }

    private boolean startsWith(String text) {
        if (!has(0, text.length())) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (u8(i) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The number of bytes of the first line captured, without its CR or LF. */
    public int lineLength() {
        int n = regionLength();
        for (int i = 0; i < n; i++) {
            int c = u8(i);
            if (c == '\r' || c == '\n') {
                return i;
            }
        }
        return n;
    }

    /**
     * The byte at {@code rel} of the message, past the first line too (the header lines and a text body that
     * a printer shows), or 0 beyond the captured bytes: see {@link #has(int, int)}.
     */
    public int byteAt(int rel) {
        return u8(rel);
    }

    /** The byte at {@code i} of the first line (below {@link #lineLength()}). */
    public int lineByte(int i) {
        return u8(i);
    }
}
