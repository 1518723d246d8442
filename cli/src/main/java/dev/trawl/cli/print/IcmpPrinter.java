package dev.trawl.cli.print;

import dev.trawl.decode.Checksums;
import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Icmp;

/**
 * ICMP as tcpdump summarises it ({@code ICMP echo request, id 1, seq 2, length 64}); error messages name what
 * they quote from the header decode found inside them ({@code ICMP 10.0.0.1 udp port 53 unreachable}). Not
 * thread-safe.
 */
final class IcmpPrinter implements LayerPrinter {
    private static final String[] UNREACH = {
        "net %s unreachable", "host %s unreachable", null, null, null, "%s unreachable - source route failed",
        "net %s unreachable - unknown", "host %s unreachable - unknown", "%s unreachable - source host isolated",
        "net %s unreachable - admin prohibited", "host %s unreachable - admin prohibited",
        "net %s unreachable - tos prohibited", "host %s unreachable - tos prohibited",
        "host %s unreachable - admin prohibited filter", "host %s unreachable - host precedence violation",
        "host %s unreachable - precedence cutoff"};

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Icmp icmp = p.icmp(layer);
        Out out = c.out();
        int length = c.wireLength(layer);
        int ip = c.enclosing(layer, Protocols.IP);
        if (ip >= 0) {
            length = Math.min(length, Math.max(0, p.ipv4(ip).totalLength() - p.headerLength(ip)));
        }
        out.ascii("ICMP ");
        if (!icmp.has(0, 4)) {
            c.truncated("icmp");
            return;
        }
        int type = icmp.type();
        int code = icmp.code();
        int quoted = quotedIp(c, layer);
        switch (type) {
            case 0, 8 -> {
                if (!icmp.has(0, 8)) {
                    c.truncated("icmp");
                    return;
                }
                out.ascii(type == 0 ? "echo reply" : "echo request").ascii(", id ").num(icmp.identifier())
                        .ascii(", seq ").num(icmp.sequenceNumber());
            }
            case 3 -> {
                if (quoted < 0) {
                    c.truncated("icmp");
                    return;
                }
                unreachable(c, icmp, code, quoted);
            }
            case 11 -> out.ascii(code == 0 ? "time exceeded in-transit" : "ip reassembly time exceeded");
            case 5 -> {
                if (quoted < 0) {
                    c.truncated("icmp");
                    return;
                }
                out.ascii("redirect ");
                c.ipv4(p.ipv4(quoted).destination());
                out.ascii(code == 0 || code == 2 ? " to net " : " to host ");
                c.ipv4((int) icmp.restOfHeader());
            }
            case 9 -> out.ascii("router advertisement");
            case 10 -> out.ascii("router solicitation");
            case 13, 14 -> out.ascii(type == 13 ? "time stamp query id " : "time stamp reply id ")
                    .num(icmp.identifier()).ascii(" seq ").num(icmp.sequenceNumber());
            case 12 -> out.ascii("parameter problem - octet ").num(icmp.u8At(4));
            default -> out.ascii("type-#").num(type);
        }
        out.ascii(", length ").num(length);
        if (c.verbose() > 0 && (p.flags(layer) & LayerFlags.QUOTED) == 0 && ip >= 0 && !UdpPrinter.fragment(c, ip)) {
            int expected = Checksums.icmp(p, layer, length);
            if (expected != Checksums.UNKNOWN && expected != icmp.checksum()) {
                out.ascii(" (wrong icmp cksum ").hex(icmp.checksum()).ascii(" (->").hex(expected).ascii(")!)");
            }
        }
        // with -v tcpdump prints the datagram an error message quotes, on the lines after
        boolean error = type == 3 || type == 4 || type == 5 || type == 11 || type == 12;
        if (c.verbose() > 0 && error && quoted >= 0) {
            out.ascii("\n\t");
            c.print(quoted);
        }
    }

    /** The IPv4 header quoted in the message, as decode found it, or -1. */
    static int quotedIp(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        int n = p.next(layer);
        if (n >= 0 && (p.flags(n) & LayerFlags.QUOTED) != 0 && p.protocol(n) == Protocols.IP
                && p.ipv4(n).has(0, 20)) {
            return n;
        }
        return -1;
    }

    /** The quoted transport port (destination) after quoted IP layer {@code ip}, or -1. */
    static int quotedPort(PrintContext c, int ip) {
        DecodedPacket p = c.packet();
        int n = p.next(ip);
        if (n < 0 || (p.flags(n) & LayerFlags.QUOTED) == 0) {
            return -1;
        }
        if (p.protocol(n) == Protocols.TCP && p.tcp(n).has(0, 4)) {
            return p.tcp(n).destinationPort();
        }
        if (p.protocol(n) == Protocols.UDP && p.udp(n).has(0, 4)) {
            return p.udp(n).destinationPort();
        }
        return -1;
    }

    private static void unreachable(PrintContext c, Icmp icmp, int code, int quoted) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        int destination = p.ipv4(quoted).destination();
        int proto = p.ipv4(quoted).protocol();
        if (code == 3) {
            c.ipv4(destination);
            out.ch(' ').ascii(proto == 6 ? "tcp" : proto == 17 ? "udp" : "proto " + proto).ascii(" port ");
            int port = quotedPort(c, quoted);
            if (port < 0) {
                c.truncated("icmp");
                return;
            }
            c.port(port, proto == 6);
            out.ascii(" unreachable");
        } else if (code == 2) {
            c.ipv4(destination);
            out.ascii(" protocol ").num(proto).ascii(" unreachable");
        } else if (code == 4) {
            c.ipv4(destination);
            out.ascii(" unreachable - need to frag (mtu ").num(icmp.u16At(6)).ch(')');
        } else if (code < UNREACH.length) {
            String format = UNREACH[code];
            int at = format.indexOf("%s");
            out.ascii(format.substring(0, at));
            c.ipv4(destination);
            out.ascii(format.substring(at + 2));
        } else {
            c.ipv4(destination);
            out.ascii(" unreachable - #").num(code);
        }
    }
}
