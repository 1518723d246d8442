package dev.trawl.cli.print;

/**
 * IPv4 and IPv6 (with extension headers and fragments), ICMP and ICMPv6, as tcpdump prints them, handing
 * TCP and UDP to their printers. With {@code -v} the IP header's fields are printed too. Not thread-safe.
 */
final class IpPrinter {
    private static final String[] UNREACH = {
        "net %s unreachable", "host %s unreachable", null, null, null, "%s unreachable - source route failed",
        "net %s unreachable - unknown", "host %s unreachable - unknown", "%s unreachable - source host isolated",
        "net %s unreachable - admin prohibited", "host %s unreachable - admin prohibited",
        "net %s unreachable - tos prohibited", "host %s unreachable - tos prohibited",
        "host %s unreachable - admin prohibited filter", "host %s unreachable - host precedence violation",
        "host %s unreachable - precedence cutoff"};

    private final Printers p;
    private final Out out;
    private final Bytes b;

    IpPrinter(Printers printers) {
        this.p = printers;
        this.out = printers.out;
        this.b = printers.b;
    }

    void ipv4(int off, int length) {
        try {
            ipv4Header(off, length);
        } catch (Truncated e) {
            p.truncated("ip");
        }
    }

    private void ipv4Header(int off, int length) {
        b.need(off, 20);
        int vhl = b.u8(off);
        if (vhl >>> 4 != 4) {
            out.ascii("IP").num(vhl >>> 4);
            return;
        }
        int hlen = (vhl & 0xf) * 4;
        if (hlen < 20) {
            out.ascii("bad-hlen ").num(hlen);
            return;
        }
        int total = b.u16(off + 2);
        if (total == 0) {
            total = length; // a TSO send: the kernel left the length to the hardware
        }
        if (length < total) {
            out.ascii("truncated-ip - ").num(total - length).ascii(" bytes missing! ");
            total = length;
        }
        if (total < hlen) {
            out.ascii("bad-len ").num(total);
            return;
        }
        int fragment = b.u16(off + 6);
        int proto = b.u8(off + 9);
        if (p.opt.verbose() > 0) {
            int tos = b.u8(off + 1);
            out.ascii("(tos 0x").hex(tos);
            switch (tos & 3) {
                case 1 -> out.ascii(",ECT(1)");
                case 2 -> out.ascii(",ECT(0)");
                case 3 -> out.ascii(",CE");
                default -> { }
            }
            int ttl = b.u8(off + 8);
            if (ttl >= 1) {
                out.ascii(", ttl ").num(ttl);
            }
            out.ascii(", id ").num(b.u16(off + 4)).ascii(", offset ").num((fragment & 0x1fff) * 8L)
                    .ascii(", flags [");
            if ((fragment & 0xe000) == 0) {
                out.ascii("none");
            } else {
                String sep = "";
                if ((fragment & 0x2000) != 0) {
                    out.ch('+');
                    sep = ", ";
                }
                if ((fragment & 0x4000) != 0) {
                    out.ascii(sep).ascii("DF");
                    sep = ", ";
                }
                if ((fragment & 0x8000) != 0) {
                    out.ascii(sep).ascii("rsvd");
                }
            }
            String name = Names.ipProtocol(proto);
            out.ascii("], proto ").ascii(name != null ? name : "unknown").ascii(" (").num(proto).ascii("), length ")
                    .num(b.u16(off + 2));
            if (hlen > 20) {
                out.ascii(", options (").num(hlen - 20).ascii(" bytes)");
            }
            if (b.has(off, hlen)) {
                int sum = Checksum.of(b, off, hlen, 0);
                if (sum != 0) {
                    int stored = b.u16(off + 10);
                    out.ascii(", bad cksum ").hex(stored).ascii(" (->").hex(Checksum.shouldBe(stored, sum))
                            .ascii(")!");
                }
            }
            out.ascii(")\n    ");
        }
        int payload = off + hlen;
        int payloadLength = total - hlen;
        if ((fragment & 0x1fff) != 0) {
            b.ipv4(out, off + 12);
            out.ascii(" > ");
            b.ipv4(out, off + 16);
            out.ch(':');
            String name = p.opt.numeric() == 0 ? Names.netdbProtocol(proto) : null;
            if (name != null) {
                out.ch(' ').ascii(name);
            } else {
                out.ascii(" ip-proto-").num(proto);
            }
            return;
        }
        upper(proto, off + 12, off + 16, false, payload, payloadLength, true);
    }

    void ipv6(int off, int length) {
        try {
            ipv6Header(off, length);
        } catch (Truncated e) {
            p.truncated("ip6");
        }
    }

    private void ipv6Header(int off, int length) {
        b.need(off, 40);
        long first = b.u32(off);
        if (first >>> 28 != 6) {
            out.ascii("IP6, wrong link-layer encapsulation");
            return;
        }
        int payloadLength = b.u16(off + 4);
        int nh = b.u8(off + 6);
        if (payloadLength == 0) {
            payloadLength = Math.max(0, length - 40); // a jumbogram or a TSO send
        }
        if (payloadLength + 40 > length) {
            out.ascii("truncated-ip6 - ").num(payloadLength + 40 - length).ascii(" bytes missing!");
            payloadLength = Math.max(0, length - 40);
        }
        if (p.opt.verbose() > 0) {
            out.ch('(');
            if ((first & 0x0ff00000L) != 0) {
                out.ascii("class 0x").hex2((int) ((first >>> 20) & 0xff)).ascii(", ");
            }
            if ((first & 0xfffff) != 0) {
                out.ascii("flowlabel 0x").hex(first & 0xfffff, 5).ascii(", ");
            }
            String name = Names.ipProtocol(nh);
            out.ascii("hlim ").num(b.u8(off + 7)).ascii(", next-header ").ascii(name != null ? name : "unknown")
                    .ascii(" (").num(nh).ascii(") payload length: ").num(b.u16(off + 4)).ascii(") ");
        }
        int src = off + 8;
        int dst = off + 24;
        if (nh != Numbers.IP_TCP && nh != Numbers.IP_UDP) {
            addresses(src, dst, true);
        }
        int cur = off + 40;
        int remaining = payloadLength;
        while (true) {
            if (nh == Numbers.IP_HOPOPTS || nh == Numbers.IP_DSTOPTS) {
                out.ascii(nh == Numbers.IP_HOPOPTS ? "HBH " : "DSTOPT ");
                int len = (b.u8(cur + 1) + 1) * 8;
                nh = b.u8(cur);
                cur += len;
                remaining -= len;
            } else if (nh == Numbers.IP_ROUTING) {
                int len = (b.u8(cur + 1) + 1) * 8;
                out.ascii("srcrt (len=").num(b.u8(cur + 1)).ascii(", type=").num(b.u8(cur + 2))
                        .ascii(", segleft=").num(b.u8(cur + 3)).ascii(") ");
                nh = b.u8(cur);
                cur += len;
                remaining -= len;
            } else if (nh == Numbers.IP_FRAGMENT) {
                int offset = b.u16(cur + 2) & 0xfff8;
                out.ascii("frag (");
                if (p.opt.verbose() > 0) {
                    out.ascii("0x").hex(b.u32(cur + 4), 8).ch(':');
                }
                out.num(offset).ch('|').num(Math.max(0, remaining - 8)).ch(')');
                nh = b.u8(cur);
                cur += 8;
                remaining -= 8;
                if (offset != 0) {
                    return; // a later fragment: the upper-layer header is in the first one
                }
                out.ch(' ');
            } else if (nh == Numbers.IP_AH) {
                int len = (b.u8(cur + 1) + 2) * 4;
                out.ascii("AH(spi=0x").hex(b.u32(cur + 4), 8).ascii(",seq=0x").hex(b.u32(cur + 8)).ascii("): ");
                nh = b.u8(cur);
                cur += len;
                remaining -= len;
            } else if (nh == Numbers.IP_NO_NEXT_HEADER) {
                return;
            } else {
                upper(nh, src, dst, true, cur, Math.max(0, remaining), false);
                return;
            }
        }
    }

    private void addresses(int src, int dst, boolean v6) {
        if (v6) {
            b.ipv6(out, src);
            out.ascii(" > ");
            b.ipv6(out, dst);
        } else {
            b.ipv4(out, src);
            out.ascii(" > ");
            b.ipv4(out, dst);
        }
        out.ascii(": ");
    }

    /** The protocol above IP; {@code printAddresses} when the addresses are still to be printed. */
    private void upper(int proto, int src, int dst, boolean v6, int off, int length, boolean printAddresses) {
        if (proto == Numbers.IP_TCP) {
            p.tcp.print(src, dst, v6, off, length);
            return;
        }
        if (proto == Numbers.IP_UDP) {
            p.transport.udp(src, dst, v6, off, length);
            return;
        }
        if (printAddresses) {
            addresses(src, dst, v6);
        }
        if (proto == Numbers.IP_ICMP) {
            icmp(off, length);
        } else if (proto == Numbers.IP_ICMPV6) {
            icmp6(off, length);
        } else if (proto == Numbers.IP_IPV4) {
            out.ascii("IP ");
            ipv4(off, length);
        } else if (proto == Numbers.IP_IPV6) {
            out.ascii("IP6 ");
            ipv6(off, length);
        } else if (proto == Numbers.IP_IGMP) {
            igmp(off, length);
        } else {
            // tcpdump's " %s" after "src > dst: " leaves two spaces here
            String name = p.opt.numeric() == 0 ? Names.netdbProtocol(proto) : null;
            if (name != null) {
                out.ch(' ').ascii(name);
            } else {
                out.ascii(" ip-proto-").num(proto);
            }
            out.ch(' ').num(length);
        }
    }

    private void igmp(int off, int length) {
        try {
            int type = b.u8(off);
            switch (type) {
                case 0x12, 0x16 -> {
                    out.ascii(type == 0x12 ? "igmp v1 report " : "igmp v2 report ");
                    b.ipv4(out, off + 4);
                }
                case 0x17 -> {
                    out.ascii("igmp leave ");
                    b.ipv4(out, off + 4);
                }
                case 0x11 -> out.ascii(length >= 12 ? "igmp query v3" : b.u8(off + 1) != 0 ? "igmp query v2" : "igmp query v1");
                case 0x22 -> out.ascii("igmp v3 report, ").num(b.u16(off + 6)).ascii(" group record(s)");
                default -> out.ascii("igmp-").num(type);
            }
        } catch (Truncated e) {
            p.truncated("igmp");
        }
    }

    private void icmp(int off, int length) {
        try {
            out.ascii("ICMP ");
            int type = b.u8(off);
            int code = b.u8(off + 1);
            switch (type) {
                case 0, 8 -> out.ascii(type == 0 ? "echo reply" : "echo request").ascii(", id ").num(b.u16(off + 4))
                        .ascii(", seq ").num(b.u16(off + 6));
                case 3 -> unreachable(off, code);
                case 11 -> out.ascii(code == 0 ? "time exceeded in-transit" : "ip reassembly time exceeded");
                case 5 -> {
                    out.ascii("redirect ");
                    b.ipv4(out, off + 24);
                    out.ascii(code == 0 || code == 2 ? " to net " : " to host ");
                    b.ipv4(out, off + 4);
                }
                case 9 -> out.ascii("router advertisement");
                case 10 -> out.ascii("router solicitation");
                case 13, 14 -> out.ascii(type == 13 ? "time stamp query id " : "time stamp reply id ")
                        .num(b.u16(off + 4)).ascii(" seq ").num(b.u16(off + 6));
                case 12 -> out.ascii("parameter problem - octet ").num(b.u8(off + 4));
                default -> out.ascii("type-#").num(type);
            }
            out.ascii(", length ").num(length);
        } catch (Truncated e) {
            p.truncated("icmp");
        }
    }

    private void unreachable(int off, int code) {
        int inner = off + 8;
        int innerDst = inner + 16;
        if (code == 3) {
            int ihl = (b.u8(inner) & 0xf) * 4;
            int proto = b.u8(inner + 9);
            b.ipv4(out, innerDst);
            out.ch(' ').ascii(proto == Numbers.IP_TCP ? "tcp" : proto == Numbers.IP_UDP ? "udp" : "proto " + proto)
                    .ascii(" port ");
            int port = b.u16(inner + ihl + 2);
            p.names.port(out, port, proto == Numbers.IP_TCP);
            out.ascii(" unreachable");
        } else if (code == 2) {
            b.ipv4(out, innerDst);
            out.ascii(" protocol ").num(b.u8(inner + 9)).ascii(" unreachable");
        } else if (code == 4) {
            b.ipv4(out, innerDst);
            out.ascii(" unreachable - need to frag (mtu ").num(b.u16(off + 6)).ch(')');
        } else if (code < UNREACH.length) {
            String format = UNREACH[code];
            int at = format.indexOf("%s");
            out.ascii(format.substring(0, at));
            b.ipv4(out, innerDst);
            out.ascii(format.substring(at + 2));
        } else {
            b.ipv4(out, innerDst);
            out.ascii(" unreachable - #").num(code);
        }
    }

    private void icmp6(int off, int length) {
        try {
            out.ascii("ICMP6, ");
            int type = b.u8(off);
            int code = b.u8(off + 1);
            switch (type) {
                case 1 -> {
                    out.ascii("destination unreachable, ");
                    int inner = off + 8;
                    switch (code) {
                        case 0 -> unreachable6("unreachable route ", inner);
                        case 1 -> unreachable6("unreachable prohibited ", inner);
                        case 2 -> unreachable6("beyond scope ", inner);
                        case 3 -> unreachable6("unreachable address ", inner);
                        case 4 -> {
                            out.ascii("unreachable port, ");
                            b.ipv6(out, inner + 24);
                            int proto = b.u8(inner + 6);
                            out.ch(' ').ascii(proto == Numbers.IP_TCP ? "tcp" : proto == Numbers.IP_UDP ? "udp"
                                    : "proto " + proto)
                                    .ascii(" port ");
                            p.names.port(out, b.u16(inner + 42), proto == Numbers.IP_TCP);
                        }
                        default -> out.ascii("unknown unreach code (").num(code).ch(')');
                    }
                }
                case 2 -> out.ascii("packet too big, mtu ").num(b.u32(off + 4));
                case 3 -> {
                    out.ascii("time exceeded in-transit");
                    if (code == 0) {
                        out.ascii(" for ");
                        b.ipv6(out, off + 8 + 24);
                    } else {
                        out.ascii(" (reassembly)");
                    }
                }
                case 4 -> out.ascii("parameter problem");
                case 128, 129 -> out.ascii(type == 128 ? "echo request" : "echo reply").ascii(", id ")
                        .num(b.u16(off + 4)).ascii(", seq ").num(b.u16(off + 6));
                case 130 -> out.ascii("multicast listener query");
                case 131, 132 -> {
                    out.ascii(type == 131 ? "multicast listener report" : "multicast listener done")
                            .ascii(" max resp delay: ").num(b.u16(off + 4)).ascii(" addr: ");
                    b.ipv6(out, off + 8);
                }
                case 133 -> out.ascii("router solicitation");
                case 134 -> out.ascii("router advertisement");
                case 135 -> {
                    out.ascii("neighbor solicitation, who has ");
                    b.ipv6(out, off + 8);
                }
                case 136 -> {
                    out.ascii("neighbor advertisement, tgt is ");
                    b.ipv6(out, off + 8);
                }
                case 137 -> {
                    out.ascii("redirect, ");
                    b.ipv6(out, off + 24);
                    out.ascii(" to ");
                    b.ipv6(out, off + 8);
                }
                case 143 -> out.ascii("multicast listener report v2, ").num(b.u16(off + 6)).ascii(" group record(s)");
                default -> out.ascii("type-#").num(type);
            }
            out.ascii(", length ").num(length);
        } catch (Truncated e) {
            p.truncated("icmp6");
        }
    }

    private void unreachable6(String text, int inner) {
        out.ascii(text);
        b.ipv6(out, inner + 24);
    }
}
