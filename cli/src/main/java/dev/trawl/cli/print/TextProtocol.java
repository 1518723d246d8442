package dev.trawl.cli.print;

import dev.trawl.decode.layer.HttpLine;
import java.util.Locale;
import java.util.Set;

/**
 * The line-oriented text protocols as tcpdump prints them (HTTP, RTSP, FTP, SMTP, WHOIS): the protocol's name,
 * then the first line ({@code : HTTP: GET / HTTP/1.1}); with {@code -v} the payload's length and every text
 * line, each on a line of its own, until the end of the payload or the first byte that is not text. HTTP and
 * RTSP print only a payload that starts a request or a response, not the continuation of a body. A line the
 * captured bytes end in ends with {@code [|http]}. Stateless.
 */
final class TextProtocol {
    private static final Set<String> HTTP_METHODS = Set.of("GET", "PUT", "COPY", "HEAD", "LOCK", "MOVE", "POLL",
            "POST", "BCOPY", "BMOVE", "MKCOL", "TRACE", "LABEL", "MERGE", "DELETE", "SEARCH", "UNLOCK", "REPORT",
            "UPDATE", "NOTIFY", "BDELETE", "CONNECT", "OPTIONS", "CHECKIN", "PROPFIND", "CHECKOUT", "CCM_POST",
            "SUBSCRIBE", "PROPPATCH", "BPROPFIND", "BPROPPATCH", "UNCHECKOUT", "MKACTIVITY", "MKWORKSPACE",
            "UNSUBSCRIBE", "RPC_CONNECT", "VERSION-CONTROL", "BASELINE-CONTROL");
    private static final Set<String> RTSP_METHODS = Set.of("DESCRIBE", "ANNOUNCE", "GET_PARAMETER", "OPTIONS",
            "PAUSE", "PLAY", "RECORD", "REDIRECT", "SETUP", "SET_PARAMETER", "TEARDOWN");
    /** tcpdump's longest token when it looks for a request name or a response code. */
    private static final int MAX_TOKEN = 128;

    private TextProtocol() {
    }

    /** The protocol tcpdump prints as text for a TCP segment between these ports, or null. */
    static String forTcpPorts(int sport, int dport) {
        if (sport == 25 || dport == 25) {
            return "smtp";
        }
        if (sport == 43 || dport == 43) {
            return "whois";
        }
        if (sport == 21 || dport == 21) {
            return "ftp";
        }
        if (sport == 80 || dport == 80 || sport == 8080 || dport == 8080) {
            return "http";
        }
        if (sport == 554 || dport == 554 || sport == 8554 || dport == 8554) {
            return "rtsp";
        }
        return null;
    }

    /**
     * Writes {@code : HTTP...} for a payload of {@code length} bytes on the wire, of which {@code m} holds the
     * captured ones.
     */
    static void print(PrintContext c, String protocol, HttpLine m, int length) {
        Out out = c.out();
        Set<String> methods = protocol.equals("http") ? HTTP_METHODS : protocol.equals("rtsp") ? RTSP_METHODS : null;
        boolean show = methods == null || startsMessage(m, length, methods);
        out.ascii(": ").ascii(protocol.toUpperCase(Locale.ROOT));
        if (!show) {
            return;
        }
        if (c.verbose() > 0) {
            out.ascii(", length: ").num(length);
            for (int at = 0; at < length; ) {
                at = line(c, protocol, m, at, length, "\n\t");
                if (at <= 0) {
                    return;
                }
            }
        } else {
            line(c, protocol, m, 0, length, ": ");
        }
    }

    /**
     * SSH's identification string, {@code : SSH: SSH-2.0-OpenSSH_9.6}, when the payload starts with one ended
     * by a line end; nothing for the binary packets after it.
     */
    static void ssh(PrintContext c, HttpLine m, int length) {
        String start = "SSH-";
        for (int i = 0; i < start.length(); i++) {
            if (!m.has(i, 1)) {
                c.truncated("ssh");
                return;
            }
            if (m.byteAt(i) != start.charAt(i)) {
                return;
            }
        }
        for (int at = start.length(); at < length; at++) {
            if (!m.has(at, 1)) {
                c.truncated("ssh");
                return;
            }
            int ch = m.byteAt(at);
            boolean end = ch == '\n';
            if (ch == '\r') {
                if (at + 1 >= length) {
                    return;
                }
                if (!m.has(at + 1, 1)) {
                    c.truncated("ssh");
                    return;
                }
                if (m.byteAt(at + 1) != '\n') {
                    return;
                }
                end = true;
            }
            if (end) {
                c.out().ascii(": SSH: ");
                text(c.out(), m, 0, at);
                return;
            }
            if (ch < 0x20 || ch >= 0x7f) {
                return;
            }
        }
    }

    /** Whether the payload starts with one of the request names or has a three-digit code as second token. */
    private static boolean startsMessage(HttpLine m, int length, Set<String> methods) {
        StringBuilder token = new StringBuilder();
        int at = token(m, 0, length, token);
        if (at == 0) {
            return false;
        }
        if (methods.contains(token.toString().toUpperCase(Locale.ROOT))) {
            return true;
        }
        token.setLength(0);
        at = token(m, at, length, token);
        return at != 0 && token.length() == 3 && Character.isDigit(token.charAt(0))
                && Character.isDigit(token.charAt(1)) && Character.isDigit(token.charAt(2));
    }

    /**
     * Reads the token at {@code from} into {@code token} and skips the blanks after it; returns where the next
     * token starts, or 0 when there is no token there (binary data, the capture's end, or too long a token).
     */
    private static int token(HttpLine m, int from, int length, StringBuilder token) {
        int at = from;
        for (; at < length; at++) {
            if (!m.has(at, 1)) {
                return 0;
            }
            int ch = m.byteAt(at);
            if (ch >= 0x80) {
                return 0;
            }
            if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') {
                break;
            }
            if (ch < 0x20 || ch == 0x7f || token.length() + 2 > MAX_TOKEN + 1) {
                return 0;
            }
            token.append((char) ch);
        }
        if (token.isEmpty()) {
            return 0;
        }
        for (; at < length && m.has(at, 1); at++) {
            int ch = m.byteAt(at);
            if (ch != ' ' && ch != '\t') {
                break;
            }
        }
        return at;
    }

    /**
     * Writes the text line at {@code from} after {@code prefix}; returns where the next line starts, or 0 when
     * the line is not text, has no end in the payload or runs past the captured bytes (tcpdump's marker
     * written where it writes one).
     */
    private static int line(PrintContext c, String protocol, HttpLine m, int from, int length, String prefix) {
        int at = from;
        int end;
        int next;
        while (true) {
            if (at >= length) {
                c.out().ascii(prefix);
                text(c.out(), m, from, at);
                c.truncated(protocol);
                return 0;
            }
            if (!m.has(at, 1)) {
                c.truncated(protocol);
                return 0;
            }
            int ch = m.byteAt(at);
            if (ch == '\n') {
                end = at;
                next = at + 1;
                break;
            }
            if (ch == '\r') {
                if (at + 1 >= length) {
                    return 0;
                }
                if (!m.has(at + 1, 1)) {
                    c.truncated(protocol);
                    return 0;
                }
                if (m.byteAt(at + 1) != '\n') {
                    return 0;
                }
                end = at;
                next = at + 2;
                break;
            }
            if ((ch < 0x20 || ch >= 0x7f) && ch != '\t') {
                return 0;
            }
            at++;
        }
        c.out().ascii(prefix);
        text(c.out(), m, from, end);
        return next;
    }

    private static void text(Out out, HttpLine m, int from, int to) {
        for (int i = from; i < to; i++) {
            out.ch((char) m.byteAt(i));
        }
    }
}
