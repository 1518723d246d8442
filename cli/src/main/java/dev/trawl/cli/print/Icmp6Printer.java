package dev.trawl.cli.print;

import dev.trawl.decode.Checksums;
import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Icmp;
import dev.trawl.decode.layer.Ipv6;

/**
 * ICMPv6 as tcpdump summarises it, with neighbour discovery and multicast listener messages
 * ({@code ICMP6, neighbor solicitation, who has fe80::1, length 32}). Not thread-safe.
 */
final class Icmp6Printer implements LayerPrinter {
    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Icmp icmp = p.icmp(layer);
        Out out = c.out();
        int length = remaining(c, layer);
        if (c.verbose() > 0 && !UdpPrinter.fragment(c, c.network(layer))) {
            checksum(c, layer, icmp, length);
        }
        out.ascii("ICMP6, ");
        if (!icmp.has(0, 4)) {
            c.truncated("icmp6");
            return;
        }
        int type = icmp.type();
        int code = icmp.code();
        byte[] a = c.addressScratch();
        switch (type) {
            case 1 -> {
                out.ascii("destination unreachable, ");
                int quoted = quotedIpv6(c, layer);
                String what = switch (code) {
                    case 0 -> "unreachable route ";
                    case 1 -> "unreachable prohibited ";
                    case 2 -> "beyond scope ";
                    case 3 -> "unreachable address ";
                    case 4 -> "unreachable port, ";
                    default -> null;
                };
                if (what == null) {
                    out.ascii("unknown unreach code (").num(code).ch(')');
                    break;
                }
                out.ascii(what);
                if (quoted < 0) {
                    c.truncated("icmp6");
                    return;
                }
                p.ipv6(quoted).destination(a);
                c.ipv6(a);
                if (code == 4) {
                    int proto = p.ipv6(quoted).nextHeader();
                    out.ch(' ').ascii(proto == 6 ? "tcp" : proto == 17 ? "udp" : "proto " + proto).ascii(" port ");
                    int port = IcmpPrinter.quotedPort(c, quoted);
                    if (port < 0) {
                        c.truncated("icmp6");
                        return;
                    }
                    c.port(port, proto == 6);
                }
            }
            case 2 -> out.ascii("packet too big, mtu ").num(icmp.restOfHeader());
            case 3 -> {
                out.ascii("time exceeded in-transit");
                if (code == 0) {
                    int quoted = quotedIpv6(c, layer);
                    out.ascii(" for ");
                    if (quoted < 0) {
                        c.truncated("icmp6");
                        return;
                    }
                    p.ipv6(quoted).destination(a);
                    c.ipv6(a);
                } else {
                    out.ascii(" (reassembly)");
                }
            }
            case 4 -> out.ascii("parameter problem");
            case 128, 129 -> out.ascii(type == 128 ? "echo request" : "echo reply").ascii(", id ")
                    .num(icmp.identifier()).ascii(", seq ").num(icmp.sequenceNumber());
            case 130 -> out.ascii("multicast listener query");
            case 131, 132 -> {
                out.ascii(type == 131 ? "multicast listener report" : "multicast listener done")
                        .ascii(" max resp delay: ").num(icmp.identifier()).ascii(" addr: ");
                if (!address(c, icmp, 8)) {
                    return;
                }
            }
            case 133 -> out.ascii("router solicitation");
            case 134 -> out.ascii("router advertisement");
            case 135 -> {
                out.ascii("neighbor solicitation, who has ");
                if (!address(c, icmp, 8)) {
                    return;
                }
            }
            case 136 -> {
                out.ascii("neighbor advertisement, tgt is ");
                if (!address(c, icmp, 8)) {
                    return;
                }
            }
            case 137 -> {
                out.ascii("redirect, ");
                if (!address(c, icmp, 24)) {
                    return;
                }
                out.ascii(" to ");
                address(c, icmp, 8);
            }
            case 143 -> out.ascii("multicast listener report v2, ").num(icmp.sequenceNumber())
                    .ascii(" group record(s)");
            default -> out.ascii("type-#").num(type);
        }
        // with -v tcpdump prints the length only before neighbour discovery options, other details instead of it
        if (c.verbose() == 0 || (type >= 133 && type <= 137)) {
            out.ascii(", length ").num(length);
        }
    }

    /** Writes tcpdump's {@code [icmp6 sum ok] } or {@code [bad icmp6 cksum 0x1234 -> 0x5678!] }. */
    private static void checksum(PrintContext c, int layer, Icmp icmp, int length) {
        int expected = Checksums.transport(c.packet(), layer, 58, length);
        if (expected == Checksums.UNKNOWN) {
            return;
        }
        int stored = icmp.checksum();
        if (expected == stored) {
            c.out().ascii("[icmp6 sum ok] ");
        } else {
            c.out().ascii("[bad icmp6 cksum 0x").hex(stored, 4).ascii(" -> 0x").hex(expected, 4).ascii("!] ");
        }
    }

    /** Writes the IPv6 address at {@code rel} in the message; false, having marked truncation, if cut. */
    private static boolean address(PrintContext c, Icmp icmp, int rel) {
        if (!icmp.has(rel, 16)) {
            c.truncated("icmp6");
            return false;
        }
        byte[] a = c.addressScratch();
        for (int i = 0; i < 16; i++) {
            a[i] = (byte) icmp.u8At(rel + i);
        }
        c.ipv6(a);
        return true;
    }

    private static int quotedIpv6(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        int n = p.next(layer);
        if (n >= 0 && (p.flags(n) & LayerFlags.QUOTED) != 0 && p.protocol(n) == Protocols.IPV6
                && p.ipv6(n).has(0, Ipv6.HEADER_LENGTH)) {
            return n;
        }
        return -1;
    }

    private static int remaining(PrintContext c, int layer) {
        int ip = c.enclosing(layer, Protocols.IPV6);
        int end = ip >= 0 ? Ipv6Printer.payloadEnd(c, ip) : c.packet().offset(layer) + c.wireLength(layer);
        return Math.max(0, end - c.packet().offset(layer));
    }
}
