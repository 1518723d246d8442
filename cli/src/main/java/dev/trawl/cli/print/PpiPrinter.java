package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Ppi;
import dev.trawl.pcap.LinkType;

/**
 * The Per-Packet Information header (LINKTYPE_PPI) as tcpdump prints it: nothing of it without {@code -e}, then
 * the frame it describes; with {@code -e}, {@code V.0 DLT IEEE802_11 (105) len 32, length 46: } first ({@code -q}:
 * the link type's name alone). A frame of a link type nothing prints is dumped after the header's line.
 * Not thread-safe.
 */
final class PpiPrinter implements LayerPrinter {
    private final Ppi view = new Ppi();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Ppi h = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        if (!h.has(0, Ppi.HEADER_LENGTH)) {
            c.truncated("ppi");
            return;
        }
        int length = h.headerLength();
        if (length < Ppi.HEADER_LENGTH || length > Ppi.MAX_LENGTH) {
            out.ascii(" [length ").num(length).ascii(" < ").num(Ppi.HEADER_LENGTH).ascii(" or > 65532]");
            out.ascii(" (invalid)");
            return;
        }
        if (!h.has(0, length)) {
            c.truncated("ppi");
            return;
        }
        if (c.linkHeader()) {
            header(c, h, c.wireLength(layer));
        }
        int at = p.offset(layer) + length;
        c.linkHeaderEnd(at);
        int next = c.after(layer);
        if (next >= 0 && p.offset(next) == at && c.printable(next)) {
            c.print(next);
            return;
        }
        if (!c.linkHeader()) {
            header(c, h, c.wireLength(layer));
        }
        c.rawDump(at);
    }

    private static void header(PrintContext c, Ppi h, int length) {
        Out out = c.out();
        String name = LinkType.fromDlt((int) h.dlt()).name();
        if (name.startsWith("LINKTYPE_")) {
            name = "UNKNOWN"; // a link type libpcap has no name for
        }
        if (!c.quiet()) {
            out.ascii("V.").num(h.version()).ascii(" DLT ").ascii(name).ascii(" (").num(h.dlt()).ascii(") len ")
                    .num(h.headerLength());
        } else {
            out.ascii(name);
        }
        out.ascii(", length ").num(length).ascii(": ");
    }
}
