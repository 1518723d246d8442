package dev.trawl.cli.print;

import dev.trawl.decode.Checksums;
import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.layer.Ipv4;

/**
 * IPv4 as tcpdump prints it: {@code IP src > dst: } and the layer above, with {@code -v} the header's fields
 * on the line before ({@code (tos 0x0, ttl 64, id 1, offset 0, flags [DF], proto TCP (6), length 60)}), and
 * tcpdump's notes on bad lengths and non-first fragments. TCP and UDP print the addresses with their ports.
 * Not thread-safe.
 */
final class Ipv4Printer implements LayerPrinter {
    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Ipv4 ip = p.ipv4(layer);
        Out out = c.out();
        int length = c.wireLength(layer);
        if (ip.version() != 4 && ip.has(0, 1)) {
            if (ip.version() == 6) {
                out.ascii("IP6, wrong link-layer encapsulation");
            } else {
                out.ascii("IP").num(ip.version());
            }
            out.ascii(" (invalid)");
            return;
        }
        if (!c.linkHeader()) {
            out.ascii("IP ");
        }
        if (!ip.has(0, Ipv4.MIN_HEADER_LENGTH)) {
            c.truncated("ip");
            return;
        }
        int hlen = ip.headerLength();
        if (hlen < Ipv4.MIN_HEADER_LENGTH) {
            out.ascii("bad-hlen ").num(hlen);
            return;
        }
        int total = ip.totalLength();
        if ((p.flags(layer) & LayerFlags.QUOTED) != 0) {
            length = total; // a header quoted in an ICMP error: tcpdump takes its stated length as the length
        }
        if (length < total) {
            out.ascii("truncated-ip - ").num(total - length).ascii(" bytes missing! ");
            total = length;
        }
        if (total < hlen) {
            out.ascii("bad-len ").num(total);
            return;
        }
        int proto = ip.protocol();
        if (c.verbose() > 0) {
            verbose(c, layer, ip, hlen, proto);
        }
        if (ip.fragmentOffset() != 0) {
            c.ipv4(ip.source());
            out.ascii(" > ");
            c.ipv4(ip.destination());
            out.ch(':');
            protocolName(c, proto);
            return;
        }
        int next = c.after(layer);
        boolean transport = c.printsAddresses(next) && c.printable(next);
        if (!transport) {
            c.ipv4(ip.source());
            out.ascii(" > ");
            c.ipv4(ip.destination());
            out.ascii(": ");
        }
        if (next < 0 || !c.print(next)) {
            // tcpdump's " %s" after "src > dst: " leaves two spaces here
            protocolName(c, proto);
            out.ch(' ').num(total - hlen);
        }
    }

    private static void protocolName(PrintContext c, int proto) {
        String name = c.options().numeric() == 0 ? Names.netdbProtocol(proto) : null;
        if (name != null) {
            c.out().ch(' ').ascii(name);
        } else {
            c.out().ascii(" ip-proto-").num(proto);
        }
    }

    private static void verbose(PrintContext c, int layer, Ipv4 ip, int hlen, int proto) {
        Out out = c.out();
        int tos = ip.typeOfService();
        out.ascii("(tos 0x").hex(tos);
        switch (tos & 3) {
            case 1 -> out.ascii(",ECT(1)");
            case 2 -> out.ascii(",ECT(0)");
            case 3 -> out.ascii(",CE");
            default -> { }
        }
        int ttl = ip.timeToLive();
        if (ttl >= 1) {
            out.ascii(", ttl ").num(ttl);
        }
        out.ascii(", id ").num(ip.identification()).ascii(", offset ").num(ip.fragmentOffset() * 8L)
                .ascii(", flags [");
        if (!ip.moreFragments() && !ip.dontFragment() && !ip.reservedFlag()) {
            out.ascii("none");
        } else {
            String sep = "";
            if (ip.moreFragments()) {
                out.ch('+');
                sep = ", ";
            }
            if (ip.dontFragment()) {
                out.ascii(sep).ascii("DF");
                sep = ", ";
            }
            if (ip.reservedFlag()) {
                out.ascii(sep).ascii("rsvd");
            }
        }
        String name = Names.ipProtocol(proto);
        out.ascii("], proto ").ascii(name != null ? name : "unknown").ascii(" (").num(proto).ascii("), length ")
                .num(ip.totalLength());
        if (hlen > Ipv4.MIN_HEADER_LENGTH) {
            out.ascii(", options (").num(hlen - Ipv4.MIN_HEADER_LENGTH).ascii(" bytes)");
        }
        int expected = Checksums.ipv4Header(c.packet(), layer);
        int stored = ip.headerChecksum();
        if (expected != Checksums.UNKNOWN && expected != stored) {
            out.ascii(", bad cksum ").hex(stored).ascii(" (->").hex(expected).ascii(")!");
        }
        out.ascii(")\n    ");
    }
}
