package dev.trawl.decode.internal.network;

import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Bytes;
import dev.trawl.decode.spi.DecodeContext;

/**
 * IPsec's headers: the authentication header, ESP, IP payload compression, and the UDP encapsulation that
 * carries ESP (or IKE) through NAT. Only what is sent in the clear is decoded. Stateless.
 */
final class IpsecDecoders {
    private IpsecDecoders() {
    }

    /** The NAT keepalive RFC 3948 sends: one byte. */
    private static final int NAT_KEEPALIVE = 0xFF;

    /** The authentication header (RFC 4302): length in 4-byte units, minus 2; then its next header. */
    static int ah(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 2 > end) {
            header(ctx, Protocols.AH, off, 12, end);
            return Protocols.NONE;
        }
        int len = (u8(buf, off + 1) + 2) * 4;
        header(ctx, Protocols.AH, off, len, end);
        if (off + len > end) {
            return Protocols.NONE;
        }
        return Ipv6Decoder.nextHeader(ctx, u8(buf, off));
    }

    /** ESP (RFC 4303): only the SPI and sequence number are visible; the rest is encrypted. */
    static int esp(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, Protocols.ESP, off, 8, end);
        ctx.next(end, end);
        return Protocols.NONE;
    }

    /** IP payload compression (RFC 3173): a 4-byte header, then the compressed payload. */
    static int ipcomp(byte[] buf, int off, int end, DecodeContext ctx) {
        header(ctx, ctx.protocol(), off, 4, end);
        if (off + 4 >= end) {
            return Protocols.NONE;
        }
        ctx.next(off + 4, end);
        return Protocols.DATA;
    }

    /** NAT-traversal UDP encapsulation (RFC 3948): ESP, or IKE after a zero non-ESP marker. */
    static int udpEncapsulation(byte[] buf, int off, int end, DecodeContext ctx) {
        if (end - off == 1 && u8(buf, off) == NAT_KEEPALIVE) {
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
