package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Ipv6;
import dev.trawl.decode.layer.Ipv6Extension;

/**
 * IPv6 extension headers and the authentication header, each a decode layer, as tcpdump names them before the
 * layer above: {@code HBH }, {@code DSTOPT }, {@code srcrt (len=2, type=0, segleft=1) }, {@code frag
 * (0|1448) }, {@code AH(spi=0x00001000,seq=0x1,icv=0x5b2c...): }. A later fragment ends the line, as its upper-layer header is
 * in the first one. Not thread-safe.
 */
final class Ipv6ExtensionPrinter implements LayerPrinter {
    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Ipv6Extension h = p.ipv6Extension(layer);
        Out out = c.out();
        int protocol = p.protocol(layer);
        String name = marker(protocol);
        if (!h.has(0, 2)) {
            if (protocol == Protocols.IPV6_ROUTING) {
                routing(c, h); // tcpdump names a routing header before it reads any of it
            } else {
                c.truncated(name);
            }
            return;
        }
        int nh = h.nextHeader();
        int headerLength;
        int ip = c.enclosing(layer, Protocols.IPV6);
        boolean emptyPayload = ip >= 0 && p.ipv6(ip).payloadLength() == 0;
        if (protocol == Protocols.IPV6_HOPOPTS || protocol == Protocols.IPV6_DSTOPTS) {
            boolean hopByHop = protocol == Protocols.IPV6_HOPOPTS;
            headerLength = h.optionsHeaderLength();
            if (!h.has(0, headerLength)) {
                c.truncated(name);
                return;
            }
            out.ascii(hopByHop ? "HBH " : "DSTOPT ");
            if ((hopByHop || c.verbose() > 0) && options(c, h, headerLength, hopByHop, emptyPayload, true) == TRUNCATED) {
                c.truncated(name);
                return;
            }
            if (hopByHop && emptyPayload && options(c, h, headerLength, true, true, false) < 0) {
                out.ascii("[No valid Jumbo Payload Hop-by-Hop option found] (invalid)");
                return;
            }
        } else if (protocol == Protocols.IPV6_ROUTING) {
            headerLength = h.optionsHeaderLength();
            if (!routing(c, h)) {
                return;
            }
        } else if (protocol == Protocols.IPV6_FRAGHDR) {
            headerLength = 8;
            if (!h.has(2, c.verbose() > 0 ? 6 : 2)) {
                c.truncated(name); // tcpdump reads the identification only with -v
                return;
            }
            out.ascii("frag (");
            if (c.verbose() > 0) {
                out.ascii("0x").hex(h.fragmentIdentification(), 8).ch(':');
            }
            // tcpdump's length: the IPv6 header's payload length less what precedes the fragment's data, in an
            // unsigned 64-bit count however small the header's length is
            long stated = ip < 0 ? remaining(c, layer) - 8L
                    : Ipv6.HEADER_LENGTH + p.ipv6(ip).payloadLength() - (p.offset(layer) - p.offset(ip)) - 8L;
            out.num(h.fragmentOffset() * 8L).ch('|').ascii(Long.toUnsignedString(stated)).ch(')');
            if (h.fragmentOffset() != 0) {
                return; // a later fragment: the upper-layer header is in the first one
            }
            out.ch(' ');
        } else {
            headerLength = h.authenticationHeaderLength();
            if (!authentication(c, h, headerLength)) {
                return;
            }
        }
        if (ip >= 0 && protocol != Protocols.AH) {
            // tcpdump walks IPv6 headers only while bytes are left inside the capture and the stated payload
            long end = Math.min(p.layerEnd(ip), Ipv6Printer.payloadEnd(c, ip));
            if (p.offset(layer) + headerLength >= end) {
                return;
            }
            if (!extension(nh) && emptyPayload) {
                long jumbo = jumboLength(c, ip);
                if (jumbo < 0) {
                    c.truncated("ip6");
                    return;
                }
                long missing = jumbo + Ipv6.HEADER_LENGTH - c.wireLength(ip);
                if (missing > 0) {
                    out.ascii("truncated-ip6 - ").num(missing).ascii(" bytes missing!");
                }
            }
        }
        if (nh == 59) {
            out.ascii("no next header");
            return;
        }
        if (MobilityPrinter.oldNumber(c, nh, c.after(layer))) {
            return;
        }
        if (!c.next(layer)) {
            Ipv6Printer.unknown(c, nh, remaining(c, layer) - headerLength);
        }
    }

    /** The name tcpdump gives a header in its truncation marker. */
    private static String marker(int protocol) {
        if (protocol == Protocols.AH) {
            return "ah";
        } else if (protocol == Protocols.IPV6_HOPOPTS) {
            return "hbhopt";
        } else if (protocol == Protocols.IPV6_DSTOPTS) {
            return "dstopt";
        } else if (protocol == Protocols.IPV6_ROUTING) {
            return "rt6";
        }
        return "frag6";
    }

    /** Whether tcpdump's IPv6 printer walks over this next header itself rather than handing it on. */
    static boolean extension(int nh) {
        return nh == 0 || nh == 43 || nh == 44 || nh == 60;
    }

    /**
     * The length a valid jumbo payload option states for IPv6 layer {@code ip}, or -1 when there is none: the
     * IPv6 payload length must be 0 and the option must be in a hop-by-hop header right after the IPv6 header.
     */
    static long jumboLength(PrintContext c, int ip) {
        DecodedPacket p = c.packet();
        if (p.ipv6(ip).payloadLength() != 0) {
            return -1;
        }
        int next = c.after(ip);
        if (next < 0 || p.protocol(next) != Protocols.IPV6_HOPOPTS) {
            return -1;
        }
        Ipv6Extension h = p.ipv6Extension(next);
        if (!h.has(0, 2) || !h.has(0, h.optionsHeaderLength())) {
            return -1;
        }
        return Math.max(-1, options(c, h, h.optionsHeaderLength(), true, true, false));
    }

    /**
     * Writes an authentication header as tcpdump does, {@code AH(spi=0x00000100,seq=0x13,icv=0x21d3...): }, with
     * {@code -v} its length first; false, having marked it, when the captured bytes end inside it.
     */
    private static boolean authentication(PrintContext c, Ipv6Extension h, int headerLength) {
        Out out = c.out();
        out.ascii("AH(");
        if (c.verbose() > 0) {
            out.ascii("length=").num(h.u8At(1)).ch('(').num(headerLength).ascii("-bytes),");
        }
        if (!h.has(2, 10)) {
            c.truncatedRead("ah");
            return false;
        }
        int reserved = h.u8At(2) << 8 | h.u8At(3);
        if (reserved != 0) {
            out.ascii("reserved=0x").hex(reserved).ascii("[MustBeZero],");
        }
        out.ascii("spi=0x").hex(h.authenticationSpi(), 8).ascii(",seq=0x").hex(h.authenticationSequence())
                .ascii(",icv=0x");
        for (int rel = 12; rel < headerLength; rel++) {
            if (!h.has(rel, 1)) {
                c.truncatedRead("ah");
                return false;
            }
            out.hex2(h.u8At(rel));
        }
        out.ascii("): ");
        return true;
    }

    /** What {@link #options} returns when the options run past their header. */
    private static final long TRUNCATED = -2;

    /**
     * Walks the options of a hop-by-hop or destination options header as tcpdump does and, when {@code print},
     * writes them ({@code (padn)(rtalert: 0x0000)  } with {@code -v}; tcpdump names only a malformed option
     * without it).
     *
     * @return {@link #TRUNCATED} when an option runs past the header, else the valid jumbo payload length
     *     found (a hop-by-hop option, the IPv6 payload length 0, at least 65536), else -1
     */
    private static long options(PrintContext c, Ipv6Extension h, int headerLength, boolean hopByHop,
            boolean emptyPayload, boolean print) {
        Out out = c.out();
        boolean verbose = print && c.verbose() > 0;
        int len = headerLength - 2;
        boolean seenJumbo = false;
        long jumbo = -1;
        int optlen;
        for (int i = 0; i < len; i += optlen) {
            int rel = 2 + i;
            int type = h.u8At(rel);
            if (type == 0) {
                optlen = 1;
            } else if (i + 1 < len) {
                optlen = h.u8At(rel + 1) + 2;
            } else {
                return TRUNCATED;
            }
            if (i + optlen > len) {
                return TRUNCATED;
            }
            switch (type) {
                case 0 -> {
                    if (verbose) {
                        out.ascii("(pad1)");
                    }
                }
                case 1 -> {
                    if (verbose) {
                        out.ascii("(padn)");
                    }
                }
                case 5 -> {
                    if (len - i < 4) {
                        return malformed(out, print, "(rtalert: trunc)");
                    }
                    if (optlen != 4) {
                        return invalidLength(out, print, "rtalert", optlen - 2);
                    }
                    if (verbose) {
                        out.ascii("(rtalert: 0x").hex(h.u16At(rel + 2), 4).ascii(") ");
                    }
                }
                case 0xc2 -> {
                    if (len - i < 6) {
                        return malformed(out, print, "(jumbo: trunc)");
                    }
                    if (optlen != 6) {
                        return invalidLength(out, print, "jumbo", optlen - 2);
                    }
                    long value = h.u32At(rel + 2);
                    String note;
                    if (seenJumbo) {
                        note = " - already seen";
                    } else if (!hopByHop) {
                        note = " - not a hop-by-hop option";
                    } else if (!emptyPayload) {
                        note = " - payload len != 0";
                    } else if (value < 65536) {
                        note = " - < 65536";
                    } else {
                        note = "";
                        jumbo = value;
                    }
                    seenJumbo = true;
                    if (verbose) {
                        out.ascii("(jumbo: ").num(value).ascii(note).ascii(") ");
                    }
                }
                case 0xc9 -> {
                    if (len - i < 18) {
                        return malformed(out, print, "(homeaddr: trunc)");
                    }
                    if (optlen < 18) {
                        return invalidLength(out, print, "homeaddr", optlen - 2);
                    }
                    if (verbose) {
                        byte[] a = c.addressScratch();
                        h.address(rel + 2, a);
                        out.ascii("(homeaddr: ");
                        c.ipv6(a);
                        out.ch(')');
                    }
                }
                default -> {
                    if (verbose) {
                        out.ascii("(opt_type 0x").hex2(type).ascii(": len=").num(optlen - 2).ch(')');
                    }
                }
            }
        }
        if (verbose) {
            out.ch(' ');
        }
        return jumbo;
    }

    private static long invalidLength(Out out, boolean print, String option, int length) {
        if (print) {
            out.ch('(').ascii(option).ascii(": invalid len ").num(length).ch(')');
        }
        return TRUNCATED;
    }

    private static long malformed(Out out, boolean print, String text) {
        if (print) {
            out.ascii(text);
        }
        return TRUNCATED;
    }

    /**
     * Writes a routing header as tcpdump does: {@code RT6 (len=2, type=0 [Deprecated], segleft=1,
     * [0]2200::1) }; false, having marked it, when it is malformed or its addresses were cut short.
     */
    private static boolean routing(PrintContext c, Ipv6Extension h) {
        Out out = c.out().ascii("RT6");
        // tcpdump names the header before reading it, then each field as far as the capture goes
        if (!h.has(1, 1)) {
            c.truncated("rt6");
            return false;
        }
        int len = h.headerExtensionLength();
        out.ascii(" (len=").num(len);
        if (!h.has(2, 1)) {
            c.truncated("rt6");
            return false;
        }
        int type = h.routingType();
        out.ascii(", type=").num(type);
        if (type == 0) {
            out.ascii(" [Deprecated]");
        }
        if (!h.has(3, 1)) {
            c.truncated("rt6");
            return false;
        }
        out.ascii(", segleft=").num(h.segmentsLeft());
        if (type != 0 && type != 2 && type != 4) {
            out.ascii(" (unknown type) (invalid)");
            return false;
        }
        if (!h.has(4, 4)) {
            c.truncated("rt6");
            return false;
        }
        if (type == 4) {
            out.ascii(", last-entry=").num(h.u8At(4));
            if (h.u8At(5) != 0 || c.verbose() > 0) {
                out.ascii(", flags=0x").hex(h.u8At(5));
            }
            out.ascii(", tag=").hex(h.u16At(6));
        } else if (h.u32At(4) != 0 || c.verbose() > 0) {
            out.ascii(", rsv=0x").hex(h.u32At(4));
        }
        if (len % 2 == 1) {
            out.ascii(" (invalid length ").num(len).ascii(") (invalid)");
            return false;
        }
        byte[] a = c.addressScratch();
        for (int i = 0; i < len / 2; i++) {
            int rel = 8 + 16 * i;
            if (!h.has(rel, 16)) {
                c.truncated("rt6");
                return false;
            }
            h.address(rel, a);
            out.ascii(", [").num(i).ch(']');
            c.ipv6(a);
        }
        out.ascii(") ");
        return true;
    }

    /**
     * The bytes from this header to the end of the enclosing IP payload, as the IP header (or its jumbo payload
     * option, which may state more than an int holds) states it.
     */
    private static long remaining(PrintContext c, int layer) {
        int ip = c.enclosing(layer, Protocols.IPV6);
        if (ip < 0) {
            return c.wireLength(layer);
        }
        long jumbo = jumboLength(c, ip);
        long end = jumbo >= 0 ? c.packet().offset(ip) + (long) Ipv6.HEADER_LENGTH + jumbo : Ipv6Printer.payloadEnd(c, ip);
        return end - c.packet().offset(layer);
    }
}
