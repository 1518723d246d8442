package dev.trawl.cli.print;

import dev.trawl.decode.layer.PppControl;

/**
 * The options of a PPP Configure packet at {@code -v} as tcpdump 4.99 prints them, for LCP, IPCP, IP6CP, CCP and
 * BACP: {@code MRU Option (0x01), length 4: 1500}, an unknown option's value as a hex dump, and tcpdump's notes on
 * a length that does not fit ({@code (length bogus, should be = 4)}, {@code [remaining options length 27 < 32]
 * (invalid)}). Each option's length is checked against the packet's whole stated length, not what is left of it,
 * as tcpdump does: that is where its {@code remaining options} note comes from. Stateless.
 */
final class PppOptions {
    /** An option printer's answer that the captured bytes ended where tcpdump's read jumps out of the packet. */
    private static final int ABORT = -1;
    private static final int LCP = 0xc021;
    private static final int IPCP = 0x8021;
    private static final int IPV6CP = 0x8057;
    private static final int CCP = 0x80fd;
    private static final int BACP = 0xc02b;
    /** The fixed part of IPCP's IP header compression option (RFC 3544), type and length included. */
    private static final int HEADER_COMPRESSION_LENGTH = 14;
    private static final String[] LCP_NAMES = {"Vend-Ext", "MRU", "ACCM", "Auth-Prot", "Qual-Prot", "Magic-Num",
        "deprecated(6)", "PFC", "ACFC", "FCS-Alt", "SDP", "Num-Mode", "deprecated(12)", "Call-Back",
        "deprecated(14)", "deprecated(15)", "deprecated(16)", "MRRU", "12-Bit seq #", "End-Disc", "Proprietary",
        "DCE-Id", "MP+", "Link-Disc", "LCP-Auth-Opt", "COBS", "Prefix-elision", "Multilink-header-Form", "I18N",
        "SDL-over-SONET/SDH", "PPP-Muxing"};

    private PppOptions() {
    }

    /**
     * Prints the options of the Configure packet {@code m} of control protocol {@code proto}, whose stated length
     * {@code len} (header included) was captured or not; nothing for a protocol tcpdump has no option printer for.
     */
    static void print(PrintContext c, PppControl m, int proto, int len) {
        if (proto != LCP && proto != IPCP && proto != IPV6CP && proto != CCP && proto != BACP) {
            return;
        }
        int left = len - PppControl.HEADER_LENGTH;
        int at = PppControl.HEADER_LENGTH;
        do {
            int advance = switch (proto) {
                case LCP -> lcp(c, m, at, len);
                case IPCP -> ipcp(c, m, at, len);
                case IPV6CP -> ip6cp(c, m, at, len);
                case CCP -> ccp(c, m, at, len);
                default -> bacp(c, m, at, len);
            };
            if (advance <= 0) {
                return;
            }
            if (left < advance) {
                c.out().ascii(" [remaining options length ").num(left).ascii(" < ").num(advance)
                        .ascii("] (invalid)");
                return;
            }
            left -= advance;
            at += advance;
        } while (left != 0);
    }

    /**
     * The option's length, or -1 when tcpdump takes no more options: fewer than two bytes or fewer than the option
     * says are left of {@code length}, or its header was not captured (then with the protocol's marker).
     */
    private static int header(PrintContext c, PppControl m, int at, int length, String protocol) {
        if (length < 2) {
            return -1;
        }
        if (!m.has(at, 2)) {
            c.out().ascii("[|").ascii(protocol).ch(']');
            return -1;
        }
        int len = m.byteAt(at + 1);
        return length < len ? -1 : len;
    }

    private static int lcp(PrintContext c, PppControl m, int at, int length) {
        Out out = c.out();
        int len = header(c, m, at, length, "lcp");
        if (len < 0) {
            return 0;
        }
        int opt = m.byteAt(at);
        if (opt >= LCP_NAMES.length) {
            out.ascii("\n\tunknown LCP option 0x").hex2(opt);
            return len < 2 ? 0 : len;
        }
        out.ascii("\n\t  ").ascii(LCP_NAMES[opt]).ascii(" Option (0x").hex2(opt).ascii("), length ").num(len);
        if (len < 2) {
            out.ascii(" (length bogus, should be >= 2)");
            return 0;
        }
        switch (opt) {
            case 0 -> {
                if (len < 6) {
                    return bogus(out, ">= 6", len);
                }
                if (!m.has(at + 2, 3)) {
                    return abort(c);
                }
                int oui = m.byteAt(at + 2) << 16 | m.shortAt(at + 3);
                out.ascii(": Vendor: ").ascii(LlcPrinter.ouiName(oui)).ascii(" (").num(oui).ch(')');
            }
            case 1, 17 -> {
                if (len != 4) {
                    return bogus(out, "= 4", opt == 1 ? len : 0);
                }
                if (!m.has(at + 2, 2)) {
                    return abort(c);
                }
                out.ascii(": ").num(m.shortAt(at + 2));
            }
            case 2, 5 -> {
                if (len != 6) {
                    return bogus(out, "= 6", opt == 2 ? len : 0);
                }
                if (!m.has(at + 2, 4)) {
                    return abort(c);
                }
                out.ascii(": 0x").hex(m.intAt(at + 2), 8);
            }
            case 3 -> {
                if (len < 4) {
                    return bogus(out, ">= 4", len);
                }
                if (!m.has(at + 2, 2)) {
                    return abort(c);
                }
                int auth = m.shortAt(at + 2);
                String name = PppPrinter.name(auth);
                out.ascii(": ").ascii(name == null ? "Unknown Auth Proto (0x04x)" : name);
                switch (auth) {
                    case 0xc223 -> {
                        if (!m.has(at + 4, 1)) {
                            return abort(c);
                        }
                        int alg = m.byteAt(at + 4);
                        out.ascii(", ");
                        switch (alg) {
                            case 5 -> out.ascii("MD5");
                            case 128 -> out.ascii("MS-CHAPv1");
                            case 129 -> out.ascii("MS-CHAPv2");
                            default -> out.ascii("Unknown Auth Alg ").num(alg);
                        }
                    }
                    case 0xc023, 0xc227, 0xc027, 0xc123 -> {
                    }
                    default -> TlvText.dump(out, m, at, len, "\n\t");
                }
            }
            case 4 -> {
                if (len < 4) {
                    return bogus(out, ">= 4", 0);
                }
                if (!m.has(at + 2, 2)) {
                    return abort(c);
                }
                out.ascii(m.shortAt(at + 2) == 0xc025 ? ": LQR" : ": unknown");
            }
            case 7, 8 -> {
            }
            case 23 -> {
                if (len != 4) {
                    return bogus(out, "= 4", 0);
                }
                if (!m.has(at + 2, 2)) {
                    return abort(c);
                }
                out.ascii(": 0x").hex(m.shortAt(at + 2), 4);
            }
            case 13 -> {
                if (len < 3) {
                    return bogus(out, ">= 3", 0);
                }
                out.ascii(": ");
                if (!m.has(at + 2, 1)) {
                    return abort(c);
                }
                int op = m.byteAt(at + 2);
                String name = switch (op) {
                    case 0 -> "UserAuth";
                    case 1 -> "DialString";
                    case 2 -> "LocalID";
                    case 3 -> "E.164";
                    case 4 -> "X.500";
                    case 6 -> "CBCP";
                    default -> "Unknown";
                };
                out.ascii(": Callback Operation ").ascii(name).ascii(" (").num(op).ch(')');
            }
            case 19 -> {
                if (len < 3) {
                    return bogus(out, ">= 3", 0);
                }
                if (!m.has(at + 2, 1)) {
                    return abort(c);
                }
                int cls = m.byteAt(at + 2);
                switch (cls) {
                    case 0 -> out.ascii(": Null");
                    case 1 -> out.ascii(": Local");
                    case 2 -> {
                        if (len != 7) {
                            return bogus(out, "= 7", 0);
                        }
                        if (!m.has(at + 3, 4)) {
                            return abort(c);
                        }
                        out.ascii(": IPv4 ");
                        c.ipv4((int) m.intAt(at + 3));
                    }
                    case 3 -> {
                        if (len != 9) {
                            return bogus(out, "= 9", 0);
                        }
                        if (!m.has(at + 3, 6)) {
                            return abort(c);
                        }
                        out.ascii(": MAC ");
                        c.mac(m.macAt(at + 3));
                    }
                    case 4 -> out.ascii(": Magic-Num-Block");
                    case 5 -> out.ascii(": PSNDN");
                    default -> out.ascii(": Unknown class ").num(cls);
                }
            }
            default -> unknownValue(c, m, at, len);
        }
        return valueDump(c, m, at, len);
    }

    private static int ipcp(PrintContext c, PppControl m, int at, int length) {
        Out out = c.out();
        int len = header(c, m, at, length, "ipcp");
        if (len < 0) {
            return 0;
        }
        int opt = m.byteAt(at);
        String name = switch (opt) {
            case 1 -> "IP-Addrs";
            case 2 -> "IP-Comp";
            case 3 -> "IP-Addr";
            case 4 -> "Home-Addr";
            case 129 -> "Pri-DNS";
            case 130 -> "Pri-NBNS";
            case 131 -> "Sec-DNS";
            case 132 -> "Sec-NBNS";
            default -> "unknown";
        };
        if (optionHeader(out, name, opt, len)) {
            return 0;
        }
        switch (opt) {
            case 1 -> {
                if (len != 10) {
                    return bogus(out, "= 10", len);
                }
                if (!m.has(at + 2, 8)) {
                    return abort(c);
                }
                out.ascii(": src ");
                c.ipv4((int) m.intAt(at + 2));
                out.ascii(", dst ");
                c.ipv4((int) m.intAt(at + 6));
            }
            case 2 -> {
                if (len < 4) {
                    return bogus(out, ">= 4", 0);
                }
                if (!m.has(at + 2, 2)) {
                    return abort(c);
                }
                int comp = m.shortAt(at + 2);
                out.ascii(": ").ascii(comp == 0x002d ? "VJ-Comp" : comp == 0x61 ? "IP Header Compression"
                        : "Unknown").ascii(" (0x").hex2(comp).ascii("):");
                if (comp == 0x61) {
                    // tcpdump's -vv dump of the value starts where its walk of the suboptions stopped
                    int walked = headerCompression(c, m, at, len);
                    return walked < 0 ? 0 : valueDump(c, m, walked, len);
                }
            }
            case 3, 4, 129, 130, 131, 132 -> {
                if (len != 6) {
                    return bogus(out, "= 6", 0);
                }
                if (!m.has(at + 2, 4)) {
                    return abort(c);
                }
                out.ascii(": ");
                c.ipv4((int) m.intAt(at + 2));
            }
            default -> unknownValue(c, m, at, len);
        }
        return valueDump(c, m, at, len);
    }

    /**
     * RFC 3544's parameters and suboptions; returns where the walk of the suboptions stopped, or -1 when tcpdump
     * takes no more options after them.
     */
    private static int headerCompression(PrintContext c, PppControl m, int at, int len) {
        Out out = c.out();
        if (len < HEADER_COMPRESSION_LENGTH) {
            out.ascii(" (length bogus, should be >= ").num(HEADER_COMPRESSION_LENGTH).ch(')');
            return -1;
        }
        if (!m.has(at + 2, HEADER_COMPRESSION_LENGTH)) {
            out.ascii("[|ipcp]");
            return -1;
        }
        out.ascii("\n\t    TCP Space ").num(m.shortAt(at + 4)).ascii(", non-TCP Space ").num(m.shortAt(at + 6))
                .ascii(", maxPeriod ").num(m.shortAt(at + 8)).ascii(", maxTime ").num(m.shortAt(at + 10))
                .ascii(", maxHdr ").num(m.shortAt(at + 12));
        if (len == HEADER_COMPRESSION_LENGTH) {
            return at;
        }
        int left = len - HEADER_COMPRESSION_LENGTH;
        int p = at + HEADER_COMPRESSION_LENGTH;
        out.ascii("\n\t      Suboptions, length ").num(left);
        while (left >= 2) {
            if (!m.has(p, 2)) {
                out.ascii("[|ipcp]");
                return -1;
            }
            int sub = m.byteAt(p);
            int subLen = m.byteAt(p + 1);
            if (sub == 0 || subLen == 0) {
                break;
            }
            out.ascii("\n\t\t").ascii(sub == 1 ? "RTP-Compression" : sub == 2 ? "Enhanced RTP-Compression"
                    : "Unknown").ascii(" Suboption #").num(sub).ascii(", length ").num(subLen);
            if (left < subLen) {
                out.ascii(" [remaining suboptions length ").num(left).ascii(" < ").num(subLen)
                        .ascii("] (invalid)");
                break;
            }
            left -= subLen;
            p += subLen;
        }
        return p;
    }

    private static int ip6cp(PrintContext c, PppControl m, int at, int length) {
        Out out = c.out();
        int len = header(c, m, at, length, "ip6cp");
        if (len < 0) {
            return 0;
        }
        int opt = m.byteAt(at);
        if (optionHeader(out, opt == 1 ? "Interface-ID" : "unknown", opt, len)) {
            return 0;
        }
        if (opt == 1) {
            if (len != 10) {
                return bogus(out, "= 10", len);
            }
            if (!m.has(at + 2, 8)) {
                out.ascii("[|ip6cp]");
                return 0;
            }
            out.ascii(": ").hex(m.shortAt(at + 2), 4).ch(':').hex(m.shortAt(at + 4), 4).ch(':')
                    .hex(m.shortAt(at + 6), 4).ch(':').hex(m.shortAt(at + 8), 4);
        } else {
            unknownValue(c, m, at, len);
        }
        return valueDump(c, m, at, len);
    }

    private static int ccp(PrintContext c, PppControl m, int at, int length) {
        Out out = c.out();
        int len = header(c, m, at, length, "ccp");
        if (len < 0) {
            return 0;
        }
        int opt = m.byteAt(at);
        String name = switch (opt) {
            case 0 -> "OUI";
            case 1 -> "Pred-1";
            case 2 -> "Pred-2";
            case 3 -> "Puddle";
            case 16 -> "HP-PPC";
            case 17 -> "Stac-LZS";
            case 18 -> "MPPC";
            case 19 -> "Gand-FZA";
            case 20 -> "V.42bis";
            case 21 -> "BSD-Comp";
            case 23 -> "LZS-DCP";
            case 24 -> "MVRCA";
            case 25 -> "DEC";
            case 26 -> "Deflate";
            case 255 -> "Reserved";
            default -> "Unknown";
        };
        if (optionHeader(out, name, opt, len)) {
            return 0;
        }
        switch (opt) {
            case 21 -> {
                if (len < 3) {
                    return bogus(out, ">= 3", len);
                }
                if (!m.has(at + 2, 1)) {
                    return abort(c);
                }
                int v = m.byteAt(at + 2);
                out.ascii(": Version: ").num(v >> 5).ascii(", Dictionary Bits: ").num(v & 0x1f);
            }
            case 24 -> {
                if (len < 4) {
                    return bogus(out, ">= 4", len);
                }
                if (!m.has(at + 2, 2)) {
                    return abort(c);
                }
                int v = m.byteAt(at + 2);
                out.ascii(": Features: ").num((v & 0xc0) >> 6).ascii(", PxP: ")
                        .ascii((v & 0x20) != 0 ? "Enabled" : "Disabled").ascii(", History: ").num(v & 0x1f)
                        .ascii(", #CTX-ID: ").num(m.byteAt(at + 3));
            }
            case 26 -> {
                if (len < 4) {
                    return bogus(out, ">= 4", len);
                }
                if (!m.has(at + 2, 2)) {
                    return abort(c);
                }
                int v = m.byteAt(at + 2);
                int w = m.byteAt(at + 3);
                out.ascii(": Window: ").num((v & 0xf0) >> 4).ascii("K, Method: ")
                        .ascii((v & 0x0f) == 8 ? "zlib" : "unknown").ascii(" (0x").ascii(Integer.toHexString(v & 0x0f))
                        .ascii("), MBZ: ").num((w & 0xfc) >> 2).ascii(", CHK: ").num(w & 0x03);
            }
            default -> unknownValue(c, m, at, len);
        }
        return valueDump(c, m, at, len);
    }

    private static int bacp(PrintContext c, PppControl m, int at, int length) {
        Out out = c.out();
        int len = header(c, m, at, length, "bacp");
        if (len < 0) {
            return 0;
        }
        int opt = m.byteAt(at);
        if (optionHeader(out, opt == 1 ? "Favored-Peer" : "Unknown", opt, len)) {
            return 0;
        }
        if (opt == 1) {
            if (len != 6) {
                return bogus(out, "= 6", len);
            }
            if (!m.has(at + 2, 4)) {
                return abort(c);
            }
            out.ascii(": Magic-Num 0x").hex(m.intAt(at + 2), 8);
        } else {
            unknownValue(c, m, at, len);
        }
        return valueDump(c, m, at, len);
    }

    /** Writes an option's name, type and length; true when the length is too short to hold them. */
    private static boolean optionHeader(Out out, String name, int opt, int len) {
        out.ascii("\n\t  ").ascii(name).ascii(" Option (0x").hex2(opt).ascii("), length ").num(len);
        if (len < 2) {
            out.ascii(" (length bogus, should be >= 2)");
            return true;
        }
        return false;
    }

    /** tcpdump's note on an option whose length its value cannot have; it goes on with {@code advance}. */
    private static int bogus(Out out, String should, int advance) {
        out.ascii(" (length bogus, should be ").ascii(should).ch(')');
        return advance;
    }

    /** An option tcpdump does not decode: its value dumped, unless {@code -vv} dumps every value anyway. */
    private static void unknownValue(PrintContext c, PppControl m, int at, int len) {
        if (c.verbose() < 2) {
            TlvText.dump(c.out(), m, at + 2, len - 2, "\n\t    ");
        }
    }

    /** With {@code -vv}, every decoded option's value again as a dump; returns the option's length. */
    private static int valueDump(PrintContext c, PppControl m, int at, int len) {
        if (c.verbose() > 1 && at + 2 > m.regionLength()) {
            c.out().ascii("\n\t    Dissector error: print_unknown_data called with pointer past end of packet");
        } else if (c.verbose() > 1) {
            TlvText.dump(c.out(), m, at + 2, len - 2, "\n\t    ");
        }
        return len;
    }

    private static int abort(PrintContext c) {
        c.truncatedRead("ppp");
        return ABORT;
    }
}
