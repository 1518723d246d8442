package dev.trawl.filter;

import dev.trawl.filter.Gen.Rel;
import dev.trawl.filter.Ir.Block;
import dev.trawl.pcap.Bpf;

import static dev.trawl.pcap.Bpf.B;
import static dev.trawl.pcap.Bpf.H;
import static dev.trawl.pcap.Bpf.JEQ;
import static dev.trawl.pcap.Bpf.JGT;
import static dev.trawl.pcap.Bpf.W;

/** SS7 primitives: MTP2 signal-unit types (fisu, lssu, msu and their HSL forms) and MTP3 fields. */
final class Ss7 {
    private Ss7() {
    }

    private static boolean isMtp2(Gen g) {
        return g.linktype == 140 || g.linktype == 139 || g.linktype == 197;
    }

    static Block mtp2Type(Gen g, Tok t) throws FilterSyntaxException {
        boolean hsl = t == Tok.HFISU || t == Tok.HLSSU || t == Tok.HMSU;
        if (!isMtp2(g)) {
            throw g.error("'" + Primitives.tokName(t) + "' supported only on MTP2" + (hsl ? "_HSL" : ""));
        }
        int off = hsl ? g.offLiHsl : g.offLi;
        int size = hsl ? H : B;
        int mask = hsl ? 0xff80 : 0x3f;
        int two = hsl ? 0x0100 : 2;
        switch (t) {
            case FISU, HFISU:
                return g.ncmp(Rel.PACKET, off, size, mask, JEQ, false, 0);
            case LSSU, HLSSU: {
                Block b0 = g.ncmp(Rel.PACKET, off, size, mask, JGT, true, two);
                Block b1 = g.ncmp(Rel.PACKET, off, size, mask, JGT, false, 0);
                Ir.and(b1, b0);
                return b0;
            }
            default:
                return g.ncmp(Rel.PACKET, off, size, mask, JGT, false, two);
        }
    }

    /** One MTP3 field test; jtype and reverse as libpcap's gen_mtp3field_code takes them. */
    static Block field(Gen g, Tok t, long value, int jtype, boolean reverse) throws FilterSyntaxException {
        boolean hsl = t == Tok.HSIO || t == Tok.HOPC || t == Tok.HDPC || t == Tok.HSLS;
        int extra = hsl ? 3 : 0;
        switch (t) {
            case SIO, HSIO: {
                if (g.offSio == -1) {
                    throw g.error("'sio' supported only on SS7");
                }
                if (value > 255) {
                    throw g.error("sio value " + value + " too big; max value = 255");
                }
                return g.ncmp(Rel.PACKET, g.offSio + extra, B, 0xffffffff, jtype, reverse, (int) value);
            }
            case OPC, HOPC: {
                if (g.offOpc == -1) {
                    throw g.error("'opc' supported only on SS7");
                }
                if (value > 16383) {
                    throw g.error("opc value " + value + " too big; max value = 16383");
                }
                long v = ((value & 0x3c00) >> 10) + ((value & 0x3fc) << 6) + ((value & 0x3) << 22);
                return g.ncmp(Rel.PACKET, g.offOpc + extra, W, 0x00c0ff0f, jtype, reverse, (int) v);
            }
            case DPC, HDPC: {
                if (g.offDpc == -1) {
                    throw g.error("'dpc' supported only on SS7");
                }
                if (value > 16383) {
                    throw g.error("dpc value " + value + " too big; max value = 16383");
                }
                long v = ((value & 0xff) << 24) + ((value & 0x3f00) << 8);
                return g.ncmp(Rel.PACKET, g.offDpc + extra, W, 0xff3f0000, jtype, reverse, (int) v);
            }
            default: {
                if (g.offSls == -1) {
                    throw g.error("'sls' supported only on SS7");
                }
                if (value > 15) {
                    throw g.error("sls value " + value + " too big; max value = 15");
                }
                return g.ncmp(Rel.PACKET, g.offSls + extra, B, 0xf0, jtype, reverse, (int) (value << 4));
            }
        }
    }

    /** A field with the grammar's value forms: a number, a comparison, or an or-list of numbers. */
    static Block fieldValue(Gen g, Ast.Special s, FieldGen gen) throws FilterSyntaxException {
        if (s.text() != null) {
            Block b = null;
            for (String v : s.text().split(",")) {
                Block next = gen.gen(Long.parseLong(v), JEQ, false);
                if (b != null) {
                    Ir.or(b, next);
                }
                b = next;
            }
            return b;
        }
        return switch (s.op()) {
            case GT -> gen.gen(s.number(), JGT, false);
            case GEQ -> gen.gen(s.number(), Bpf.JGE, false);
            case LEQ -> gen.gen(s.number(), JGT, true);
            case LT -> gen.gen(s.number(), Bpf.JGE, true);
            case NEQ -> gen.gen(s.number(), JEQ, true);
            default -> gen.gen(s.number(), JEQ, false);
        };
    }

    /** Generates one field comparison. */
    interface FieldGen {
        Block gen(long value, int jtype, boolean reverse) throws FilterSyntaxException;
    }
}
