package dev.trawl.filter;

import dev.trawl.filter.Gen.Rel;
import dev.trawl.filter.Ir.Block;
import dev.trawl.pcap.Bpf;
import dev.trawl.pcap.Handle;

import static dev.trawl.pcap.Bpf.B;
import static dev.trawl.pcap.Bpf.H;
import static dev.trawl.pcap.Bpf.W;

/** Primitives other than host/port/proto: broadcast, multicast, len, byte, vlan, mpls, pppoe, llc, 802.11... */
final class Specials {
    private static final byte[] EBROADCAST = {-1, -1, -1, -1, -1, -1};

    private Specials() {
    }

    static Block gen(Gen g, Arithmetic arith, Ast.Special s) throws FilterSyntaxException {
        g.column = s.column();
        long n = s.number();
        switch (s.kind()) {
            case BROADCAST:
                return broadcast(g, s.proto());
            case MULTICAST:
                return multicast(g, s.proto());
            case LESS:
                return Primitives.less(g, (int) n);
            case GREATER:
                return Primitives.greater(g, (int) n);
            case BYTE:
                return byteOp(g, (int) n, s.op(), (int) s.number2());
            case INBOUND:
            case OUTBOUND:
                return inbound(g, arith, s.kind() == Tok.OUTBOUND);
            case IFINDEX:
                if (g.linktype == LinkLayers.LINUX_SLL2) {
                    return g.cmp(Rel.LINKHDR, 4, W, (int) n);
                }
                return g.cmp(Rel.LINKHDR, Gen.SKF_AD_OFF + 8, W, (int) n);
            case VLAN:
                return Encaps.vlan(g, s.hasNumber(), n);
            case MPLS:
                return Encaps.mpls(g, s.hasNumber(), n);
            case PPPOED:
                return LinkLayers.linktype(g, LinkLayers.ETHERTYPE_PPPOED);
            case PPPOES:
                return Encaps.pppoes(g, s.hasNumber(), n);
            case GENEVE:
                return Geneve.gen(g, s.hasNumber(), n);
            case LLC:
                return Encaps.llc(g, s.text());
            case TYPE:
                if (!is80211(g)) {
                    throw g.error("802.11 link-layer types supported only on 802.11");
                }
                return g.mcmp(Rel.LINKHDR, 0, B, (int) n, (int) s.number2());
            case DIR:
                if (!is80211(g)) {
                    throw g.error("frame direction supported only with 802.11 headers");
                }
                return g.mcmp(Rel.LINKHDR, 1, B, (int) n, Wlan.DIR_MASK);
            case PF_IFNAME:
            case PF_RSET:
            case PF_RNR:
            case PF_SRNR:
            case PF_REASON:
            case PF_ACTION:
                return Pf.gen(g, s);
            case VPI:
            case VCI:
                return Ss7.fieldValue(g, s, (v, jtype, reverse) -> Atm.field(g, s.kind(), v, jtype, reverse));
            case LANE:
            case METAC:
            case BCC:
            case OAM:
            case OAMF4:
            case OAMF4EC:
            case OAMF4SC:
            case SC:
            case ILMIC:
            case CONNECTMSG:
            case METACONNECT:
                return Atm.abbrev(g, s.kind());
            case FISU:
            case LSSU:
            case MSU:
            case HFISU:
            case HLSSU:
            case HMSU:
                return Ss7.mtp2Type(g, s.kind());
            default:
                return Ss7.fieldValue(g, s, (v, jtype, reverse) -> Ss7.field(g, s.kind(), v, jtype, reverse));
        }
    }
    static boolean is80211(Gen g) {
        return g.linktype == LinkLayers.IEEE802_11 || g.linktype == LinkLayers.PRISM
                || g.linktype == LinkLayers.IEEE802_11_RADIO || g.linktype == LinkLayers.IEEE802_11_RADIO_AVS;
    }

    private static Block broadcast(Gen g, Tok proto) throws FilterSyntaxException {
        if (proto == null || proto == Tok.LINK) {
            if (g.linktype == LinkLayers.ARCNET || g.linktype == LinkLayers.ARCNET_LINUX) {
                return g.bcmp(Rel.LINKHDR, 1, new byte[] {0});
            }
            if (Primitives.macOffsets(g.linktype) != null) {
                Block b1 = Geneve.linkLayerCheck(g);
                Block b0 = Primitives.ehostop(g, EBROADCAST, Tok.DST);
                if (b1 != null) {
                    Ir.and(b1, b0);
                }
                return b0;
            }
            if (Wlan80211.isFamily(g.linktype)) {
                return Wlan80211.hostop(g, EBROADCAST, Tok.DST);
            }
            throw g.error("not a broadcast link");
        }
        if (proto == Tok.IP) {
            if (g.netmask == Handle.NETMASK_UNKNOWN) {
                throw g.error("netmask not known, so 'ip broadcast' not supported");
            }
            Block b0 = LinkLayers.linktype(g, LinkLayers.ETHERTYPE_IP);
            int hostmask = ~g.netmask;
            Block b1 = g.mcmp(Rel.LINKPL, 16, W, 0, hostmask);
            Block b2 = g.mcmp(Rel.LINKPL, 16, W, hostmask, hostmask);
            Ir.or(b1, b2);
            Ir.and(b0, b2);
            return b2;
        }
        throw g.error("only link-layer/IP broadcast filters supported");
    }

    private static Block multicast(Gen g, Tok proto) throws FilterSyntaxException {
        if (proto == null || proto == Tok.LINK) {
            if (g.linktype == LinkLayers.ARCNET || g.linktype == LinkLayers.ARCNET_LINUX) {
                return g.bcmp(Rel.LINKHDR, 1, new byte[] {0});
            }
            if (Wlan80211.isFamily(g.linktype)) {
                return Wlan80211.multicast(g);
            }
            int[] offs = Primitives.macOffsets(g.linktype);
            if (offs != null) {
                Block b1 = Geneve.linkLayerCheck(g);
                Block b0 = g.jset(g.loadA(Rel.LINKHDR, offs[1], B), 1);
                if (b1 != null) {
                    Ir.and(b1, b0);
                }
                return b0;
            }
        } else if (proto == Tok.IP) {
            Block b0 = LinkLayers.linktype(g, LinkLayers.ETHERTYPE_IP);
            Block b1 = g.cmpGe(Rel.LINKPL, 16, B, 224);
            Ir.and(b0, b1);
            return b1;
        } else if (proto == Tok.IPV6) {
            Block b0 = LinkLayers.linktype(g, LinkLayers.ETHERTYPE_IPV6);
            Block b1 = g.cmp(Rel.LINKPL, 24, B, 255);
            Ir.and(b0, b1);
            return b1;
        }
        throw g.error("link-layer multicast filters supported only on ethernet/FDDI/token ring/"
                + "ARCNET/802.11/ATM LANE/Fibre Channel");
    }

    private static Block byteOp(Gen g, int idx, Tok op, int val) throws FilterSyntaxException {
        switch (op) {
            case EQ:
                return g.cmp(Rel.LINKHDR, idx, B, val);
            case LT:
                return g.cmpLt(Rel.LINKHDR, idx, B, val);
            case GT:
                return g.cmpGt(Rel.LINKHDR, idx, B, val);
            default: {
                // libpcap emits the operation without loading the byte first; kept for identical verdicts.
                Ir.Stmt s = Gen.stmt(Bpf.ALU | (op == Tok.PIPE ? Bpf.OR : Bpf.AND) | Bpf.K, val);
                Block b = g.block(Bpf.JMP | Bpf.JEQ | Bpf.K, 0);
                b.stmts = s;
                Ir.not(b);
                return b;
            }
        }
    }

    private static Block inbound(Gen g, Arithmetic arith, boolean out) throws FilterSyntaxException {
        Block b0;
        switch (g.linktype) {
            case LinkLayers.SLIP: {
                // libpcap passes these as arguments of one call, which its compiler evaluates right to left.
                Arithmetic.Arth right = arith.loadi(0);
                Arithmetic.Arth left = arith.load(Tok.LINK, arith.loadi(0), 1);
                return arith.relation(Bpf.JEQ, left, right, out);
            }
            case LinkLayers.IPNET:
                return g.cmp(Rel.LINKHDR, 2, H, out ? 1 : 2);
            case LinkLayers.LINUX_SLL:
                b0 = g.cmp(Rel.LINKHDR, 0, H, 4);
                break;
            case LinkLayers.LINUX_SLL2:
                b0 = g.cmp(Rel.LINKHDR, 10, B, 4);
                break;
            case LinkLayers.PFLOG:
                return g.cmp(Rel.LINKHDR, 60, B, out ? 2 : 1);
            case LinkLayers.PPP_PPPD:
                return g.cmp(Rel.LINKHDR, 0, B, out ? 1 : 0);
            default:
                if (LinkLayers.isJuniper(g.linktype)) {
                    return g.mcmp(Rel.LINKHDR, 3, B, out ? 0 : 1, 0x01);
                }
                b0 = g.cmp(Rel.LINKHDR, Gen.SKF_AD_OFF + 4, H, 4);
                break;
        }
        if (!out) {
            Ir.not(b0);
        }
        return b0;
    }
}
