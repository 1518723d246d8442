package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Mpls;

/**
 * An MPLS label stack (one decode layer for the whole stack), printed as
 * {@code MPLS (label 199, tc 0, ttl 64) (label 2000, tc 0, [S], ttl 63) IP ...}. Not thread-safe.
 */
final class MplsPrinter implements LayerPrinter {
    private final Mpls view = new Mpls();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        out.ascii("MPLS");
        int off = p.offset(layer);
        int end = p.layerEnd(layer);
        int stackEnd = off + Math.max(Mpls.HEADER_LENGTH, p.headerLength(layer));
        for (int entry = off; entry < stackEnd; entry += Mpls.HEADER_LENGTH) {
            Mpls m = view.wrap(p.buffer(), entry, end - entry);
            if (!m.has(0, Mpls.HEADER_LENGTH)) {
                c.truncated("mpls");
                return;
            }
            out.ascii(entry > off && c.verbose() > 0 ? "\n\t(label " : " (label ").num(m.label());
            if (c.verbose() > 0 && m.label() < 2) {
                // tcpdump's names for the first two labels (it calls label 0 what RFC 3032 calls label 3)
                out.ascii(m.label() == 0 ? " (implicit NULL)" : " (rsvd)");
            }
            out.ascii(", tc ").num(m.trafficClass());
            if (m.bottomOfStack()) {
                out.ascii(", [S]");
            }
            out.ascii(", ttl ").num(m.ttl()).ch(')');
            if (m.bottomOfStack()) {
                int label = m.label();
                int after = entry + Mpls.HEADER_LENGTH;
                // past a label that names no payload, tcpdump reads the payload's first byte to guess it
                if (label != 0 && label != 2 && label != 3 && c.wireLength(layer) > after - off
                        && after >= p.end()) {
                    c.truncated("mpls");
                    return;
                }
                break;
            }
        }
        int next = c.after(layer);
        if (next >= 0 && c.printable(next)) {
            out.ascii(c.verbose() > 0 ? "\n\t" : " ");
            c.print(next);
        }
    }
}
