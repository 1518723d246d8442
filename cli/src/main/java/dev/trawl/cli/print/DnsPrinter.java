package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Dns;

/**
 * DNS messages as tcpdump summarises them: {@code 22564+ A? example.com. (29)} for a query and
 * {@code 22564 1/0/0 A 10.77.0.2 (45)} for a response, read through decode's {@link Dns} view. Compressed
 * names are followed with a bound on pointer jumps, so a pointer loop prints {@code <LOOP>} instead of hanging.
 * Not thread-safe.
 */
final class DnsPrinter implements LayerPrinter {
    private static final String[] OPCODES = {"", " inv_q", " stat", " op3", " notify", " update", " op6", " op7",
        " op8", " updateA", " updateD", " updateDA", " updateM", " updateMA", " zoneInit", " zoneRef"};
    private static final String[] RCODES = {"", " FormErr", " ServFail", " NXDomain", " NotImp", " Refused",
        " YXDomain", " YXRRSet", " NXRRSet", " NotAuth", " NotZone", " Resp11", " Resp12", " Resp13", " Resp14",
        " NoChange", " BadVers", "Resp17", " Resp18", " Resp19", " Resp20", "Resp21", " Resp22", " BadCookie"};
    private static final int MAX_JUMPS = 64;

    private final Dns dns = new Dns();
    private Out out;
    private PrintContext c;

    @Override
    public void print(PrintContext context, int layer) {
        this.c = context;
        this.out = context.out();
        DecodedPacket p = context.packet();
        dns.wrap(p.buffer(), p.offset(layer), p.layerLength(layer));
        boolean mdns = p.protocol(layer) == Protocols.MDNS;
        int length = messageLength(context, layer);
        if (length < Dns.HEADER_LENGTH) {
            tooShort(out, length);
            return;
        }
        try {
            message(0, length, mdns);
        } catch (Truncated e) {
            context.truncated("domain");
        }
    }

    /** What tcpdump prints for a DNS message shorter than its header. */
    static void tooShort(Out out, int length) {
        out.ascii("domain [length ").num(length).ascii(" < 12] (invalid)");
    }

    /** The message's length: what the UDP header or the TCP length prefix states, or the wire's. */
    private static int messageLength(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        int below = c.below(layer);
        int wire = c.wireLength(layer);
        if (below >= 0 && p.protocol(below) == Protocols.UDP) {
            // the IP header's length, not the frame's, which may carry link-layer padding
            int stated = UdpPrinter.ipPayloadLength(c, below, c.network(below)) - 8;
            return Math.max(0, Math.min(stated, p.udp(below).totalLength() - 8));
        }
        if (below >= 0 && p.protocol(below) == Protocols.TCP) {
            int ip = c.network(below);
            return Math.max(0, UdpPrinter.ipPayloadLength(c, below, ip) - p.tcp(below).headerLength() - 2);
        }
        return wire;
    }

    private int u8(int rel) {
        need(rel, 1);
        return dns.u8At(rel);
    }

    private int u16(int rel) {
        need(rel, 2);
        return dns.u16At(rel);
    }

    private long u32(int rel) {
        need(rel, 4);
        return dns.u32At(rel);
    }

    private void need(int rel, int count) {
        if (!dns.has(rel, count)) {
            throw Truncated.INSTANCE;
        }
    }

    /**
     * The response code with the upper bits an OPT record in the additional section holds (RFC 6891), found as
     * tcpdump looks for it: the header's alone when the walk to it leaves the captured bytes.
     */
    private int extendedRcode(int from, int rcode, int questions, int records, int additional) {
        int cp = from;
        for (int i = 0; i < questions; i++) {
            cp = dns.skipName(cp);
            if (cp < 0) {
                return rcode;
            }
            cp += 4;
            if (!dns.has(cp, 1)) {
                return rcode;
            }
        }
        for (int i = 0; i < records; i++) {
            cp = dns.skipName(cp);
            if (cp < 0 || !dns.has(cp + 8, 2)) {
                return rcode;
            }
            cp += 10 + dns.u16At(cp + 8);
            if (!dns.has(cp, 1)) {
                return rcode;
            }
        }
        for (int i = 0; i < additional; i++) {
            cp = dns.skipName(cp);
            if (cp < 0 || !dns.has(cp, 2)) {
                return rcode;
            }
            int type = dns.u16At(cp);
            cp += 4;
            if (!dns.has(cp, 1)) {
                return rcode;
            }
            if (type == 41) {
                return rcode | dns.u8At(cp) << 4;
            }
            cp += 4;
            if (!dns.has(cp, 2)) {
                return rcode;
            }
            cp += 2 + dns.u16At(cp);
            if (!dns.has(cp, 1)) {
                return rcode;
            }
        }
        return rcode;
    }

    private void message(int off, int length, boolean mdns) {
        int id = u16(off);
        int flags = u16(off + 2);
        int qd = u16(off + 4);
        int an = u16(off + 6);
        int ns = u16(off + 8);
        int ar = u16(off + 10);
        int opcode = (flags >>> 11) & 0xf;
        int cp = off + 12;
        out.num(id);
        if ((flags & 0x8000) != 0) {
            int rcode = extendedRcode(cp, flags & 0xf, qd, an + ns, ar);
            out.ascii(OPCODES[opcode]);
            if (rcode < RCODES.length) {
                out.ascii(RCODES[rcode]);
            } else {
                out.ascii(" Resp").num(rcode & 0xfff);
            }
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
                if (i != 0) {
                    out.ch(','); // tcpdump separates the questions it skips as well as those it prints
                }
                if (c.verbose() > 1) {
                    out.ascii(" q:");
                    cp = question(cp, mdns);
                } else {
                    cp = skipName(cp) + 4;
                }
            }
            out.ch(' ').num(an).ch('/').num(ns).ch('/').num(ar);
            int printed = 0;
            // after the first, records are printed while the captured bytes last; any left then end in [|domain]
            while (printed < an && (printed == 0 || dns.has(cp, 1))) {
                if (printed > 0) {
                    out.ch(',');
                }
                cp = record(cp, mdns);
                printed++;
            }
            if (printed < an) {
                throw Truncated.INSTANCE;
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
        int type = u16(cp);
        int klass = u16(cp + 2);
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
        if (c.verbose() > 0) {
            out.ch(' ');
            name(cp);
            cp = skipName(cp);
        } else {
            cp = nameEnd(cp);
        }
        if (cp < 0 || !dns.has(cp, 10)) {
            return dns.regionLength(); // tcpdump prints nothing of a record whose fixed part was not captured
        }
        int type = u16(cp);
        int klass = u16(cp + 2);
        if (mdns) {
            klass &= 0x7fff;
        }
        long ttl = u32(cp + 4);
        int rdlength = u16(cp + 8);
        int rdata = cp + 10;
        if (klass != 1 && type != 41) {
            out.ch(' ');
            className(klass);
        }
        if (c.verbose() > 2 && type != 41) {
            out.ascii(" [");
            relativeTime(ttl);
            out.ch(']');
        }
        out.ch(' ');
        typeName(type);
        need(rdata, rdlength);
        switch (type) {
            case 1 -> {
                out.ch(' ');
                need(rdata, 4);
                c.ipv4((int) u32(rdata));
            }
            case 2, 5, 12, 39 -> {
                out.ch(' ');
                name(rdata);
            }
            case 15 -> {
                out.ch(' ');
                name(rdata + 2);
                out.ch(' ').num(u16(rdata));
            }
            case 16 -> {
                int end = rdata + rdlength;
                for (int i = rdata; i < end; ) {
                    int n = u8(i++);
                    out.ascii(" \"");
                    for (int k = 0; k < n && i < end; k++, i++) {
                        printable(u8(i));
                    }
                    out.ch('"');
                }
            }
            case 28 -> {
                out.ch(' ');
                need(rdata, 16);
                byte[] a = c.addressScratch();
                for (int i = 0; i < 16; i++) {
                    a[i] = (byte) u8(rdata + i);
                }
                c.ipv6(a);
            }
            case 33 -> {
                out.ch(' ');
                name(rdata + 6);
                out.ch(':').num(u16(rdata + 4)).ch(' ').num(u16(rdata)).ch(' ').num(u16(rdata + 2));
            }
            case 6 -> {
                if (c.verbose() > 0) {
                    out.ch(' ');
                    name(rdata);
                    int next = skipName(rdata);
                    out.ch(' ');
                    name(next);
                    next = skipName(next);
                    for (int i = 0; i < 5; i++) {
                        out.ch(' ').num(u32(next + 4 * i));
                    }
                }
            }
            case 256 -> {
                out.ch(' ').num(u16(rdata)).ch(' ').num(u16(rdata + 2)).ch(' ');
                for (int i = rdata + 4; i < rdata + rdlength; i++) {
                    VrrpPrinter.printable(out, u8(i));
                }
            }
            default -> { }
        }
        return rdata + rdlength;
    }

    /** Returns the offset just past the name at {@code cp}, or throws {@link Truncated} where tcpdump stops. */
    private int skipName(int cp) {
        int next = nameEnd(cp);
        if (next < 0) {
            throw Truncated.INSTANCE;
        }
        return next;
    }

    /**
     * The offset just past the name at {@code cp}, without following pointers, or -1 where tcpdump's walk fails
     * (bytes not captured, a reserved or unknown extended label type). Like tcpdump it counts no labels: each
     * step moves forward, so the captured bytes bound it.
     */
    private int nameEnd(int cp) {
        while (true) {
            if (!dns.has(cp, 1)) {
                return -1;
            }
            int len = dns.u8At(cp);
            if (len == 0) {
                return cp + 1;
            }
            switch (len & 0xc0) {
                case 0xc0 -> {
                    return cp + 2;
                }
                case 0x40 -> {
                    // only the bit-string label (RFC 2673) has a known length: a count of bits, 0 meaning 256
                    if (len != 0x41 || !dns.has(cp + 1, 1)) {
                        return -1;
                    }
                    int bits = dns.u8At(cp + 1) == 0 ? 256 : dns.u8At(cp + 1);
                    cp += 2 + (bits + 7) / 8;
                }
                case 0x80 -> {
                    return -1;
                }
                default -> cp += len + 1;
            }
        }
    }

    /** Appends the name at {@code cp} in dotted form with a trailing dot, following compression pointers. */
    private void name(int cp) {
        int jumps = 0;
        int printed = 0;
        while (true) {
            int len = u8(cp);
            if (len == 0) {
                if (printed == 0) {
                    out.ch('.');
                }
                return;
            }
            if ((len & 0xc0) == 0xc0) {
                int target = ((len & 0x3f) << 8) | u8(cp + 1);
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
            need(cp + 1, len);
            for (int i = 1; i <= len; i++) {
                printable(u8(cp + i));
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
