package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Ipv6;
import dev.trawl.pcap.LinkType;

/**
 * IPv6 as tcpdump prints it: {@code IP6 src > dst: } and the layers above (extension headers print through
 * {@link Ipv6ExtensionPrinter}); with {@code -v} the header's fields first ({@code (flowlabel 0x12345, hlim
 * 64, next-header TCP (6) payload length: 40) }). Not thread-safe.
 */
final class Ipv6Printer implements LayerPrinter {
    private final Ipv6 whole = new Ipv6();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Ipv6 ip = p.ipv6(layer);
        Out out = c.out();
        int length = c.wireLength(layer);
        if (c.below(layer) < 0 && ip.has(0, 1) && ip.version() != 6) {
            // a raw-IP link dispatches on the version nibble, so an IPv4 packet on an IPv6 link prints as IPv4
            if (ip.version() != 4 || !c.printFrame(LinkType.IPV4.value(), p.offset(layer), p.end(), length)) {
                out.ascii("unknown ip ").num(ip.version());
            }
            return;
        }
        if (ip.has(0, 1) && ip.version() != 6) {
            ip = whole.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer)); // decode keeps one byte of it
        }
        if (!ip.has(0, Ipv6.HEADER_LENGTH)) {
            c.truncated("ip6");
            return;
        }
        if (length < Ipv6.HEADER_LENGTH) {
            out.ascii("truncated-ip6 ").num(length);
            return;
        }
        if (!c.linkHeader()) {
            out.ascii("IP6 ");
        }
        if (ip.version() != 6) {
            out.ascii("version error: ").num(ip.version()).ascii(" != 6");
            return;
        }
        int payloadLength = ip.payloadLength();
        if (payloadLength != 0 && payloadLength + Ipv6.HEADER_LENGTH > length) {
            out.ascii("truncated-ip6 - ").num(payloadLength + Ipv6.HEADER_LENGTH - length).ascii(" bytes missing!");
        }
        int nh = ip.nextHeader();
        if (c.verbose() > 0) {
            out.ch('(');
            if (ip.trafficClass() != 0) {
                out.ascii("class 0x").hex2(ip.trafficClass()).ascii(", ");
            }
            if (ip.flowLabel() != 0) {
                out.ascii("flowlabel 0x").hex(ip.flowLabel(), 5).ascii(", ");
            }
            String name = Names.ipProtocol(nh);
            out.ascii("hlim ").num(ip.hopLimit()).ascii(", next-header ").ascii(name != null ? name : "unknown")
                    .ascii(" (").num(nh).ascii(") payload length: ").num(ip.payloadLength()).ascii(") ");
        }
        if (payloadLength == 0 && (nh == 6 || nh == 17)) {
            // no jumbo payload option: tcpdump takes the payload as empty, so the transport header is cut off
            c.source(layer);
            out.ascii(" > ");
            c.destination(layer);
            out.ascii(nh == 6 ? ":" : ": ");
            c.truncated(nh == 6 ? "tcp" : "udp");
            return;
        }
        int next = c.after(layer);
        boolean transport = c.printsAddresses(next) && c.printable(next);
        if (!transport) {
            c.source(layer);
            out.ascii(" > ");
            c.destination(layer);
            out.ascii(": ");
        }
        if (nh == 59) {
            out.ascii("no next header");
            return;
        }
        if (MobilityPrinter.oldNumber(c, nh, next)) {
            return;
        }
        if (next < 0 || !c.print(next)) {
            unknown(c, nh, payloadEnd(c, layer) - p.payloadOffset(layer));
        }
    }

    /** What tcpdump prints for a protocol above IP it has no printer for: {@code  ip-proto-99 12}. */
    static void unknown(PrintContext c, int proto, long length) {
        String name = c.options().numeric() == 0 ? Names.netdbProtocol(proto) : null;
        if (name != null) {
            c.out().ch(' ').ascii(name);
        } else {
            c.out().ascii(" ip-proto-").num(proto);
        }
        c.out().ch(' ').num(Math.max(0, length));
    }

    /**
     * The absolute index where IPv6 layer {@code layer}'s payload ends as its header (or its jumbo payload option)
     * states it, however much was captured.
     */
    static int payloadEnd(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Ipv6 ip = p.ipv6(layer);
        int wireEnd = p.offset(layer) + c.wireLength(layer);
        int payloadLength = ip.payloadLength();
        if (payloadLength == 0) {
            long jumbo = Ipv6ExtensionPrinter.jumboLength(c, layer);
            if (jumbo >= 0) {
                return (int) Math.min(Integer.MAX_VALUE, p.offset(layer) + Ipv6.HEADER_LENGTH + jumbo);
            }
            // tcpdump walks extension headers over what was captured, but gives an upper layer right after the
            // IPv6 header, with no jumbo payload option to state its length, nothing
            return Ipv6ExtensionPrinter.extension(ip.nextHeader()) ? wireEnd : p.offset(layer) + Ipv6.HEADER_LENGTH;
        }
        return Math.min(wireEnd, p.offset(layer) + Ipv6.HEADER_LENGTH + payloadLength);
    }
}
