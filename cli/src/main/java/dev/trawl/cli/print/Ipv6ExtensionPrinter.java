package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Ipv6Extension;

/**
 * IPv6 extension headers and the authentication header, each a decode layer, as tcpdump names them before the
 * layer above: {@code HBH }, {@code DSTOPT }, {@code srcrt (len=2, type=0, segleft=1) }, {@code frag
 * (0|1448) }, {@code AH(spi=0x00001000,seq=0x1,icv=0x5b2c...): }. A later fragment ends the line, as its upper-layer header is
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
            c.truncated(protocol == Protocols.AH ? "ah" : "ip6");
            return;
        }
        int nh = h.nextHeader();
        int headerLength;
        if (protocol == Protocols.IPV6_HOPOPTS || protocol == Protocols.IPV6_DSTOPTS) {
            out.ascii(protocol == Protocols.IPV6_HOPOPTS ? "HBH " : "DSTOPT ");
            headerLength = h.optionsHeaderLength();
            if (c.verbose() > 0 && !options(c, h, headerLength)) {
                return;
            }
        } else if (protocol == Protocols.IPV6_ROUTING) {
            headerLength = h.optionsHeaderLength();
            if (!routing(c, h, headerLength)) {
                return;
            }
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
            if (!authentication(c, h, headerLength)) {
                return;
            }
        }
        if (nh == 59) {
            return;
        }
        if (!c.next(layer)) {
            Ipv6Printer.unknown(c, nh, remaining(c, layer) - headerLength);
        }
    }

    /**
     * Writes an authentication header as tcpdump does, {@code AH(spi=0x00000100,seq=0x13,icv=0x21d3...): }, with
     * {@code -v} its length first; false, having marked it, when the captured bytes end inside it.
     */
    private static boolean authentication(PrintContext c, Ipv6Extension h, int headerLength) {
        Out out = c.out();
        out.ascii("AH(");
        if (c.verbose() > 0) {
            out.ascii("length=").num(h.u8At(1)).ch('(').num(headerLength).ascii("-bytes),");
        }
        if (!h.has(2, 10)) {
            c.truncated("ah");
            return false;
        }
        int reserved = h.u8At(2) << 8 | h.u8At(3);
        if (reserved != 0) {
            out.ascii("reserved=0x").hex(reserved).ascii("[MustBeZero],");
        }
        out.ascii("spi=0x").hex(h.authenticationSpi(), 8).ascii(",seq=0x").hex(h.authenticationSequence())
                .ascii(",icv=0x");
        for (int rel = 12; rel < headerLength; rel++) {
            if (!h.has(rel, 1)) {
                c.truncated("ah");
                return false;
            }
            out.hex2(h.u8At(rel));
        }
        out.ascii("): ");
        return true;
    }

    /** Writes the options of a hop-by-hop or destination options header as {@code (rtalert: 0x0000) (padn) }. */
    private static boolean options(PrintContext c, Ipv6Extension h, int headerLength) {
        Out out = c.out();
        int rel = 2;
        while (rel < headerLength) {
            if (!h.has(rel, 1)) {
                c.truncated("ip6");
                return false;
            }
            int type = h.u8At(rel);
            if (type == 0) {
                out.ascii("(pad1) ");
                rel++;
                continue;
            }
            if (!h.has(rel + 1, 1)) {
                c.truncated("ip6");
                return false;
            }
            int len = h.u8At(rel + 1);
            if (rel + 2 + len > headerLength || !h.has(rel, 2 + len)) {
                out.ascii("(optlen ").num(len).ascii(" exceeds header)");
                c.truncated("ip6");
                return false;
            }
            switch (type) {
                case 1 -> out.ascii("(padn)");
                case 5 -> out.ascii("(rtalert: 0x").hex(h.u16At(rel + 2), 4).ch(')');
                case 0xc2 -> out.ascii("(jumbo: ").num(h.u32At(rel + 2)).ch(')');
                default -> out.ascii("(opt_type 0x").hex2(type).ascii(": len=").num(len).ch(')');
            }
            out.ch(' ');
            rel += 2 + len;
        }
        return true;
    }

    /**
     * Writes a routing header as tcpdump does: {@code RT6 (len=2, type=0 [Deprecated], segleft=1,
     * [0]2200::1) }; false, having marked truncation, when its addresses were cut short.
     */
    private static boolean routing(PrintContext c, Ipv6Extension h, int headerLength) {
        Out out = c.out();
        int len = h.headerExtensionLength();
        int type = h.routingType();
        out.ascii("RT6 (len=").num(len).ascii(", type=").num(type);
        if (type == 0) {
            out.ascii(" [Deprecated]");
        }
        out.ascii(", segleft=").num(h.segmentsLeft());
        int count;
        if (type == 0 || type == 2) {
            if (h.u32At(4) != 0 || c.verbose() > 0) {
                out.ascii(", rsv=0x").hex(h.u32At(4));
            }
            if (len % 2 == 1) {
                out.ascii(" (invalid)");
                return false;
            }
            count = len / 2;
        } else if (type == 4) {
            out.ascii(", last-entry=").num(h.u8At(4));
            if (c.verbose() > 0) {
                out.ascii(", flags=0x").hex(h.u8At(5));
            }
            out.ascii(", tag=").hex(h.u16At(6));
            count = h.u8At(4) + 1;
        } else {
            out.ascii(" (invalid)");
            return false;
        }
        byte[] a = c.addressScratch();
        for (int i = 0; i < count; i++) {
            int rel = 8 + 16 * i;
            if (!h.has(rel, 16)) {
                c.truncated("ip6");
                return false;
            }
            h.address(rel, a);
            out.ascii(", [").num(i).ch(']');
            c.ipv6(a);
        }
        out.ascii(") ");
        return true;
    }

    /** The bytes from this header to the end of the enclosing IP payload, as the IP header states it. */
    private static int remaining(PrintContext c, int layer) {
        int ip = c.enclosing(layer, Protocols.IPV6);
        int end = ip >= 0 ? Ipv6Printer.payloadEnd(c, ip) : c.packet().offset(layer) + c.wireLength(layer);
        return end - c.packet().offset(layer);
    }
}
