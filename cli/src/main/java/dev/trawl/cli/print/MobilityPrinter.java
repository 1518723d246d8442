package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Mobility;

/**
 * The IPv6 mobility header as tcpdump prints it: {@code mobility: BU seq#=1000 A lifetime=14400},
 * {@code mobility: BA status=0 seq#=1000 lifetime=14400}, and with {@code -v} cookies, tokens and the
 * mobility options. Not thread-safe.
 */
final class MobilityPrinter implements LayerPrinter {
    private static final String[] TYPES = {"BRR", "HoTI", "CoTI", "HoT", "CoT", "BU", "BA", "BE"};
    /** The smallest header length of each message type. */
    private static final int[] MIN_LENGTHS = {8, 16, 16, 24, 24, 12, 12, 24};
    private static final int MIN = Mobility.MIN_LENGTH;

    private final Mobility view = new Mobility();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Mobility m = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        if (!body(c, m)) {
            c.truncated("mobility");
        }
    }

    /**
     * Prints as a mobility header the data layer {@code next} that follows next header 62, the number the
     * mobility header had before it was assigned 135, as tcpdump does (decode, like Wireshark, leaves it data).
     *
     * @return whether it printed it
     */
    static boolean oldNumber(PrintContext c, int nextHeader, int next) {
        if (nextHeader != 62 || next < 0 || c.packet().protocol(next) != Protocols.DATA) {
            return false;
        }
        new MobilityPrinter().print(c, next);
        return true;
    }

    /** Prints the header; false when the captured bytes (or the header's length) end inside it. */
    private boolean body(PrintContext c, Mobility m) {
        Out out = c.out();
        if (!m.has(1, 1)) {
            return false;
        }
        int mhlen = m.headerLength();
        if (!m.has(2, 1)) {
            return false;
        }
        int type = m.type();
        if (type < MIN_LENGTHS.length && mhlen < MIN_LENGTHS[type]) {
            out.ascii("(header length ").num(mhlen).ascii(" is too small for type ").num(type).ch(')');
            return false;
        }
        out.ascii("mobility: ");
        if (type < TYPES.length) {
            out.ascii(TYPES[type]);
        } else {
            out.ascii("type-#").num(type);
        }
        int hlen = MIN;
        switch (type) {
            case 0 -> {
            }
            case 1, 2 -> {
                if (c.verbose() > 0) {
                    if (!m.has(hlen, 8)) {
                        return false;
                    }
                    out.ascii(type == 1 ? " Home" : " Care-of").ascii(" Init Cookie=").hex(m.intAt(hlen), 8).ch(':')
                            .hex(m.intAt(hlen + 4), 8);
                }
                hlen += 8;
            }
            case 3, 4 -> {
                if (!m.has(6, 2)) {
                    return false;
                }
                out.ascii(" nonce id=0x").hex(m.shortAt(6));
                String side = type == 3 ? " Home" : " Care-of";
                if (c.verbose() > 0) {
                    if (!m.has(hlen, 8)) {
                        return false;
                    }
                    out.ascii(side).ascii(" Init Cookie=").hex(m.intAt(hlen), 8).ch(':').hex(m.intAt(hlen + 4), 8);
                    if (!m.has(hlen + 8, 8)) {
                        return false;
                    }
                    out.ascii(side).ascii(" Keygen Token=").hex(m.intAt(hlen + 8), 8).ch(':')
                            .hex(m.intAt(hlen + 12), 8);
                }
                hlen += 16;
            }
            case 5 -> {
                if (!m.has(6, 2)) {
                    return false;
                }
                out.ascii(" seq#=").num(m.shortAt(6));
                if (!m.has(hlen, 2)) {
                    return false;
                }
                int bits = (m.byteAt(hlen) & 0xf0) >> 4;
                if (bits != 0) {
                    out.ch(' ');
                    out.ascii((bits & 8) != 0 ? "A" : "").ascii((bits & 4) != 0 ? "H" : "")
                            .ascii((bits & 2) != 0 ? "L" : "").ascii((bits & 1) != 0 ? "K" : "");
                }
                hlen += 2;
                if (!m.has(hlen, 2)) {
                    return false;
                }
                out.ascii(" lifetime=").num(m.shortAt(hlen) << 2);
                hlen += 2;
            }
            case 6 -> {
                if (!m.has(6, 1)) {
                    return false;
                }
                out.ascii(" status=").num(m.byteAt(6));
                if (!m.has(7, 1)) {
                    return false;
                }
                if ((m.byteAt(7) & 0x80) != 0) {
                    out.ascii(" K");
                }
                if (!m.has(hlen, 2)) {
                    return false;
                }
                out.ascii(" seq#=").num(m.shortAt(hlen));
                if (!m.has(hlen + 2, 2)) {
                    return false;
                }
                out.ascii(" lifetime=").num(m.shortAt(hlen + 2) << 2);
                hlen += 4;
            }
            case 7 -> {
                if (!m.has(6, 1)) {
                    return false;
                }
                out.ascii(" status=").num(m.byteAt(6));
                if (!m.has(hlen, 16)) {
                    return false;
                }
                out.ascii(" homeaddr ");
                m.addressAt(hlen, c.addressScratch());
                c.ipv6(c.addressScratch());
                hlen += 16;
            }
            default -> {
                out.ascii(" len=").num(m.headerLengthField());
                return true;
            }
        }
        return c.verbose() == 0 || options(c, m, hlen, mhlen - hlen);
    }

    /** Prints the mobility options; false when one runs past the header or the capture. */
    private static boolean options(PrintContext c, Mobility m, int from, int len) {
        Out out = c.out();
        for (int i = 0; i < len; ) {
            int at = from + i;
            if (!m.has(at, 1)) {
                return false;
            }
            int type = m.byteAt(at);
            int optlen;
            if (type == 0) {
                optlen = 1;
            } else if (i + 1 < len) {
                if (!m.has(at + 1, 1)) {
                    return false;
                }
                optlen = m.byteAt(at + 1) + 2;
            } else {
                return false;
            }
            if (i + optlen > len || !m.has(at + optlen, 1)) {
                return false;
            }
            int left = len - i;
            switch (type) {
                case 0 -> out.ascii("(pad1)");
                case 1 -> {
                    if (left < 2) {
                        out.ascii("(padn: trunc)");
                        return false;
                    }
                    out.ascii("(padn)");
                }
                case 2 -> {
                    if (left < 4) {
                        out.ascii("(refresh: trunc)");
                        return false;
                    }
                    if (!m.has(at + 2, 2)) {
                        return false;
                    }
                    out.ascii("(refresh: ").num(m.shortAt(at + 2) << 2).ch(')');
                }
                case 3 -> {
                    if (left < 18) {
                        out.ascii("(altcoa: trunc)");
                        return false;
                    }
                    if (!m.has(at + 2, 16)) {
                        return false;
                    }
                    out.ascii("(alt-CoA: ");
                    m.addressAt(at + 2, c.addressScratch());
                    c.ipv6(c.addressScratch());
                    out.ch(')');
                }
                case 4 -> {
                    if (left < 6) {
                        out.ascii("(ni: trunc)");
                        return false;
                    }
                    if (!m.has(at + 2, 4)) {
                        return false;
                    }
                    out.ascii("(ni: ho=0x").hex(m.shortAt(at + 2), 4).ascii(" co=0x").hex(m.shortAt(at + 4), 4)
                            .ch(')');
                }
                case 5 -> {
                    if (left < 12) {
                        out.ascii("(auth: trunc)");
                        return false;
                    }
                    out.ascii("(auth)");
                }
                default -> {
                    if (left < 2) {
                        out.ascii("(sopt_type ").num(type).ascii(": trunc)");
                        return false;
                    }
                    out.ascii("(type-0x").hex2(type).ascii(": len=").num(m.byteAt(at + 1)).ch(')');
                }
            }
            i += optlen;
        }
        return true;
    }
}
