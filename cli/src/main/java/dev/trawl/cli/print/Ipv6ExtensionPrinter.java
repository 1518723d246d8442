package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Ipv6Extension;

/**
 * IPv6 extension headers and the authentication header, each a decode layer, as tcpdump names them before the
 * layer above: {@code HBH }, {@code DSTOPT }, {@code srcrt (len=2, type=0, segleft=1) }, {@code frag
 * (0|1448) }, {@code AH(spi=0x00001000,seq=0x1): }. A later fragment ends the line, as its upper-layer header is
 * in the first one. Not thread-safe.
 */
final class Ipv6ExtensionPrinter implements LayerPrinter {
    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Ipv6Extension h = p.ipv6Extension(layer);
        Out out = c.out();
        int protocol = p.protocol(layer);
        if (!h.has(0, 2)) {
            c.truncated(protocol == Protocols.AH ? "AH" : "ip6");
            return;
        }
        int nh = h.nextHeader();
        int headerLength;
        if (protocol == Protocols.IPV6_HOPOPTS || protocol == Protocols.IPV6_DSTOPTS) {
            out.ascii(protocol == Protocols.IPV6_HOPOPTS ? "HBH " : "DSTOPT ");
            headerLength = h.optionsHeaderLength();
        } else if (protocol == Protocols.IPV6_ROUTING) {
            out.ascii("srcrt (len=").num(h.headerExtensionLength()).ascii(", type=").num(h.routingType())
                    .ascii(", segleft=").num(h.segmentsLeft()).ascii(") ");
            headerLength = h.optionsHeaderLength();
        } else if (protocol == Protocols.IPV6_FRAGHDR) {
            headerLength = 8;
            out.ascii("frag (");
            if (c.verbose() > 0) {
                out.ascii("0x").hex(h.fragmentIdentification(), 8).ch(':');
            }
            out.num(h.fragmentOffset() * 8L).ch('|').num(Math.max(0, remaining(c, layer) - 8)).ch(')');
            if (h.fragmentOffset() != 0) {
                return; // a later fragment: the upper-layer header is in the first one
            }
            out.ch(' ');
        } else {
            headerLength = h.authenticationHeaderLength();
            out.ascii("AH(spi=0x").hex(h.authenticationSpi(), 8).ascii(",seq=0x").hex(h.authenticationSequence())
                    .ascii("): ");
        }
        if (nh == 59) {
            return;
        }
        if (!c.next(layer)) {
            Ipv6Printer.unknown(c, nh, remaining(c, layer) - headerLength);
        }
    }

    /** The bytes from this header to the end of the enclosing IP payload, as the IP header states it. */
    private static int remaining(PrintContext c, int layer) {
        int ip = c.enclosing(layer, Protocols.IPV6);
        int end = ip >= 0 ? Ipv6Printer.payloadEnd(c, ip) : c.packet().offset(layer) + c.wireLength(layer);
        return end - c.packet().offset(layer);
    }
}
