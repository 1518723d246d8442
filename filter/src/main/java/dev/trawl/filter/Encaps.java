package dev.trawl.filter;

import dev.trawl.filter.Gen.Rel;
import dev.trawl.filter.Ir.Block;
import dev.trawl.pcap.Bpf;

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
        if (g.linuxKernel && g.vlanStackDepth == 0 && !g.offLinkhdr.variable
                && g.offLinkhdr.constant == g.offOutermostLinkhdr.constant
                && (g.linktype == LinkLayers.EN10MB || g.linktype == LinkLayers.NETANALYZER
                || g.linktype == LinkLayers.NETANALYZER_TRANSPARENT)) {
            Block b = vlanInMetadata(g, hasTag, tag);
            g.vlanStackDepth++;
            return b;
        }
        Block b0 = tpidTest(g);
        if (hasTag) {
            Block b1 = g.mcmp(Rel.LINKPL, 0, H, (int) tag, 0x0fff);
            Ir.and(b0, b1);
            b0 = b1;
        }
        g.offLinkpl.constant += 4;
        g.offLinktype.constant += 4;
        g.vlanStackDepth++;
        return b0;
    }

    /** Whether the EtherType is one of a VLAN tag's: 802.1Q, 802.1ad, or the old QinQ 0x9100. */
    private static Block tpidTest(Gen g) throws FilterSyntaxException {
        Block b0 = LinkLayers.linktype(g, LinkLayers.ETHERTYPE_8021Q);
        Block b1 = LinkLayers.linktype(g, LinkLayers.ETHERTYPE_8021AD);
        Ir.or(b0, b1);
        b0 = b1;
        b1 = LinkLayers.linktype(g, LinkLayers.ETHERTYPE_8021QINQ);
        Ir.or(b0, b1);
        return b1;
    }

    /**
     * The outermost {@code vlan} for a Linux kernel filter, as libpcap compiles it for a live capture on
     * Linux. The kernel takes the outer tag out of a received frame (802.1Q and 802.1ad) and keeps it in the
     * packet's metadata, so the frame no longer holds it; when no tag was taken out, the frame may still
     * carry one (0x9100, or one the kernel did not take out), found as usual. So:
     * <pre>
     *   (tag present in metadata [and its VID is N])
     *   or (no tag in metadata and the EtherType is a tag's [and the frame's VID is N])
     * </pre>
     * Only on the second path does the tag lie in the frame, so only there do the offsets of everything
     * compiled after this move by four bytes: they become variable, held in scratch registers that start at
     * zero and that this path raises by four.
     */
    private static Block vlanInMetadata(Gen g, boolean hasTag, long tag) throws FilterSyntaxException {
        Block inMetadata = tagPresent(g);
        if (hasTag) {
            Block vid = g.block(Bpf.JMP | Bpf.JEQ | Bpf.K, (int) tag);
            Ir.Stmt s = Gen.stmt(Bpf.LD | H | Bpf.ABS, Gen.SKF_AD_OFF + SKF_AD_VLAN_TAG);
            Ir.append(s, Gen.stmt(Bpf.ALU | Bpf.AND | Bpf.K, 0x0fff));
            vid.stmts = s;
            Ir.and(inMetadata, vid);
            inMetadata = vid;
        }
        Block notInMetadata = tagPresent(g);
        Ir.not(notInMetadata);
        // the frame tests read the frame as it is: generated before the offsets become variable
        Block inFrame = tpidTest(g);
        Block frameVid = hasTag ? g.mcmp(Rel.LINKPL, 0, H, (int) tag, 0x0fff) : null;
        Ir.Stmt shift = addToOffset(g, g.offLinkpl, null);
        shift = addToOffset(g, g.offLinktype, shift);
        g.vlanOffsetRegisters = new int[] {g.offLinkpl.reg, g.offLinktype.reg};
        Ir.append(shift, inFrame.head.stmts);
        inFrame.head.stmts = shift;
        Ir.and(notInMetadata, inFrame);
        if (frameVid != null) {
            Ir.and(inFrame, frameVid);
            inFrame = frameVid;
        }
        Ir.or(inMetadata, inFrame);
        return inFrame;
    }

    private static final int SKF_AD_VLAN_TAG = 44;
    private static final int SKF_AD_VLAN_TAG_PRESENT = 48;

    private static Block tagPresent(Gen g) throws FilterSyntaxException {
        Block b = g.block(Bpf.JMP | Bpf.JEQ | Bpf.K, 1);
        b.stmts = Gen.stmt(Bpf.LD | B | Bpf.ABS, Gen.SKF_AD_OFF + SKF_AD_VLAN_TAG_PRESENT);
        return b;
    }

    /** {@code ld M[r]; add #4; st M[r]} for an offset made variable, appended to {@code s} (or starting it). */
    private static Ir.Stmt addToOffset(Gen g, Gen.AbsOff off, Ir.Stmt s) throws FilterSyntaxException {
        off.variable = true;
        if (off.reg == -1) {
            off.reg = g.allocReg();
        }
        Ir.Stmt add = Gen.stmt(Bpf.LD | Bpf.MEM, off.reg);
        Ir.append(add, Gen.stmt(Bpf.ALU | Bpf.ADD | Bpf.K, 4));
        Ir.append(add, Gen.stmt(Bpf.ST, off.reg));
        if (s == null) {
            return add;
        }
        Ir.append(s, add);
        return s;
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
