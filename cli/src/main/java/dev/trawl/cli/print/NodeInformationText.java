package dev.trawl.cli.print;

import dev.trawl.decode.layer.Icmp;

/**
 * ICMPv6 node information queries and replies (RFC 4620, and the KAME "who-are-you" message before it) as
 * tcpdump prints them after the type name: {@code  node information query (node addresses [A],
 * subject=2001:db8::1)}, {@code  node information reply (node addresses ::1(0) [A])}. Stateless.
 */
final class NodeInformationText {
    private static final int QUERY = 139;
    /** The fixed part: ICMPv6 type, code, checksum, query type, flags and the 8-byte nonce. */
    private static final int FIXED = 16;
    private static final int NOOP = 0;
    private static final int SUPPORTED_TYPES = 1;
    private static final int DNS_NAME = 2;
    private static final int NODE_ADDRESSES = 3;

    private NodeInformationText() {
    }

    /**
     * Writes the message's text; false, having marked the truncation, when a field tcpdump reads was not
     * captured (tcpdump then prints no length after it).
     *
     * @param length the message's length as the IPv6 header states it
     * @param size the bytes of the message captured within that length
     */
    static boolean print(PrintContext c, Icmp icmp, int length, int size) {
        if (icmp.type() == QUERY) {
            return query(c, icmp, size);
        }
        if (length > size || !icmp.has(0, FIXED)) {
            c.truncated("icmp6");
            return true;
        }
        return reply(c, icmp, size);
    }

    private static boolean query(PrintContext c, Icmp icmp, int size) {
        Out out = c.out();
        boolean v = c.verbose() > 0;
        if (size == 12) {
            out.ascii(" who-are-you request");
            return true;
        }
        out.ascii(" node information query");
        if (!icmp.has(0, FIXED)) {
            c.truncated("icmp6");
            return true;
        }
        out.ascii(" (");
        int qtype = icmp.u16At(4);
        int flags = icmp.u16At(6);
        switch (qtype) {
            case NOOP -> out.ascii("noop");
            case SUPPORTED_TYPES -> supportedTypes(out, flags);
            case DNS_NAME -> out.ascii("DNS name");
            case NODE_ADDRESSES -> {
                out.ascii("node addresses");
                if (flags != 0) {
                    addressFlags(out, flags, false);
                }
            }
            default -> out.ascii("unknown");
        }
        if (qtype == NOOP || qtype == SUPPORTED_TYPES) {
            if (size != FIXED && v) {
                out.ascii(", invalid len");
            }
            out.ch(')');
            return true;
        }
        if (size == FIXED) {
            out.ascii(", 03 draft)");
            return true;
        }
        switch (icmp.code()) {
            case 0 -> subjectAddress(c, icmp, size, 16);
            case 1 -> {
                out.ascii(", subject=DNS name");
                if (!name(c, icmp, FIXED, size)) {
                    return false;
                }
            }
            case 2 -> subjectAddress(c, icmp, size, 4);
            default -> out.ascii(", unknown subject");
        }
        out.ch(')');
        return true;
    }

    private static void subjectAddress(PrintContext c, Icmp icmp, int size, int addressLength) {
        if (!icmp.has(FIXED, addressLength)) {
            return;
        }
        if (size != FIXED + addressLength) {
            if (c.verbose() > 0) {
                c.out().ascii(", invalid subject len");
            }
            return;
        }
        c.out().ascii(", subject=");
        address(c, icmp, FIXED, addressLength);
    }

    private static boolean reply(PrintContext c, Icmp icmp, int size) {
        Out out = c.out();
        boolean v = c.verbose() > 0;
        out.ascii(" node information reply (");
        int code = icmp.code();
        boolean comma = false;
        if (code == 0 && v) {
            out.ascii("success");
            comma = true;
        } else if (code == 1 || code == 2) {
            out.ascii(code == 1 ? "refused" : "unknown");
            comma = true;
            if (size != FIXED && v) {
                out.ascii(", invalid length");
            }
        }
        if (code != 0) {
            out.ch(')');
            return true;
        }
        if (comma) {
            out.ascii(", ");
        }
        int qtype = icmp.u16At(4);
        int flags = icmp.u16At(6);
        switch (qtype) {
            case NOOP -> {
                out.ascii("noop");
                if (size != FIXED && v) {
                    out.ascii(", invalid length");
                }
            }
            case SUPPORTED_TYPES -> supportedTypes(out, flags);
            case DNS_NAME -> {
                out.ascii("DNS name");
                int at = FIXED + 4;
                if (!name(c, icmp, at, size)) {
                    return false;
                }
                if ((flags & 1) != 0) {
                    if (!icmp.has(FIXED, 4)) {
                        c.truncated("icmp6");
                        return false;
                    }
                    out.ascii(" [TTL=").num(icmp.u32At(FIXED)).ch(']');
                }
            }
            case NODE_ADDRESSES -> {
                out.ascii("node addresses");
                for (int i = FIXED; i + 20 <= size; i += 20) {
                    if (!icmp.has(i, 20)) {
                        c.truncated("icmp6");
                        return false;
                    }
                    out.ch(' ');
                    address(c, icmp, i + 4, 16);
                    out.ch('(').num(icmp.u32At(i)).ch(')');
                }
                if (flags != 0) {
                    addressFlags(out, flags, true);
                }
            }
            default -> out.ascii("unknown");
        }
        out.ch(')');
        return true;
    }

    private static void supportedTypes(Out out, int flags) {
        out.ascii("supported qtypes");
        if (flags != 0) {
            out.ascii((flags & 1) != 0 ? " [C]" : " []");
        }
    }

    /** The node-address flags as letters, {@code  [GSLA]}; a reply may also say the list was cut ({@code T}). */
    private static void addressFlags(Out out, int flags, boolean reply) {
        out.ascii(" [");
        String letters = "aGSLCA";
        int[] bits = {0x40, 0x20, 0x10, 0x08, 0x04, 0x02};
        for (int i = 0; i < bits.length; i++) {
            if ((flags & bits[i]) != 0) {
                out.ch(letters.charAt(i));
            }
        }
        if (reply && (flags & 0x01) != 0) {
            out.ch('T');
        }
        out.ch(']');
    }

    private static void address(PrintContext c, Icmp icmp, int rel, int length) {
        if (length == 4) {
            c.ipv4((int) icmp.u32At(rel));
            return;
        }
        byte[] a = c.addressScratch();
        for (int i = 0; i < 16; i++) {
            a[i] = (byte) icmp.u8At(rel + i);
        }
        c.ipv6(a);
    }

    /**
     * Writes the DNS name at {@code at} as tcpdump does, quoted, uncompressed: an old draft's length-prefixed
     * string, else labels ({@code , "host.example."}); false, having marked it, when a byte was not captured.
     */
    private static boolean name(PrintContext c, Icmp icmp, int at, int end) {
        Out out = c.out();
        if (!icmp.has(at, 1)) {
            c.truncated("icmp6");
            return false;
        }
        if (icmp.u8At(at) == end - at - 1) {
            if (c.verbose() > 0) {
                out.ascii(", 03 draft");
            }
            out.ascii(", \"");
            for (int i = at + 1; i < end; i++) {
                if (!icmp.has(i, 1)) {
                    c.truncated("icmp6");
                    return false;
                }
                VrrpPrinter.printable(out, icmp.u8At(i));
            }
            out.ch('"');
            return true;
        }
        out.ascii(", \"");
        int i = at;
        while (i < end) {
            if (!icmp.has(i, 1)) {
                c.truncated("icmp6");
                return false;
            }
            int label = icmp.u8At(i++);
            if (label == 0) {
                if (i == end) {
                    out.ch('.');
                } else if (!(i + 1 == end && icmp.has(i, 1) && icmp.u8At(i) == 0)) {
                    out.ascii("???");
                }
                break;
            }
            if (label > end - i) {
                out.ascii("???");
                break;
            }
            for (; label > 0 && i < end; label--, i++) {
                if (!icmp.has(i, 1)) {
                    c.truncated("icmp6");
                    return false;
                }
                VrrpPrinter.printable(out, icmp.u8At(i));
            }
            if (i + 1 < end && icmp.has(i, 1) && icmp.u8At(i) != 0) {
                out.ch('.');
            }
        }
        out.ch('"');
        return true;
    }
}
