package dev.trawl.filter;

import dev.trawl.filter.Gen.Rel;
import dev.trawl.filter.Ir.Block;

import static dev.trawl.pcap.Bpf.B;
import static dev.trawl.pcap.Bpf.H;
import static dev.trawl.pcap.Bpf.W;

/**
 * Encapsulations that move the header offsets for everything compiled after them (vlan, mpls, pppoes), and
 * the 802.2 LLC primitives.
 */
final class Encaps {
    private Encaps() {
    }

    static Block vlan(Gen g, boolean hasTag, long tag) throws FilterSyntaxException {
        if (hasTag && tag > 4095) {
            throw g.error("VLAN tag " + tag + " greater than maximum 4095");
        }
        if (g.labelStackDepth > 0) {
            throw g.error("no VLAN match after MPLS");
        }
        switch (g.linktype) {
            case LinkLayers.EN10MB, LinkLayers.NETANALYZER, LinkLayers.NETANALYZER_TRANSPARENT,
                    LinkLayers.IEEE802_11, LinkLayers.PRISM, LinkLayers.IEEE802_11_RADIO_AVS,
                    LinkLayers.IEEE802_11_RADIO -> {
            }
            default -> throw g.error("no VLAN support for " + linkName(g.linktype));
        }
        Block b0 = LinkLayers.linktype(g, LinkLayers.ETHERTYPE_8021Q);
        Block b1 = LinkLayers.linktype(g, LinkLayers.ETHERTYPE_8021AD);
        Ir.or(b0, b1);
        b0 = b1;
        b1 = LinkLayers.linktype(g, LinkLayers.ETHERTYPE_8021QINQ);
        Ir.or(b0, b1);
        b0 = b1;
        if (hasTag) {
            b1 = g.mcmp(Rel.LINKPL, 0, H, (int) tag, 0x0fff);
            Ir.and(b0, b1);
            b0 = b1;
        }
        g.offLinkpl.constant += 4;
        g.offLinktype.constant += 4;
        g.vlanStackDepth++;
        return b0;
    }

    private static String linkName(int dlt) {
        return switch (dlt) {
            case LinkLayers.PPP -> "PPP";
            case LinkLayers.LINUX_SLL -> "Linux cooked v1";
            case LinkLayers.C_HDLC -> "Cisco HDLC";
            case LinkLayers.IPV4 -> "Raw IPv4";
            case LinkLayers.IPV6 -> "Raw IPv6";
            case LinkLayers.LOOP -> "OpenBSD loopback";
            case LinkLayers.LINUX_SLL2 -> "Linux cooked v2";
            case LinkLayers.RAW -> "Raw IP";
            case LinkLayers.NULL -> "BSD loopback";
            default -> "DLT " + dlt;
        };
    }

    static Block mpls(Gen g, boolean hasLabel, long label) throws FilterSyntaxException {
        if (hasLabel && label > 0xfffff) {
            throw g.error("MPLS label " + label + " greater than maximum 1048575");
        }
        Block b0;
        if (g.labelStackDepth > 0) {
            b0 = g.mcmp(Rel.PREVMPLSHDR, 2, B, 0, 0x01);
        } else {
            b0 = switch (g.linktype) {
                case LinkLayers.C_HDLC, LinkLayers.EN10MB, LinkLayers.NETANALYZER,
                        LinkLayers.NETANALYZER_TRANSPARENT -> LinkLayers.linktype(g, LinkLayers.ETHERTYPE_MPLS);
                case LinkLayers.PPP -> LinkLayers.linktype(g, LinkLayers.PPP_MPLS_UCAST);
                default -> throw g.error("no MPLS support for " + linkName(g.linktype));
            };
        }
        if (hasLabel) {
            Block b1 = g.mcmp(Rel.LINKPL, 0, W, (int) (label << 12), 0xfffff000);
            Ir.and(b0, b1);
            b0 = b1;
        }
        g.offNlNosnap += 4;
        g.offNl += 4;
        g.labelStackDepth++;
        return b0;
    }

    static Block pppoes(Gen g, boolean hasSession, long session) throws FilterSyntaxException {
        if (hasSession && session > 0xffff) {
            throw g.error("PPPoE session number " + session + " greater than maximum 65535");
        }
        Block b0 = LinkLayers.linktype(g, LinkLayers.ETHERTYPE_PPPOES);
        if (hasSession) {
            Block b1 = g.mcmp(Rel.LINKPL, 0, W, (int) session, 0x0000ffff);
            Ir.and(b0, b1);
            b0 = b1;
        }
        g.pushLinkhdr(LinkLayers.PPP, g.offLinkpl.variable, g.offLinkpl.constant + g.offNl + 6, g.offLinkpl.reg);
        g.offLinktype = g.offLinkhdr.copy();
        g.offLinkpl.constant = g.offLinkhdr.constant + 2;
        g.offNl = 0;
        g.offNlNosnap = 0;
        return b0;
    }

    private static Block llcCheck(Gen g) throws FilterSyntaxException {
        switch (g.linktype) {
            case LinkLayers.EN10MB: {
                Block b0 = g.cmpGt(Rel.LINKTYPE, 0, H, LinkLayers.ETHERMTU);
                Ir.not(b0);
                Block b1 = g.cmp(Rel.LLC, 0, H, 0xffff);
                Ir.not(b1);
                Ir.and(b0, b1);
                return b1;
            }
            case LinkLayers.IEEE802, LinkLayers.FDDI, LinkLayers.ATM_RFC1483:
                return g.genTrue();
            case LinkLayers.SUNATM:
                return Atm.llc(g);
            case LinkLayers.IEEE802_11, LinkLayers.PRISM, LinkLayers.IEEE802_11_RADIO,
                    LinkLayers.IEEE802_11_RADIO_AVS, LinkLayers.PPI:
                return Wlan80211.dataFrame(g);
            default:
                throw g.error("'llc' not supported for " + linkName(g.linktype));
        }
    }

    static Block llc(Gen g, String kind) throws FilterSyntaxException {
        if (kind == null) {
            return llcCheck(g);
        }
        Integer sSub = switch (kind) {
            case "rr" -> 0x01;
            case "rnr" -> 0x05;
            case "rej" -> 0x09;
            default -> null;
        };
        Integer uSub = switch (kind) {
            case "ui" -> 0x03;
            case "ua" -> 0x63;
            case "disc" -> 0x43;
            case "dm" -> 0x0f;
            case "sabme" -> 0x6f;
            case "test" -> 0xe3;
            case "xid" -> 0xaf;
            case "frmr" -> 0x87;
            default -> null;
        };
        if (!kind.equals("i") && !kind.equals("s") && !kind.equals("u") && sSub == null && uSub == null) {
            throw g.error("unknown LLC type name \"" + kind + "\"");
        }
        Block b0 = llcCheck(g);
        Block b1;
        if (kind.equals("i")) {
            b1 = g.jset(g.loadA(Rel.LLC, 2, B), 0x01);
            Ir.not(b1);
        } else if (kind.equals("s")) {
            b1 = g.mcmp(Rel.LLC, 2, B, 0x01, 0x03);
        } else if (kind.equals("u")) {
            b1 = g.mcmp(Rel.LLC, 2, B, 0x03, 0x03);
        } else if (sSub != null) {
            b1 = g.mcmp(Rel.LLC, 2, B, sSub, 0x0f);
        } else {
            b1 = g.mcmp(Rel.LLC, 2, B, uSub, 0xef);
        }
        Ir.and(b0, b1);
        return b1;
    }
}
