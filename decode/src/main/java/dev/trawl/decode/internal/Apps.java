package dev.trawl.decode.internal;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;

/** Decoders of application protocols: DNS, DHCP, NTP, HTTP, TLS, and named opaque payloads. */
final class Apps {
    private Apps() {
    }

    /** A decoder that names the whole region as one layer of {@code protocol} and ends the stack. */
    static ProtocolDecoder opaque(int protocol) {
        return (buf, off, end, ctx) -> {
            ctx.addLayer(protocol, off, end - off, end);
            return Protocols.NONE;
        };
    }

    /** DNS over UDP: the 12-byte header; questions and records are parsed on demand by the flyweight. */
    static int dns(byte[] buf, int off, int end, DecodeContext ctx) {
        return dnsMessage(Protocols.DNS, off, end, ctx);
    }

    /** Multicast DNS: DNS's format on port 5353. */
    static int mdns(byte[] buf, int off, int end, DecodeContext ctx) {
        return dnsMessage(Protocols.MDNS, off, end, ctx);
    }

    private static int dnsMessage(int protocol, int off, int end, DecodeContext ctx) {
        header(ctx, protocol, off, 12, end);
        return Protocols.NONE;
    }

    /** DNS over TCP: a two-byte length, then a DNS message (the layer starts at the message). */
    static int dnsTcp(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 2 > end) {
            ctx.flag(ctx.addLayer(Protocols.DNS, off, 2, end), LayerFlags.TRUNCATED);
            return Protocols.NONE;
        }
        int len = u16(buf, off);
        int msgEnd = Math.min(end, off + 2 + len);
        int layer = header(ctx, Protocols.DNS, off + 2, 12, msgEnd);
        if (off + 2 + len > end) {
            ctx.flag(layer, LayerFlags.TRUNCATED);
        }
        return Protocols.NONE;
    }

    /** BOOTP/DHCP: a 236-byte fixed part, the magic cookie and options. */
    static int dhcp(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.DHCP, off, 236, end);
        return Protocols.NONE;
    }

    /** NTP: a 48-byte header (extension fields and MAC follow, not decoded). */
    static int ntp(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.NTP, off, 48, end);
        return Protocols.NONE;
    }

    /**
     * HTTP/1.x: the layer's header is the request or status line plus the header block, up to the empty
     * line; a message without that line is a continuation and is named {@code http} as a whole.
     */
    static int http(byte[] buf, int off, int end, DecodeContext ctx) {
        int headersEnd = -1;
        for (int i = off; i + 3 < end; i++) {
            if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
                headersEnd = i + 4;
                break;
            }
        }
        if (headersEnd < 0) {
            ctx.addLayer(Protocols.HTTP, off, end - off, end);
            return Protocols.NONE;
        }
        ctx.addLayer(Protocols.HTTP, off, headersEnd - off, end);
        return headersEnd < end ? Protocols.DATA_TEXT_LINES : Protocols.NONE;
    }

    /** TLS records: the layer spans the records; the first one's header is the layer header. */
    static int tls(byte[] buf, int off, int end, DecodeContext ctx) {
        int layer = header(ctx, Protocols.TLS, off, 5, end);
        if (off + 5 <= end) {
            int type = u8(buf, off);
            int major = u8(buf, off + 1);
            if (type < 20 || type > 24 || major != 3) {
                ctx.flag(layer, LayerFlags.MALFORMED);
            }
        }
        return Protocols.NONE;
    }

    /** NAT-traversal UDP encapsulation (RFC 3948): ESP, or IKE after a zero non-ESP marker. */
    static int udpEncap(byte[] buf, int off, int end, DecodeContext ctx) {
        if (end - off == 1 && u8(buf, off) == 0xFF) { // NAT keepalive
            ctx.addLayer(Protocols.UDPENCAP, off, 1, end);
            return Protocols.NONE;
        }
        if (off + 4 <= end && Bytes.i32(buf, off) == 0) {
            ctx.addLayer(Protocols.UDPENCAP, off, 4, end);
            return Protocols.ISAKMP;
        }
        ctx.addLayer(Protocols.UDPENCAP, off, 0, end);
        ctx.next(off, end);
        return Protocols.ESP;
    }
}
