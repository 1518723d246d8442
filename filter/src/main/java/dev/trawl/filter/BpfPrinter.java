package dev.trawl.filter;

import dev.trawl.pcap.BpfInstruction;
import dev.trawl.pcap.BpfProgram;

import java.util.List;

/**
 * Prints BPF programs in the formats of {@code tcpdump -d}, {@code -dd} and {@code -ddd} (libpcap's
 * bpf_image and bpf_dump). Stateless and thread-safe.
 */
public final class BpfPrinter {
    /** The output format. */
    public enum Style {
        /** Human-readable assembly, as {@code tcpdump -d}. */
        ASSEMBLY,
        /** C array initializers, as {@code tcpdump -dd}. */
        C_ARRAY,
        /** Decimal numbers, count first, as {@code tcpdump -ddd}. */
        DECIMAL
    }

    private BpfPrinter() {
    }

    /** Formats a whole program, one instruction per line, each line ending in a newline. */
    public static String format(BpfProgram program, Style style) {
        List<BpfInstruction> insns = program.instructions();
        StringBuilder out = new StringBuilder();
        if (style == Style.DECIMAL) {
            out.append(insns.size()).append('\n');
        }
        for (int i = 0; i < insns.size(); i++) {
            BpfInstruction p = insns.get(i);
            switch (style) {
                case ASSEMBLY -> out.append(image(p, i));
                case C_ARRAY -> out.append(String.format("{ 0x%x, %d, %d, 0x%08x },", p.code(), p.jt(), p.jf(), p.k()));
                case DECIMAL -> out.append(p.code()).append(' ').append(p.jt()).append(' ').append(p.jf()).append(' ')
                        .append(Integer.toUnsignedString(p.k()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String ancillary(int k) {
        return switch (k - Gen.SKF_AD_OFF) {
            case 0 -> "[proto]";
            case 4 -> "[type]";
            case 8 -> "[ifidx]";
            case 12 -> "[nla]";
            case 16 -> "[nlan]";
            case 20 -> "[mark]";
            case 24 -> "[queue]";
            case 28 -> "[hatype]";
            case 32 -> "[rxhash]";
            case 36 -> "[cpu]";
            case 44 -> "[vlan_tci]";
            case 48 -> "[vlanp]";
            case 52 -> "[poff]";
            case 56 -> "[random]";
            case 60 -> "[vlan_tpid]";
            default -> "[" + k + "]";
        };
    }

    /** One instruction in {@code tcpdump -d} form, without a newline. */
    public static String image(BpfInstruction p, int n) {
        int k = p.k();
        String op;
        String operand;
        boolean abs = Integer.compareUnsigned(k, Gen.SKF_AD_OFF) >= 0;
        switch (p.code()) {
            case Gen.RET | Gen.K -> { op = "ret"; operand = "#" + Integer.toUnsignedString(k); }
            case Gen.RET | 0x10 -> { op = "ret"; operand = "a"; }
            case Gen.RET | Gen.X -> { op = "ret"; operand = "x"; }
            case Gen.LD | Gen.W | Gen.ABS -> { op = "ld"; operand = abs ? ancillary(k) : "[" + k + "]"; }
            case Gen.LD | Gen.H | Gen.ABS -> { op = "ldh"; operand = abs ? ancillary(k) : "[" + k + "]"; }
            case Gen.LD | Gen.B | Gen.ABS -> { op = "ldb"; operand = abs ? ancillary(k) : "[" + k + "]"; }
            case Gen.LD | Gen.W | Gen.LEN -> { op = "ld"; operand = "#pktlen"; }
            case Gen.LD | Gen.W | Gen.IND -> { op = "ld"; operand = "[x + " + k + "]"; }
            case Gen.LD | Gen.H | Gen.IND -> { op = "ldh"; operand = "[x + " + k + "]"; }
            case Gen.LD | Gen.B | Gen.IND -> { op = "ldb"; operand = "[x + " + k + "]"; }
            case Gen.LD | Gen.IMM -> { op = "ld"; operand = "#0x" + Integer.toHexString(k); }
            case Gen.LDX | Gen.IMM -> { op = "ldx"; operand = "#0x" + Integer.toHexString(k); }
            case Gen.LDX | Gen.MSH | Gen.B -> { op = "ldxb"; operand = "4*([" + k + "]&0xf)"; }
            case Gen.LD | Gen.MEM -> { op = "ld"; operand = "M[" + k + "]"; }
            case Gen.LDX | Gen.MEM -> { op = "ldx"; operand = "M[" + k + "]"; }
            case Gen.LDX | Gen.W | Gen.LEN -> { op = "ldx"; operand = "#pktlen"; }
            case Gen.ST -> { op = "st"; operand = "M[" + k + "]"; }
            case Gen.STX -> { op = "stx"; operand = "M[" + k + "]"; }
            case Gen.JMP | Gen.JA -> { op = "ja"; operand = Integer.toString(n + 1 + k); }
            case Gen.JMP | Gen.JGT | Gen.K -> { op = "jgt"; operand = "#0x" + Integer.toHexString(k); }
            case Gen.JMP | Gen.JGE | Gen.K -> { op = "jge"; operand = "#0x" + Integer.toHexString(k); }
            case Gen.JMP | Gen.JEQ | Gen.K -> { op = "jeq"; operand = "#0x" + Integer.toHexString(k); }
            case Gen.JMP | Gen.JSET | Gen.K -> { op = "jset"; operand = "#0x" + Integer.toHexString(k); }
            case Gen.JMP | Gen.JGT | Gen.X -> { op = "jgt"; operand = "x"; }
            case Gen.JMP | Gen.JGE | Gen.X -> { op = "jge"; operand = "x"; }
            case Gen.JMP | Gen.JEQ | Gen.X -> { op = "jeq"; operand = "x"; }
            case Gen.JMP | Gen.JSET | Gen.X -> { op = "jset"; operand = "x"; }
            case Gen.ALU | Gen.ADD | Gen.X -> { op = "add"; operand = "x"; }
            case Gen.ALU | Gen.SUB | Gen.X -> { op = "sub"; operand = "x"; }
            case Gen.ALU | Gen.MUL | Gen.X -> { op = "mul"; operand = "x"; }
            case Gen.ALU | Gen.DIV | Gen.X -> { op = "div"; operand = "x"; }
            case Gen.ALU | Gen.MOD | Gen.X -> { op = "mod"; operand = "x"; }
            case Gen.ALU | Gen.AND | Gen.X -> { op = "and"; operand = "x"; }
            case Gen.ALU | Gen.OR | Gen.X -> { op = "or"; operand = "x"; }
            case Gen.ALU | Gen.XOR | Gen.X -> { op = "xor"; operand = "x"; }
            case Gen.ALU | Gen.LSH | Gen.X -> { op = "lsh"; operand = "x"; }
            case Gen.ALU | Gen.RSH | Gen.X -> { op = "rsh"; operand = "x"; }
            case Gen.ALU | Gen.ADD | Gen.K -> { op = "add"; operand = "#" + Integer.toUnsignedString(k); }
            case Gen.ALU | Gen.SUB | Gen.K -> { op = "sub"; operand = "#" + Integer.toUnsignedString(k); }
            case Gen.ALU | Gen.MUL | Gen.K -> { op = "mul"; operand = "#" + Integer.toUnsignedString(k); }
            case Gen.ALU | Gen.DIV | Gen.K -> { op = "div"; operand = "#" + Integer.toUnsignedString(k); }
            case Gen.ALU | Gen.MOD | Gen.K -> { op = "mod"; operand = "#" + Integer.toUnsignedString(k); }
            case Gen.ALU | Gen.AND | Gen.K -> { op = "and"; operand = "#0x" + Integer.toHexString(k); }
            case Gen.ALU | Gen.OR | Gen.K -> { op = "or"; operand = "#0x" + Integer.toHexString(k); }
            case Gen.ALU | Gen.XOR | Gen.K -> { op = "xor"; operand = "#0x" + Integer.toHexString(k); }
            case Gen.ALU | Gen.LSH | Gen.K -> { op = "lsh"; operand = "#" + Integer.toUnsignedString(k); }
            case Gen.ALU | Gen.RSH | Gen.K -> { op = "rsh"; operand = "#" + Integer.toUnsignedString(k); }
            case Gen.ALU | Gen.NEG -> { op = "neg"; operand = ""; }
            case Gen.MISC | Gen.TAX -> { op = "tax"; operand = ""; }
            case Gen.MISC | Gen.TXA -> { op = "txa"; operand = ""; }
            default -> { op = "unimp"; operand = "0x" + Integer.toHexString(p.code()); }
        }
        if ((p.code() & 0x07) == Gen.JMP && (p.code() & 0xf0) != Gen.JA) {
            return String.format("(%03d) %-8s %-16s jt %d\tjf %d", n, op, operand, n + 1 + p.jt(), n + 1 + p.jf());
        }
        return String.format("(%03d) %-8s %s", n, op, operand);
    }
}
