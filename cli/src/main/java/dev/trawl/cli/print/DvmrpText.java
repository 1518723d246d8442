package dev.trawl.cli.print;

import dev.trawl.decode.layer.Igmp;

/**
 * DVMRP, carried in IGMP type 0x13, as tcpdump prints it after {@code igmp dvmrp}: the message type and, for
 * neighbor lists, prunes and grafts, their contents ({@code Neighbors2 (v 12.4): [10.0.0.2 -> 10.0.0.1
 * (1/0/querier)]}); probes with {@code -v}, route reports with {@code -vv}. Stateless.
 */
final class DvmrpText {
    private static final String[] TYPES = {null, "Probe", "Report", "Ask-neighbors(old)", "Neighbors(old)",
        "Ask-neighbors2", "Neighbors2", "Prune", "Graft", "Graft-ACK"};
    /** The IGMP header before the DVMRP body. */
    private static final int BODY = 8;

    private DvmrpText() {
    }

    /** Prints the message of {@code len} bytes in {@code g}; false when the captured bytes end too soon. */
    static boolean print(PrintContext c, Igmp g, int len) {
        Out out = c.out();
        if (!g.has(1, 1)) {
            return false;
        }
        int type = g.maxResponseTime();
        out.ch(' ');
        if (type > 0 && type < TYPES.length) {
            out.ascii(TYPES[type]);
        } else {
            out.ascii("[type ").num(type).ch(']');
        }
        int left = len - BODY;
        switch (type) {
            case 1 -> {
                return c.verbose() == 0 || probe(c, g, left);
            }
            case 2 -> {
                return c.verbose() < 2 || report(c, g, left);
            }
            case 4 -> {
                return neighbors(c, g, left, false);
            }
            case 6 -> {
                if (!g.has(6, 2)) {
                    return false;
                }
                out.ascii(" (v ").num(g.u8At(7)).ch('.').num(g.u8At(6)).ascii("):");
                return neighbors(c, g, left, true);
            }
            case 7, 8, 9 -> {
                if (!g.has(BODY, type == 7 ? 12 : 8)) {
                    return false;
                }
                out.ascii(" src ");
                c.ipv4((int) g.u32At(BODY));
                out.ascii(" grp ");
                c.ipv4((int) g.u32At(BODY + 4));
                if (type == 7) {
                    out.ascii(" timer ");
                    HsrpPrinter.duration(out, g.u32At(BODY + 8));
                }
                return true;
            }
            default -> {
                return true;
            }
        }
    }

    private static boolean probe(PrintContext c, Igmp g, int len) {
        Out out = c.out();
        if (len < 4) {
            out.ascii(" [full length ").num(len).ascii(" < 4] (invalid)");
            return true;
        }
        if (!g.has(BODY, 4)) {
            return false;
        }
        out.ascii(c.verbose() > 1 ? "\n\t" : " ").ascii("genid ").num(g.u32At(BODY));
        if (c.verbose() < 2) {
            return true;
        }
        int at = BODY + 4;
        for (len -= 4; len > 0; len -= 4, at += 4) {
            if (len < 4) {
                out.ascii("[remaining length ").num(len).ascii(" < 4] (invalid)");
                return true;
            }
            if (!g.has(at, 4)) {
                return false;
            }
            out.ascii("\n\tneighbor ");
            c.ipv4((int) g.u32At(at));
        }
        return true;
    }

    private static boolean report(PrintContext c, Igmp g, int len) {
        Out out = c.out();
        int at = BODY;
        while (len > 0) {
            if (len < 3) {
                out.ascii(" [length ").num(len).ascii(" < 3] (invalid)");
                return true;
            }
            if (!g.has(at, 3)) {
                return false;
            }
            int a = g.u8At(at);
            int b = g.u8At(at + 1);
            int d = g.u8At(at + 2);
            int width = d != 0 ? 4 : b != 0 ? 3 : a != 0 ? 2 : 1;
            out.ascii("\n\tMask ");
            c.ipv4(0xff << 24 | a << 16 | b << 8 | d);
            at += 3;
            len -= 3;
            boolean done;
            do {
                if (len < width + 1) {
                    out.ascii("\n\t  [Truncated Report] (invalid)");
                    return true;
                }
                if (!g.has(at, width + 1)) {
                    return false;
                }
                int origin = 0;
                for (int i = 0; i < 4; i++) {
                    origin = origin << 8 | (i < width ? g.u8At(at + i) : 0);
                }
                int metric = g.u8At(at + width);
                done = (metric & 0x80) != 0;
                out.ascii("\n\t  ");
                c.ipv4(origin);
                out.ascii(" metric ").num(metric & 0x7f);
                at += width + 1;
                len -= width + 1;
            } while (!done);
        }
        return true;
    }

    private static boolean neighbors(PrintContext c, Igmp g, int len, boolean second) {
        Out out = c.out();
        int header = second ? 8 : 7;
        int at = BODY;
        while (len > 0) {
            if (len < header) {
                out.ascii(" [length ").num(len).ascii(" < ").num(header).ascii("] (invalid)");
                return true;
            }
            if (!g.has(at, header)) {
                return false;
            }
            int local = (int) g.u32At(at);
            int metric = g.u8At(at + 4);
            int threshold = g.u8At(at + 5);
            int flags = second ? g.u8At(at + 6) : 0;
            int count = g.u8At(at + header - 1);
            at += header;
            len -= header;
            while (--count >= 0 && (!second || len > 0)) {
                if (len < 4) {
                    out.ascii(" [length ").num(len).ascii(" < 4] (invalid)");
                    return true;
                }
                if (!g.has(at, 4)) {
                    return false;
                }
                out.ascii(" [");
                c.ipv4(local);
                out.ascii(" -> ");
                c.ipv4((int) g.u32At(at));
                if (second) {
                    out.ascii(" (").num(metric).ch('/').num(threshold);
                    out.ascii((flags & 0x01) != 0 ? "/tunnel" : "").ascii((flags & 0x02) != 0 ? "/srcrt" : "")
                            .ascii((flags & 0x40) != 0 ? "/querier" : "").ascii((flags & 0x20) != 0 ? "/disabled" : "")
                            .ascii((flags & 0x10) != 0 ? "/down" : "").ascii(")]");
                } else {
                    out.ascii(", (").num(metric).ch('/').num(threshold).ascii(")]");
                }
                at += 4;
                len -= 4;
            }
            if (second && count != -1) {
                out.ascii(" [invalid ncount] (invalid)");
                return true;
            }
        }
        return true;
    }
}
