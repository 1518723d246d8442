package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Llc;
import dev.trawl.pcap.LinkType;

/**
 * Linux Classical IP over ATM as tcpdump's {@code cip_if_print} prints it: with {@code -e} the frame's length,
 * then the IP packet, which an RFC 1483 LLC/SNAP header may precede. tcpdump reads the eight bytes such a header
 * would take before anything else, so a frame shorter than that ends at once in {@code [|cip]}. Not thread-safe.
 */
final class ClipPrinter implements LayerPrinter {
    private static final int LLC_SNAP_LENGTH = 8;
    private static final int ETHERTYPE_IP = 0x0800;

    private final Llc view = new Llc();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        int at = p.offset(layer);
        Llc h = view.wrap(p.buffer(), at, Math.max(0, p.end() - at));
        if (c.linkHeader()) {
            c.out().num(p.originalLength()).ascii(": ");
        }
        if (!h.has(0, LLC_SNAP_LENGTH)) {
            c.truncatedRead("cip");
            return;
        }
        if (h.dsapField() == Llc.SAP_SNAP && h.ssapField() == Llc.SAP_SNAP && h.control() == Llc.CONTROL_UI
                && h.oui() == 0 && h.protocolId() == ETHERTYPE_IP) {
            // decode, as Wireshark, reads the frame as IP from its first byte; tcpdump steps over the header
            c.linkHeaderEnd(at + LLC_SNAP_LENGTH);
            if (c.linkHeader()) {
                // the one header this takes, so its every field is known
                c.out().ascii("LLC, dsap SNAP (0xaa) Individual, ssap SNAP (0xaa) Command, ctrl 0x03: oui Ethernet")
                        .ascii(" (0x000000), ethertype IPv4 (0x0800), length ")
                        .num(c.wireLength(layer) - LLC_SNAP_LENGTH).ascii(": ");
            }
            if (!c.printFrame(LinkType.IPV4.value(), at + LLC_SNAP_LENGTH, p.end(),
                    c.wireLength(layer) - LLC_SNAP_LENGTH)) {
                c.rawDump(at + LLC_SNAP_LENGTH);
            }
            return;
        }
        if (!c.next(layer)) {
            c.out().ascii("ATM_CLIP, length ").num(p.originalLength());
        }
    }
}
