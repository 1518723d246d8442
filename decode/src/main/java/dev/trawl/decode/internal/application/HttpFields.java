package dev.trawl.decode.internal.application;

import static dev.trawl.decode.field.FieldType.BOOLEAN;
import static dev.trawl.decode.field.FieldType.STRING;
import static dev.trawl.decode.field.FieldType.UINT;
import static dev.trawl.decode.internal.FieldSupport.ascii;
import static dev.trawl.decode.internal.FieldSupport.has;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.field.FieldRegistrar;

/** Fields of the first line and headers of an HTTP/1.x message, named as Wireshark names them. Stateless. */
public final class HttpFields {
    private HttpFields() {
    }

    /** Layers that carry HTTP fields: HTTP, and SSDP, which is HTTP over UDP. */
    private static final String[] HTTP_LAYERS = {"http", "ssdp"};

    /** The longest first line looked at; longer lines are not HTTP as far as these fields go. */
    static final int MAX_LINE = 8192;

    private static final String[] METHODS = {
        "GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE", "CONNECT", "PATCH", "PROPFIND",
        "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK", "NOTIFY", "M-SEARCH", "SUBSCRIBE",
    };

    /** The first line of the layer's message (without CR LF), or null if there is no complete line. */
    private static String firstLine(DecodedPacket p, int i) {
        int start = p.offset(i);
        int end = Math.min(p.layerEnd(i), start + MAX_LINE);
        for (int k = start; k + 1 < end; k++) {
            if (p.buffer().get(k) == '\r' && p.buffer().get(k + 1) == '\n') {
                return ascii(p, i, 0, k - start);
            }
        }
        return null;
    }

    /** The three space-separated parts of a first line, or null if it has not three parts. */
    private static String[] parts(DecodedPacket p, int i) {
        String line = firstLine(p, i);
        if (line == null) {
            return null;
        }
        int a = line.indexOf(' ');
        int b = a < 0 ? -1 : line.indexOf(' ', a + 1);
        if (a <= 0 || b < 0) {
            return null;
        }
        return new String[] {line.substring(0, a), line.substring(a + 1, b), line.substring(b + 1)};
    }

    private static boolean isRequest(String[] parts) {
        if (parts == null || !parts[2].startsWith("HTTP/")) {
            return false;
        }
        for (String m : METHODS) {
            if (m.equals(parts[0])) {
                return true;
            }
        }
        return false;
    }

    private static boolean isResponse(String[] parts) {
        return parts != null && parts[0].startsWith("HTTP/") && parts[1].length() == 3
                && Character.isDigit(parts[1].charAt(0)) && Character.isDigit(parts[1].charAt(1))
                && Character.isDigit(parts[1].charAt(2));
    }

    /** Registers a field holding the value of the header {@code header}. */
    private static void headerField(FieldRegistrar r, String name, String header) {
        r.field(name, HTTP_LAYERS, STRING, header, (p, i, s) -> {
            String v = header(p, i, header);
            if (v != null) {
                s.text(v);
            }
        });
    }

    /** The value of header {@code name} (case-insensitive), or null. */
    private static String header(DecodedPacket p, int i, String name) {
        int start = p.offset(i);
        int end = Math.min(p.layerEnd(i), start + p.headerLength(i));
        int line = start;
        for (int k = start; k + 1 < end; k++) {
            if (p.buffer().get(k) == '\r' && p.buffer().get(k + 1) == '\n') {
                if (k == line) {
                    return null;
                }
                if (line != start) {
                    String text = ascii(p, i, line - start, k - line);
                    int colon = text.indexOf(':');
                    if (colon > 0 && text.substring(0, colon).trim().equalsIgnoreCase(name)) {
                        return text.substring(colon + 1).trim();
                    }
                }
                line = k + 2;
                k++;
            }
        }
        return null;
    }

    /** Registers the {@code http.*} fields, which SSDP's layers carry too. */
    public static void register(FieldRegistrar r) {
        // Wireshark's flags for the kind of message: fields with no value that show as true
        r.field("http.request", HTTP_LAYERS, BOOLEAN, "Request", (p, i, s) -> {
            if (isRequest(parts(p, i))) {
                s.integer(1);
            }
        });
        r.field("http.response", HTTP_LAYERS, BOOLEAN, "Response", (p, i, s) -> {
            if (isResponse(parts(p, i))) {
                s.integer(1);
            }
        });
        r.field("http.request.method", HTTP_LAYERS, STRING, "Request method", (p, i, s) -> {
            String[] parts = parts(p, i);
            if (isRequest(parts)) {
                s.text(parts[0]);
            }
        });
        r.field("http.request.uri", HTTP_LAYERS, STRING, "Request URI", (p, i, s) -> {
            String[] parts = parts(p, i);
            if (isRequest(parts)) {
                s.text(parts[1]);
            }
        });
        r.field("http.request.version", HTTP_LAYERS, STRING, "Request version", (p, i, s) -> {
            String[] parts = parts(p, i);
            if (isRequest(parts)) {
                s.text(parts[2]);
            }
        });
        r.field("http.response.version", HTTP_LAYERS, STRING, "Response version", (p, i, s) -> {
            String[] parts = parts(p, i);
            if (isResponse(parts)) {
                s.text(parts[0]);
            }
        });
        r.field("http.response.code", HTTP_LAYERS, UINT, "Status code", (p, i, s) -> {
            String[] parts = parts(p, i);
            if (isResponse(parts)) {
                s.integer(Integer.parseInt(parts[1]));
            }
        });
        r.field("http.response.phrase", HTTP_LAYERS, STRING, "Response phrase", (p, i, s) -> {
            String[] parts = parts(p, i);
            if (isResponse(parts)) {
                s.text(parts[2]);
            }
        });
        r.field("http.host", HTTP_LAYERS, STRING, "Host", (p, i, s) -> {
            String v = header(p, i, "Host");
            if (v != null) {
                s.text(v);
            }
        });
        r.field("http.user_agent", HTTP_LAYERS, STRING, "User-Agent", (p, i, s) -> {
            String v = header(p, i, "User-Agent");
            if (v != null) {
                s.text(v);
            }
        });
        r.field("http.content_type", HTTP_LAYERS, STRING, "Content-Type", (p, i, s) -> {
            String v = header(p, i, "Content-Type");
            if (v != null) {
                s.text(v);
            }
        });
        headerField(r, "http.server", "Server");
        headerField(r, "http.location", "Location");
        headerField(r, "http.referer", "Referer");
        headerField(r, "http.connection", "Connection");
        headerField(r, "http.cookie", "Cookie");
        headerField(r, "http.accept", "Accept");
        headerField(r, "http.accept_encoding", "Accept-Encoding");
        headerField(r, "http.content_length_header", "Content-Length");
        r.field("http.content_length", HTTP_LAYERS, UINT, "Content-Length", (p, i, s) -> {
            String v = header(p, i, "Content-Length");
            if (v != null) {
                try {
                    s.integer(Long.parseLong(v.strip()));
                } catch (NumberFormatException e) {
                    // not a number: Wireshark shows no length either
                }
            }
        });
    }
}
