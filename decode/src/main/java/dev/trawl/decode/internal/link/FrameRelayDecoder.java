package dev.trawl.decode.internal.link;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Bytes.u8;
import static dev.trawl.decode.internal.Decoders.header;
import static dev.trawl.decode.internal.Decoders.orData;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Bytes;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.Dispatch;

/**
 * Frame Relay: a Q.922 address, then Q.933 NLPID encapsulation (with SNAP), or Cisco's EtherType right after
 * the address. Stateless.
 */
final class FrameRelayDecoder {
    private FrameRelayDecoder() {
    }

    /** The Q.933 control field of unnumbered information, which starts the NLPID encapsulation. */
    private static final int UNNUMBERED_INFORMATION = 0x03;
    private static final int NLPID_SNAP = 0x80;
    private static final int NLPID_IPV4 = 0xCC;
    private static final int NLPID_IPV6 = 0x8E;
    private static final int NLPID_ESIS = 0x82;
    private static final int NLPID_ISIS = 0x83;

    static int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 2 > end) {
            header(ctx, Protocols.FR, off, 2, end);
            return Protocols.NONE;
        }
        int p = off + 2;
        // The address extends while the EA bit (bit 0) is clear, up to 4 bytes.
        if ((u8(buf, off + 1) & 1) == 0 && p < end) {
            p++;
            if ((u8(buf, p - 1) & 1) == 0 && p < end) {
                p++;
            }
        }
        if (p + 2 <= end && u8(buf, p) != UNNUMBERED_INFORMATION) {
            // Cisco's encapsulation: an EtherType right after the address. A value that is none is taken for a
            // damaged control field, and the NLPID encapsulation read on (as Wireshark and tcpdump do).
            int next = ctx.lookup(Dispatch.ETHERTYPE, u16(buf, p));
            if (next >= 0) {
                ctx.addLayer(Protocols.FR, off, p + 2 - off, end);
                return next;
            }
        }
        if (p + 2 > end) {
            ctx.addLayer(Protocols.FR, off, p - off, end);
            return p < end ? Protocols.DATA : Protocols.NONE;
        }
        p++;
        if (u8(buf, p) == 0x00 && p + 1 < end) { // optional padding byte
            p++;
        }
        int nlpid = u8(buf, p);
        p++;
        if (nlpid == NLPID_SNAP && p + 5 <= end) {
            int oui = Bytes.u24(buf, p);
            int pid = u16(buf, p + 3);
            ctx.addLayer(Protocols.FR, off, p + 5 - off, end);
            return oui == 0 ? orData(ctx.lookup(Dispatch.ETHERTYPE, pid)) : Protocols.DATA;
        }
        ctx.addLayer(Protocols.FR, off, p - off, end);
        switch (nlpid) {
            case NLPID_IPV4:
                return Protocols.IP;
            case NLPID_IPV6:
                return Protocols.IPV6;
            case NLPID_ESIS:
                ctx.next(p - 1, end);
                return Protocols.ESIS;
            case NLPID_ISIS:
                ctx.next(p - 1, end);
                return Protocols.ISIS;
            default:
                return Protocols.DATA;
        }
    }
}
