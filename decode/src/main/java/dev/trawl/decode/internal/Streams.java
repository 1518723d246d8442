package dev.trawl.decode.internal;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.application.TlsRecords;
import dev.trawl.decode.internal.state.StreamReassembler;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;
import dev.trawl.decode.spi.ProtocolRegistrar;
import dev.trawl.decode.spi.StreamReassembly.MessageLength;

/**
 * Decoders of stream protocols carried over TCP, HTTP/1.x and TLS, that follow Wireshark's view of a single
 * segment: a segment that holds only part of a message is shown as bare TCP payload
 * ({@link ProtocolDecoder#INCOMPLETE}), as Wireshark holds it back for reassembly; a segment that completes
 * a message it starts is decoded.
 */
final class Streams {
    private Streams() {
    }

    static final int MAX_HEADER_BLOCK = 65536;

    static int xml;
    static int json;
    static int media;

    static void register(ProtocolRegistrar r) {
        r.protocol("http", Streams::http);
        r.protocol("tls", Streams::tls);
        xml = r.protocol("xml", null);
        json = r.protocol("json", null);
        media = r.protocol("media", null);
    }

    /**
     * A segment the capture cut short: there is nothing to reassemble, so Wireshark decodes what is there.
     * A message start shows as HTTP, with its body as data when the headers end inside the captured bytes;
     * anything else is the continuation of a body, file data (a single byte shows as HTTP alone).
     */
    private static int truncatedHttp(byte[] buf, int off, int end, DecodeContext ctx, boolean messageStart) {
        if (!messageStart) {
            ctx.addLayer(Protocols.HTTP, off, 0, end);
            if (end - off < 2) {
                return Protocols.NONE;
            }
            ctx.next(off, end);
            return Protocols.DATA;
        }
        int headersEnd = headerEnd(buf, off, end);
        ctx.addLayer(Protocols.HTTP, off, (headersEnd < 0 ? end : headersEnd) - off, end);
        if (headersEnd < 0 || headersEnd >= end) {
            return Protocols.NONE;
        }
        ctx.next(headersEnd, end);
        return Protocols.DATA;
    }

    /** Whether a layer below was cut short by the capture's snapshot length. */
    private static boolean cutByCapture(DecodeContext ctx) {
        for (int i = ctx.layerCount() - 1; i >= 0; i--) {
            if ((ctx.flagsAt(i) & LayerFlags.TRUNCATED) != 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] buf, int off, int end, String prefix) {
        if (off + prefix.length() > end) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (buf[off + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static final String[] METHODS = {
        "GET ", "POST ", "HEAD ", "PUT ", "DELETE ", "OPTIONS ", "TRACE ", "CONNECT ", "PATCH ",
        "PROPFIND ", "NOTIFY ", "M-SEARCH ", "SUBSCRIBE ",
    };

    /** Whether the bytes are exactly a method name, the capture having stopped before the space after it. */
    private static boolean isMethodName(byte[] buf, int off, int end) {
        for (String m : METHODS) {
            if (end - off == m.length() - 1 && startsWith(buf, off, end, m.substring(0, m.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the bytes at {@code off} start an HTTP request line; its method length + 1, or 0. */
    static int requestMethod(byte[] buf, int off, int end) {
        for (String m : METHODS) {
            if (startsWith(buf, off, end, m)) {
                return m.length();
            }
        }
        return 0;
    }

    /** The index just past the empty line ending the header block, or -1. */
    static int headerEnd(byte[] buf, int off, int end) {
        int limit = Math.min(end, off + MAX_HEADER_BLOCK);
        for (int i = off; i + 3 < limit; i++) {
            if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    /** The value of header {@code name} in [off, end), lower-cased, or null. */
    static String headerValue(byte[] buf, int off, int end, String name) {
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

    static int http(byte[] buf, int off, int end, DecodeContext ctx) {
        boolean request = requestMethod(buf, off, end) > 0;
        if (cutByCapture(ctx)) {
            return truncatedHttp(buf, off, end, ctx, request || startsWith(buf, off, end, "HTTP/")
                    || isMethodName(buf, off, end));
        }
        boolean response = startsWith(buf, off, end, "HTTP/");
        if (!request && !response) {
            // a continuation of a message begun in an earlier segment, which may complete it
            ctx.streams().append(buf, off, end, Streams::httpMessageLength);
            return ProtocolDecoder.INCOMPLETE;
        }
        long whole = httpMessageLength(buf, off, end);
        if (whole == MessageLength.UNTIL_CLOSE && StreamReassembler.finishes(ctx, buf)) {
            whole = end - off; // a body that ends with the connection, which this segment closes
        }
        if (whole == MessageLength.UNKNOWN || whole == MessageLength.UNTIL_CLOSE
                || whole > end - off) {
            ctx.streams().begin(buf, off, end); // the rest is in later segments
            return ProtocolDecoder.INCOMPLETE;
        }
        if (whole < 0) {
            return ProtocolDecoder.INCOMPLETE;
        }
        int headersEnd = headerEnd(buf, off, end);
        long bodyLength = whole - (headersEnd - off);
        ctx.addLayer(Protocols.HTTP, off, headersEnd - off, end);
        if (bodyLength <= 0) {
            return Protocols.NONE;
        }
        ctx.next(headersEnd, (int) (headersEnd + bodyLength));
        String type = headerValue(buf, off, headersEnd, "content-type");
        if (type == null) {
            return Protocols.DATA; // no type named: Wireshark shows the body as plain data
        }
        if (type.contains("xml")) {
            return xml;
        }
        if (type.contains("json")) {
            return json;
        }
        return type.startsWith("text/") ? Protocols.DATA_TEXT_LINES : media;
    }

    /**
     * The length of the HTTP message at {@code [off, end)}: its headers and the body they announce (by
     * Content-Length, by a final empty chunk, or none); {@link MessageLength#UNKNOWN} while
     * the headers or a chunked body are not all there; {@link MessageLength#UNTIL_CLOSE} for
     * a body that ends with the connection; {@link MessageLength#NEVER} for bytes that start
     * no message.
     */
    static long httpMessageLength(byte[] buf, int off, int end) {
        boolean request = requestMethod(buf, off, end) > 0;
        boolean response = startsWith(buf, off, end, "HTTP/");
        if (!request && !response) {
            return MessageLength.NEVER;
        }
        int headersEnd = headerEnd(buf, off, end);
        if (headersEnd < 0) {
            return end - off >= MAX_HEADER_BLOCK ? MessageLength.NEVER
                    : MessageLength.UNKNOWN;
        }
        int status = -1;
        if (response && off + 12 <= end) {
            status = (u8(buf, off + 9) - '0') * 100 + (u8(buf, off + 10) - '0') * 10 + (u8(buf, off + 11) - '0');
        }
        String length = headerValue(buf, off, headersEnd, "content-length");
        String encoding = headerValue(buf, off, headersEnd, "transfer-encoding");
        if (length != null) {
            try {
                return headersEnd - off + Math.max(0, Long.parseLong(length));
            } catch (NumberFormatException e) {
                return headersEnd - off;
            }
        }
        if (encoding != null && encoding.contains("chunked")) {
            return endsWith(buf, headersEnd, end, "0\r\n\r\n") ? end - off : MessageLength.UNKNOWN;
        }
        if (request || status < 200 || status == 204 || status == 304) {
            return headersEnd - off;
        }
        return MessageLength.UNTIL_CLOSE;
    }

    private static boolean endsWith(byte[] buf, int from, int end, String suffix) {
        return end - from >= suffix.length() && startsWith(buf, end - suffix.length(), end, suffix);
    }

    /**
     * TLS: a segment that starts with a record header is TLS, whole records or not. One that continues a
     * record begun earlier shows bare TCP payload, except the segment that completes the record, which
     * Wireshark shows as TLS (known when streams are followed; see {@link dev.trawl.decode.spi.StreamReassembly#endsRecord}).
     */
    static int tls(byte[] buf, int off, int end, DecodeContext ctx) {
        if (!TlsRecords.isRecord(buf, off, end)) {
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
                break;
            }
            p = recordEnd;
        }
        ctx.addLayer(Protocols.TLS, off, 5, end);
        return Protocols.NONE;
    }
}
