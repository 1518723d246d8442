package dev.trawl.decode.internal.application;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;

/**
 * SIP: the message, and the SDP session description its body holds, if any; over TCP only once the whole message
 * (headers and Content-Length's body) is there, as Wireshark waits for the rest. Immutable.
 */
final class SipDecoder implements ProtocolDecoder {
    private final int sdp;
    private final boolean stream;

    /**
     * @param sdp the id of {@code sdp}
     * @param stream whether the messages come over a stream (TCP)
     */
    SipDecoder(int sdp, boolean stream) {
        this.sdp = sdp;
        this.stream = stream;
    }

    @Override
    public int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        int headersEnd = TextHeaders.end(buf, off, end);
        if (headersEnd < 0) {
            if (stream) {
                return ProtocolDecoder.INCOMPLETE;
            }
            ctx.addLayer(Protocols.SIP, off, end - off, end);
            return Protocols.NONE;
        }
        int bodyEnd = end;
        String length = TextHeaders.value(buf, off, headersEnd, "content-length");
        if (length == null) {
            length = TextHeaders.value(buf, off, headersEnd, "l"); // the compact form
        }
        if (length != null) {
            try {
                long declared = Long.parseLong(length);
                if (stream && headersEnd + declared > end) {
                    return ProtocolDecoder.INCOMPLETE;
                }
                bodyEnd = (int) Math.min(end, headersEnd + Math.max(0, declared));
            } catch (NumberFormatException e) {
                // a malformed length: the body is what follows the headers
            }
        }
        ctx.addLayer(Protocols.SIP, off, headersEnd - off, end);
        String type = TextHeaders.value(buf, off, headersEnd, "content-type");
        if (type == null) {
            type = TextHeaders.value(buf, off, headersEnd, "c");
        }
        if (bodyEnd > headersEnd && type != null && type.startsWith("application/sdp")) {
            ctx.addLayer(sdp, headersEnd, bodyEnd - headersEnd, bodyEnd);
        }
        return Protocols.NONE;
    }
}
