package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Ethernet;

/**
 * Ethernet II and 802.3 frames. Without {@code -e} the header is printed only when nothing above it has a
 * printer (tcpdump then shows the addresses and the type); with it, as {@code src > dst, ethertype IPv4
 * (0x0800), length 74: }. Not thread-safe.
 */
final class EthernetPrinter implements LayerPrinter {
    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Ethernet e = p.ethernet(layer);
        Out out = c.out();
        int length = c.wireLength(layer);
        if (!e.has(0, Ethernet.HEADER_LENGTH)) {
            c.truncated("ether");
            return;
        }
        int type = e.typeOrLength();
        int next = c.after(layer);
        if (layer == 0) {
            c.linkHeaderEnd(e.offset() + Ethernet.HEADER_LENGTH);
        }
        boolean printable = c.printable(next);
        if (c.linkHeader() || !printable) {
            c.mac(e.source());
            out.ascii(" > ");
            c.mac(e.destination());
            out.ascii(", ");
            if (!e.isEthernetII()) {
                // tcpdump prints the 802.3 length field, not the (padded) frame's
                out.ascii("802.3, length ").num(type).ascii(": ");
            } else {
                etherType(out, type);
                out.ascii(", length ").num(length).ascii(": ");
            }
        }
        if (printable) {
            c.print(next);
        }
    }

    /** Writes {@code ethertype IPv4 (0x0800)}. */
    static void etherType(Out out, int type) {
        out.ascii("ethertype ").ascii(Names.etherType(type)).ascii(" (0x").hex(type, 4).ch(')');
    }
}
