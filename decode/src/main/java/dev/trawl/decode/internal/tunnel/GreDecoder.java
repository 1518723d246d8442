package dev.trawl.decode.internal.tunnel;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.orData;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;
import dev.trawl.pcap.EtherType;

/**
 * GRE (RFC 2784, with RFC 2890's key and sequence number, and PPTP's enhanced GRE): flags and version, the
 * protocol type, the optional fields the flags announce, then the payload named by {@link Dispatch#GRE_PROTO}.
 * Stateless.
 */
final class GreDecoder {
    private GreDecoder() {
    }

    static final int CHECKSUM = 0x8000;
    static final int ROUTING = 0x4000;
    static final int KEY = 0x2000;
    static final int SEQUENCE = 0x1000;
    /** Enhanced GRE's acknowledgment number. */
    static final int ACK = 0x0080;
    private static final int ERSPAN = EtherType.ERSPAN.value();

    /** The length of a GRE header with the given flags and version word. */
    static int headerLength(int flagsVersion) {
        int len = 4;
        if ((flagsVersion & (CHECKSUM | ROUTING)) != 0) {
            len += 4;
        }
        if ((flagsVersion & KEY) != 0) {
            len += 4;
        }
        if ((flagsVersion & SEQUENCE) != 0) {
            len += 4;
        }
        if ((flagsVersion & 7) == 1 && (flagsVersion & ACK) != 0) {
            len += 4;
        }
        return len;
    }

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 4 > end) {
            header(ctx, Protocols.GRE, off, 4, end);
            return Protocols.NONE;
        }
        int fv = u16(buf, off);
        int type = u16(buf, off + 2);
        int hl = headerLength(fv);
        header(ctx, Protocols.GRE, off, hl, end);
        if (off + hl > end) {
            return Protocols.NONE;
        }
        if ((fv & ROUTING) != 0) {
            // RFC 1701 source routing entries follow; they are rare and not decoded.
            return Protocols.DATA;
        }
        if (type == ERSPAN && (fv & SEQUENCE) == 0) {
            // ERSPAN type I has no header of its own: the mirrored frame follows at once.
            return Protocols.ETH;
        }
        return orData(ctx.lookup(Dispatch.GRE_PROTO, type));
    }
}
