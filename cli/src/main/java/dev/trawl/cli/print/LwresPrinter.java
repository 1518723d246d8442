package dev.trawl.cli.print;

import dev.trawl.decode.layer.Lwres;

/**
 * BIND 9's lightweight resolver protocol (UDP port 921) as tcpdump prints it: {@code lwres getaddrsbyname? IPv4
 * www.example.com}, the version when not 0 (or with {@code -v}), the header's numbers with {@code -vv}, names,
 * aliases and addresses of requests and responses, then {@code [len: N != M]} when the stated length is not the
 * datagram's and {@code [extra]} when bytes follow what was printed. A read past the capture ends the text with
 * {@code [|lwres]}. Not thread-safe.
 */
final class LwresPrinter {
    private final Lwres view = new Lwres();

    void print(PrintContext c, int from, int captured, int length) {
        Lwres m = view.wrap(c.packet().buffer(), from, captured);
        try {
            body(c, m, Integer.toUnsignedLong(length));
        } catch (Truncated t) {
            c.truncatedRead("lwres");
        }
    }

    private static void body(PrintContext c, Lwres m, long length) {
        Out out = c.out();
        CheckedReads.need(m, 26, 2);
        out.ascii(" lwres");
        int version = m.version();
        if (c.verbose() > 0 || version != 0) {
            out.ascii(" v").num(version);
        }
        long stated = m.length();
        long s;
        boolean unsupported = false;
        if (version != 0) {
            s = stated;
        } else {
            boolean response = (m.flags() & Lwres.RESPONSE) != 0;
            long op = m.opcode();
            out.ch(' ');
            if (op == Lwres.NOOP) {
                out.ascii("noop");
            } else if (op == Lwres.GET_ADDRS_BY_NAME) {
                out.ascii("getaddrsbyname");
            } else if (op == Lwres.GET_NAME_BY_ADDR) {
                out.ascii("getnamebyaddr");
            } else if (op == Lwres.GET_RDATA_BY_NAME) {
                out.ascii("getrdatabyname");
            } else {
                out.ascii("#0x").hex(op);
            }
            out.ascii(response ? "" : "?");
            int flags = m.flags();
            if ((flags & ~Lwres.RESPONSE) != 0) {
                out.ascii("[0x").hex(flags).ch(']');
            }
            if (c.verbose() > 1) {
                out.ascii(" (serial:0x").hex(m.serial()).ascii(" result:0x").hex(m.result()).ascii(" recvlen:")
                    .num(m.receiveLength());
                if (c.verbose() > 2) {
                    out.ascii(" authtype:0x").hex(m.authType()).ascii(" authlen:").num(m.authLength());
                }
                out.ch(')');
            }
            int p = Lwres.HEADER_LENGTH;
            long body = response ? response(c, m, op, p) : request(c, m, op, p);
            if (body == Long.MIN_VALUE) {
                out.ascii(" (invalid)");
                return;
            }
            unsupported = body < 0;
            s = unsupported ? p : body;
        }
        if (stated != length) {
            out.ascii(" [len: ").num(stated).ascii(" != ").num(length).ch(']');
        }
        if (!unsupported && s < stated) {
            out.ascii("[extra]");
        }
    }

    /** Prints a request's body; returns where it ends, -1 for an opcode tcpdump does not print, MIN_VALUE if bad. */
    private static long request(PrintContext c, Lwres m, long op, int p) {
        Out out = c.out();
        if (op == Lwres.NOOP) {
            return p;
        }
        if (op == Lwres.GET_ADDRS_BY_NAME) {
            CheckedReads.need(m, p + 8, 2);
            flags(c, m, p);
            long types = CheckedReads.u32(m, p + 4);
            switch ((int) (types & 3)) {
                case 1 -> out.ascii(" IPv4");
                case 2 -> out.ascii(" IPv6");
                case 3 -> out.ascii(" IPv4/6");
                default -> { }
            }
            if ((types & ~3L) != 0) {
                out.ascii("[0x").hex(types).ch(']');
            }
            int l = CheckedReads.u16(m, p + 8);
            return p + 10 + name(out, m, l, p + 10);
        }
        if (op == Lwres.GET_NAME_BY_ADDR) {
            CheckedReads.need(m, p, 4);
            flags(c, m, p);
            int advance = address(c, m, p + 4);
            return advance < 0 ? Long.MIN_VALUE : p + 4 + advance;
        }
        if (op == Lwres.GET_RDATA_BY_NAME) {
            CheckedReads.need(m, p + 8, 2);
            flags(c, m, p);
            typeAndClass(out, m, p);
            int l = CheckedReads.u16(m, p + 8);
            return p + 10 + name(out, m, l, p + 10);
        }
        return -1;
    }

    private static long response(PrintContext c, Lwres m, long op, int p) {
        Out out = c.out();
        if (op == Lwres.NOOP) {
            return p;
        }
        if (op == Lwres.GET_ADDRS_BY_NAME) {
            CheckedReads.need(m, p + 8, 2);
            flags(c, m, p);
            int aliases = CheckedReads.u16(m, p + 4);
            int addrs = CheckedReads.u16(m, p + 6);
            out.ch(' ').num(aliases).ch('/').num(addrs);
            long s = p + 10;
            s += name(out, m, CheckedReads.u16(m, p + 8), (int) s);
            for (int i = 0; i < aliases; i++) {
                s += nameWithLength(out, m, (int) s);
            }
            for (int i = 0; i < addrs; i++) {
                int advance = address(c, m, (int) s);
                if (advance < 0) {
                    return Long.MIN_VALUE;
                }
                s += advance;
            }
            return s;
        }
        if (op == Lwres.GET_NAME_BY_ADDR) {
            CheckedReads.need(m, p + 6, 2);
            flags(c, m, p);
            int aliases = CheckedReads.u16(m, p + 4);
            out.ch(' ').num(aliases);
            long s = p + 8;
            s += name(out, m, CheckedReads.u16(m, p + 6), (int) s);
            for (int i = 0; i < aliases; i++) {
                s += nameWithLength(out, m, (int) s);
            }
            return s;
        }
        if (op == Lwres.GET_RDATA_BY_NAME) {
            CheckedReads.need(m, p + 14, 2);
            flags(c, m, p);
            typeAndClass(out, m, p);
            out.ascii(" TTL ");
            relativeTime(out, CheckedReads.u32(m, p + 8));
            int rdatas = CheckedReads.u16(m, p + 12);
            int sigs = CheckedReads.u16(m, p + 14);
            out.ch(' ').num(rdatas).ch('/').num(sigs);
            long s = p + 16;
            s += nameWithLength(out, m, (int) s);
            for (int i = 0; i < rdatas + sigs; i++) {
                int l = CheckedReads.u16(m, (int) s);
                for (int j = 0; j < l; j++) {
                    out.hex2(CheckedReads.u8(m, (int) s + 2 + j));
                }
                s += 2 + l;
            }
            return s;
        }
        return -1;
    }

    private static void flags(PrintContext c, Lwres m, int p) {
        if (c.verbose() > 2) {
            long flags = CheckedReads.u32(m, p);
            c.out().ascii(" flags:0x").hex(flags);
        }
    }

    private static void typeAndClass(Out out, Lwres m, int p) {
        int type = CheckedReads.u16(m, p + 6);
        String name = DnsTypes.name(type);
        out.ch(' ').ascii(name != null ? name : "Type" + type);
        int dnsClass = CheckedReads.u16(m, p + 4);
        if (dnsClass != 1) {
            String cn = switch (dnsClass) {
                case 3 -> "CHAOS";
                case 4 -> "HS";
                case 255 -> "ANY";
                default -> "Class" + dnsClass;
            };
            out.ch(' ').ascii(cn);
        }
    }

    /** A name of {@code l} bytes and its NUL; returns the bytes it took. */
    private static int name(Out out, Lwres m, int l, int at) {
        out.ch(' ');
        for (int i = 0; i < l; i++) {
            VrrpPrinter.printable(out, CheckedReads.u8(m, at + i));
        }
        if (CheckedReads.u8(m, at + l) != 0) {
            out.ascii(" (not NUL-terminated!)");
        }
        return l + 1;
    }

    private static int nameWithLength(Out out, Lwres m, int at) {
        int l = CheckedReads.u16(m, at);
        return 2 + name(out, m, l, at + 2);
    }

    /** An address: family, length and bytes; returns the bytes it took, or -1 when too short for its family. */
    private static int address(PrintContext c, Lwres m, int at) {
        Out out = c.out();
        int l = CheckedReads.u16(m, at + 4);
        int p = at + 6;
        CheckedReads.need(m, p, l);
        long family = CheckedReads.u32(m, at);
        if (family == 1) {
            if (l < 4) {
                return -1;
            }
            out.ch(' ');
            c.ipv4((int) CheckedReads.u32(m, p));
            return 10;
        }
        if (family == 2) {
            if (l < 16) {
                return -1;
            }
            byte[] a = c.addressScratch();
            for (int i = 0; i < 16; i++) {
                a[i] = (byte) m.byteAt(p + i);
            }
            out.ch(' ');
            c.ipv6(a);
            return 22;
        }
        out.ch(' ').num(family).ch('/');
        for (int i = 0; i < l; i++) {
            out.hex2(m.byteAt(p + i));
        }
        return 6 + l;
    }

    /** A duration as tcpdump writes one: {@code 1d2h3m4s}, {@code 0s}. */
    static void relativeTime(Out out, long secs) {
        if (secs == 0) {
            out.ascii("0s");
            return;
        }
        long[] units = {31536000, 604800, 86400, 3600, 60, 1};
        char[] names = {'y', 'w', 'd', 'h', 'm', 's'};
        for (int i = 0; i < units.length; i++) {
            if (secs >= units[i]) {
                out.num(secs / units[i]).ch(names[i]);
                secs %= units[i];
            }
        }
    }
}
