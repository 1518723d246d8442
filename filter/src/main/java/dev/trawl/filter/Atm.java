package dev.trawl.filter;

import dev.trawl.filter.Gen.Rel;
import dev.trawl.filter.Ir.Block;

import static dev.trawl.pcap.Bpf.B;
import static dev.trawl.pcap.Bpf.H;
import static dev.trawl.pcap.Bpf.JEQ;

/** Raw ATM (SunATM) primitives: VPI/VCI fields, circuit abbreviations, LANE and signalling messages. */
final class Atm {
    private static final int VPI = 1, VCI = 2, PROTO = 0, PAYLOAD = 4, MSG_TYPE = PAYLOAD + 5;
    private static final int PT_LANE = 1, PT_LLC = 2;

    private Atm() {
    }

    private static void require(Gen g, String what) throws FilterSyntaxException {
        if (g.outermostLinktype != LinkLayers.SUNATM) {
            throw g.error("'" + what + "' supported only on raw ATM");
        }
    }

    static Block field(Gen g, Tok t, long value, int jtype, boolean reverse) throws FilterSyntaxException {
        require(g, t == Tok.VPI ? "vpi" : "vci");
        return t == Tok.VPI ? g.ncmp(Rel.LINKHDR, VPI, B, 0xffffffff, jtype, reverse, (int) value)
                : g.ncmp(Rel.LINKHDR, VCI, H, 0xffffffff, jtype, reverse, (int) value);
    }

    private static Block vpiVci(Gen g, int vci) throws FilterSyntaxException {
        Block b0 = g.ncmp(Rel.LINKHDR, VPI, B, 0xffffffff, JEQ, false, 0);
        Block b1 = g.ncmp(Rel.LINKHDR, VCI, H, 0xffffffff, JEQ, false, vci);
        Ir.and(b0, b1);
        return b1;
    }

    private static Block msg(Gen g, int type) throws FilterSyntaxException {
        return g.ncmp(Rel.LINKHDR, MSG_TYPE, B, 0xffffffff, JEQ, false, type);
    }

    private static Block anyMessage(Gen g, int... types) throws FilterSyntaxException {
        Block b1 = null;
        for (int i = 0; i < types.length; i++) {
            Block b0 = msg(g, types[i]);
            if (i == 0) {
                b1 = b0;
                continue;
            }
            if (i == 1) {
                Block first = b1;
                b1 = b0;
                Ir.or(first, b1);
            } else {
                Ir.or(b0, b1);
            }
        }
        return b1;
    }

    static Block abbrev(Gen g, Tok t) throws FilterSyntaxException {
        require(g, Primitives.tokName(t));
        switch (t) {
            case METAC:
                return vpiVci(g, 1);
            case BCC:
                return vpiVci(g, 2);
            case OAMF4SC:
                return vpiVci(g, 3);
            case OAMF4EC:
                return vpiVci(g, 4);
            case SC:
                return vpiVci(g, 5);
            case ILMIC:
                return vpiVci(g, 16);
            case LANE: {
                Block b1 = g.ncmp(Rel.LINKHDR, PROTO, B, 0x0f, JEQ, false, PT_LANE);
                g.pushLinkhdr(LinkLayers.EN10MB, false, PAYLOAD + 2, -1);
                g.offLinktype = new Gen.AbsOff(g.offLinkhdr.constant + 12);
                g.offLinkpl = new Gen.AbsOff(g.offLinkhdr.constant + 14);
                g.offNl = 0;
                g.offNlNosnap = 3;
                return b1;
            }
            case OAM, OAMF4: {
                Block b0 = g.ncmp(Rel.LINKHDR, VCI, H, 0xffffffff, JEQ, false, 3);
                Block b1 = g.ncmp(Rel.LINKHDR, VCI, H, 0xffffffff, JEQ, false, 4);
                Ir.or(b0, b1);
                b0 = g.ncmp(Rel.LINKHDR, VPI, B, 0xffffffff, JEQ, false, 0);
                Ir.and(b0, b1);
                return b1;
            }
            case CONNECTMSG: {
                Block b1 = anyMessage(g, 0x05, 0x02, 0x07, 0x0f, 0x4d, 0x5a);
                Block b0 = vpiVci(g, 5);
                Ir.and(b0, b1);
                return b1;
            }
            default: {
                Block b1 = anyMessage(g, 0x05, 0x02, 0x07, 0x4d, 0x5a);
                Block b0 = vpiVci(g, 1);
                Ir.and(b0, b1);
                return b1;
            }
        }
    }

    /** On raw ATM, only LLC-encapsulated packets (libpcap's 'llc'). */
    static Block llc(Gen g) throws FilterSyntaxException {
        return g.ncmp(Rel.LINKHDR, PROTO, B, 0x0f, JEQ, false, PT_LLC);
    }

    /** After 'lane': a LANE data frame, not an LE control frame. */
    static Block laneDataCheck(Gen g) throws FilterSyntaxException {
        if (g.prevLinktype != LinkLayers.SUNATM) {
            return null;
        }
        Block b0 = g.cmp(Rel.PREVLINKHDR, PAYLOAD, H, 0xff00);
        Ir.not(b0);
        return b0;
    }
}
