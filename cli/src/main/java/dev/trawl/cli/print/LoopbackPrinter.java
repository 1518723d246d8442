package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Loopback;

/** BSD and OpenBSD loopback headers: {@code AF IPv4 (2), length 88: } with {@code -e}. Not thread-safe. */
final class LoopbackPrinter implements LayerPrinter {
    private final Loopback view = new Loopback();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Loopback h = view.wrap(p.buffer(), p.offset(layer), p.layerLength(layer));
        if (!h.has(0, Loopback.HEADER_LENGTH)) {
            c.truncated("null");
            return;
        }
        c.linkHeaderEnd(h.offset() + Loopback.HEADER_LENGTH);
        long family = h.family();
        boolean v6 = family == 24 || family == 28 || family == 30 || family == 10;
        Out out = c.out();
        if (c.linkHeader()) {
            out.ascii("AF ").ascii(family == 2 ? "IPv4" : v6 ? "IPv6" : "Unknown").ascii(" (").num(family)
                    .ascii("), length ").num(c.wireLength(layer)).ascii(": ");
        }
        if (family == 2 || v6) {
            c.next(layer);
        }
    }
}
