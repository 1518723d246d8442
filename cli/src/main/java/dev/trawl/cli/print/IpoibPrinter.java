package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Ipoib;

/**
 * IP over InfiniBand as tcpdump prints it: the payload by its EtherType, after {@code IPOIB, ethertype IPv4
 * (0x0800), length 128: } with {@code -e} (or before the hex dump of a payload it does not know), and
 * {@code [|ipoib]} for a header cut short. Not thread-safe.
 */
final class IpoibPrinter implements LayerPrinter {
    private final Ipoib view = new Ipoib();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Ipoib h = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        int length = c.wireLength(layer);
        if (!h.has(0, Ipoib.HEADER_LENGTH) || length < Ipoib.HEADER_LENGTH) {
            c.truncated("ipoib");
            return;
        }
        if (c.linkHeader()) {
            header(c, h.etherType(), length);
        }
        c.linkHeaderEnd(h.offset() + Ipoib.HEADER_LENGTH);
        if (!c.next(layer)) {
            if (!c.linkHeader()) {
                header(c, h.etherType(), length);
            }
            c.rawDump(h.offset() + Ipoib.HEADER_LENGTH);
        }
    }

    private static void header(PrintContext c, int type, int length) {
        Out out = c.out();
        out.ascii("IPOIB, ");
        if (c.quiet()) {
            out.ascii("ethertype ").ascii(Names.etherType(type));
        } else {
            EthernetPrinter.etherType(out, type);
        }
        out.ascii(", length ").num(length).ascii(": ");
    }
}
