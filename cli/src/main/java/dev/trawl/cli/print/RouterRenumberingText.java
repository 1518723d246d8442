package dev.trawl.cli.print;

import dev.trawl.decode.layer.Icmp;

/**
 * ICMPv6 router renumbering (RFC 2894) as tcpdump prints it after the type name: {@code , command, seq=0} and,
 * for a command, its match-prefix part and use-prefix parts ({@code  match(add,fec0::/48)
 * use(3ffe:501:fffe::/48/16)}), with {@code -v} the flags, ordinals and lifetimes. Stateless.
 */
final class RouterRenumberingText {
    /** The message header: type, code, checksum, sequence number, segment, flags, max delay, reserved. */
    private static final int HEADER = 16;
    /** The match-prefix part: code, length, ordinal, match length, min and max length, reserved, prefix. */
    private static final int MATCH = 24;
    /** A use-prefix part: use and keep lengths, masks, lifetimes, flags, reserved, prefix. */
    private static final int USE = 32;

    private RouterRenumberingText() {
    }

    /** Writes the message's text, marking where the captured bytes end inside it. */
    static void print(PrintContext c, Icmp icmp) {
        Out out = c.out();
        int verbose = c.verbose();
        if (!icmp.has(12, 4)) {
            c.truncated("icmp6");
            return;
        }
        int code = icmp.code();
        switch (code) {
            case 0 -> out.ascii(", command");
            case 1 -> out.ascii(", result");
            case 255 -> out.ascii(", sequence number reset");
            default -> out.ascii(", code-#").num(code);
        }
        out.ascii(", seq=").num(icmp.u32At(4));
        if (verbose > 0) {
            int flags = icmp.u8At(9);
            out.ch('[');
            if (flags != 0) {
                letters(out, flags, "TRASP", 0x80);
                out.ch(',');
            }
            out.ascii("seg=").num(icmp.u8At(8)).ascii(",maxdelay=").num(icmp.u16At(10));
            if (icmp.u32At(12) != 0) {
                out.ascii("rsvd=0x").hex(icmp.u32At(12));
            }
            out.ch(']');
        }
        if (code != 0) {
            return;
        }
        int m = HEADER;
        if (!icmp.has(m + 8, 16)) {
            c.truncated("icmp6");
            return;
        }
        out.ascii(verbose > 1 ? "\n\t" : " ").ascii("match(");
        int matchCode = icmp.u8At(m);
        switch (matchCode) {
            case 1 -> out.ascii("add");
            case 2 -> out.ascii("change");
            case 3 -> out.ascii("setglobal");
            default -> out.ch('#').num(matchCode);
        }
        if (verbose > 0) {
            out.ascii(",ord=").num(icmp.u8At(m + 2)).ascii(",min=").num(icmp.u8At(m + 4)).ascii(",max=")
                    .num(icmp.u8At(m + 5));
        }
        out.ch(',');
        prefix(c, icmp, m + 8);
        out.ch('/').num(icmp.u8At(m + 3)).ch(')');
        int n = icmp.u8At(m + 1) - 3;
        if (n % 4 != 0) {
            c.truncated("icmp6");
            return;
        }
        for (int i = 0, u = m + MATCH; i < n / 4; i++, u += USE) {
            if (!icmp.has(u + 16, 16)) {
                c.truncated("icmp6");
                return;
            }
            out.ascii(verbose > 1 ? "\n\t" : " ").ascii("use(");
            int flags = icmp.u8At(u + 12);
            if (flags != 0) {
                letters(out, flags, "VP", 0x80);
                out.ch(',');
            }
            if (verbose > 0) {
                out.ascii("mask=0x").hex(icmp.u8At(u + 2)).ascii(",raflags=0x").hex(icmp.u8At(u + 3)).ch(',');
                lifetime(out, "vltime=", icmp.u32At(u + 4));
                lifetime(out, "pltime=", icmp.u32At(u + 8));
            }
            prefix(c, icmp, u + 16);
            out.ch('/').num(icmp.u8At(u)).ch('/').num(icmp.u8At(u + 1)).ch(')');
        }
    }

    /** The letters of the flag bits set, the first letter for {@code top} and each next for the bit below. */
    private static void letters(Out out, int flags, String letters, int top) {
        for (int i = 0; i < letters.length(); i++) {
            if ((flags & (top >> i)) != 0) {
                out.ch(letters.charAt(i));
            }
        }
    }

    private static void lifetime(Out out, String name, long value) {
        out.ascii(name);
        if (value == 0xffffffffL) {
            out.ascii("infty");
        } else {
            out.num(value);
        }
        out.ch(',');
    }

    private static void prefix(PrintContext c, Icmp icmp, int rel) {
        byte[] a = c.addressScratch();
        for (int i = 0; i < 16; i++) {
            a[i] = (byte) icmp.u8At(rel + i);
        }
        c.ipv6(a);
    }
}
