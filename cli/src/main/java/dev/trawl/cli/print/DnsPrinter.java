package dev.trawl.cli.print;

/**
 * DNS messages as tcpdump summarises them: {@code 22564+ A? example.com. (29)} for a query and
 * {@code 22564 1/0/0 A 10.77.0.2 (45)} for a response. Compressed names are followed with a bound on
 * pointer jumps, so a pointer loop prints {@code <LOOP>} instead of hanging. Not thread-safe.
 */
final class DnsPrinter {
    private static final String[] OPCODES = {"", " inv_q", " stat", " op3", " notify", " update", " op6", " op7",
        " op8", " updateA", " updateD", " updateDA", " updateM", " updateMA", " zoneInit", " zoneRef"};
    private static final String[] RCODES = {"", " FormErr", " ServFail", " NXDomain", " NotImp", " Refused",
        " YXDomain", " YXRRSet", " NXRRSet", " NotAuth", " NotZone", " Resp11", " Resp12", " Resp13", " Resp14",
        " NoChange"};
    private static final int MAX_JUMPS = 64;

    private final Printers p;
    private final Out out;
    private final Bytes b;
    private int base;

    DnsPrinter(Printers printers) {
        this.p = printers;
        this.out = printers.out;
        this.b = printers.b;
    }

    void print(int off, int length, boolean mdns) {
        if (length < 12) {
            out.ascii("domain [length ").num(length).ascii(" < 12] (invalid)");
            return;
        }
        base = off;
        try {
            message(off, length, mdns);
        } catch (Truncated e) {
            p.truncated("domain");
        }
    }

    private void message(int off, int length, boolean mdns) {
        int id = b.u16(off);
        int flags = b.u16(off + 2);
        int qd = b.u16(off + 4);
        int an = b.u16(off + 6);
        int ns = b.u16(off + 8);
        int ar = b.u16(off + 10);
        int opcode = (flags >>> 11) & 0xf;
        int cp = off + 12;
        out.num(id);
        if ((flags & 0x8000) != 0) {
            out.ascii(OPCODES[opcode]).ascii(RCODES[flags & 0xf]);
            if ((flags & 0x0400) != 0) {
                out.ch('*');
            }
            if ((flags & 0x0080) == 0) {
                out.ch('-');
            }
            if ((flags & 0x0200) != 0) {
                out.ch('|');
            }
            if ((flags & 0x0020) != 0) {
                out.ch('$');
            }
            if (qd != 1) {
                out.ascii(" [").num(qd).ascii("q]");
            }
            for (int i = 0; i < qd; i++) {
                if (p.opt.verbose() > 1) {
                    if (i != 0) {
                        out.ch(',');
                    }
                    out.ascii(" q:");
                    cp = question(cp, mdns);
                } else {
                    cp = skipName(cp) + 4;
                }
            }
            out.ch(' ').num(an).ch('/').num(ns).ch('/').num(ar);
            for (int i = 0; i < an; i++) {
                if (i > 0) {
                    out.ch(',');
                }
                cp = record(cp, mdns);
            }
        } else {
            out.ascii(OPCODES[opcode]);
            if ((flags & 0x0100) != 0) {
                out.ch('+');
            }
            if ((flags & 0x0010) != 0) {
                out.ch('%');
            }
            if ((flags & 0x6cf) != 0) {
                out.ascii(" [b2&3=0x").hex(flags).ch(']');
            }
            if (opcode == 1) {
                if (qd != 0) {
                    out.ascii(" [").num(qd).ascii("q]");
                }
                if (an != 1) {
                    out.ascii(" [").num(an).ascii("a]");
                }
            } else {
                if (an != 0) {
                    out.ascii(" [").num(an).ascii("a]");
                }
                if (qd != 1) {
                    out.ascii(" [").num(qd).ascii("q]");
                }
            }
            if (ns != 0) {
                out.ascii(" [").num(ns).ascii("n]");
            }
            if (ar != 0) {
                out.ascii(" [").num(ar).ascii("au]");
            }
            for (int i = 0; i < qd; i++) {
                cp = question(cp, mdns);
            }
        }
        out.ascii(" (").num(length).ch(')');
    }

    private int question(int cp, boolean mdns) {
        int name = cp;
        cp = skipName(cp);
        int type = b.u16(cp);
        int klass = b.u16(cp + 2);
        if (mdns) {
            klass &= 0x7fff;
        }
        out.ch(' ');
        typeName(type);
        if (klass != 1) {
            out.ch(' ');
            className(klass);
        }
        out.ascii("? ");
        name(name);
        return cp + 4;
    }

    private int record(int cp, boolean mdns) {
        if (p.opt.verbose() > 0) {
            out.ch(' ');
            name(cp);
        }
        cp = skipName(cp);
        int type = b.u16(cp);
        int klass = b.u16(cp + 2);
        if (mdns) {
            klass &= 0x7fff;
        }
        long ttl = b.u32(cp + 4);
        int rdlength = b.u16(cp + 8);
        int rdata = cp + 10;
        if (klass != 1 && type != 41) {
            out.ch(' ');
            className(klass);
        }
        if (p.opt.verbose() > 1 && type != 41) {
            out.ascii(" [");
            relativeTime(ttl);
            out.ch(']');
        }
        out.ch(' ');
        typeName(type);
        b.need(rdata, rdlength);
        switch (type) {
            case 1 -> {
                out.ch(' ');
                b.ipv4(out, rdata);
            }
            case 2, 5, 12, 39 -> {
                out.ch(' ');
                name(rdata);
            }
            case 15 -> {
                out.ch(' ');
                name(rdata + 2);
                out.ch(' ').num(b.u16(rdata));
            }
            case 16 -> {
                int end = rdata + rdlength;
                for (int i = rdata; i < end; ) {
                    int n = b.u8(i++);
                    out.ascii(" \"");
                    for (int k = 0; k < n && i < end; k++, i++) {
                        printable(b.u8(i));
                    }
                    out.ch('"');
                }
            }
            case 28 -> {
                out.ch(' ');
                b.ipv6(out, rdata);
            }
            case 33 -> {
                out.ch(' ');
                name(rdata + 6);
                out.ch(':').num(b.u16(rdata + 4)).ch(' ').num(b.u16(rdata)).ch(' ').num(b.u16(rdata + 2));
            }
            case 6 -> {
                if (p.opt.verbose() > 0) {
                    out.ch(' ');
                    name(rdata);
                    int next = skipName(rdata);
                    out.ch(' ');
                    name(next);
                    next = skipName(next);
                    for (int i = 0; i < 5; i++) {
                        out.ch(' ').num(b.u32(next + 4 * i));
                    }
                }
            }
            default -> { }
        }
        return rdata + rdlength;
    }

    /** Returns the offset just past the name at {@code cp}, without following pointers. */
    private int skipName(int cp) {
        for (int labels = 0; labels < 256; labels++) {
            int len = b.u8(cp);
            if (len == 0) {
                return cp + 1;
            }
            if ((len & 0xc0) == 0xc0) {
                return cp + 2;
            }
            if ((len & 0xc0) != 0) {
                return cp + 1; // an extended or reserved label type: tcpdump stops here too
            }
            cp += len + 1;
        }
        throw Truncated.INSTANCE;
    }

    /** Appends the name at {@code cp} in dotted form with a trailing dot, following compression pointers. */
    private void name(int cp) {
        int jumps = 0;
        int printed = 0;
        while (true) {
            int len = b.u8(cp);
            if (len == 0) {
                if (printed == 0) {
                    out.ch('.');
                }
                return;
            }
            if ((len & 0xc0) == 0xc0) {
                int target = base + (((len & 0x3f) << 8) | b.u8(cp + 1));
                if (++jumps > MAX_JUMPS || target >= cp) {
                    out.ascii("<LOOP>");
                    return;
                }
                cp = target;
                continue;
            }
            if ((len & 0xc0) != 0) {
                out.ascii("<BAD>");
                return;
            }
            b.need(cp + 1, len);
            for (int i = 1; i <= len; i++) {
                printable(b.u8(cp + i));
            }
            out.ch('.');
            printed++;
            cp += len + 1;
        }
    }

    private void printable(int c) {
        if (c >= 0x20 && c < 0x7f) {
            out.ch((char) c);
        } else {
            out.ch('\\').num(c, 3);
        }
    }

    private void className(int klass) {
        switch (klass) {
            case 3 -> out.ascii("CHAOS");
            case 4 -> out.ascii("HS");
            case 255 -> out.ascii("ANY");
            default -> out.ascii("(Class ").num(klass).ch(')');
        }
    }

    private void relativeTime(long seconds) {
        if (seconds == 0) {
            out.ascii("0s");
            return;
        }
        long[] units = {604_800, 86_400, 3_600, 60, 1};
        char[] names = {'w', 'd', 'h', 'm', 's'};
        for (int i = 0; i < units.length; i++) {
            if (seconds >= units[i]) {
                out.num(seconds / units[i]).ch(names[i]);
                seconds %= units[i];
            }
        }
    }

    private void typeName(int type) {
        String name = DnsTypes.name(type);
        if (name != null) {
            out.ascii(name);
        } else {
            out.ascii("Type").num(type);
        }
    }
}
