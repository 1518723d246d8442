package dev.trawl.cli.print;

import dev.trawl.decode.layer.Vlan;

/**
 * 802.1Q and 802.1ad tags. With {@code -e} each tag prints as {@code vlan 200, p 0, ethertype ARP (0x0806), };
 * without it tcpdump prints nothing of the tag. Not thread-safe.
 */
final class VlanPrinter implements LayerPrinter {
    private static final int MAX_LENGTH_VALUE = 1500;

    @Override
    public void print(PrintContext c, int layer) {
        Vlan v = c.packet().vlan(layer);
        if (!v.has(0, Vlan.HEADER_LENGTH)) {
            c.truncated("vlan");
            return;
        }
        // tcpdump's -x counts tags as link header
        if (c.linkHeaderEnd() == v.offset()) {
            c.linkHeaderEnd(v.offset() + Vlan.HEADER_LENGTH);
        }
        Out out = c.out();
        if (c.linkHeader()) {
            tag(out, v);
            if (v.etherType() <= MAX_LENGTH_VALUE) {
                // a length after the tag: tcpdump names the frame 802.3 and runs the LLC text on without a comma
                out.ascii("802.3");
            } else {
                EthernetPrinter.etherType(out, v.etherType(), c.quiet());
                out.ascii(", ");
            }
        }
        if (!c.next(layer) && !c.linkHeader()) {
            EthernetPrinter.etherType(out, v.etherType(), c.quiet());
            out.ascii(", length ").num(c.wireLength(layer) - Vlan.HEADER_LENGTH);
        }
    }

    /** Writes {@code vlan 200, p 0, } (and {@code DEI, } when set). */
    static void tag(Out out, Vlan v) {
        out.ascii("vlan ").num(v.id()).ascii(", p ").num(v.priority());
        if (v.dei() != 0) {
            out.ascii(", DEI");
        }
        out.ascii(", ");
    }
}
