package dev.trawl.filter;

import dev.trawl.filter.Gen.Rel;
import dev.trawl.filter.Ir.Block;
import dev.trawl.pcap.Bpf;
import dev.trawl.pcap.EtherType;

import java.util.Map;

import static dev.trawl.pcap.Bpf.B;
import static dev.trawl.pcap.Bpf.H;
import static dev.trawl.pcap.Bpf.W;

/** Per-link-type header layout and the test for "the link layer carries protocol P", as in libpcap 1.10. */
final class LinkLayers {
    static final int EN10MB = 1, IEEE802 = 6, ARCNET = 7, SLIP = 8, PPP = 9, FDDI = 10, ATM_RFC1483 = 11, RAW = 12,
            SLIP_BSDOS = 15, PPP_BSDOS = 16, ATM_CLIP = 19, PPP_SERIAL = 50, PPP_ETHER = 51, C_HDLC = 104,
            IEEE802_11 = 105, FRELAY = 107, LOOP = 108, ENC = 109, LINUX_SLL = 113, LTALK = 114, PFLOG = 117,
            PRISM = 119, IP_OVER_FC = 122, SUNATM = 123, IEEE802_11_RADIO = 127, ARCNET_LINUX = 129,
            APPLE_IP_OVER_IEEE1394 = 138, IEEE802_11_RADIO_AVS = 163, PPP_PPPD = 166, JUNIPER_ETHER = 178,
            PPI = 192, IPNET = 226, IPV4 = 228, IPV6 = 229, NETANALYZER = 240, NETANALYZER_TRANSPARENT = 241,
            LINUX_SLL2 = 276, NULL = 0;

    static final int ETHERMTU = 1500;
    // The EtherTypes code generation tests, under gencode.c's names so that the two read side by side.
    static final int ETHERTYPE_IP = EtherType.IPV4.value(), ETHERTYPE_ARP = EtherType.ARP.value(),
            ETHERTYPE_REVARP = EtherType.RARP.value(), ETHERTYPE_IPV6 = EtherType.IPV6.value(),
            ETHERTYPE_ATALK = EtherType.APPLETALK.value(), ETHERTYPE_AARP = EtherType.AARP.value(),
            ETHERTYPE_DN = EtherType.DECNET.value(), ETHERTYPE_SCA = EtherType.DEC_SCA.value(),
            ETHERTYPE_LAT = EtherType.DEC_LAT.value(), ETHERTYPE_MOPDL = EtherType.DEC_MOP_DUMP_LOAD.value(),
            ETHERTYPE_MOPRC = EtherType.DEC_MOP_REMOTE_CONSOLE.value(), ETHERTYPE_NS = EtherType.XEROX_NS_IDP.value(),
            ETHERTYPE_8021Q = EtherType.VLAN.value(), ETHERTYPE_8021AD = EtherType.QINQ.value(),
            ETHERTYPE_8021QINQ = EtherType.QINQ_LEGACY.value(), ETHERTYPE_MPLS = EtherType.MPLS.value(),
            ETHERTYPE_PPPOED = EtherType.PPPOE_DISCOVERY.value(), ETHERTYPE_PPPOES = EtherType.PPPOE_SESSION.value(),
            ETHERTYPE_IPX = EtherType.IPX.value(), ETHERTYPE_TEB = EtherType.TRANSPARENT_ETHERNET_BRIDGING.value();
    static final int LLCSAP_ISONS = 0xfe, LLCSAP_IP = 0x06, LLCSAP_NETBEUI = 0xf0, LLCSAP_IPX = 0xe0,
            LLCSAP_8021D = 0x42, LLCSAP_SNAP = 0xaa;
    static final int PPP_MPLS_UCAST = 0x0281;
    /** The Linux cooked header's protocol for frames that carry no EtherType: raw 802.3 (IPX) and 802.2. */
    private static final int LINUX_SLL_P_802_3 = 1, LINUX_SLL_P_802_2 = 4;

    private LinkLayers() {
    }

    /** Sets the initial offsets for the link type, or rejects a link type the compiler does not know. */
    static void init(Gen g) throws FilterSyntaxException {
        int lt = g.linktype;
        switch (lt) {
            case ARCNET -> set(g, 2, 6, 0, 0);
            case ARCNET_LINUX -> set(g, 4, 8, 0, 0);
            case EN10MB -> set(g, 12, 14, 0, 3);
            case SLIP -> set(g, Gen.NOT_SET, 16, 0, 0);
            case SLIP_BSDOS -> set(g, Gen.NOT_SET, 24, 0, 0);
            case NULL, LOOP -> set(g, 0, 4, 0, 0);
            case ENC -> set(g, 0, 12, 0, 0);
            case PPP, PPP_PPPD, C_HDLC, PPP_SERIAL -> set(g, 2, 4, 0, 0);
            case PPP_ETHER -> set(g, 6, 8, 0, 0);
            case PPP_BSDOS -> set(g, 5, 24, 0, 0);
            case FDDI -> set(g, 13, 13, 8, 3);
            case IEEE802 -> set(g, 14, 14, 8, 3);
            case ATM_RFC1483, ATM_CLIP -> set(g, 0, 0, 8, 3);
            case RAW, IPV4, IPV6 -> set(g, Gen.NOT_SET, 0, 0, 0);
            case LINUX_SLL -> set(g, 14, 16, 0, 0);
            case LINUX_SLL2 -> set(g, 0, 20, 0, 0);
            case LTALK -> set(g, Gen.NOT_SET, 0, 0, 0);
            case IP_OVER_FC -> set(g, 16, 16, 8, 3);
            case FRELAY -> set(g, Gen.NOT_SET, 0, 0, 0);
            case APPLE_IP_OVER_IEEE1394 -> set(g, 16, 18, 0, 0);
            case IPNET -> set(g, 1, 24, 0, -1);
            case NETANALYZER -> {
                set(g, 12, 18, 0, 3);
                g.offLinkhdr.constant = 4;
                g.offLinktype.constant = 16;
            }
            case NETANALYZER_TRANSPARENT -> {
                set(g, 12, 26, 0, 3);
                g.offLinkhdr.constant = 12;
                g.offLinktype.constant = 24;
            }
            case JUNIPER_ETHER, 167 -> set(g, 16, 14, 18, 21);
            case 130, 131, 134, 179, 180, 181 -> set(g, 4, 4, 0, -1);
            case 137 -> set(g, 4, 4, 0, 10);
            case 135 -> set(g, 8, 8, 0, 10);
            case 168 -> set(g, 4, 6, 0, -1);
            case 133 -> set(g, 6, 12, 0, -1);
            case 132 -> set(g, 6, -1, -1, -1);
            case 164 -> set(g, 12, 12, 0, -1);
            case 136 -> set(g, 12, -1, -1, -1);
            case 183, 200 -> set(g, 18, -1, -1, -1);
            case 194, 232, 233, 234, 238 -> set(g, 8, -1, -1, -1);
            case PFLOG -> {
                set(g, 0, 0, 0, 0);
                g.offLinkpl.variable = true;
            }
            case SUNATM -> set(g, 4, 4, 8, 3);
            case 140, 139, 197 -> {
                set(g, Gen.NOT_SET, Gen.NOT_SET, Gen.NOT_SET, Gen.NOT_SET);
                int base = lt == 140 ? 0 : lt == 139 ? 4 : 20;
                g.offLi = base + 2;
                g.offLiHsl = base + 4;
                g.offSio = base + 3;
                g.offOpc = base + 4;
                g.offDpc = base + 4;
                g.offSls = base + 7;
            }
            case IEEE802_11 -> {
                set(g, 24, 0, 8, 3);
                g.offLinkpl.variable = true;
            }
            case PRISM, IEEE802_11_RADIO_AVS, IEEE802_11_RADIO, PPI -> {
                set(g, 24, 0, 8, 3);
                g.offLinkhdr.variable = true;
                g.offLinkpl.variable = true;
            }
            default -> {
                if (lt == 239 || lt == 258 || lt == 242 || lt == 231 || lt == 271 || lt == 149 || lt == 195
                        || lt == 230 || lt == 189 || lt == 220 || lt == 187 || lt == 201 || lt == 227
                        || lt == 253 || lt == 144 || lt == 165 || lt == 209 || lt == 249 || lt == 281
                        || lt == 290
                        || (lt >= 147 && lt <= 162) || lt == 3 || lt == 103 || lt == 102) {
                    set(g, Gen.NOT_SET, Gen.NOT_SET, Gen.NOT_SET, Gen.NOT_SET);
                    return;
                }
                throw new FilterSyntaxException("link type " + lt + " is not supported by this filter compiler",
                        g.expression, -1, "");
            }
        }
    }

    private static void set(Gen g, int linktype, int linkpl, int nl, int nosnap) {
        g.offLinktype = new Gen.AbsOff(linktype);
        g.offLinkpl = new Gen.AbsOff(linkpl);
        g.offNl = nl;
        g.offNlNosnap = nosnap;
    }

    /** PPP's protocol numbers for the EtherTypes and SAPs that have one; any other value passes unchanged. */
    private static final Map<Integer, Integer> PPP_PROTOCOLS = Map.of(ETHERTYPE_IP, 0x21, ETHERTYPE_IPV6, 0x57,
            ETHERTYPE_DN, 0x27, ETHERTYPE_ATALK, 0x29, ETHERTYPE_NS, 0x3f, LLCSAP_ISONS, 0x23, LLCSAP_8021D, 0x31,
            LLCSAP_IPX, 0x2b);

    static int ethertypeToPpp(int proto) {
        return PPP_PROTOCOLS.getOrDefault(proto, proto);
    }

    /** libpcap's gen_linktype. */
    static Block linktype(Gen g, int proto) throws FilterSyntaxException {
        if (g.labelStackDepth > 0) {
            // Under MPLS only IP can be told, by its version nibble; PPP's numbers for IP are accepted too.
            if (proto == ETHERTYPE_IP || proto == 0x21) {
                return mplsLinktype(g, 0x40);
            }
            if (proto == ETHERTYPE_IPV6 || proto == 0x57) {
                return mplsLinktype(g, 0x60);
            }
            throw g.error("unsupported protocol over mpls");
        }
        switch (g.linktype) {
            case EN10MB, NETANALYZER, NETANALYZER_TRANSPARENT: {
                Block b0 = g.isGeneve ? null : Atm.laneDataCheck(g);
                Block b1 = etherLinktype(g, proto);
                if (b0 != null) {
                    Ir.and(b0, b1);
                }
                return b1;
            }
            case C_HDLC:
                return g.cmp(Rel.LINKTYPE, 0, H, proto == LLCSAP_ISONS ? (proto << 8 | LLCSAP_ISONS) : proto);
            case FDDI, IEEE802, ATM_RFC1483, ATM_CLIP, IP_OVER_FC:
                return llcLinktype(g, proto);
            case LINUX_SLL:
                return sllLinktype(g, proto);
            case SLIP, SLIP_BSDOS, RAW:
                if (proto == ETHERTYPE_IP) {
                    return g.mcmp(Rel.LINKHDR, 0, B, 0x40, 0xf0);
                }
                return proto == ETHERTYPE_IPV6 ? g.mcmp(Rel.LINKHDR, 0, B, 0x60, 0xf0) : g.genFalse();
            case IPV4:
                return proto == ETHERTYPE_IP ? g.genTrue() : g.genFalse();
            case IPV6:
                return proto == ETHERTYPE_IPV6 ? g.genTrue() : g.genFalse();
            case PPP, PPP_PPPD, PPP_SERIAL, PPP_ETHER:
                return g.cmp(Rel.LINKTYPE, 0, H, ethertypeToPpp(proto));
            case PPP_BSDOS:
                if (proto == ETHERTYPE_IP) {
                    Block b0 = g.cmp(Rel.LINKTYPE, 0, H, 0x21);
                    Block b1 = g.cmp(Rel.LINKTYPE, 0, H, 0x2d);
                    Ir.or(b0, b1);
                    b0 = g.cmp(Rel.LINKTYPE, 0, H, 0x2f);
                    Ir.or(b1, b0);
                    return b0;
                }
                return g.cmp(Rel.LINKTYPE, 0, H, ethertypeToPpp(proto));
            case NULL, LOOP, ENC: {
                int af;
                if (proto == ETHERTYPE_IP) {
                    af = 2;
                } else if (proto == ETHERTYPE_IPV6) {
                    af = 10;
                } else {
                    return g.genFalse();
                }
                if (g.linktype != LOOP) {
                    af = Integer.reverseBytes(af);
                }
                return g.cmp(Rel.LINKHDR, 0, W, af);
            }
            case PFLOG:
                // The header's address family: AF_INET, and OpenBSD's AF_INET6.
                if (proto == ETHERTYPE_IP) {
                    return g.cmp(Rel.LINKHDR, 1, B, 2);
                }
                return proto == ETHERTYPE_IPV6 ? g.cmp(Rel.LINKHDR, 1, B, 10) : g.genFalse();
            case ARCNET, ARCNET_LINUX:
                return arcnetLinktype(g, proto);
            case LTALK:
                return proto == ETHERTYPE_ATALK ? g.genTrue() : g.genFalse();
            case FRELAY:
                return frelayLinktype(g, proto);
            case IPNET:
                // Solaris ipnet's address family: IPH_AF_INET and IPH_AF_INET6.
                if (proto == ETHERTYPE_IP) {
                    return g.cmp(Rel.LINKTYPE, 0, B, 2);
                }
                return proto == ETHERTYPE_IPV6 ? g.cmp(Rel.LINKTYPE, 0, B, 26) : g.genFalse();
            case IEEE802_11, PRISM, IEEE802_11_RADIO_AVS, IEEE802_11_RADIO, PPI: {
                Block b0 = Wlan80211.dataFrame(g);
                Block b1 = llcLinktype(g, proto);
                Ir.and(b0, b1);
                return b1;
            }
            case SUNATM: {
                Block b0 = g.ncmp(Rel.LINKHDR, 0, B, 0x0f, Bpf.JEQ, false, 2);
                Block b1 = llcLinktype(g, proto);
                Ir.and(b0, b1);
                return b1;
            }
            default:
                if (isJuniper(g.linktype)) {
                    return g.mcmp(Rel.LINKHDR, 0, W, 0x4d474300, 0xffffff00);
                }
                if (g.offLinktype.constant != Gen.NOT_SET) {
                    return g.cmp(Rel.LINKTYPE, 0, H, proto);
                }
                throw g.error(description(g.linktype) + " link-layer type filtering not implemented");
        }
    }

    /** ARCnet's protocol IDs, in both the RFC 1051 and the RFC 1201 numbering where IP and ARP have two. */
    private static Block arcnetLinktype(Gen g, int proto) throws FilterSyntaxException {
        if (proto == ETHERTYPE_IPV6) {
            return g.cmp(Rel.LINKTYPE, 0, B, 0xc4);
        }
        if (proto == ETHERTYPE_IP) {
            return orOf(g, g.cmp(Rel.LINKTYPE, 0, B, 0xd4), g.cmp(Rel.LINKTYPE, 0, B, 0xf0));
        }
        if (proto == ETHERTYPE_ARP) {
            return orOf(g, g.cmp(Rel.LINKTYPE, 0, B, 0xd5), g.cmp(Rel.LINKTYPE, 0, B, 0xf1));
        }
        if (proto == ETHERTYPE_REVARP) {
            return g.cmp(Rel.LINKTYPE, 0, B, 0xd6);
        }
        return proto == ETHERTYPE_ATALK ? g.cmp(Rel.LINKTYPE, 0, B, 0xdd) : g.genFalse();
    }

    /** Frame Relay's Q.933 NLPIDs after the control byte: IP, IPv6, and the three OSI ones. */
    private static Block frelayLinktype(Gen g, int proto) throws FilterSyntaxException {
        if (proto == ETHERTYPE_IP) {
            return g.cmp(Rel.LINKHDR, 2, H, 0x03cc);
        }
        if (proto == ETHERTYPE_IPV6) {
            return g.cmp(Rel.LINKHDR, 2, H, 0x038e);
        }
        if (proto != LLCSAP_ISONS) {
            return g.genFalse();
        }
        Block b0 = g.cmp(Rel.LINKHDR, 2, H, 0x0381);
        Block b1 = g.cmp(Rel.LINKHDR, 2, H, 0x0382);
        Block b2 = g.cmp(Rel.LINKHDR, 2, H, 0x0383);
        Ir.or(b1, b2);
        Ir.or(b0, b2);
        return b2;
    }

    static boolean isJuniper(int dlt) {
        return switch (dlt) {
            case 130, 131, 132, 133, 134, 135, 136, 137, 164, 167, 168, 178, 179, 180, 181, 183, 194, 200, 232, 233,
                    234, 238 -> true;
            default -> false;
        };
    }

    private static Block orOf(Gen g, Block a, Block b) {
        Ir.or(a, b);
        return b;
    }

    static String description(int dlt) {
        return switch (dlt) {
            case 239 -> "NFLOG";
            case 258 -> "Apple DLT_PKTAP";
            case 242 -> "RFC 4391 IP-over-Infiniband";
            case 231 -> "D-Bus";
            case 271 -> "Linux vsock";
            case 195, 230 -> "IEEE 802.15.4";
            case 189, 220 -> "USB";
            case 187, 201 -> "Bluetooth";
            case 227 -> "CAN";
            case 139, 140 -> "MTP2";
            case 197 -> "ERF";
            default -> "DLT " + dlt;
        };
    }

    private static Block mplsLinktype(Gen g, int version) throws FilterSyntaxException {
        Block b0 = g.mcmp(Rel.PREVMPLSHDR, 2, B, 0x01, 0x01);
        Block b1 = g.mcmp(Rel.LINKPL, 0, B, version, 0xf0);
        Ir.and(b0, b1);
        return b1;
    }

    static Block snap(Gen g, int orgcode, int ptype) throws FilterSyntaxException {
        byte[] s = {(byte) LLCSAP_SNAP, (byte) LLCSAP_SNAP, 0x03, (byte) (orgcode >> 16), (byte) (orgcode >> 8),
            (byte) orgcode, (byte) (ptype >> 8), (byte) ptype};
        return g.bcmp(Rel.LLC, 0, s);
    }

    /** gen_ether_linktype: Ethernet II carries an EtherType, 802.3 a length and then an 802.2 header. */
    private static Block etherLinktype(Gen g, int proto) throws FilterSyntaxException {
        if (proto != LLCSAP_IPX) {
            return framedLinktype(g, proto, false);
        }
        // IPX: 802.2 with its SAP, Novell's raw 802.3 (0xffff where the SAP would be), SNAP, or Ethernet II.
        Block b0 = g.cmp(Rel.LLC, 0, B, LLCSAP_IPX);
        Block b1 = g.cmp(Rel.LLC, 0, H, 0xffff);
        Ir.or(b0, b1);
        b0 = snap(g, 0, ETHERTYPE_IPX);
        Ir.or(b0, b1);
        b0 = g.cmpGt(Rel.LINKTYPE, 0, H, ETHERMTU);
        Ir.not(b0);
        Ir.and(b0, b1);
        b0 = g.cmp(Rel.LINKTYPE, 0, H, ETHERTYPE_IPX);
        Ir.or(b0, b1);
        return b1;
    }

    /** gen_linux_sll_linktype: the cooked header's protocol is an EtherType, or 1 or 4 for 802.3 and 802.2. */
    private static Block sllLinktype(Gen g, int proto) throws FilterSyntaxException {
        if (proto != LLCSAP_IPX) {
            return framedLinktype(g, proto, true);
        }
        Block b0 = g.cmp(Rel.LLC, 0, B, LLCSAP_IPX);
        Block b1 = snap(g, 0, ETHERTYPE_IPX);
        Ir.or(b0, b1);
        b0 = g.cmp(Rel.LINKTYPE, 0, H, LINUX_SLL_P_802_2);
        Ir.and(b0, b1);
        b0 = g.cmp(Rel.LINKTYPE, 0, H, LINUX_SLL_P_802_3);
        Ir.or(b0, b1);
        b0 = g.cmp(Rel.LINKTYPE, 0, H, ETHERTYPE_IPX);
        Ir.or(b0, b1);
        return b1;
    }

    /**
     * What gen_ether_linktype and gen_linux_sll_linktype share for every protocol but IPX: a SAP or AppleTalk's
     * SNAP type inside an 802.2 frame, a SAP-sized value as the first payload byte of one, else the type field.
     * They differ only in how an 802.2 frame is told and where its payload is read.
     */
    private static Block framedLinktype(Gen g, int proto, boolean sll) throws FilterSyntaxException {
        boolean sap = proto == LLCSAP_ISONS || proto == LLCSAP_IP || proto == LLCSAP_NETBEUI;
        boolean appleTalk = proto == ETHERTYPE_ATALK || proto == ETHERTYPE_AARP;
        if (!sap && !appleTalk && proto > ETHERMTU) {
            return g.cmp(Rel.LINKTYPE, 0, H, proto);
        }
        Block b0;
        if (sll) {
            b0 = g.cmp(Rel.LINKTYPE, 0, H, LINUX_SLL_P_802_2);
        } else {
            b0 = g.cmpGt(Rel.LINKTYPE, 0, H, ETHERMTU);
            Ir.not(b0);
        }
        Block b1;
        if (sap) {
            b1 = g.cmp(Rel.LLC, 0, H, (proto << 8) | proto);
        } else if (appleTalk) {
            b1 = proto == ETHERTYPE_ATALK ? snap(g, 0x080007, ETHERTYPE_ATALK) : snap(g, 0, ETHERTYPE_AARP);
        } else {
            b1 = sll ? g.cmp(Rel.LINKPL, 0, B, proto) : g.cmp(Rel.LINKTYPE, 2, B, proto);
        }
        Ir.and(b0, b1);
        if (appleTalk) {
            b0 = g.cmp(Rel.LINKTYPE, 0, H, proto);
            Ir.or(b0, b1);
        }
        return b1;
    }

    static Block llcLinktype(Gen g, int proto) throws FilterSyntaxException {
        if (proto == LLCSAP_IP || proto == LLCSAP_ISONS || proto == LLCSAP_NETBEUI) {
            return g.cmp(Rel.LLC, 0, H, (proto << 8) | proto);
        }
        if (proto == LLCSAP_IPX) {
            return g.cmp(Rel.LLC, 0, B, LLCSAP_IPX);
        }
        if (proto == ETHERTYPE_ATALK) {
            return snap(g, 0x080007, ETHERTYPE_ATALK);
        }
        return proto <= ETHERMTU ? g.cmp(Rel.LLC, 0, B, proto) : g.cmp(Rel.LLC, 6, H, proto);
    }
}
