package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Ethernet;
import dev.trawl.decode.layer.Macsec;
import dev.trawl.pcap.LinkType;

/**
 * IEEE 802.1AE MACsec after an Ethernet header, as tcpdump prints it. With {@code -e} the SecTAG follows the
 * link header ({@code an 0, pn 68, flags I, sci 2eb73f3995c30001, }); encrypted data is introduced, without
 * {@code -e}, by the addresses and {@code 802.1AE MACsec, } and the SecTAG, and dumped in hex; data only
 * integrity-protected is printed by the printer of the EtherType it carries, without the ICV. A SecTAG or ICV
 * cut short prints {@code [|macsec]}, a short length longer than the data too, and a version other than 0
 * {@code (invalid)}. tcpdump decides from the frame's bytes, so this printer is also called for a frame decode
 * found too short to be MACsec ({@link #printAt}). Not thread-safe.
 */
final class MacsecPrinter implements LayerPrinter {
    /** tcpdump's letters for the TCI bits, in its order. */
    private static final int[] FLAG_BITS = {Macsec.TCI_E, Macsec.TCI_C, Macsec.TCI_ES, Macsec.TCI_SCB,
        Macsec.TCI_SC};
    private static final char[] FLAG_LETTERS = {'E', 'C', 'S', 'B', 'I'};

    private final Macsec view = new Macsec();

    @Override
    public void print(PrintContext c, int layer) {
        printAt(c, c.enclosing(layer, Protocols.ETH), c.packet().offset(layer), layer);
    }

    /**
     * Prints the SecTAG at absolute index {@code at}, just after Ethernet layer {@code eth}'s type, and what it
     * protects.
     *
     * @param layer decode's {@code macsec} layer there, or -1 when decode did not find one
     */
    void printAt(PrintContext c, int eth, int at, int layer) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        Macsec m = view.wrap(p.buffer(), at, p.end() - at);
        int caplen = m.regionLength();
        int length = Math.max(0, p.originalLength() - (at - p.start()));
        if (caplen < Macsec.SECTAG_LENGTH || length < Macsec.SECTAG_LENGTH) {
            cut(c, " [|macsec]");
            return;
        }
        int sectag = m.sectagLength();
        if (caplen < sectag || length < sectag) {
            cut(c, " [|macsec]");
            return;
        }
        if ((m.shortLengthByte() & ~0x3f) != 0 || (m.tci() & Macsec.TCI_VERSION) != 0) {
            cut(c, " (invalid)");
            return;
        }
        if (c.linkHeader()) {
            header(c, m);
        }
        caplen -= sectag;
        length -= sectag;
        if (!m.integrityOnly()) {
            if (!c.linkHeader()) {
                if (eth >= 0) {
                    Ethernet e = p.ethernet(eth);
                    c.mac(e.source());
                    out.ascii(" > ");
                    c.mac(e.destination());
                    out.ch(' ');
                }
                out.ascii("802.1AE MACsec, ");
                header(c, m);
            }
            c.linkHeaderEnd(at + sectag);
            c.rawDump(at + sectag);
            return;
        }
        if (length < Macsec.ICV_LENGTH || caplen < Macsec.ICV_LENGTH) {
            cut(c, " [|macsec]");
            return;
        }
        length -= Macsec.ICV_LENGTH;
        caplen -= Macsec.ICV_LENGTH;
        int shortLength = m.shortLength();
        if (shortLength != 0 && (shortLength > length || shortLength > caplen)) {
            cut(c, " [|macsec]");
            return;
        }
        if (layer < 0 || caplen < 2) {
            // decode found no data in clear here; tcpdump's read of the EtherType runs off the captured bytes
            cut(c, " [|ether]");
            return;
        }
        int type = m.u16At(sectag);
        c.linkHeaderEnd(at + sectag + 2);
        if (c.linkHeader()) {
            EthernetPrinter.etherType(c.out(), type, c.quiet());
            out.ascii(", ");
        }
        if (shortLength != 0) {
            length = Math.min(length, shortLength);
            caplen = Math.min(caplen, shortLength);
        }
        int next = c.after(layer);
        int ipLink = type == 0x0800 ? LinkType.IPV4.value() : type == 0x86dd ? LinkType.IPV6.value() : -1;
        int data = at + sectag + 2;
        // decode's IP layer runs on into the ICV; tcpdump's ends before it, which its length checks see
        if (ipLink >= 0 && c.printFrame(ipLink, data, Math.min(p.end(), data + caplen - 2), length - 2)) {
            return;
        }
        if (c.printable(next)) {
            c.print(next);
            return;
        }
        if (!c.linkHeader() && eth >= 0) {
            Ethernet e = p.ethernet(eth);
            c.mac(e.source());
            out.ascii(" > ");
            c.mac(e.destination());
            out.ascii(", ");
            EthernetPrinter.etherType(c.out(), type, c.quiet());
            out.ascii(", length ").num(c.wireLength(eth)).ascii(": ");
        }
        int end = Math.min(p.end(), at + sectag + 2 + Math.max(0, caplen - 2));
        c.rawDump(at + sectag + 2, end);
    }

    /** Ends the text with {@code marker}; tcpdump then counts the whole frame as header, so that -x dumps none. */
    private static void cut(PrintContext c, String marker) {
        c.out().ascii(marker);
        c.linkHeaderEnd(c.packet().end());
    }

    /** Writes the SecTAG as tcpdump's {@code -e} does: {@code an 0, pn 6, flags CI, sl 34, sci ..., }. */
    private static void header(PrintContext c, Macsec m) {
        Out out = c.out();
        out.ascii("an ").num(m.associationNumber()).ascii(", pn ").num(m.packetNumber()).ascii(", flags ");
        int tci = m.tci();
        boolean any = false;
        for (int i = 0; i < FLAG_BITS.length; i++) {
            if ((tci & FLAG_BITS[i]) != 0) {
                out.ch(FLAG_LETTERS[i]);
                any = true;
            }
        }
        if (!any) {
            out.ascii("none");
        }
        if (m.shortLength() != 0) {
            out.ascii(", sl ").num(m.shortLength());
        }
        if (m.hasSci()) {
            out.ascii(", sci ").hex(m.sci(), 16);
        }
        out.ascii(", ");
    }
}
