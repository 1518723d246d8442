package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Ipcomp;

/**
 * IPComp as tcpdump prints it: {@code IPComp(cpi=0x1234)} and nothing of the compressed payload, which it does
 * not decompress. Not thread-safe.
 */
final class IpcompPrinter implements LayerPrinter {
    private final Ipcomp view = new Ipcomp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Ipcomp h = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        if (!h.has(0, Ipcomp.HEADER_LENGTH)) {
            c.truncatedRead("ipcomp");
            return;
        }
        c.out().ascii("IPComp(cpi=0x").hex(h.cpi(), 4).ch(')');
    }
}
