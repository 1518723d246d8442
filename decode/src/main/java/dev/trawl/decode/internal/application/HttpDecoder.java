package dev.trawl.decode.internal.application;

import static dev.trawl.decode.internal.Bytes.u8;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.state.StreamMessages;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;
import dev.trawl.decode.spi.StreamReassembly.MessageLength;

/**
 * HTTP/1.x over TCP, as Wireshark sees a single segment: a segment that holds only part of a message shows bare
 * TCP payload ({@link ProtocolDecoder#INCOMPLETE}), as Wireshark holds it back for reassembly, and is kept for
 * the decoder's stream reassembly; a segment that completes a message it starts (or the message put back
 * together) is decoded, its body named by its content type. A segment the capture cut short is decoded as far
 * as it goes. Immutable.
 */
final class HttpDecoder implements ProtocolDecoder {
    private final int xml;
    private final int json;
    private final int media;

    /** The protocols a message's body may be named as, besides {@code data} and {@code data-text-lines}. */
    int[] bodies() {
        return new int[] {xml, json, media};
    }

    HttpDecoder(int xml, int json, int media) {
        this.xml = xml;
        this.json = json;
        this.media = media;
    }

    private static final String[] METHODS = {
        "GET ", "POST ", "HEAD ", "PUT ", "DELETE ", "OPTIONS ", "TRACE ", "CONNECT ", "PATCH ",
        "PROPFIND ", "NOTIFY ", "M-SEARCH ", "SUBSCRIBE ",
    };

    /**
     * A segment the capture cut short: there is nothing to reassemble, so Wireshark decodes what is there.
     * A message start shows as HTTP, with its body as data when the headers end inside the captured bytes;
     * anything else is the continuation of a body, file data (a single byte shows as HTTP alone).
     */
    private static int truncated(byte[] buf, int off, int end, DecodeContext ctx, boolean messageStart) {
        if (!messageStart) {
            ctx.addLayer(Protocols.HTTP, off, 0, end);
            if (end - off < 2) {
                return Protocols.NONE;
            }
            ctx.next(off, end);
            return Protocols.DATA;
        }
        int headersEnd = TextHeaders.end(buf, off, end);
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

    @Override
    public int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        boolean request = requestMethod(buf, off, end) > 0;
        if (cutByCapture(ctx)) {
            return truncated(buf, off, end, ctx, request || startsWith(buf, off, end, "HTTP/")
                    || isMethodName(buf, off, end));
        }
        boolean response = startsWith(buf, off, end, "HTTP/");
        if (!request && !response) {
            // a continuation of a message begun in an earlier segment, which may complete it
            ctx.streams().append(buf, off, end, HttpDecoder::messageLength);
            return ProtocolDecoder.INCOMPLETE;
        }
        long whole = messageLength(buf, off, end);
        if (whole == MessageLength.UNTIL_CLOSE && StreamMessages.finishes(ctx, buf)) {
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
        int headersEnd = TextHeaders.end(buf, off, end);
        long bodyLength = whole - (headersEnd - off);
        ctx.addLayer(Protocols.HTTP, off, headersEnd - off, end);
        if (bodyLength <= 0) {
            return Protocols.NONE;
        }
        ctx.next(headersEnd, (int) (headersEnd + bodyLength));
        String type = TextHeaders.value(buf, off, headersEnd, "content-type");
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
    static long messageLength(byte[] buf, int off, int end) {
        boolean request = requestMethod(buf, off, end) > 0;
        boolean response = startsWith(buf, off, end, "HTTP/");
        if (!request && !response) {
            return MessageLength.NEVER;
        }
        int headersEnd = TextHeaders.end(buf, off, end);
        if (headersEnd < 0) {
            return end - off >= TextHeaders.MAX_BLOCK ? MessageLength.NEVER
                    : MessageLength.UNKNOWN;
        }
        int status = -1;
        if (response && off + 12 <= end) {
            status = (u8(buf, off + 9) - '0') * 100 + (u8(buf, off + 10) - '0') * 10 + (u8(buf, off + 11) - '0');
        }
        String length = TextHeaders.value(buf, off, headersEnd, "content-length");
        String encoding = TextHeaders.value(buf, off, headersEnd, "transfer-encoding");
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
}
