package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Slarp;

/**
 * Cisco HDLC as tcpdump prints it: nothing of the header without {@code -e} (with it {@code bcast, ethertype
 * Reverse ARP (0x8035), length 24: }), then IPv4, IPv6, MPLS, SLARP or OSI; another protocol prints as
 * {@code unknown CHDLC protocol (0x2000)}. Not thread-safe.
 */
final class ChdlcPrinter implements LayerPrinter {
    private static final int HEADER_LENGTH = 4;
    private static final int IPV4 = 0x0800;
    private static final int IPV6 = 0x86dd;
    private static final int SLARP = 0x8035;
    private static final int MPLS = 0x8847;
    private static final int MPLS_MULTICAST = 0x8848;
    private static final int ISO = 0xfefe;

    /** Reads the header's bytes (address, control, protocol), which decode's layer spans. */
    private final Slarp view = new Slarp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Slarp h = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int length = c.wireLength(layer);
        c.linkHeaderEnd(p.offset(layer) + HEADER_LENGTH);
        if (length < HEADER_LENGTH || !h.has(0, HEADER_LENGTH)) {
            c.truncated("chdlc");
            return;
        }
        int proto = h.shortAt(2);
        if (c.linkHeader()) {
            int cast = h.byteAt(0);
            if (cast == 0x0f) {
                out.ascii("unicast");
            } else if (cast == 0x8f) {
                out.ascii("bcast");
            } else {
                out.ascii("0x").hex2(cast);
            }
            out.ascii(", ethertype ").ascii(Names.etherType(proto)).ascii(" (0x").hex(proto, 4).ascii("), length ")
                    .num(length).ascii(": ");
        }
        boolean known = proto == IPV4 || proto == IPV6 || proto == SLARP || proto == MPLS || proto == MPLS_MULTICAST
                || proto == ISO;
        if (!known) {
            if (!c.linkHeader()) {
                out.ascii("unknown CHDLC protocol (0x").hex(proto, 4).ch(')');
            }
            return;
        }
        if (proto == ISO) {
            // tcpdump looks at the second byte for the protocol id of a PDU after a fudge byte
            if (length - HEADER_LENGTH < 2) {
                c.truncated("chdlc");
                return;
            }
            if (!h.has(HEADER_LENGTH + 1, 1)) {
                c.truncatedRead("chdlc");
                return;
            }
        }
        c.next(layer);
    }
}
