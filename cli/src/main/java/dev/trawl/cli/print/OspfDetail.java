package dev.trawl.cli.print;

import dev.trawl.decode.layer.Ospf;

/**
 * OSPF version 2 as tcpdump prints it with {@code -v}: router and area, authentication, then per packet type
 * the Hello's options, timers, designated routers and neighbours, the Database Description's flags and LSA
 * headers, the LS Request's entries, every LSA of an LS Update with the bodies of router, network, summary
 * and external LSAs, the LS Ack's headers, and the link-local signalling block that may trail a Hello or
 * Database Description. Stateless.
 */
final class OspfDetail {
    private static final int HEADER = 24;
    private static final int LSA_HEADER = 20;
    private static final int MD5 = 2;
    private static final String[] OPTIONS = {"MultiTopology", "External", "Multicast", "NSSA", "LLS",
        "Demand Circuit", "Opaque", "Up/Down"};
    private static final String[] DD_FLAGS = {"Init", "More", "Master", "OOBResync"};
    private static final int[] DD_BITS = {0x04, 0x02, 0x01, 0x08};
    private static final String[] ROUTER_FLAGS = {"ABR", "ASBR", "Virtual", "Wildcard", "Nt", null, null, "Host"};
    private static final String[] LLS_OPTIONS = {"LSDB resync", "Restart"};
    private static final String[] LSA_TYPES = {null, "Router", "Network", "Summary", "ASBR Summary", "External",
        "Multicast Group", "NSSA", null, "Link Local Opaque", "Area Local Opaque", "Domain Wide Opaque"};
    /** The opaque types tcpdump 4.99 names; it calls the segment routing extended prefix and link types unknown. */
    private static final String[] OPAQUE_TYPES = {null, "Traffic Engineering", null, "Graceful restart",
        "Router Information"};
    private static final String[] TOPOLOGIES = {"default", "multicast", "management"};
    private static final String[] AUTH_TYPES = {"none", "simple", "MD5"};

    private OspfDetail() {
    }

    /** Thrown when the captured bytes end inside what is being printed, as tcpdump's {@code [|ospf2]}. */
    private static final class Truncated extends Exception {
        private static final Truncated INSTANCE = new Truncated();

        private Truncated() {
            super(null, null, false, false);
        }
    }

    /**
     * Prints what follows the summary of a version 2 packet whose IP payload, less any trailing digest, is
     * {@code length} bytes.
     */
    static void print(PrintContext c, Ospf o, int length) {
        try {
            packet(c, o, length);
        } catch (Truncated t) {
            c.truncated("ospf2");
        }
    }

    private static void need(Ospf o, int at, int n) throws Truncated {
        if (!o.has(at, n)) {
            throw Truncated.INSTANCE;
        }
    }

    private static void ipv4(PrintContext c, Ospf o, int at) throws Truncated {
        need(o, at, 4);
        c.ipv4((int) o.u32At(at));
    }

    private static int u8(Ospf o, int at) throws Truncated {
        need(o, at, 1);
        return o.u8At(at);
    }

    private static int u16(Ospf o, int at) throws Truncated {
        need(o, at, 2);
        return o.u16At(at);
    }

    private static long u32(Ospf o, int at) throws Truncated {
        need(o, at, 4);
        return o.u32At(at);
    }

    private static String name(String[] names, int i, String otherwise) {
        return i >= 0 && i < names.length && names[i] != null ? names[i] : otherwise;
    }

    private static void bits(Out out, String[] names, long value, String none) {
        boolean any = false;
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null && (value & (1L << i)) != 0) {
                out.ascii(any ? ", " : "").ascii(names[i]);
                any = true;
            }
        }
        if (!any) {
            out.ascii(none);
        }
    }

    private static void packet(PrintContext c, Ospf o, int length) throws Truncated {
        Out out = c.out();
        int stated = o.packetLength();
        int end = Math.min(length, stated);
        out.ascii("\n\tRouter-ID ");
        ipv4(c, o, 4);
        need(o, 8, 4);
        if (o.u32At(8) != 0) {
            out.ascii(", Area ");
            ipv4(c, o, 8);
        } else {
            out.ascii(", Backbone Area");
        }
        need(o, 16, 8);
        int auth = o.authType();
        out.ascii(", Authentication Type: ").ascii(name(AUTH_TYPES, auth, "unknown")).ascii(" (").num(auth)
                .ch(')');
        switch (auth) {
            case 0 -> {
            }
            case 1 -> {
                out.ascii("\n\tSimple text password: ");
                for (int i = 16; i < HEADER && o.u8At(i) != 0; i++) {
                    printable(out, o.u8At(i));
                }
            }
            case MD5 -> out.ascii("\n\tKey-ID: ").num(o.u8At(18)).ascii(", Auth-Length: ").num(o.u8At(19))
                    .ascii(", Crypto Sequence Number: 0x").hex(o.u32At(20), 8);
            default -> {
                return;
            }
        }
        switch (o.type()) {
            case 1 -> hello(c, o, end);
            case 2 -> {
                out.ascii("\n\tOptions [");
                bits(out, OPTIONS, u8(o, HEADER + 2), "none");
                out.ascii("], DD Flags [");
                int flags = u8(o, HEADER + 3);
                boolean any = false;
                for (int i = 0; i < DD_BITS.length; i++) {
                    if ((flags & DD_BITS[i]) != 0) {
                        out.ascii(any ? ", " : "").ascii(DD_FLAGS[i]);
                        any = true;
                    }
                }
                out.ascii(any ? "" : "none");
                out.ch(']');
                int mtu = u16(o, HEADER);
                if (mtu != 0) {
                    out.ascii(", MTU: ").num(mtu);
                }
                out.ascii(", Sequence: 0x").hex(u32(o, HEADER + 4), 8);
                for (int at = HEADER + 8; at < end && lsaHeader(c, o, at) >= 0; at += LSA_HEADER) {
                    // each header in turn, until one states a length shorter than a header
                }
            }
            case 3 -> request(c, o, end);
            case 4 -> update(c, o);
            case 5 -> {
                // tcpdump reads headers on until the captured bytes end, not to the stated length
                for (int at = HEADER; lsaHeader(c, o, at) >= 0; at += LSA_HEADER) {
                    // each header in turn
                }
            }
            default -> {
            }
        }
        if (length > stated) {
            lls(c, o, length);
        }
    }

    private static void printable(Out out, int b) {
        if (b >= 0x20 && b < 0x7f) {
            out.ch((char) b);
        } else if (b >= 0x80) {
            out.ascii("M-");
            printable(out, b - 0x80);
        } else {
            out.ch('^').ch((char) (b ^ 0x40));
        }
    }

    private static void hello(PrintContext c, Ospf o, int end) throws Truncated {
        Out out = c.out();
        out.ascii("\n\tOptions [");
        bits(out, OPTIONS, u8(o, HEADER + 6), "none");
        out.ascii("]\n\t  Hello Timer ").num(u16(o, HEADER + 4)).ascii("s, Dead Timer ").num(u32(o, HEADER + 8))
                .ascii("s, Mask ");
        ipv4(c, o, HEADER);
        out.ascii(", Priority ").num(u8(o, HEADER + 7));
        if (u32(o, HEADER + 12) != 0) {
            out.ascii("\n\t  Designated Router ");
            ipv4(c, o, HEADER + 12);
        }
        if (u32(o, HEADER + 16) != 0) {
            out.ascii(", Backup Designated Router ");
            ipv4(c, o, HEADER + 16);
        }
        int at = HEADER + 20;
        if (at < end) {
            out.ascii("\n\t  Neighbor List:");
        }
        for (; at < end; at += 4) {
            out.ascii("\n\t    ");
            ipv4(c, o, at);
        }
    }

    private static void request(PrintContext c, Ospf o, int end) throws Truncated {
        Out out = c.out();
        for (int at = HEADER; at < end; at += 12) {
            need(o, at, 12);
            long type = o.u32At(at);
            out.ascii("\n\t  Advertising Router: ");
            ipv4(c, o, at + 8);
            out.ascii(", ").ascii(type < LSA_TYPES.length ? name(LSA_TYPES, (int) type, "unknown") : "unknown")
                    .ascii(" LSA (").num(type).ch(')');
            if (type >= 9 && type <= 11) {
                int opaque = o.u8At(at + 4);
                out.ascii(", Opaque-Type: ").ascii(name(OPAQUE_TYPES, opaque, "unknown")).ascii(" LSA (")
                        .num(opaque).ascii("), Opaque-ID: ").num(o.u24At(at + 5));
            } else {
                out.ascii(", LSA-ID: ");
                ipv4(c, o, at + 4);
            }
        }
    }

    /** Prints an LSA header; its stated length, or -1 when that is shorter than a header. */
    private static int lsaHeader(PrintContext c, Ospf o, int at) throws Truncated {
        Out out = c.out();
        int length = u16(o, at + 18);
        if (length < LSA_HEADER) {
            out.ascii("\n\t    Bogus length ").num(length).ascii(" < header (20)");
            return -1;
        }
        out.ascii("\n\t  Advertising Router ");
        ipv4(c, o, at + 8);
        out.ascii(", seq 0x").hex(u32(o, at + 12), 8).ascii(", age ").num(u16(o, at)).ascii("s, length ")
                .num(length - LSA_HEADER);
        int type = u8(o, at + 3);
        out.ascii("\n\t    ").ascii(name(LSA_TYPES, type, "unknown")).ascii(" LSA (").num(type).ch(')');
        if (type >= 9 && type <= 11) {
            int opaque = u8(o, at + 4);
            need(o, at + 5, 3);
            out.ascii(", Opaque-Type ").ascii(name(OPAQUE_TYPES, opaque, "unknown")).ascii(" LSA (").num(opaque)
                    .ascii("), Opaque-ID ").num(o.u24At(at + 5));
        } else {
            out.ascii(", LSA-ID: ");
            ipv4(c, o, at + 4);
        }
        out.ascii("\n\t    Options: [");
        bits(out, OPTIONS, u8(o, at + 2), "none");
        out.ch(']');
        return length;
    }

    private static void update(PrintContext c, Ospf o) throws Truncated {
        Out out = c.out();
        long count = u32(o, HEADER);
        out.ascii(", ").num(count).ascii(count == 1 ? " LSA" : " LSAs");
        int at = HEADER + 4;
        for (long i = 1; i <= count; i++) {
            out.ascii("\n\t  LSA #").num(i);
            int length = lsaHeader(c, o, at);
            if (length < 0) {
                throw Truncated.INSTANCE;
            }
            lsaBody(c, o, at, length);
            at += length;
        }
    }

    private static void topology(Out out, int topology) {
        out.ascii("\n\t\ttopology ").ascii(name(TOPOLOGIES, topology, "Unknown")).ascii(" (").num(topology)
                .ch(')');
    }

    private static void lsaBody(PrintContext c, Ospf o, int lsa, int length) throws Truncated {
        Out out = c.out();
        int at = lsa + LSA_HEADER;
        int end = lsa + length;
        switch (u8(o, lsa + 3)) {
            case 1 -> {
                out.ascii("\n\t    Router LSA Options: [");
                bits(out, ROUTER_FLAGS, u8(o, at), "none");
                out.ch(']');
                int links = u16(o, at + 2);
                at += 4;
                need(o, at, 12);
                for (int i = links; i != 0; i--) {
                    need(o, at, 12);
                    int type = o.u8At(at + 8);
                    switch (type) {
                        case 4 -> out.ascii("\n\t      Virtual Link: Neighbor Router-ID: ");
                        case 1 -> out.ascii("\n\t      Neighbor Router-ID: ");
                        case 2 -> out.ascii("\n\t      Neighbor Network-ID: ");
                        case 3 -> out.ascii("\n\t      Stub Network: ");
                        default -> {
                            out.ascii("\n\t      Unknown Router Link Type (").num(type).ch(')');
                            return;
                        }
                    }
                    ipv4(c, o, at);
                    out.ascii(type == 3 ? ", Mask: " : ", Interface Address: ");
                    ipv4(c, o, at + 4);
                    int metrics = o.u8At(at + 9) + 1;
                    for (int m = 0; m < metrics; m++) {
                        int tos = at + 8 + 4 * m;
                        int topology = m == 0 ? 0 : u8(o, tos);
                        topology(out, topology);
                        out.ascii(", metric ").num(u16(o, tos + 2));
                    }
                    at += 8 + 4 * metrics;
                }
            }
            case 2 -> {
                out.ascii("\n\t    Mask ");
                ipv4(c, o, at);
                out.ascii("\n\t    Connected Routers:");
                for (at += 4; at < end; at += 4) {
                    out.ascii("\n\t      ");
                    ipv4(c, o, at);
                }
            }
            case 3, 4 -> {
                if (o.u8At(lsa + 3) == 3) {
                    out.ascii("\n\t    Mask ");
                    ipv4(c, o, at);
                }
                need(o, at + 4, 4);
                for (at += 4; at < end; at += 4) {
                    long v = u32(o, at);
                    topology(out, (int) ((v & 0x7f000000L) >>> 24));
                    out.ascii(" metric ").num(v & 0xffffff);
                }
            }
            case 5, 7 -> {
                out.ascii("\n\t    Mask ");
                ipv4(c, o, at);
                need(o, at + 4, 12);
                for (at += 4; at < end; at += 12) {
                    long v = u32(o, at);
                    topology(out, (int) ((v & 0x7f000000L) >>> 24));
                    out.ascii(", type ").num((v & 0x80000000L) != 0 ? 2 : 1).ascii(", metric");
                    if ((v & 0xffffff) == 0xffffff) {
                        out.ascii(" infinite");
                    } else {
                        out.ch(' ').num(v & 0xffffff);
                    }
                    if (u32(o, at + 4) != 0) {
                        out.ascii(", forward ");
                        ipv4(c, o, at + 4);
                    }
                    if (u32(o, at + 8) != 0) {
                        out.ascii(", tag ");
                        ipv4(c, o, at + 8);
                    }
                }
            }
            case 9, 10, 11 -> {
                int opaque = u8(o, lsa + 4);
                if (opaque == OspfTeText.TRAFFIC_ENGINEERING || opaque == OspfTeText.GRACEFUL_RESTART
                        || opaque == OspfTeText.ROUTER_INFORMATION) {
                    try {
                        if (!OspfTeText.print(c, o, opaque, at, length - LSA_HEADER)) {
                            return; // tcpdump gives up on the LSA, and dumps none of it
                        }
                    } catch (dev.trawl.cli.print.Truncated t) {
                        throw Truncated.INSTANCE;
                    }
                } else if (c.verbose() <= 1) {
                    body(out, o, lsa, length);
                }
            }
            default -> {
            }
        }
        if (c.verbose() > 1) {
            body(out, o, lsa, length);
        }
    }

    /** The LSA's body as a hex dump of its captured bytes. */
    private static void body(Out out, Ospf o, int lsa, int length) {
        TlvText.dump(out, i -> o.u8At(lsa + LSA_HEADER + i),
                Math.max(0, Math.min(length - LSA_HEADER, o.regionLength() - lsa - LSA_HEADER)), "\n\t    ");
    }

    private static void lls(PrintContext c, Ospf o, int length) throws Truncated {
        Out out = c.out();
        int type = o.type();
        int options;
        if (type == 1) {
            options = u8(o, HEADER + 6);
        } else if (type == 2) {
            options = u8(o, HEADER + 2);
        } else {
            return;
        }
        if ((options & 0x10) == 0) {
            return;
        }
        int at = o.packetLength();
        if (o.authType() == MD5) {
            at += o.u8At(19);
        }
        if (at >= length) {
            out.ascii("\n\t[LLS truncated]");
            return;
        }
        out.ascii("\n\t  LLS: checksum: 0x").hex(u16(o, at), 4).ascii(", length: ").num(u16(o, at + 2));
        for (at += 4; at < length; ) {
            int tlv = u16(o, at);
            int tlvLength = u16(o, at + 2);
            out.ascii("\n\t    ").ascii(tlv == 1 ? "Extended Options" : tlv == 2 ? "MD5 Authentication"
                    : "Unknown TLV").ascii(" (").num(tlv).ascii("), length: ").num(tlvLength);
            at += 4;
            if (tlv == 1) {
                if (tlvLength != 4) {
                    out.ascii(" [should be 4]");
                    tlvLength = 4;
                }
                long flags = u32(o, at);
                out.ascii("\n\t      Options: 0x").hex(flags, 8).ascii(" [");
                bits(out, LLS_OPTIONS, flags, "?");
                out.ch(']');
            } else if (tlv == 2) {
                if (tlvLength != 20) {
                    out.ascii(" [should be 20]");
                    tlvLength = 20;
                }
                out.ascii("\n\t      Sequence number: 0x").hex(u32(o, at), 8);
            }
            at += tlvLength;
        }
    }
}
