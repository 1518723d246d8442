package dev.trawl.cli.print;

import dev.trawl.decode.layer.Hncp;

/**
 * The values inside HNCP TLVs as tcpdump writes them: prefixes (an IPv4-mapped one as IPv4), addresses, DNS
 * labels and the DHCPv4 and DHCPv6 options carried whole. Stateless.
 */
final class HncpText {
    private static final int MAPPED_PREFIX = 12;

    private HncpText() {
    }

    private static boolean mapped(Hncp m, int at) {
        for (int i = 0; i < 10; i++) {
            if (m.byteAt(at + i) != 0) {
                return false;
            }
        }
        return m.byteAt(at + 10) == 0xFF && m.byteAt(at + 11) == 0xFF;
    }

    /** An address of 16 bytes, in IPv4 form when it is IPv4-mapped. */
    static void address(PrintContext c, Hncp m, int at) {
        if (mapped(m, at)) {
            c.ipv4((int) m.intAt(at + MAPPED_PREFIX));
        } else {
            TlvText.address(c, m, at, 16);
        }
    }

    /**
     * A prefix as a length byte and the bytes it needs, written {@code 10.1.0.0/16} or {@code 2001:db8::/32}.
     *
     * @return the bytes it took, -1 for a length too long for the family, -3 when it runs past {@code max}
     */
    static int prefix(PrintContext c, Hncp m, int at, int max) {
        int length = m.byteAt(at);
        byte[] a = c.addressScratch();
        java.util.Arrays.fill(a, (byte) 0);
        if (length >= 96 && max >= MAPPED_PREFIX + 1 && mapped(m, at + 1)) {
            int plen = length - 96;
            if (plen > 32) {
                return -1;
            }
            int bytes = (plen + 7) / 8;
            if (max - 1 < bytes + MAPPED_PREFIX) {
                return -3;
            }
            copy(m, at + 1 + MAPPED_PREFIX, a, bytes, plen);
            c.ipv4((a[0] & 0xFF) << 24 | (a[1] & 0xFF) << 16 | (a[2] & 0xFF) << 8 | (a[3] & 0xFF));
            c.out().ch('/').num(plen);
            return bytes + 1 + MAPPED_PREFIX;
        }
        if (max < 1) {
            return -3;
        }
        if (length > 128) {
            return -1;
        }
        int bytes = (length + 7) / 8;
        if (!m.has(at + 1, bytes)) {
            return -2;
        }
        if (max - 1 < bytes) {
            return -3;
        }
        copy(m, at + 1, a, bytes, length);
        c.ipv6(a);
        c.out().ch('/').num(length);
        return 1 + bytes;
    }

    private static void copy(Hncp m, int at, byte[] a, int bytes, int plen) {
        for (int i = 0; i < bytes; i++) {
            a[i] = (byte) m.byteAt(at + i);
        }
        if (plen % 8 != 0) {
            a[bytes - 1] &= (byte) (0xFF00 >> (plen % 8));
        }
    }

    /**
     * DNS labels up to {@code max} bytes, dot-separated, {@code [|DNS]} when no empty label ends them.
     *
     * @return the bytes taken, the final empty label included, or -1 when it was missing
     */
    static int dnsLabels(Out out, Hncp m, int at, int max) {
        int length = 0;
        while (length < max) {
            int label = m.byteAt(at + length);
            length++;
            if (label == 0) {
                return length;
            }
            if (length > 1) {
                out.ch('.');
            }
            if (length + label > max) {
                TlvText.textToNul(out, m, at + length, max - length);
                break;
            }
            TlvText.textToNul(out, m, at + length, label);
            length += label;
        }
        out.ascii("[|DNS]");
        return -1;
    }

    /** The DHCPv4 options of an HNCP DHCPv4-Data TLV, one per line; false when one breaks the TLV's bounds. */
    static boolean dhcpv4(PrintContext c, Hncp m, int at, int length, int indent) {
        Out out = c.out();
        for (int i = 0; i < length; ) {
            if (i + 2 > length) {
                return false;
            }
            int type = m.byteAt(at + i);
            int size = m.byteAt(at + i + 1);
            int value = at + i + 2;
            newLine(out, indent);
            out.ascii(switch (type) {
                case 6 -> "DNS-server";
                case 42 -> "NTP-server";
                case 119 -> "DNS-search";
                default -> "Unknown";
            }).ascii(" (").num(size + 2).ch(')');
            if (i + 2 + size > length) {
                return false;
            }
            if (type == 6 || type == 42) {
                if (size < 4 || size % 4 != 0) {
                    return false;
                }
                for (int t = 0; t < size; t += 4) {
                    out.ch(' ');
                    c.ipv4((int) m.intAt(value + t));
                }
            } else if (type == 119 && !names(out, m, value, size)) {
                return false;
            }
            i += 2 + size;
        }
        return true;
    }

    /** The DHCPv6 options of an HNCP DHCPv6-Data TLV, one per line; false when one breaks the TLV's bounds. */
    static boolean dhcpv6(PrintContext c, Hncp m, int at, int length, int indent) {
        Out out = c.out();
        for (int i = 0; i < length; ) {
            if (i + 4 > length) {
                return false;
            }
            int type = m.shortAt(at + i);
            int size = m.shortAt(at + i + 2);
            int value = at + i + 4;
            newLine(out, indent);
            out.ascii(switch (type) {
                case 23 -> "DNS-server";
                case 24 -> "DNS-search-list";
                case 31 -> "SNTP-servers";
                default -> "Unknown";
            }).ascii(" (").num(size + 4).ch(')');
            if (i + 4 + size > length) {
                return false;
            }
            if (type == 23 || type == 31) {
                if (size % 16 != 0) {
                    out.ascii(" (invalid)");
                    return false;
                }
                for (int t = 0; t < size; t += 16) {
                    out.ch(' ');
                    TlvText.address(c, m, value + t, 16);
                }
            } else if (type == 24 && !names(out, m, value, size)) {
                return false;
            }
            i += 4 + size;
        }
        return true;
    }

    /** Domain names packed in {@code size} bytes, each after a space and ending with a dot. */
    private static boolean names(Out out, Hncp m, int at, int size) {
        int p = at;
        int end = at + size;
        while (p < end) {
            out.ch(' ');
            int label = m.byteAt(p);
            if (label == 0) {
                out.ch('.');
                p++;
                continue;
            }
            while (label != 0) {
                if ((label & 0xC0) != 0 || p + 1 + label > end) {
                    return false;
                }
                TlvText.text(out, m, p + 1, label);
                out.ch('.');
                p += 1 + label;
                if (p >= end) {
                    return false;
                }
                label = m.byteAt(p);
            }
            p++;
        }
        return true;
    }

    /** A new line indented by {@code indent} tabs. */
    static void newLine(Out out, int indent) {
        out.ch('\n');
        for (int t = 0; t < indent; t++) {
            out.ch('\t');
        }
    }
}
