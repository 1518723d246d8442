package dev.trawl.cli.print;

import dev.trawl.decode.Checksums;
import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Icmp;
import dev.trawl.decode.layer.Ipv6;

/**
 * ICMPv6 as tcpdump prints it, with neighbour discovery and multicast listener messages
 * ({@code ICMP6, neighbor solicitation, who has fe80::1, length 32}); with {@code -v} the checksum's check, the
 * router advertisement's fields, the neighbour discovery options one per line and MLDv2's records. Not
 * thread-safe.
 */
final class Icmp6Printer implements LayerPrinter {
    private static final String[] UNREACH = {"unreachable route", " unreachable prohibited", "beyond scope",
        "unreachable address", "unreachable port"};
    private static final String[] PARAMETER_PROBLEM = {", erroneous - octet ", ", next header - octet ",
        ", option - octet ", ", incomplete header chain - octet "};
    private static final String[] ROUTE_PREFERENCE = {"medium", "high", "rsv", "low"};
    private static final String[] MLD2_RECORD_TYPES = {null, "is_in", "is_ex", "to_in", "to_ex", "allow", "block"};

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Icmp icmp = p.icmp(layer);
        Out out = c.out();
        int length = remaining(c, layer);
        if (length == 0) {
            out.ascii("ICMP6, length 0 (invalid)");
            return;
        }
        if (c.verbose() > 0 && !fragment(p, c.network(layer), layer) && icmp.has(0, length)) {
            checksum(c, layer, icmp, length);
        }
        if (!icmp.has(0, 1)) {
            c.truncated("icmp6");
            return;
        }
        int type = icmp.type();
        String name = typeName(type);
        out.ascii("ICMP6, ");
        if (name != null) {
            out.ascii(name);
        } else {
            out.ascii("unknown icmp6 type (").num(type).ch(')');
        }
        boolean v = c.verbose() > 0;
        if (v && (type >= 133 && type <= 137 || type == 145 || type == 147)) {
            out.ascii(", length ").num(length);
        }
        if (!icmp.has(1, 1)) {
            c.truncated("icmp6");
            return;
        }
        int code = icmp.code();
        // the captured bytes tcpdump reads, no further than the IPv6 payload's stated end
        int captured = Math.min(length, icmp.regionLength());
        boolean complete = switch (type) {
            case 1 -> unreachable(c, layer, icmp, code, length);
            case 2 -> need(c, icmp, 8) && text(out.ascii(", mtu ").num(icmp.u32At(4)));
            case 3 -> timeExceeded(c, layer, code);
            case 4 -> parameterProblem(c, layer, icmp, code);
            case 128, 129 -> need(c, icmp, 8) && text(out.ascii(", id ").num(icmp.identifier()).ascii(", seq ")
                    .num(icmp.sequenceNumber()));
            case 130 -> {
                if (length == 24) {
                    yield mld(c, icmp, captured);
                } else if (length >= 28) {
                    out.ascii(" v2");
                    yield mld2Query(c, icmp, length);
                }
                out.ascii(" unknown-version (len ").num(length).ascii(") ");
                yield true;
            }
            case 131, 132 -> mld(c, icmp, captured);
            case 133 -> !v || options(c, icmp, 8, length - 8, captured);
            case 134 -> !v || routerAdvertisement(c, icmp, length, captured);
            case 135 -> {
                out.ascii(", who has ");
                yield address(c, icmp, 8) && (!v || options(c, icmp, 24, length - 24, captured));
            }
            case 136 -> {
                out.ascii(", tgt is ");
                if (!address(c, icmp, 8)) {
                    yield false;
                }
                if (v) {
                    long flags = icmp.u32At(4);
                    out.ascii(", Flags [");
                    String sep = "";
                    String[] names = {"router", "solicited", "override"};
                    for (int i = 0; i < names.length; i++) {
                        if ((flags & (0x80000000L >>> i)) != 0) {
                            out.ascii(sep).ascii(names[i]);
                            sep = ", ";
                        }
                    }
                    out.ascii(sep.isEmpty() ? "none]" : "]");
                    yield options(c, icmp, 24, length - 24, captured);
                }
                yield true;
            }
            case 137 -> {
                out.ascii(", ");
                if (!address(c, icmp, 24)) {
                    yield false;
                }
                out.ascii(" to ");
                yield address(c, icmp, 8) && (!v || options(c, icmp, 40, length - 40, captured));
            }
            case 143 -> mld2Report(c, icmp, length);
            case 144, 146 -> need(c, icmp, 6) && text(out.ascii(", id 0x").hex(icmp.u16At(4), 4));
            case 139, 140 -> NodeInformationText.print(c, icmp, length, captured);
            case 145 -> !v || homeAgentReply(c, icmp, length);
            case 147 -> !v || mobilePrefixAdvertisement(c, icmp, length, captured);
            case 138 -> {
                RouterRenumberingText.print(c, icmp);
                yield true;
            }
            case 141, 142 -> true;
            case 155 -> RplText.print(c, icmp, code, length);
            default -> {
                out.ascii(", length ").num(length);
                if (c.verbose() <= 1) {
                    TlvText.dump(out, icmp::u8At, captured, "\n\t");
                }
                yield false;
            }
        };
        if (complete && !v) {
            out.ascii(", length ").num(length);
        }
    }

    private static String typeName(int type) {
        return switch (type) {
            case 1 -> "destination unreachable";
            case 2 -> "packet too big";
            case 3 -> "time exceeded in-transit";
            case 4 -> "parameter problem";
            case 128 -> "echo request";
            case 129 -> "echo reply";
            case 130 -> "multicast listener query";
            case 131 -> "multicast listener report";
            case 132 -> "multicast listener done";
            case 133 -> "router solicitation";
            case 134 -> "router advertisement";
            case 135 -> "neighbor solicitation";
            case 136 -> "neighbor advertisement";
            case 137 -> "redirect";
            case 138 -> "router renumbering";
            case 139 -> "who-are-you request"; // tcpdump's table names the KAME message first
            case 140 -> "who-are-you reply";
            case 141 -> "inverse neighbor solicitation";
            case 142 -> "inverse neighbor advertisement";
            case 143 -> "multicast listener report v2";
            case 144 -> "ha discovery request";
            case 145 -> "ha discovery reply";
            case 146 -> "mobile router solicitation";
            case 147 -> "mobile router advertisement";
            case 200 -> "mtrace response";
            case 201 -> "mtrace message";
            case 155 -> "RPL";
            default -> null;
        };
    }

    /** A mobile prefix advertisement's {@code -v} text: {@code , id 0x1234 MO} and its options. */
    /** A home agent address discovery reply at {@code -v}: its id, then each address the message's length holds. */
    private static boolean homeAgentReply(PrintContext c, Icmp icmp, int length) {
        if (!need(c, icmp, 6)) {
            return false;
        }
        c.out().ascii(", id 0x").hex(icmp.u16At(4), 4);
        for (int at = 8; at < length; at += 16) {
            c.out().ascii(", ");
            if (!address(c, icmp, at)) {
                return false;
            }
        }
        return true;
    }

    private static boolean mobilePrefixAdvertisement(PrintContext c, Icmp icmp, int length, int captured) {
        Out out = c.out();
        if (!need(c, icmp, 6)) {
            return false;
        }
        out.ascii(", id 0x").hex(icmp.u16At(4), 4);
        if (!need(c, icmp, 8)) {
            return false;
        }
        int flags = icmp.u16At(6);
        if ((flags & 0xc000) != 0) {
            out.ch(' ');
        }
        out.ascii((flags & 0x8000) != 0 ? "M" : "").ascii((flags & 0x4000) != 0 ? "O" : "");
        return options(c, icmp, 8, length - 8, captured);
    }

    /** Lets a value written to the output stand as a condition: always true. */
    private static boolean text(Out ignored) {
        return true;
    }

    /** Whether {@code n} bytes were captured; when not, marks the truncation. */
    private static boolean need(PrintContext c, Icmp icmp, int n) {
        if (icmp.has(0, n)) {
            return true;
        }
        c.truncated("icmp6");
        return false;
    }

    /** @return false when the text ended early (truncation, or tcpdump's dump of an unknown code) */
    private static boolean unreachable(PrintContext c, int layer, Icmp icmp, int code, int length) {
        Out out = c.out();
        DecodedPacket p = c.packet();
        out.ascii(", ");
        if (code < UNREACH.length) {
            out.ascii(UNREACH[code]);
        } else {
            out.ascii("unknown unreach code (").num(code).ch(')');
            if (c.verbose() <= 1) {
                TlvText.dump(out, icmp::u8At, Math.min(length, icmp.regionLength()), "\n\t");
                return false;
            }
            return true;
        }
        int quoted = quotedIpv6(c, layer);
        if (quoted < 0) {
            c.truncated("icmp6");
            return false;
        }
        byte[] a = c.addressScratch();
        if (code == 4) {
            int port = IcmpPrinter.quotedPort(c, quoted);
            if (port < 0) {
                c.truncated("icmp6");
                return false;
            }
            int proto = p.protocol(p.next(quoted)) == Protocols.TCP ? 6 : 17;
            out.ascii(", ");
            p.ipv6(quoted).destination(a);
            c.ipv6(a);
            out.ascii(proto == 6 ? " tcp port " : " udp port ");
            c.port(port, proto == 6);
            return true;
        }
        out.ch(' ');
        p.ipv6(quoted).destination(a);
        c.ipv6(a);
        if (code == 2) {
            out.ascii(", source address ");
            p.ipv6(quoted).source(a);
            c.ipv6(a);
        }
        return true;
    }

    private static boolean timeExceeded(PrintContext c, int layer, int code) {
        Out out = c.out();
        if (code == 0) {
            int quoted = quotedIpv6(c, layer);
            if (quoted < 0) {
                c.truncated("icmp6");
                return false;
            }
            out.ascii(" for ");
            byte[] a = c.addressScratch();
            c.packet().ipv6(quoted).destination(a);
            c.ipv6(a);
        } else if (code == 1) {
            out.ascii(" (reassembly)");
        } else {
            out.ascii(", unknown code (").num(code).ch(')');
        }
        return true;
    }

    private static boolean parameterProblem(PrintContext c, int layer, Icmp icmp, int code) {
        if (!icmp.has(8 + 24, 16)) {
            c.truncated("icmp6");
            return false;
        }
        Out out = c.out();
        if (code < PARAMETER_PROBLEM.length) {
            out.ascii(PARAMETER_PROBLEM[code]).num(icmp.u32At(4));
        } else {
            out.ascii(", code-#").num(code);
        }
        return true;
    }

    /** MLDv1: {@code max resp delay: 0 addr: ff02::1}; nothing when the message was not captured whole. */
    private static boolean mld(PrintContext c, Icmp icmp, int captured) {
        if (captured < 24) {
            return true;
        }
        c.out().ascii("max resp delay: ").num(icmp.u16At(4)).ascii(" addr: ");
        return address(c, icmp, 8);
    }

    private static boolean mld2Query(PrintContext c, Icmp icmp, int length) {
        Out out = c.out();
        if (!icmp.has(0, 28)) {
            c.truncated("icmp6");
            return false;
        }
        boolean v = c.verbose() > 0;
        int mrc = icmp.u16At(4);
        long mrt = mrc < 32768 ? mrc : (long) ((mrc & 0x0fff) | 0x1000) << (((mrc & 0x7000) >> 12) + 3);
        if (v) {
            out.ascii(" [max resp delay=").num(mrt).ch(']');
        }
        out.ascii(" [gaddr ");
        address(c, icmp, 8);
        if (v) {
            int b = icmp.u8At(24);
            if ((b & 0x08) != 0) {
                out.ascii(" sflag");
            }
            if ((b & 0x07) != 0) {
                out.ascii(" robustness=").num(b & 0x07);
            }
            int q = icmp.u8At(25);
            long qqi = q < 128 ? q : (long) ((q & 0x0f) | 0x10) << (((q & 0x70) >> 4) + 3);
            out.ascii(" qqi=").num(qqi);
        }
        int sources = icmp.u16At(26);
        if (sources > 0) {
            if (length < 28 + sources * 16) {
                out.ascii(" [invalid number of sources]");
            } else if (c.verbose() > 1) {
                out.ascii(" {");
                for (int i = 0; i < sources; i++) {
                    out.ch(' ');
                    if (!address(c, icmp, 28 + 16 * i)) {
                        return false;
                    }
                }
                out.ascii(" }");
            } else {
                out.ascii(", ").num(sources).ascii(" source(s)");
            }
        }
        out.ch(']');
        return true;
    }

    private static boolean mld2Report(PrintContext c, Icmp icmp, int length) {
        Out out = c.out();
        if (length < 8) {
            out.ascii(" [invalid len ").num(length).ch(']');
            return true;
        }
        if (!icmp.has(6, 2)) {
            c.truncated("icmp6");
            return false;
        }
        int groups = icmp.u16At(6);
        out.ascii(", ").num(groups).ascii(" group record(s)");
        if (c.verbose() == 0) {
            return true;
        }
        int at = 8;
        for (int i = 0; i < groups; i++) {
            if (length < at + 20) {
                out.ascii(" [invalid number of groups]");
                return true;
            }
            out.ascii(" [gaddr ");
            if (!address(c, icmp, at + 4)) {
                return false;
            }
            int recordType = icmp.u8At(at);
            String name = recordType < MLD2_RECORD_TYPES.length ? MLD2_RECORD_TYPES[recordType] : null;
            out.ch(' ');
            if (name != null) {
                out.ascii(name);
            } else {
                out.ascii(" [v2-report-#").num(recordType).ch(']');
            }
            int sources = icmp.u16At(at + 2);
            if (length < at + 20 + sources * 16) {
                out.ascii(" [invalid number of sources ").num(sources).ch(']');
                return true;
            }
            if (c.verbose() == 1) {
                out.ascii(", ").num(sources).ascii(" source(s)");
            } else {
                out.ascii(" {");
                for (int j = 0; j < sources; j++) {
                    out.ch(' ');
                    if (!address(c, icmp, at + 20 + 16 * j)) {
                        return false;
                    }
                }
                out.ascii(" }");
            }
            at += 20 + sources * 16;
            out.ch(']');
        }
        return true;
    }

    private static boolean routerAdvertisement(PrintContext c, Icmp icmp, int length, int captured) {
        Out out = c.out();
        if (!need(c, icmp, 16)) {
            return false;
        }
        int flags = icmp.u8At(5);
        out.ascii("\n\thop limit ").num(icmp.u8At(4)).ascii(", Flags [");
        String sep = "";
        int[] bits = {0x80, 0x40, 0x20, 0x02};
        String[] names = {"managed", "other stateful", "home agent", "ipv6 only"};
        for (int i = 0; i < bits.length; i++) {
            if ((flags & bits[i]) != 0) {
                out.ascii(sep).ascii(names[i]);
                sep = ", ";
            }
        }
        out.ascii(sep.isEmpty() ? "none" : "").ascii("], pref ").ascii(ROUTE_PREFERENCE[(flags & 0x18) >> 3])
                .ascii(", router lifetime ").num(icmp.u16At(6)).ascii("s, reachable time ").num(icmp.u32At(8))
                .ascii("ms, retrans timer ").num(icmp.u32At(12)).ascii("ms");
        return options(c, icmp, 16, length - 16, captured);
    }

    /**
     * The neighbour discovery options from {@code from} ({@code resid} bytes by the message's length), one line
     * each; false, having marked truncation, when an option runs past the captured bytes or has length 0.
     */
    private static boolean options(PrintContext c, Icmp icmp, int from, int resid, int captured) {
        Out out = c.out();
        int at = from;
        int left = resid;
        while (at < captured) {
            if (!icmp.has(at + 1, 1) || at + 1 >= captured) {
                c.truncated("icmp6");
                return false;
            }
            if (left <= 0) {
                return true;
            }
            int type = icmp.u8At(at);
            int units = icmp.u8At(at + 1);
            int bytes = units << 3;
            if (units == 0 || at + bytes > captured) {
                c.truncated("icmp6");
                return false;
            }
            out.ascii("\n\t  ").ascii(optionName(type)).ascii(" option (").num(type).ascii("), length ").num(bytes)
                    .ascii(" (").num(units).ascii("): ");
            switch (type) {
                case 1, 2 -> {
                    for (int i = 2; i < bytes; i++) {
                        if (i > 2) {
                            out.ch(':');
                        }
                        out.hex2(icmp.u8At(at + i));
                    }
                }
                case 3 -> {
                    if (!icmp.has(at + 16, 16)) {
                        c.truncated("icmp6");
                        return false;
                    }
                    address(c, icmp, at + 16);
                    out.ch('/').num(icmp.u8At(at + 2)).ascii(units != 4 ? "badlen" : "").ascii(", Flags [");
                    int flags = icmp.u8At(at + 3);
                    String sep = "";
                    String[] names = {"onlink", "auto", "router"};
                    for (int i = 0; i < names.length; i++) {
                        if ((flags & (0x80 >> i)) != 0) {
                            out.ascii(sep).ascii(names[i]);
                            sep = ", ";
                        }
                    }
                    out.ascii(sep.isEmpty() ? "none" : "").ascii("], valid time ");
                    lifetime(out, icmp.u32At(at + 4));
                    out.ascii(", pref. time ");
                    lifetime(out, icmp.u32At(at + 8));
                }
                case 4 -> TlvText.dump(out, i -> icmp.u8At(from + i), Math.min(bytes, captured - from), "\n\t    ");
                case 5 -> out.ch(' ').num(icmp.u32At(at + 4)).ascii(units != 1 ? "bad option length" : "");
                case 25 -> {
                    out.ascii(" lifetime ").num(icmp.u32At(at + 4)).ascii("s,");
                    for (int i = 0; i < (units - 1) / 2; i++) {
                        out.ascii(" addr: ");
                        address(c, icmp, at + 8 + 16 * i);
                    }
                }
                case 31 -> {
                    out.ascii(" lifetime ").num(icmp.u32At(at + 4)).ascii("s, domain(s):");
                    if (!domains(c, icmp, at + 8, at + bytes)) {
                        return false;
                    }
                }
                case 7 -> out.ch(' ').num(icmp.u32At(at + 4)).ascii("ms");
                case 8 -> out.ascii(" preference ").num(icmp.u16At(at + 4)).ascii(", lifetime ")
                        .num(icmp.u16At(at + 6));
                case 24 -> {
                    if (units > 3) {
                        c.truncated("icmp6");
                        return false;
                    }
                    byte[] a = c.addressScratch();
                    java.util.Arrays.fill(a, (byte) 0);
                    for (int i = 0; i < (units - 1) * 8; i++) {
                        a[i] = (byte) icmp.u8At(at + 8 + i);
                    }
                    out.ch(' ');
                    c.ipv6(a);
                    out.ch('/').num(icmp.u8At(at + 2)).ascii(", pref=")
                            .ascii(ROUTE_PREFERENCE[(icmp.u8At(at + 3) & 0x18) >> 3]).ascii(", lifetime=");
                    lifetime(out, icmp.u32At(at + 4));
                }
                default -> {
                    if (c.verbose() <= 1) {
                        int base = at + 2;
                        TlvText.dump(out, i -> icmp.u8At(base + i), bytes - 2, "\n\t  ");
                        return true;
                    }
                }
            }
            if (c.verbose() > 1) {
                int base = at + 2;
                TlvText.dump(out, i -> icmp.u8At(base + i), bytes - 2, "\n\t    ");
            }
            at += bytes;
            left -= bytes;
        }
        return true;
    }

    private static String optionName(int type) {
        return switch (type) {
            case 1 -> "source link-address";
            case 2 -> "destination link-address";
            case 3 -> "prefix info";
            case 4 -> "redirected header";
            case 5 -> "mtu";
            case 25 -> "rdnss";
            case 31 -> "dnssl";
            case 7 -> "advertisement interval";
            case 8 -> "homeagent information";
            case 24 -> "route info";
            default -> "unknown";
        };
    }

    private static void lifetime(Out out, long v) {
        if (v == 0xffffffffL) {
            out.ascii("infinity");
        } else {
            out.num(v).ch('s');
        }
    }

    /** The DNS search list's names, each after a space, until the option's end or a zero byte. */
    private static boolean domains(PrintContext c, Icmp icmp, int from, int end) {
        Out out = c.out();
        int at = from;
        while (at < end && icmp.u8At(at) != 0) {
            out.ch(' ');
            while (true) {
                if (!icmp.has(at, 1)) {
                    c.truncated("icmp6");
                    return false;
                }
                int len = icmp.u8At(at++);
                if (len == 0) {
                    break;
                }
                if (!icmp.has(at, len)) {
                    c.truncated("icmp6");
                    return false;
                }
                for (int i = 0; i < len; i++) {
                    VrrpPrinter.printable(out, icmp.u8At(at + i));
                }
                out.ch('.');
                at += len;
            }
        }
        return true;
    }

    /**
     * Whether a fragment header lies between IP layer {@code ip} and ICMPv6 layer {@code layer} (one in a datagram
     * an error message quotes does not make the message a fragment).
     */
    private static boolean fragment(DecodedPacket p, int ip, int layer) {
        if (ip < 0 || p.protocol(ip) != Protocols.IPV6) {
            return ip >= 0 && p.protocol(ip) == Protocols.IP
                    && (p.ipv4(ip).moreFragments() || p.ipv4(ip).fragmentOffset() != 0);
        }
        for (int i = ip + 1; i < layer; i++) {
            if (p.protocol(i) == Protocols.IPV6_FRAGHDR) {
                return true;
            }
        }
        return false;
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
