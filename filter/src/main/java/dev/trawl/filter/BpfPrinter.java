package dev.trawl.filter;

import dev.trawl.pcap.Bpf;
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
            case Bpf.RET | Bpf.K -> { op = "ret"; operand = "#" + Integer.toUnsignedString(k); }
            case Bpf.RET | Bpf.A -> { op = "ret"; operand = "a"; }
            case Bpf.RET | Bpf.X -> { op = "ret"; operand = "x"; }
            case Bpf.LD | Bpf.W | Bpf.ABS -> { op = "ld"; operand = abs ? ancillary(k) : "[" + k + "]"; }
            case Bpf.LD | Bpf.H | Bpf.ABS -> { op = "ldh"; operand = abs ? ancillary(k) : "[" + k + "]"; }
            case Bpf.LD | Bpf.B | Bpf.ABS -> { op = "ldb"; operand = abs ? ancillary(k) : "[" + k + "]"; }
            case Bpf.LD | Bpf.W | Bpf.LEN -> { op = "ld"; operand = "#pktlen"; }
            case Bpf.LD | Bpf.W | Bpf.IND -> { op = "ld"; operand = "[x + " + k + "]"; }
            case Bpf.LD | Bpf.H | Bpf.IND -> { op = "ldh"; operand = "[x + " + k + "]"; }
            case Bpf.LD | Bpf.B | Bpf.IND -> { op = "ldb"; operand = "[x + " + k + "]"; }
            case Bpf.LD | Bpf.IMM -> { op = "ld"; operand = "#0x" + Integer.toHexString(k); }
            case Bpf.LDX | Bpf.IMM -> { op = "ldx"; operand = "#0x" + Integer.toHexString(k); }
            case Bpf.LDX | Bpf.MSH | Bpf.B -> { op = "ldxb"; operand = "4*([" + k + "]&0xf)"; }
            case Bpf.LD | Bpf.MEM -> { op = "ld"; operand = "M[" + k + "]"; }
            case Bpf.LDX | Bpf.MEM -> { op = "ldx"; operand = "M[" + k + "]"; }
            case Bpf.LDX | Bpf.W | Bpf.LEN -> { op = "ldx"; operand = "#pktlen"; }
            case Bpf.ST -> { op = "st"; operand = "M[" + k + "]"; }
            case Bpf.STX -> { op = "stx"; operand = "M[" + k + "]"; }
            case Bpf.JMP | Bpf.JA -> { op = "ja"; operand = Integer.toString(n + 1 + k); }
            case Bpf.JMP | Bpf.JGT | Bpf.K -> { op = "jgt"; operand = "#0x" + Integer.toHexString(k); }
            case Bpf.JMP | Bpf.JGE | Bpf.K -> { op = "jge"; operand = "#0x" + Integer.toHexString(k); }
            case Bpf.JMP | Bpf.JEQ | Bpf.K -> { op = "jeq"; operand = "#0x" + Integer.toHexString(k); }
            case Bpf.JMP | Bpf.JSET | Bpf.K -> { op = "jset"; operand = "#0x" + Integer.toHexString(k); }
            case Bpf.JMP | Bpf.JGT | Bpf.X -> { op = "jgt"; operand = "x"; }
            case Bpf.JMP | Bpf.JGE | Bpf.X -> { op = "jge"; operand = "x"; }
            case Bpf.JMP | Bpf.JEQ | Bpf.X -> { op = "jeq"; operand = "x"; }
            case Bpf.JMP | Bpf.JSET | Bpf.X -> { op = "jset"; operand = "x"; }
            case Bpf.ALU | Bpf.ADD | Bpf.X -> { op = "add"; operand = "x"; }
            case Bpf.ALU | Bpf.SUB | Bpf.X -> { op = "sub"; operand = "x"; }
            case Bpf.ALU | Bpf.MUL | Bpf.X -> { op = "mul"; operand = "x"; }
            case Bpf.ALU | Bpf.DIV | Bpf.X -> { op = "div"; operand = "x"; }
            case Bpf.ALU | Bpf.MOD | Bpf.X -> { op = "mod"; operand = "x"; }
            case Bpf.ALU | Bpf.AND | Bpf.X -> { op = "and"; operand = "x"; }
            case Bpf.ALU | Bpf.OR | Bpf.X -> { op = "or"; operand = "x"; }
            case Bpf.ALU | Bpf.XOR | Bpf.X -> { op = "xor"; operand = "x"; }
            case Bpf.ALU | Bpf.LSH | Bpf.X -> { op = "lsh"; operand = "x"; }
            case Bpf.ALU | Bpf.RSH | Bpf.X -> { op = "rsh"; operand = "x"; }
            case Bpf.ALU | Bpf.ADD | Bpf.K -> { op = "add"; operand = "#" + Integer.toUnsignedString(k); }
            case Bpf.ALU | Bpf.SUB | Bpf.K -> { op = "sub"; operand = "#" + Integer.toUnsignedString(k); }
            case Bpf.ALU | Bpf.MUL | Bpf.K -> { op = "mul"; operand = "#" + Integer.toUnsignedString(k); }
            case Bpf.ALU | Bpf.DIV | Bpf.K -> { op = "div"; operand = "#" + Integer.toUnsignedString(k); }
            case Bpf.ALU | Bpf.MOD | Bpf.K -> { op = "mod"; operand = "#" + Integer.toUnsignedString(k); }
            case Bpf.ALU | Bpf.AND | Bpf.K -> { op = "and"; operand = "#0x" + Integer.toHexString(k); }
            case Bpf.ALU | Bpf.OR | Bpf.K -> { op = "or"; operand = "#0x" + Integer.toHexString(k); }
            case Bpf.ALU | Bpf.XOR | Bpf.K -> { op = "xor"; operand = "#0x" + Integer.toHexString(k); }
            case Bpf.ALU | Bpf.LSH | Bpf.K -> { op = "lsh"; operand = "#" + Integer.toUnsignedString(k); }
            case Bpf.ALU | Bpf.RSH | Bpf.K -> { op = "rsh"; operand = "#" + Integer.toUnsignedString(k); }
            case Bpf.ALU | Bpf.NEG -> { op = "neg"; operand = ""; }
            case Bpf.MISC | Bpf.TAX -> { op = "tax"; operand = ""; }
            case Bpf.MISC | Bpf.TXA -> { op = "txa"; operand = ""; }
            default -> { op = "unimp"; operand = "0x" + Integer.toHexString(p.code()); }
        }
        if (Bpf.instructionClass(p.code()) == Bpf.JMP && Bpf.operation(p.code()) != Bpf.JA) {
            return String.format("(%03d) %-8s %-16s jt %d\tjf %d", n, op, operand, n + 1 + p.jt(), n + 1 + p.jf());
        }
        return String.format("(%03d) %-8s %s", n, op, operand);
    }
}
