package dev.trawl.cli.print;

import dev.trawl.decode.Checksums;
import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Igmp;

/**
 * IGMP as tcpdump prints it: {@code igmp query v2}, {@code igmp v2 report 239.255.255.250},
 * {@code igmp query v3 [max resp time 1.0s] [gaddr 239.1.1.1, 2 source(s)]}, {@code igmp v3 report, 1 group
 * record(s) [gaddr 239.1.1.1 is_ex, 0 source(s)]}, {@code mtrace 7: 172.16.40.1 to 172.16.20.1 reply-to
 * 172.16.40.1}, PIM version 1 ({@link PimPrinter#v1}), and with {@code -v} a bad checksum. Not thread-safe.
 */
final class IgmpPrinter implements LayerPrinter {
    /** The end of a traceroute query: the IGMP header, three addresses, the response TTL and the query id. */
    private static final int MTRACE_QUERY_END = 24;

    private final Igmp view = new Igmp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Igmp g = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        if (c.quiet()) {
            out.ascii("igmp");
            return;
        }
        int len = c.wireLength(layer);
        int ip = c.network(layer);
        if (ip >= 0 && p.protocol(ip) == Protocols.IP) {
            len = Math.min(len, Math.max(0, p.ipv4(ip).totalLength() - p.headerLength(ip)));
        }
        if (!g.has(0, 1)) {
            c.truncated("igmp");
            return;
        }
        if (!body(c, g, len)) {
            c.truncated("igmp");
            return;
        }
        if (c.verbose() > 0 && len >= 4 && g.has(0, len)) {
            int expected = Checksums.icmp(p, layer, len);
            int stored = g.checksum();
            if (expected != Checksums.UNKNOWN && expected != stored && !(expected == 0 && stored == 0xffff)) {
                out.ascii(" bad igmp cksum ").hex(stored).ch('!');
            }
        }
    }

    /** Prints the message; false when the captured bytes end inside what it needs. */
    private static boolean body(PrintContext c, Igmp g, int len) {
        Out out = c.out();
        int type = g.type();
        switch (type) {
            case 0x11 -> {
                out.ascii("igmp query");
                if (len >= 12) {
                    return queryV3(c, g, len);
                }
                if (!g.has(1, 1)) {
                    return false;
                }
                int mrt = g.maxResponseTime();
                if (mrt != 0) {
                    out.ascii(" v2");
                    if (mrt != 100) {
                        out.ascii(" [max resp time ").num(mrt).ch(']');
                    }
                } else {
                    out.ascii(" v1");
                }
                if (!g.has(4, 4)) {
                    return false;
                }
                if (g.groupAddress() != 0) {
                    out.ascii(" [gaddr ");
                    c.ipv4(g.groupAddress());
                    out.ch(']');
                }
                if (len != 8) {
                    out.ascii(" [len ").num(len).ch(']');
                }
            }
            case 0x12, 0x16, 0x17 -> {
                if (!g.has(4, 4)) {
                    return false;
                }
                out.ascii(type == 0x12 ? "igmp v1 report " : type == 0x16 ? "igmp v2 report " : "igmp leave ");
                c.ipv4(g.groupAddress());
                if (type == 0x12 && len != 8) {
                    out.ascii(" [len ").num(len).ch(']');
                }
            }
            case 0x22 -> {
                out.ascii("igmp v3 report");
                return reportV3(c, g, len);
            }
            case 0x13 -> {
                out.ascii("igmp dvmrp");
                if (len < 8) {
                    out.ascii(" [len ").num(len).ch(']');
                } else {
                    return DvmrpText.print(c, g, len);
                }
            }
            case 0x14 -> {
                out.ascii("igmp pimv1");
                PimPrinter.v1(c, g, len);
            }
            case 0x1e, 0x1f -> {
                return mtrace(c, g, len, type == 0x1e ? "mresp" : "mtrace");
            }
            default -> out.ascii("igmp-").num(type);
        }
        return true;
    }

    /**
     * A multicast traceroute query or response (draft-ietf-idmr-traceroute-ipm): its query id, source,
     * destination and where the response goes, with the response's TTL when that is a group.
     */
    private static boolean mtrace(PrintContext c, Igmp g, int len, String name) {
        Out out = c.out();
        if (len < MTRACE_QUERY_END) {
            out.ascii(" [invalid len ").num(len).ch(']');
            return true;
        }
        if (!g.has(8, 16)) {
            return false;
        }
        out.ascii(name).ch(' ').num(g.u24At(21)).ascii(": ");
        c.ipv4((int) g.u32At(8));
        out.ascii(" to ");
        c.ipv4((int) g.u32At(12));
        out.ascii(" reply-to ");
        int response = (int) g.u32At(16);
        c.ipv4(response);
        if ((response & 0xF000_0000) == 0xE000_0000) {
            out.ascii(" with-ttl ").num(g.u8At(20));
        }
        return true;
    }

    private static boolean queryV3(PrintContext c, Igmp g, int len) {
        Out out = c.out();
        out.ascii(" v3");
        if (len < 12 || (len & 3) != 0) {
            out.ascii(" [invalid len ").num(len).ch(']');
            return true;
        }
        if (!g.has(1, 1)) {
            return false;
        }
        int mrc = g.maxResponseTime();
        int mrt = mrc < 128 ? mrc : ((mrc & 0x0f) | 0x10) << (((mrc & 0x70) >> 4) + 3);
        if (mrc != 100) {
            out.ascii(" [max resp time ");
            if (mrt < 600) {
                out.num(mrt / 10).ch('.').num(mrt % 10).ch('s');
            } else {
                HsrpPrinter.duration(out, mrt / 10);
            }
            out.ch(']');
        }
        if (!g.has(4, 4)) {
            return false;
        }
        if (g.groupAddress() == 0) {
            return true;
        }
        out.ascii(" [gaddr ");
        c.ipv4(g.groupAddress());
        if (!g.has(10, 2)) {
            return false;
        }
        int sources = g.u16At(10);
        if (sources > 0) {
            if (len < 12 + (sources << 2)) {
                out.ascii(" [invalid number of sources]");
            } else if (c.verbose() > 1) {
                out.ascii(" {");
                for (int i = 0; i < sources; i++) {
                    if (!g.has(12 + 4 * i, 4)) {
                        return false;
                    }
                    out.ch(' ');
                    c.ipv4((int) g.u32At(12 + 4 * i));
                }
                out.ascii(" }");
            } else {
                out.ascii(", ").num(sources).ascii(" source(s)");
            }
        }
        out.ch(']');
        return true;
    }

    private static boolean reportV3(PrintContext c, Igmp g, int len) {
        Out out = c.out();
        if (len < 16 || (len & 3) != 0) {
            out.ascii(" [invalid len ").num(len).ch(']');
            return true;
        }
        if (!g.has(6, 2)) {
            return false;
        }
        int groups = g.recordCount();
        out.ascii(", ").num(groups).ascii(" group record(s)");
        if (c.verbose() == 0) {
            return true;
        }
        int at = 8;
        for (int i = 0; i < groups; i++) {
            if (len < at + 8) {
                out.ascii(" [invalid number of groups]");
                return true;
            }
            if (!g.has(at, 8)) {
                return false;
            }
            out.ascii(" [gaddr ");
            c.ipv4((int) g.u32At(at + 4));
            int kind = g.u8At(at);
            String name = switch (kind) {
                case 1 -> "is_in";
                case 2 -> "is_ex";
                case 3 -> "to_in";
                case 4 -> "to_ex";
                case 5 -> "allow";
                case 6 -> "block";
                default -> null;
            };
            out.ch(' ');
            if (name != null) {
                out.ascii(name);
            } else {
                out.ascii(" [v3-report-#").num(kind).ch(']');
            }
            int sources = g.u16At(at + 2);
            if (len < at + 8 + (sources << 2)) {
                out.ascii(" [invalid number of sources ").num(sources).ch(']');
                return true;
            }
            if (c.verbose() == 1) {
                out.ascii(", ").num(sources).ascii(" source(s)");
            } else {
                out.ascii(" {");
                for (int j = 0; j < sources; j++) {
                    if (!g.has(at + 8 + 4 * j, 4)) {
                        return false;
                    }
                    out.ch(' ');
                    c.ipv4((int) g.u32At(at + 8 + 4 * j));
                }
                out.ascii(" }");
            }
            at += 8 + (sources << 2);
            out.ch(']');
        }
        return true;
    }
}
