package dev.trawl.cli.print;

import static dev.trawl.cli.print.OspfTeText.need;
import static dev.trawl.cli.print.OspfTeText.u16;
import static dev.trawl.cli.print.OspfTeText.u32;
import static dev.trawl.cli.print.OspfTeText.u8;

import dev.trawl.decode.layer.Ospf;

/**
 * OSPF version 3 as tcpdump prints it with {@code -v}: router, area and instance, then per packet type the
 * Hello's options, timers and designated routers, the Database Description's options, flags and sequence, and
 * the link-local signalling block and authentication trailer that may follow the packet; with {@code -vv} also
 * the Hello's neighbours, the LSA headers of Database Descriptions and LS Acks, the LS Request's entries and
 * every LSA of an LS Update with the bodies of router, network, inter-area prefix, external, link and
 * intra-area prefix LSAs. Offsets are relative to the OSPF header; a read past the capture or a length that
 * does not fit ends the text with tcpdump's {@code [|ospf3]}. Stateless.
 */
final class Ospf6Detail {
    private static final int HEADER = 16;
    private static final int LSA_HEADER = 20;
    private static final int OPTION_LLS = 0x200;
    private static final String[] OPTIONS = {"V6", "External", "Deprecated", "NSSA", "Router", "Demand Circuit",
        null, null, "AFs Support", "LLS", "Authentication Trailer"};
    /** Database Description flags in the order tcpdump lists them, with their bits. */
    private static final String[] DD_FLAGS = {"Init", "More", "Master", "IPv6 MTU"};
    private static final int[] DD_BITS = {0x04, 0x02, 0x01, 0x10};
    private static final String[] RLA_FLAGS = {"ABR", "External", "Virtual-Link Endpoint", "Deprecated",
        "NSSA Translator"};
    private static final String[] PREFIX_OPTIONS = {"No Unicast", "Local address", "Deprecated", "Propagate", "Down",
        "N-bit"};
    private static final String[] LSA_TYPES = {null, "Router", "Network", "Inter-Area Prefix", "Inter-Area Router",
        "External", "Deprecated", "NSSA", "Link", "Intra-Area Prefix", "Intra-Area TE", "Grace",
        "Router Information", "Inter-AS-TE", "Layer 1 VPN"};

    private Ospf6Detail() {
    }

    /** Prints what follows the summary of a version 3 packet of a known type in an IP payload of {@code length}. */
    static void print(PrintContext c, Ospf o, int length) {
        try {
            packet(c, o, length);
        } catch (Truncated t) {
            c.truncated("ospf3");
        }
    }

    /** The IPv6 address at {@code at}, in the context's scratch array. */
    private static byte[] ipv6(PrintContext c, Ospf o, int at) {
        need(o, at, 16);
        byte[] a = c.addressScratch();
        for (int i = 0; i < 16; i++) {
            a[i] = (byte) o.u8At(at + i);
        }
        return a;
    }

    /** Writes {@code label}, then the IPv4-style identifier at {@code at}, read first. */
    private static void id(PrintContext c, Ospf o, String label, int at) {
        int v = (int) u32(o, at);
        c.out().ascii(label);
        c.ipv4(v);
    }

    /** tcpdump's {@code bittok2str}: the names of the set bits, {@code none} when no named bit is set. */
    private static void bits(Out out, String[] names, long value) {
        String sep = "";
        for (int bit = 0; bit < names.length; bit++) {
            if (names[bit] != null && (value & 1L << bit) != 0) {
                out.ascii(sep).ascii(names[bit]);
                sep = ", ";
            }
        }
        if (sep.isEmpty()) {
            out.ascii("none");
        }
    }

    private static void packet(PrintContext c, Ospf o, int length) {
        Out out = c.out();
        int datalen = u16(o, 2);
        if (datalen > length) {
            out.ascii(" [len ").num(datalen).ch(']');
            return;
        }
        id(c, o, "\n\tRouter-ID ", 4);
        if (u32(o, 8) != 0) {
            id(c, o, ", Area ", 8);
        } else {
            out.ascii(", Backbone Area");
        }
        int instance = u8(o, 14);
        if (instance != 0) {
            out.ascii(", Instance ").num(instance);
        }
        int type = u8(o, 1);
        body(c, o, type, datalen);
        trailer(c, o, type, datalen, length - datalen);
    }

    private static void body(PrintContext c, Ospf o, int type, int end) {
        Out out = c.out();
        boolean detail = c.verbose() > 1;
        switch (type) {
            case 1 -> {
                long options = u32(o, HEADER + 4);
                out.ascii("\n\tOptions [");
                bits(out, OPTIONS, options);
                out.ch(']');
                int hello = u16(o, HEADER + 8);
                int dead = u16(o, HEADER + 10);
                int ifid = (int) u32(o, HEADER);
                int priority = u8(o, HEADER + 4);
                out.ascii("\n\t  Hello Timer ").num(hello).ascii("s, Dead Timer ").num(dead).ascii("s, Interface-ID ");
                c.ipv4(ifid);
                out.ascii(", Priority ").num(priority);
                if (u32(o, HEADER + 12) != 0) {
                    id(c, o, "\n\t  Designated Router ", HEADER + 12);
                }
                if (u32(o, HEADER + 16) != 0) {
                    id(c, o, ", Backup Designated Router ", HEADER + 16);
                }
                if (detail) {
                    out.ascii("\n\t  Neighbor List:");
                    for (int at = HEADER + 20; at < end; at += 4) {
                        id(c, o, "\n\t    ", at);
                    }
                }
            }
            case 2 -> {
                long options = u32(o, HEADER);
                out.ascii("\n\tOptions [");
                bits(out, OPTIONS, options);
                int flags = u8(o, HEADER + 7);
                out.ascii("], DD Flags [");
                String sep = "";
                for (int i = 0; i < DD_BITS.length; i++) {
                    if ((flags & DD_BITS[i]) != 0) {
                        out.ascii(sep).ascii(DD_FLAGS[i]);
                        sep = ", ";
                    }
                }
                out.ascii(sep.isEmpty() ? "none" : "");
                int mtu = u16(o, HEADER + 4);
                long sequence = u32(o, HEADER + 8);
                out.ascii("], MTU ").num(mtu).ascii(", DD-Sequence 0x").hex(sequence, 8);
                if (detail) {
                    for (int at = HEADER + 12; at < end; at += LSA_HEADER) {
                        lsaHeader(c, o, at, end);
                    }
                }
            }
            case 3 -> {
                if (detail) {
                    for (int at = HEADER; at < end; at += 12) {
                        need(o, at, 12);
                        id(c, o, "\n\t  Advertising Router ", at + 8);
                        lsType(c, o, u16(o, at + 2), at + 4);
                    }
                }
            }
            case 4 -> {
                if (detail) {
                    int count = (int) u32(o, HEADER);
                    for (int at = HEADER + 4; at < end && count-- != 0; at += u16(o, at + 18)) {
                        lsa(c, o, at, end);
                    }
                }
            }
            case 5 -> {
                if (detail) {
                    for (int at = HEADER; at < end; at += LSA_HEADER) {
                        lsaHeader(c, o, at, end);
                    }
                }
            }
            default -> {
                // only the known types reach here
            }
        }
    }

    private static void lsaHeader(PrintContext c, Ospf o, int at, int end) {
        if (at + LSA_HEADER > end) {
            throw Truncated.INSTANCE;
        }
        int router = (int) u32(o, at + 8);
        long sequence = u32(o, at + 12);
        int age = u16(o, at);
        int length = u16(o, at + 18);
        Out out = c.out().ascii("\n\t  Advertising Router ");
        c.ipv4(router);
        out.ascii(", seq 0x").hex(sequence, 8).ascii(", age ").num(age).ascii("s, length ")
                .ascii(Long.toUnsignedString(length - (long) LSA_HEADER));
        lsType(c, o, u16(o, at + 2), at + 4);
    }

    private static void lsType(PrintContext c, Ospf o, int type, int idAt) {
        int id = (int) u32(o, idAt);
        int code = type & 0x1fff;
        Out out = c.out().ascii("\n\t    ");
        out.ascii(code < LSA_TYPES.length && LSA_TYPES[code] != null ? LSA_TYPES[code] : "Unknown");
        out.ascii(" LSA (").num(code).ascii("), ").ascii(switch (type & 0x6000) {
            case 0 -> "Link Local";
            case 0x2000 -> "Area Local";
            case 0x4000 -> "Domain Wide";
            default -> "Unknown";
        });
        out.ascii(" Scope").ascii((type & 0x8000) != 0 ? ", transitive" : "").ascii(", LSA-ID ");
        c.ipv4(id);
    }

    /** Prints one LSA, its header and body; throws when it is cut or its length does not fit. */
    private static void lsa(PrintContext c, Ospf o, int at, int end) {
        lsaHeader(c, o, at, end);
        Out out = c.out();
        int length = u16(o, at + 18);
        if (length < LSA_HEADER || at + length > end) {
            throw Truncated.INSTANCE;
        }
        int left = length - LSA_HEADER;
        int p = at + LSA_HEADER;
        switch (u16(o, at + 2)) {
            case 0x2001 -> {
                left = take(left, 4);
                lsaOptions(out, o, p);
                int flags = u8(o, p);
                out.ascii("], RLA-Flags [");
                bits(out, RLA_FLAGS, flags);
                out.ch(']');
                for (int link = p + 4; left != 0; link += 16) {
                    left = take(left, 16);
                    need(o, link, 16);
                    int kind = u8(o, link);
                    String first = switch (kind) {
                        case 4 -> "\n\t      Virtual Link: Neighbor Router-ID ";
                        case 1 -> "\n\t      Neighbor Router-ID ";
                        case 2 -> "\n\t      Neighbor Network-ID ";
                        default -> null;
                    };
                    if (first == null) {
                        out.ascii("\n\t      Unknown Router Links Type 0x").hex(kind, 2);
                        return;
                    }
                    id(c, o, first, link + 12);
                    id(c, o, "\n\t      Neighbor Interface-ID ", link + 8);
                    id(c, o, ", Interface ", link + 4);
                    int metric = u16(o, link + 2);
                    out.ascii(", metric ").num(metric);
                }
            }
            case 0x2002 -> {
                left = take(left, 4);
                lsaOptions(out, o, p);
                out.ascii("]\n\t      Connected Routers:");
                for (int router = p + 4; left != 0; router += 4) {
                    left = take(left, 4);
                    id(c, o, "\n\t\t", router);
                }
            }
            case 0x2003 -> {
                left = take(left, 4);
                long metric = u32(o, p) & 0xffffff;
                out.ascii(", metric ").num(metric);
                for (int prefix = p + 4; left != 0; ) {
                    int n = prefix(c, o, prefix, left);
                    left -= n;
                    prefix += n;
                }
            }
            case 0x4005 -> external(c, o, p, left);
            case 0x0008 -> {
                left = take(left, 4);
                lsaOptions(out, o, p);
                out.ch(']');
                left = take(left, 20);
                long prefixes = u32(o, p + 20);
                int priority = u8(o, p);
                byte[] a = ipv6(c, o, p + 4);
                out.ascii("\n\t      Priority ").num(priority).ascii(", Link-local address ");
                c.ipv6(a);
                out.ascii(", Prefixes ").num(prefixes).ch(':');
                for (int prefix = p + 24; prefixes > 0; prefixes--) {
                    int n = prefix(c, o, prefix, left);
                    left -= n;
                    prefix += n;
                }
            }
            case 0x2009 -> {
                // tcpdump counts only the router id and prefix count off the length, as it is
                left = take(left, 4);
                need(o, p + 8, 4);
                lsType(c, o, u16(o, p + 2), p + 4);
                left = take(left, 2);
                int prefixes = u16(o, p);
                out.ascii("\n\t      Prefixes ").num(prefixes).ch(':');
                for (int prefix = p + 12; prefixes > 0; prefixes--) {
                    int n = prefix(c, o, prefix, left);
                    left -= n;
                    prefix += n;
                }
            }
            default -> {
                if (!o.has(p, 0)) {
                    throw Truncated.INSTANCE;
                }
                int captured = Math.min(left, Math.max(0, o.regionLength() - p));
                TlvText.dump(out, i -> o.u8At(p + i), captured, "\n\t      ");
            }
        }
    }

    /** An LSA body's options word, {@code \n\t      Options [V6, Router} (the caller closes the bracket). */
    private static void lsaOptions(Out out, Ospf o, int p) {
        long options = u32(o, p);
        out.ascii("\n\t      Options [");
        bits(out, OPTIONS, options);
    }

    /** {@code left} less {@code n}; throws when the LSA has fewer bytes left. */
    private static int take(int left, int n) {
        if (left < n) {
            throw Truncated.INSTANCE;
        }
        return left - n;
    }

    private static void external(PrintContext c, Ospf o, int p, int left) {
        Out out = c.out();
        left = take(left, 4);
        long flags = u32(o, p);
        out.ascii("\n\t     Flags [");
        if ((flags & 0x80000000L) != 0) {
            out.ascii("External Type 2");
        }
        String sep = (flags & 0x80000000L) != 0 ? ", " : "";
        if ((flags & 0x02000000) != 0) {
            out.ascii(sep).ascii("Forwarding");
            sep = ", ";
        }
        if ((flags & 0x01000000) != 0) {
            out.ascii(sep).ascii("Tag");
            sep = ", ";
        }
        if (sep.isEmpty()) {
            out.ascii("none");
        }
        out.ascii("] metric ").num(flags & 0xffffff);
        int prefixAt = p + 4;
        int n = prefix(c, o, prefixAt, left);
        left -= n;
        int at = prefixAt + n;
        if ((flags & 0x02000000) != 0) {
            left = take(left, 16);
            byte[] a = ipv6(c, o, at);
            out.ascii(" forward ");
            c.ipv6(a);
            at += 16;
        }
        if ((flags & 0x01000000) != 0) {
            left = take(left, 4);
            id(c, o, " tag ", at);
            at += 4;
        }
        if (u8(o, prefixAt + 2) != 0) {
            take(left, 4);
            id(c, o, " RefLSID: ", at);
        }
    }

    /** Prints an LSA's prefix; returns its length, or throws when it does not fit in {@code left}. */
    private static int prefix(PrintContext c, Ospf o, int at, int left) {
        Out out = c.out();
        left = take(left, 4);
        need(o, at, 4);
        int bitsLength = u8(o, at);
        int words = (bitsLength + 31) / 32;
        if (words * 4 > 16) {
            out.ascii(" bogus prefixlen /").num(bitsLength);
            throw Truncated.INSTANCE;
        }
        take(left, words * 4);
        need(o, at + 4, words * 4);
        byte[] a = c.addressScratch();
        for (int i = 0; i < 16; i++) {
            a[i] = i < words * 4 ? (byte) o.u8At(at + 4 + i) : 0;
        }
        out.ascii("\n\t\t");
        c.ipv6(a);
        out.ch('/').num(bitsLength);
        int options = u8(o, at + 1);
        if (options != 0) {
            out.ascii(", Options [");
            bits(out, PREFIX_OPTIONS, options);
            out.ch(']');
        }
        int metric = u16(o, at + 2);
        out.ascii(", metric ").num(metric);
        return 4 + words * 4;
    }

    /** The link-local signalling block and the authentication trailer that may follow the packet. */
    private static void trailer(PrintContext c, Ospf o, int type, int at, int len) {
        Out out = c.out();
        boolean lls = false;
        if (type == 1) {
            lls = (u32(o, HEADER + 4) & OPTION_LLS) != 0;
        } else if (type == 2) {
            lls = (u32(o, HEADER) & OPTION_LLS) != 0;
        }
        if (lls && len != 0) {
            if (len < 4) {
                throw Truncated.INSTANCE;
            }
            int checksum = u16(o, at);
            out.ascii("\n\tLLS Checksum 0x").hex(checksum, 4);
            int llsLength = u16(o, at + 2);
            out.ascii(", Data Length ").num(llsLength);
            if (llsLength < 4 || llsLength > len) {
                throw Truncated.INSTANCE;
            }
            need(o, at + 4, llsLength - 4);
            at += llsLength;
            len -= llsLength;
        }
        if (len == 0) {
            return;
        }
        if (len < 16) {
            throw Truncated.INSTANCE;
        }
        int authType = u16(o, at);
        out.ascii("\n\tAuthentication Type ");
        if (authType == 1) {
            out.ascii("HMAC");
        } else {
            out.ascii("unknown (0x").hex(authType, 4).ch(')');
        }
        int authLength = u16(o, at + 2);
        out.ascii(", Length ").num(authLength);
        if (authLength < 16 || authLength > len) {
            throw Truncated.INSTANCE;
        }
        int said = u16(o, at + 6);
        out.ascii(", SAID ").num(said);
        long high = u32(o, at + 8);
        out.ascii(", CSN 0x").hex(high, 8);
        long low = u32(o, at + 12);
        out.ch(':').hex(low, 8);
        need(o, at + 16, authLength - 16);
        if (c.verbose() > 1) {
            int data = at + 16;
            TlvText.dump(out, i -> o.u8At(data + i), authLength - 16, "\n\tAuthentication Data ");
        }
    }
}
