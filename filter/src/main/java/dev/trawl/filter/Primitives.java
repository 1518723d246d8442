package dev.trawl.filter;

import dev.trawl.filter.Gen.Rel;
import dev.trawl.filter.Ir.Block;
import dev.trawl.pcap.Bpf;
import dev.trawl.pcap.IpProtocol;

import java.util.EnumMap;
import java.util.Map;

import static dev.trawl.filter.LinkLayers.ETHERTYPE_ARP;
import static dev.trawl.filter.LinkLayers.ETHERTYPE_IP;
import static dev.trawl.filter.LinkLayers.ETHERTYPE_IPV6;
import static dev.trawl.filter.LinkLayers.ETHERTYPE_REVARP;
import static dev.trawl.pcap.Bpf.B;
import static dev.trawl.pcap.Bpf.H;
import static dev.trawl.pcap.Bpf.JGT;
import static dev.trawl.pcap.Bpf.JMP;
import static dev.trawl.pcap.Bpf.JSET;
import static dev.trawl.pcap.Bpf.K;
import static dev.trawl.pcap.Bpf.W;

/** Host, network, port and protocol primitives (libpcap's gen_host, gen_port, gen_proto and friends). */
final class Primitives {
    static final int PROTO_UNDEF = -1;
    static final int TCP = IpProtocol.TCP.value(), UDP = IpProtocol.UDP.value(), SCTP = IpProtocol.SCTP.value();
    /** The protocols that ISO's NLPID names: CLNP, ES-IS and IS-IS. */
    static final int ISO8473_CLNP = 0x81, ISO9542_ESIS = 0x82, ISO10589_ISIS = 0x83;

    /** A protocol carried in a network-layer protocol field, and which layer (null: IPv4 and IPv6). */
    private record Carried(int value, Tok layer) {
    }

    /** The abbreviations gen_proto_abbrev turns into one test of the link layer's protocol field. */
    private static final Map<Tok, Integer> LINK_PROTOCOLS = new EnumMap<>(Tok.class);
    /** The ones it turns into a test of the network layer's protocol field. */
    private static final Map<Tok, Carried> CARRIED = new EnumMap<>(Tok.class);
    /** IS-IS levels and PDU families: the PDU types each stands for. */
    private static final Map<Tok, int[]> ISIS_PDUS = new EnumMap<>(Tok.class);

    static {
        LINK_PROTOCOLS.put(Tok.IP, ETHERTYPE_IP);
        LINK_PROTOCOLS.put(Tok.ARP, ETHERTYPE_ARP);
        LINK_PROTOCOLS.put(Tok.RARP, ETHERTYPE_REVARP);
        LINK_PROTOCOLS.put(Tok.ATALK, LinkLayers.ETHERTYPE_ATALK);
        LINK_PROTOCOLS.put(Tok.AARP, LinkLayers.ETHERTYPE_AARP);
        LINK_PROTOCOLS.put(Tok.DECNET, LinkLayers.ETHERTYPE_DN);
        LINK_PROTOCOLS.put(Tok.SCA, LinkLayers.ETHERTYPE_SCA);
        LINK_PROTOCOLS.put(Tok.LAT, LinkLayers.ETHERTYPE_LAT);
        LINK_PROTOCOLS.put(Tok.MOPDL, LinkLayers.ETHERTYPE_MOPDL);
        LINK_PROTOCOLS.put(Tok.MOPRC, LinkLayers.ETHERTYPE_MOPRC);
        LINK_PROTOCOLS.put(Tok.IPV6, ETHERTYPE_IPV6);
        LINK_PROTOCOLS.put(Tok.ISO, LinkLayers.LLCSAP_ISONS);
        LINK_PROTOCOLS.put(Tok.STP, LinkLayers.LLCSAP_8021D);
        LINK_PROTOCOLS.put(Tok.IPX, LinkLayers.LLCSAP_IPX);
        LINK_PROTOCOLS.put(Tok.NETBEUI, LinkLayers.LLCSAP_NETBEUI);
        CARRIED.put(Tok.SCTP, new Carried(SCTP, null));
        CARRIED.put(Tok.TCP, new Carried(TCP, null));
        CARRIED.put(Tok.UDP, new Carried(UDP, null));
        CARRIED.put(Tok.ICMP, new Carried(IpProtocol.ICMP.value(), Tok.IP));
        CARRIED.put(Tok.IGMP, new Carried(IpProtocol.IGMP.value(), Tok.IP));
        // Cisco's IGRP has no number of its own: it uses IANA's "any private interior gateway".
        CARRIED.put(Tok.IGRP, new Carried(IpProtocol.IGP.value(), Tok.IP));
        CARRIED.put(Tok.PIM, new Carried(IpProtocol.PIM.value(), null));
        // CARP shares VRRP's number.
        CARRIED.put(Tok.VRRP, new Carried(IpProtocol.VRRP.value(), Tok.IP));
        CARRIED.put(Tok.CARP, new Carried(IpProtocol.VRRP.value(), Tok.IP));
        CARRIED.put(Tok.ICMPV6, new Carried(IpProtocol.ICMPV6.value(), Tok.IPV6));
        CARRIED.put(Tok.AH, new Carried(IpProtocol.AH.value(), null));
        CARRIED.put(Tok.ESP, new Carried(IpProtocol.ESP.value(), null));
        CARRIED.put(Tok.ESIS, new Carried(ISO9542_ESIS, Tok.ISO));
        CARRIED.put(Tok.ISIS, new Carried(ISO10589_ISIS, Tok.ISO));
        CARRIED.put(Tok.CLNP, new Carried(ISO8473_CLNP, Tok.ISO));
        ISIS_PDUS.put(Tok.L1, new int[] {15, 17, 18, 24, 26});
        ISIS_PDUS.put(Tok.L2, new int[] {16, 17, 20, 25, 27});
        ISIS_PDUS.put(Tok.IIH, new int[] {15, 16, 17});
        ISIS_PDUS.put(Tok.LSP, new int[] {18, 20});
        ISIS_PDUS.put(Tok.SNP, new int[] {24, 25, 26, 27});
        ISIS_PDUS.put(Tok.CSNP, new int[] {24, 25});
        ISIS_PDUS.put(Tok.PSNP, new int[] {26, 27});
    }

    private Primitives() {
    }

    static String tokName(Tok t) {
        return t == null ? "" : t.name().toLowerCase(java.util.Locale.ROOT).replace("ipv6", "ip6")
                .replace("icmpv6", "icmp6");
    }

    // ---- hosts ----

    /** A test of the source or the destination, whichever {@code dir} ({@link Tok#SRC} or {@link Tok#DST}) names. */
    interface DirectionalTest {
        Block at(Tok dir) throws FilterSyntaxException;
    }

    /**
     * What the direction qualifiers mean to an address or a port: {@code src} and {@code dst} test one side,
     * {@code src and dst} both, {@code src or dst} (the default) either, the source's test generated first;
     * null for the qualifiers only 802.11 knows.
     */
    static Block byDirection(Tok dir, DirectionalTest test) throws FilterSyntaxException {
        if (dir == Tok.SRC || dir == Tok.DST) {
            return test.at(dir);
        }
        if (dir != null && dir != Tok.AND && dir != Tok.OR) {
            return null;
        }
        Block b0 = test.at(Tok.SRC);
        Block b1 = test.at(Tok.DST);
        if (dir == Tok.AND) {
            Ir.and(b0, b1);
        } else {
            Ir.or(b0, b1);
        }
        return b1;
    }

    private static FilterSyntaxException only80211(Gen g, Tok dir) {
        return g.error("'" + tokName(dir) + "' is only supported on 802.11 with 802.11 headers");
    }

    /** gen_hostop: an IPv4 address (or network) at the source or destination offset of the protocol. */
    static Block hostop(Gen g, int addr, int mask, Tok dir, int proto, int srcOff, int dstOff)
            throws FilterSyntaxException {
        Block b = byDirection(dir, d -> {
            Block b0 = LinkLayers.linktype(g, proto);
            Block b1 = g.mcmp(Rel.LINKPL, d == Tok.SRC ? srcOff : dstOff, W, addr, mask);
            Ir.and(b0, b1);
            return b1;
        });
        if (b == null) {
            throw only80211(g, dir);
        }
        return b;
    }

    /** gen_hostop6: an IPv6 address (or network), compared a word at a time from the last. */
    static Block hostop6(Gen g, byte[] addr, byte[] mask, Tok dir, int srcOff, int dstOff)
            throws FilterSyntaxException {
        Block b = byDirection(dir, d -> {
            int offset = d == Tok.SRC ? srcOff : dstOff;
            Block b1 = g.mcmp(Rel.LINKPL, offset + 12, W, word(addr, 12), word(mask, 12));
            Block b0 = g.mcmp(Rel.LINKPL, offset + 8, W, word(addr, 8), word(mask, 8));
            Ir.and(b0, b1);
            b0 = g.mcmp(Rel.LINKPL, offset + 4, W, word(addr, 4), word(mask, 4));
            Ir.and(b0, b1);
            b0 = g.mcmp(Rel.LINKPL, offset, W, word(addr, 0), word(mask, 0));
            Ir.and(b0, b1);
            b0 = LinkLayers.linktype(g, ETHERTYPE_IPV6);
            Ir.and(b0, b1);
            return b1;
        });
        if (b == null) {
            throw only80211(g, dir);
        }
        return b;
    }

    private static int word(byte[] b, int i) {
        return ((b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
    }

    static Block host(Gen g, int addr, int mask, Tok proto, Tok dir, Tok type) throws FilterSyntaxException {
        String typestr = type == Tok.NET ? "net" : "host";
        if (proto == null) {
            Block b0 = host(g, addr, mask, Tok.IP, dir, type);
            if (g.labelStackDepth == 0) {
                Block b1 = host(g, addr, mask, Tok.ARP, dir, type);
                Ir.or(b0, b1);
                b0 = host(g, addr, mask, Tok.RARP, dir, type);
                Ir.or(b1, b0);
            }
            return b0;
        }
        return switch (proto) {
            case IP -> hostop(g, addr, mask, dir, ETHERTYPE_IP, 12, 16);
            case RARP -> hostop(g, addr, mask, dir, ETHERTYPE_REVARP, 14, 24);
            case ARP -> hostop(g, addr, mask, dir, ETHERTYPE_ARP, 14, 24);
            case LINK -> throw g.error("link-layer modifier applied to " + typestr);
            case IPV6 -> throw g.error("'ip6' modifier applied to ip " + typestr);
            case DECNET -> throw g.error("DECnet host filtering is not supported by this compiler");
            case ATALK, AARP, SCA, LAT, MOPDL, MOPRC, ISO, IPX ->
                    throw g.error(tokName(proto).toUpperCase(java.util.Locale.ROOT) + " host filtering not implemented");
            default -> throw g.error("'" + tokName(proto) + "' modifier applied to " + typestr);
        };
    }

    static Block host6(Gen g, byte[] addr, byte[] mask, Tok proto, Tok dir, Tok type) throws FilterSyntaxException {
        String typestr = type == Tok.NET ? "net" : "host";
        if (proto == null || proto == Tok.IPV6) {
            return hostop6(g, addr, mask, dir, 8, 24);
        }
        switch (proto) {
            case LINK -> throw g.error("link-layer modifier applied to ip6 " + typestr);
            case ATALK, AARP, SCA, LAT, MOPDL, MOPRC, ISO, IPX ->
                    throw g.error(tokName(proto).toUpperCase(java.util.Locale.ROOT) + " host filtering not implemented");
            default -> throw g.error("'" + tokName(proto) + "' modifier applied to ip6 " + typestr);
        }
    }

    /** Source and destination MAC offsets for link types with Ethernet-style addresses, else null. */
    static int[] macOffsets(int dlt) {
        return switch (dlt) {
            case LinkLayers.EN10MB, LinkLayers.NETANALYZER, LinkLayers.NETANALYZER_TRANSPARENT -> new int[] {6, 0};
            case LinkLayers.FDDI -> new int[] {7, 1};
            case LinkLayers.IEEE802 -> new int[] {8, 2};
            case LinkLayers.IP_OVER_FC -> new int[] {10, 2};
            default -> null;
        };
    }

    /** gen_ehostop and its FDDI, Token Ring and IP-over-FC forms: a MAC address where the link type has it. */
    static Block ehostop(Gen g, byte[] eaddr, Tok dir) throws FilterSyntaxException {
        int[] offs = macOffsets(g.linktype);
        Block b = byDirection(dir, d -> g.bcmp(Rel.LINKHDR, d == Tok.SRC ? offs[0] : offs[1], eaddr));
        if (b == null) {
            throw only80211(g, dir);
        }
        return b;
    }

    /** A MAC address primitive on whatever link layer supports one. */
    static Block ecode(Gen g, byte[] eaddr, Ast.Qual q) throws FilterSyntaxException {
        if ((q.addr() == Tok.HOST || q.addr() == null) && q.proto() == Tok.LINK) {
            if (macOffsets(g.linktype) != null) {
                Block tmp = Geneve.linkLayerCheck(g);
                Block b = ehostop(g, eaddr, q.dir());
                if (tmp != null) {
                    Ir.and(tmp, b);
                }
                return b;
            }
            if (Wlan80211.isFamily(g.linktype)) {
                return Wlan80211.hostop(g, eaddr, q.dir());
            }
            throw g.error("ethernet addresses supported only on "
                    + "ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel");
        }
        throw g.error("ethernet address used in non-ether expression");
    }

    // ---- ports ----

    static Block ipfrag(Gen g) throws FilterSyntaxException {
        Block b = g.block(JMP | JSET | K, 0x1fff);
        b.stmts = g.loadA(Rel.LINKPL, 6, H);
        Ir.not(b);
        return b;
    }

    private static Block rangeAtom(Gen g, Rel rel, int off, int v1, int v2) throws FilterSyntaxException {
        if (v1 > v2) {
            int t = v1;
            v1 = v2;
            v2 = t;
        }
        Block b1 = g.cmpGe(rel, off, H, v1);
        Block b2 = g.cmpLe(rel, off, H, v2);
        Ir.and(b1, b2);
        return b2;
    }

    private static Block portop(Gen g, int p1, int p2, boolean range, int proto, Tok dir, boolean v6)
            throws FilterSyntaxException {
        Block b0;
        Rel rel = v6 ? Rel.TRAN_IPV6 : Rel.TRAN_IPV4;
        if (v6) {
            b0 = g.cmp(Rel.LINKPL, 6, B, proto);
        } else {
            Block tmp = g.cmp(Rel.LINKPL, 9, B, proto);
            b0 = ipfrag(g);
            Ir.and(tmp, b0);
        }
        Block b1 = byDirection(dir, d -> {
            int off = d == Tok.SRC ? 0 : 2;
            return range ? rangeAtom(g, rel, off, p1, p2) : g.cmp(rel, off, H, p1);
        });
        if (b1 == null) {
            throw g.error("'" + tokName(dir) + "' applied to a port");
        }
        Ir.and(b0, b1);
        return b1;
    }

    static Block port1(Gen g, int p1, int p2, boolean range, int ipProto, Tok dir, boolean v6)
            throws FilterSyntaxException {
        Block b0 = LinkLayers.linktype(g, v6 ? ETHERTYPE_IPV6 : ETHERTYPE_IP);
        Block b1;
        if (ipProto == PROTO_UNDEF) {
            Block tmp = portop(g, p1, p2, range, TCP, dir, v6);
            b1 = portop(g, p1, p2, range, UDP, dir, v6);
            Ir.or(tmp, b1);
            tmp = portop(g, p1, p2, range, SCTP, dir, v6);
            Ir.or(tmp, b1);
        } else {
            b1 = portop(g, p1, p2, range, ipProto, dir, v6);
        }
        Ir.and(b0, b1);
        return b1;
    }

    /** {@code port} or {@code portrange} over IPv4 and IPv6 (IPv6 tested first, as libpcap does). */
    static Block port(Gen g, int p1, int p2, boolean range, int ipProto, Tok dir) throws FilterSyntaxException {
        Block b = port1(g, p1, p2, range, ipProto, dir, false);
        Block b6 = port1(g, p1, p2, range, ipProto, dir, true);
        Ir.or(b6, b);
        return b;
    }

    // ---- protocols ----

    static Block proto(Gen g, int v, Tok proto, Tok dir) throws FilterSyntaxException {
        if (dir != null) {
            throw g.error("direction applied to 'proto'");
        }
        if (proto == null) {
            Block b0 = proto(g, v, Tok.IP, null);
            Block b1 = proto(g, v, Tok.IPV6, null);
            Ir.or(b0, b1);
            return b1;
        }
        switch (proto) {
            case IP: {
                Block b0 = LinkLayers.linktype(g, ETHERTYPE_IP);
                Block b1 = g.cmp(Rel.LINKPL, 9, B, v);
                Ir.and(b0, b1);
                return b1;
            }
            case IPV6: {
                Block b0 = LinkLayers.linktype(g, ETHERTYPE_IPV6);
                // The protocol after a fragment header, or in the fixed header.
                Block b2 = g.cmp(Rel.LINKPL, 6, B, IpProtocol.FRAGMENT.value());
                Block b1 = g.cmp(Rel.LINKPL, 40, B, v);
                Ir.and(b2, b1);
                b2 = g.cmp(Rel.LINKPL, 6, B, v);
                Ir.or(b2, b1);
                Ir.and(b0, b1);
                return b1;
            }
            case ISO: {
                if (g.linktype == LinkLayers.FRELAY) {
                    return g.cmp(Rel.LINKHDR, 2, H, (0x03 << 8) | v);
                }
                if (g.linktype == LinkLayers.C_HDLC) {
                    Block b0 = LinkLayers.linktype(g, LinkLayers.LLCSAP_ISONS << 8 | LinkLayers.LLCSAP_ISONS);
                    Block b1 = g.cmp(Rel.LINKPL_NOSNAP, 1, B, v);
                    Ir.and(b0, b1);
                    return b1;
                }
                Block b0 = LinkLayers.linktype(g, LinkLayers.LLCSAP_ISONS);
                Block b1 = g.cmp(Rel.LINKPL_NOSNAP, 0, B, v);
                Ir.and(b0, b1);
                return b1;
            }
            case ISIS: {
                Block b0 = proto(g, ISO10589_ISIS, Tok.ISO, null);
                Block b1 = g.cmp(Rel.LINKPL_NOSNAP, 4, B, v);
                Ir.and(b0, b1);
                return b1;
            }
            case LINK:
                return LinkLayers.linktype(g, v);
            case ARP, RARP, SCA, LAT, MOPRC, MOPDL:
                throw g.error(tokName(proto) + " does not encapsulate another protocol");
            case ATALK, DECNET:
                throw g.error(tokName(proto) + " encapsulation is not specifiable");
            default:
                throw g.error("'" + tokName(proto) + " proto' is bogus");
        }
    }

    private static Block orChain(Gen g, int[] values, Tok proto) throws FilterSyntaxException {
        Block b1 = proto(g, values[1], proto, null);
        Block b0 = proto(g, values[0], proto, null);
        Ir.or(b0, b1);
        for (int i = 2; i < values.length; i++) {
            b0 = proto(g, values[i], proto, null);
            Ir.or(b0, b1);
        }
        return b1;
    }

    /** A protocol name used alone ({@code tcp}, {@code l1}, ...): libpcap's gen_proto_abbrev. */
    static Block abbrev(Gen g, Tok proto) throws FilterSyntaxException {
        Integer link = LINK_PROTOCOLS.get(proto);
        if (link != null) {
            return LinkLayers.linktype(g, link);
        }
        Carried carried = CARRIED.get(proto);
        if (carried != null) {
            return proto(g, carried.value(), carried.layer(), null);
        }
        int[] pdus = ISIS_PDUS.get(proto);
        if (pdus != null) {
            return orChain(g, pdus, Tok.ISIS);
        }
        switch (proto) {
            case LINK:
                throw g.error("link layer applied in wrong context");
            case RADIO:
                throw g.error("'radio' is not a valid protocol type");
            default:
                throw g.error("'" + tokName(proto) + "' is not a protocol");
        }
    }

    static Block less(Gen g, int n) throws FilterSyntaxException {
        Block b = g.len(JGT, n);
        Ir.not(b);
        return b;
    }

    static Block greater(Gen g, int n) throws FilterSyntaxException {
        return g.len(Bpf.JGE, n);
    }
}
