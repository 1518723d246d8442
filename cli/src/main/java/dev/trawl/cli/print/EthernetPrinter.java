package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.ProtocolRegistry;
import dev.trawl.decode.layer.Ethernet;

/**
 * Ethernet II and 802.3 frames. Without {@code -e} the header is printed only when nothing above it has a
 * printer (tcpdump then shows the addresses and the type); with it, as {@code src > dst, ethertype IPv4
 * (0x0800), length 74: }. Not thread-safe.
 */
final class EthernetPrinter implements LayerPrinter {
    private static final int MACSEC = ProtocolRegistry.standard().id("macsec");
    private final MacsecPrinter macsec = new MacsecPrinter();
    private final LegacyEtherTypes legacy = new LegacyEtherTypes();

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
        // tcpdump reads a SecTAG from the bytes even where decode found too few of them for one
        boolean bareMacsec = e.isEthernetII() && type == 0x88e5 && (next < 0 || p.protocol(next) != MACSEC);
        int payload = e.offset() + Ethernet.HEADER_LENGTH;
        boolean undecoded = !printable && !bareMacsec && e.isEthernetII() && legacy.prints(c, type, payload);
        if (c.linkHeader() || !printable && !undecoded && !bareMacsec) {
            c.mac(e.source());
            out.ascii(" > ");
            c.mac(e.destination());
            out.ascii(", ");
            if (!e.isEthernetII()) {
                // tcpdump prints the 802.3 length field, not the (padded) frame's, unless it overstates the frame
                out.ascii("802.3, length ").num(Math.min(type, Math.max(0, length - Ethernet.HEADER_LENGTH)))
                        .ascii(": ");
            } else {
                etherType(out, type, c.quiet());
                out.ascii(", length ").num(length).ascii(": ");
            }
        }
        if (bareMacsec) {
            macsec.printAt(c, layer, payload, -1);
        } else if (printable) {
            c.print(next);
        } else if (undecoded) {
            legacy.print(c, type, payload, length - Ethernet.HEADER_LENGTH, e.source());
        } else if (e.isEthernetII() && !knownToTcpdump(type, true)) {
            c.rawDump(e.offset() + Ethernet.HEADER_LENGTH);
        }
    }

    /**
     * Whether tcpdump decodes this Ethernet type (an Ethernet frame's also its VLAN tags, MACsec and Arista's
     * header); of a type it does not, it dumps the payload's bytes.
     */
    static boolean knownToTcpdump(int type, boolean ethernet) {
        return switch (type) {
            case 0x0800, 0x86dd, 0x0806, 0x8035, 0x6003, 0x809b, 0x80f3, 0x8137, 0xfefe, 0x8863, 0x8864, 0x3c12,
                 0x3c13, 0x888e, 0x8899, 0x880b, 0x8808, 0x8809, 0x8902, 0xabcd, 0x88cc, 0x894f, 0x9000, 0x8847,
                 0x8848, 0x88ca, 0x886f, 0x0707, 0x8947, 0x1111, 0x88a2, 0x88f7, 0x6004, 0x6007, 0x6002, 0x6001,
                 0x893a, 0x8100 -> true;
            case 0x88a8, 0x9100, 0x9200, 0x88e5, 0xd28b -> ethernet;
            default -> false;
        };
    }

    /** Writes {@code ethertype IPv4 (0x0800)}. */
    static void etherType(Out out, int type) {
        etherType(out, type, false);
    }

    /** {@link #etherType(Out, int)}, or with {@code -q} the name alone ({@code Unknown Ethertype (0x3030)}). */
    static void etherType(Out out, int type, boolean quiet) {
        String name = Names.etherType(type);
        if (!quiet) {
            out.ascii("ethertype ").ascii(name).ascii(" (0x").hex(type, 4).ch(')');
        } else if (name.equals("Unknown")) {
            out.ascii("Unknown Ethertype (0x").hex(type, 4).ch(')');
        } else {
            out.ascii(name);
        }
    }
}
