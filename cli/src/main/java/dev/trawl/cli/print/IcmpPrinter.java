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
        int before = ip >= 0 ? p.offset(layer) - p.offset(ip) : 0; // the IP header and any AH after it
        if (ip >= 0 && p.ipv4(ip).totalLength() >= before) {
            // tcpdump takes the IP header's word for the length, even when the frame is shorter
            length = p.ipv4(ip).totalLength() - before;
        }
        // tcpdump composes the text first: when a field it needs was not captured, only the marker shows
        if (!icmp.has(0, 2) || !captured(icmp)) {
            c.truncatedRead("icmp");
            return;
        }
        int type = icmp.type();
        int code = icmp.code();
        out.ascii("ICMP ");
        switch (type) {
            case 0, 8 -> out.ascii(type == 0 ? "echo reply" : "echo request").ascii(", id ").num(icmp.identifier())
                    .ascii(", seq ").num(icmp.sequenceNumber());
            case 3 -> unreachable(c, icmp, code);
            case 5 -> {
                String[] kinds = {"redirect ", " to net ", "redirect ", " to host ", "redirect-tos ", " to net ",
                    "redirect-tos ", " to host "};
                if (code < 4) {
                    out.ascii(kinds[2 * code]);
                } else {
                    out.ascii("redirect-#").num(code).ch(' ');
                }
                c.ipv4((int) icmp.u32At(24));
                out.ascii(code < 4 ? kinds[2 * code + 1] : " to ");
                c.ipv4((int) icmp.u32At(4));
            }
            case 9 -> routerAdvertisement(c, icmp);
            case 11 -> {
                if (code == 0) {
                    out.ascii("time exceeded in-transit");
                } else if (code == 1) {
                    out.ascii("ip reassembly time exceeded");
                } else {
                    out.ascii("time exceeded-#").num(code);
                }
            }
            case 12 -> {
                if (code != 0) {
                    out.ascii("parameter problem - code ").num(code);
                } else {
                    out.ascii("parameter problem - octet ").num(icmp.u8At(4));
                }
            }
            case 18 -> out.ascii("address mask is 0x").hex(icmp.u32At(8), 8);
            case 13 -> out.ascii("time stamp query id ").num(icmp.identifier()).ascii(" seq ")
                    .num(icmp.sequenceNumber());
            case 14 -> {
                out.ascii("time stamp reply id ").num(icmp.identifier()).ascii(" seq ").num(icmp.sequenceNumber())
                        .ascii(": org ");
                clock(out, icmp.u32At(8));
                out.ascii(", recv ");
                clock(out, icmp.u32At(12));
                out.ascii(", xmit ");
                clock(out, icmp.u32At(16));
            }
            case 4 -> out.ascii("source quench");
            case 10 -> out.ascii("router solicitation");
            case 15 -> out.ascii("information request");
            case 16 -> out.ascii("information reply");
            case 17 -> out.ascii("address mask request");
            default -> out.ascii("type-#").num(type);
        }
        out.ascii(", length ").num(length);
        if (c.verbose() > 0 && (p.flags(layer) & LayerFlags.QUOTED) == 0 && ip >= 0 && !UdpPrinter.fragment(c, ip)
                && icmp.has(0, length)) {
            if (!icmp.has(2, 2)) {
                // tcpdump sums what there is and reads the stored checksum only to report a mismatch
                if (Checksums.over(p, p.offset(layer), length) != 0) {
                    c.truncatedRead("icmp");
                    return;
                }
            }
            int expected = Checksums.icmp(p, layer, length);
            if (expected != Checksums.UNKNOWN && expected != icmp.checksum()) {
                out.ascii(" (wrong icmp cksum ").hex(icmp.checksum()).ascii(" (->").hex(expected).ascii(")!)");
            }
        }
        // with -v tcpdump prints the datagram an error message quotes, on the lines after
        boolean error = type == 3 || type == 4 || type == 5 || type == 11 || type == 12;
        int quoted = quotedIp(c, layer);
        if (c.verbose() > 0 && error) {
            out.ascii("\n\t");
            if (quoted >= 0) {
                c.print(quoted);
            } else {
                c.truncated("icmp");
                return;
            }
        }
        if (c.verbose() > 0 && length > EXTENSION && (type == 3 || type == 11 || type == 12)) {
            extensions(c, layer, icmp, length);
        }
    }

    /** Where RFC 4884's extension structure starts: after the 128 bytes the original datagram fills. */
    private static final int EXTENSION = 136;

    /** The multi-part extension objects of RFC 4884 after a quoted datagram (RFC 4950's MPLS label stack). */
    private static void extensions(PrintContext c, int layer, Icmp icmp, int length) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        if (!icmp.has(0, EXTENSION + 5)) {
            c.truncated("icmp");
            return;
        }
        int start = p.offset(layer) + EXTENSION;
        if (icmp.u8At(5) == 0 && icmp.has(EXTENSION, length - EXTENSION)
                && Checksums.over(p, start, length - EXTENSION) != 0) {
            return; // no length and no valid checksum: no extension there
        }
        int version = icmp.u8At(EXTENSION) >> 4;
        out.ascii("\n\tICMP Multi-Part extension v").num(version);
        if (version != 2) {
            out.ascii(" packet not supported");
            return;
        }
        int left = length - EXTENSION;
        if (icmp.has(EXTENSION, left)) {
            out.ascii(", checksum 0x").hex(icmp.u16At(EXTENSION + 2), 4).ascii(" (")
                    .ascii(Checksums.over(p, start, left) != 0 ? "in" : "").ascii("correct), length ").num(left);
        }
        left -= 4;
        int at = EXTENSION + 4;
        while (left > 4) {
            if (!icmp.has(at, 4)) {
                c.truncated("icmp");
                return;
            }
            int objectLength = icmp.u16At(at);
            int objectClass = icmp.u8At(at + 2);
            int objectType = icmp.u8At(at + 3);
            at += 4;
            String name = objectClass == 1 ? "MPLS Stack Entry" : objectClass == 2 ? "Interface Identification"
                    : "unknown";
            out.ascii("\n\t  ").ascii(name).ascii(" Object (").num(objectClass).ascii("), Class-Type: ")
                    .num(objectType).ascii(", length ").num(objectLength);
            left -= 4;
            if (objectClass == 0 || objectLength < 4) {
                return;
            }
            objectLength -= 4;
            if (objectClass == 1 && objectType == 1) {
                if (!icmp.has(at, 4)) {
                    c.truncated("icmp");
                    return;
                }
                long entry = icmp.u32At(at);
                out.ascii("\n\t    label ").num(entry >>> 12).ascii(", tc ").num((entry >> 9) & 7);
                if ((entry & 0x100) != 0) {
                    out.ascii(", [S]");
                }
                out.ascii(", ttl ").num(entry & 0xff);
            } else {
                int from = at;
                int n = Math.max(0, Math.min(objectLength, icmp.regionLength() - at));
                TlvText.dump(out, i -> icmp.u8At(from + i), n, "\n\t    ");
            }
            if (left < objectLength) {
                return;
            }
            left -= objectLength;
            at += objectLength;
        }
    }

    /** Whether the fields the message's type and code print were captured. */
    private static boolean captured(Icmp icmp) {
        int type = icmp.type();
        int code = icmp.code();
        return switch (type) {
            case 0, 8, 13 -> icmp.has(4, 4);
            case 3 -> switch (code) {
                case 2 -> icmp.has(17, 1) && icmp.has(24, 4);
                case 3 -> icmp.has(17, 1) && icmp.has(8 + 4 * (icmp.u8At(8) & 0xf) + 2, 2) && icmp.has(24, 4);
                case 4 -> icmp.has(6, 2) && icmp.has(24, 4);
                default -> icmp.has(24, 4);
            };
            case 5 -> icmp.has(24, 4) && icmp.has(4, 4);
            case 9 -> {
                if (!icmp.has(4, 4)) {
                    yield false;
                }
                int entries = icmp.u8At(4);
                yield icmp.u8At(5) != 2 || icmp.has(8, 8 * entries);
            }
            case 11 -> icmp.has(24, 4);
            case 12 -> code != 0 || icmp.has(4, 1);
            case 18 -> icmp.has(8, 4);
            case 14 -> icmp.has(4, 16);
            default -> true;
        };
    }

    /** A time in milliseconds since midnight UTC, as {@code 01:02:03.004}. */
    private static void clock(Out out, long ms) {
        long sec = ms / 1000;
        long min = sec / 60;
        long hrs = min / 60;
        out.num(hrs, 2).ch(':').num(min - hrs * 60, 2).ch(':').num(sec - min * 60, 2).ch('.').num(ms % 1000, 3);
    }

    private static void routerAdvertisement(PrintContext c, Icmp icmp) {
        Out out = c.out();
        out.ascii("router advertisement lifetime ");
        int lifetime = icmp.u16At(6);
        if (lifetime < 60) {
            out.num(lifetime);
        } else if (lifetime < 3600) {
            out.num(lifetime / 60).ch(':').num(lifetime % 60, 2);
        } else {
            out.num(lifetime / 3600).ch(':').num(lifetime % 3600 / 60, 2).ch(':').num(lifetime % 60, 2);
        }
        int entries = icmp.u8At(4);
        out.ch(' ').num(entries).ch(':');
        int size = icmp.u8At(5);
        if (size != 2) {
            out.ascii(" [size ").num(size).ch(']');
            return;
        }
        for (int i = 0; i < entries; i++) {
            out.ascii(" {");
            c.ipv4((int) icmp.u32At(8 + 8 * i));
            out.ch(' ').num(icmp.u32At(12 + 8 * i)).ch('}');
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

    private static void unreachable(PrintContext c, Icmp icmp, int code) {
        Out out = c.out();
        int destination = (int) icmp.u32At(24);
        if (code == 3) {
            int proto = icmp.u8At(17);
            int port = icmp.u16At(8 + 4 * (icmp.u8At(8) & 0xf) + 2);
            c.ipv4(destination);
            if (proto == 6 || proto == 17) {
                out.ascii(proto == 6 ? " tcp port " : " udp port ");
                c.port(port, proto == 6);
                out.ascii(" unreachable");
            } else {
                out.ascii(" protocol ").num(proto).ascii(" port ").num(port).ascii(" unreachable");
            }
        } else if (code == 2) {
            c.ipv4(destination);
            out.ascii(" protocol ").num(icmp.u8At(17)).ascii(" unreachable");
        } else if (code == 4) {
            c.ipv4(destination);
            int mtu = icmp.u16At(6);
            out.ascii(" unreachable - need to frag");
            if (mtu != 0) {
                out.ascii(" (mtu ").num(mtu).ch(')');
            }
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
