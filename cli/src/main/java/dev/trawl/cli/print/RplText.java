package dev.trawl.cli.print;

import dev.trawl.decode.layer.Icmp;

/**
 * RPL control messages (RFC 6550, ICMPv6 type 155) as tcpdump prints them after {@code ICMP6, RPL}: the code's
 * name ({@code , (CLR)Destination Advertisement Object}); with {@code -v} the DODAG information object's,
 * destination advertisement's or its acknowledgement's fields in brackets; with {@code -vv} their options' types
 * and lengths. Secured messages are named only, as tcpdump does. Stateless.
 */
final class RplText {
    private static final int BASE = 4; // the message body starts inside the ICMPv6 header's second word
    private static final int DAGID_LENGTH = 16;
    private static final String[] MODES = {"nonstoring", "storing", "nonstoring-multicast", "storing-multicast"};
    private static final String[] OPTIONS = {"pad1", "padN", "metrics", "routinginfo", "config", "rpltarget",
        "transitinfo", null, "destprefix", "rpltargetdesc"};

    private RplText() {
    }

    /**
     * Prints the text after {@code ICMP6, RPL} for a message of {@code length} bytes (ICMPv6 header included).
     *
     * @return false when the text ended with a truncation marker
     */
    static boolean print(PrintContext c, Icmp icmp, int code, int length) {
        Out out = c.out();
        if ((code & 0x80) != 0) {
            out.ascii(", (SEC) [worktodo]");
            return true;
        }
        out.ascii(", (CLR)");
        boolean v = c.verbose() > 0;
        int body = length - 4;
        switch (code) {
            case 0 -> out.ascii("DODAG Information Solicitation");
            case 1 -> {
                out.ascii("DODAG Information Object");
                return !v || informationObject(c, icmp, body);
            }
            case 2 -> {
                out.ascii("Destination Advertisement Object");
                return !v || advertisement(c, icmp, body);
            }
            case 3 -> {
                out.ascii("Destination Advertisement Object Ack");
                return !v || acknowledgement(c, icmp, body);
            }
            default -> out.ascii("RPL message, unknown code ").num(code);
        }
        return true;
    }

    private static boolean informationObject(PrintContext c, Icmp icmp, int body) {
        Out out = c.out();
        int fixed = 8 + DAGID_LENGTH;
        if (body < fixed) {
            out.ascii(" (invalid)");
            return true;
        }
        if (!icmp.has(BASE, fixed)) {
            c.truncated("icmp6");
            return false;
        }
        int mopPrf = icmp.u8At(BASE + 4);
        out.ascii(" [dagid:");
        dagid(c, icmp, BASE + 8);
        out.ascii(",seq:").num(icmp.u8At(BASE + 5)).ascii(",instance:").num(icmp.u8At(BASE))
                .ascii(",rank:").num(icmp.u16At(BASE + 2)).ch(',');
        if ((mopPrf & 0x80) != 0) {
            out.ascii("grounded,");
        }
        int mode = (mopPrf >>> 3) & 7;
        out.ascii("mop:");
        if (mode < MODES.length) {
            out.ascii(MODES[mode]);
        } else {
            out.ascii("mop").num(mode);
        }
        out.ascii(",prf:").num(mopPrf & 7).ch(']');
        return c.verbose() < 2 || options(c, icmp, BASE + fixed, body - fixed);
    }

    private static boolean advertisement(PrintContext c, Icmp icmp, int body) {
        Out out = c.out();
        if (!icmp.has(BASE, 4 + DAGID_LENGTH)) { // tcpdump checks for the DODAG ID even when it is absent
            c.truncated("icmp6");
            return false;
        }
        if (body < 4) {
            out.ascii(" [|length too short]");
            return true;
        }
        int flags = icmp.u8At(BASE + 1);
        int at = BASE + 4;
        int left = body - 4;
        boolean hasDagid = (flags & 0x40) != 0;
        if (hasDagid) {
            if (left < DAGID_LENGTH) {
                out.ascii(" [|length too short]");
                return true;
            }
            at += DAGID_LENGTH;
            left -= DAGID_LENGTH;
        }
        dagidOrElided(c, icmp, hasDagid);
        out.ascii(",seq:").num(icmp.u8At(BASE + 3)).ascii(",instance:").num(icmp.u8At(BASE))
                .ascii((flags & 0x80) != 0 ? ",acK" : "").ascii(hasDagid ? ",Dagid" : "").ch(',').hex2(flags)
                .ch(']');
        return c.verbose() < 2 || options(c, icmp, at, left);
    }

    private static boolean acknowledgement(PrintContext c, Icmp icmp, int body) {
        Out out = c.out();
        if (!icmp.has(BASE, 4)) {
            c.truncated("icmp6");
            return false;
        }
        if (body < 4) {
            out.ascii(" [|dao-length too short]");
            return true;
        }
        int at = BASE + 4;
        int left = body - 4;
        boolean hasDagid = (icmp.u8At(BASE + 1) & 0x80) != 0;
        if (hasDagid) {
            if (!icmp.has(at, DAGID_LENGTH)) {
                c.truncated("icmp6");
                return false;
            }
            if (left < DAGID_LENGTH) {
                out.ascii(" [|dao-length too short]");
                return true;
            }
            at += DAGID_LENGTH;
            left -= DAGID_LENGTH;
        }
        dagidOrElided(c, icmp, hasDagid);
        out.ascii(",seq:").num(icmp.u8At(BASE + 2)).ascii(",instance:").num(icmp.u8At(BASE))
                .ascii(",status:").num(icmp.u8At(BASE + 3)).ch(']');
        return c.verbose() < 2 || options(c, icmp, at, left);
    }

    /** The options' types and lengths ({@code opt:rpltarget len:25 }); false after a truncation marker. */
    private static boolean options(PrintContext c, Icmp icmp, int at, int left) {
        Out out = c.out();
        while (left > 0) {
            if (!icmp.has(at, 1)) {
                c.truncated("icmp6");
                return false;
            }
            int type = icmp.u8At(at);
            int size;
            if (type == 0) {
                size = 1;
                out.ascii(" opt:pad1");
            } else {
                if (left < 2 || !icmp.has(at + 1, 1)) {
                    c.truncated("icmp6");
                    return false;
                }
                size = icmp.u8At(at + 1) + 2;
                out.ascii(" opt:");
                if (type < OPTIONS.length && OPTIONS[type] != null) {
                    out.ascii(OPTIONS[type]);
                } else {
                    out.ascii("subopt:").num(type);
                }
                out.ascii(" len:").num(size).ch(' ');
                if (!icmp.has(at, size) || left < size) {
                    c.truncated("icmp6");
                    return false;
                }
            }
            at += size;
            left -= size;
        }
        return true;
    }

    /** {@code  [dagid:} and the DODAG ID after a destination advertisement's fixed part, or tcpdump's stand-in. */
    private static void dagidOrElided(PrintContext c, Icmp icmp, boolean present) {
        c.out().ascii(" [dagid:");
        if (present) {
            dagid(c, icmp, BASE + 4);
        } else {
            c.out().ascii("<elided>");
        }
    }

    private static void dagid(PrintContext c, Icmp icmp, int at) {
        byte[] a = c.addressScratch();
        for (int i = 0; i < DAGID_LENGTH; i++) {
            a[i] = (byte) icmp.u8At(at + i);
        }
        c.ipv6(a);
    }
}
