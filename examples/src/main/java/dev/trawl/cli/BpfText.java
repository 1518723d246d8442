package dev.trawl.cli;

import dev.trawl.pcap.BpfInstruction;
import dev.trawl.pcap.BpfProgram;

import java.util.List;

/**
 * Prints a BPF program as tcpdump's {@code -d} (libpcap's {@code bpf_image} listing), {@code -dd} (a C
 * array) and {@code -ddd} (decimal numbers) do. Stateless.
 */
final class BpfText {
    private BpfText() {
    }

    /** The text for a count of {@code -d} flags (1, 2, 3 or more). */
    static String format(BpfProgram program, int level) {
        StringBuilder out = new StringBuilder();
        List<BpfInstruction> insns = program.instructions();
        if (level >= 3) {
            out.append(insns.size()).append('\n');
            for (BpfInstruction i : insns) {
                out.append(i.code()).append(' ').append(i.jt()).append(' ').append(i.jf()).append(' ')
                        .append(Integer.toUnsignedString(i.k())).append('\n');
            }
        } else if (level == 2) {
            for (BpfInstruction i : insns) {
                out.append(String.format("{ 0x%x, %d, %d, 0x%08x },%n", i.code(), i.jt(), i.jf(), i.k()));
            }
        } else {
            for (int n = 0; n < insns.size(); n++) {
                out.append(image(insns.get(n), n)).append('\n');
            }
        }
        return out.toString();
    }

    /** Linux's ancillary data offsets (SKF_AD_OFF + n), which libpcap prints by name. */
    private static final String[] ANCILLARY = {"proto", "type", "ifidx", "nla", "nlan", "mark", "queue", "hatype",
        "rxhash", "cpu", "alu_xor_x", "vlan_tci", "vlanp", "poff", "random", "vlan_tpid"};
    private static final int SKF_AD_OFF = -0x1000;

    private static String absolute(int k) {
        if (k >= SKF_AD_OFF && k < 0 && (k - SKF_AD_OFF) % 4 == 0 && (k - SKF_AD_OFF) / 4 < ANCILLARY.length) {
            return "[" + ANCILLARY[(k - SKF_AD_OFF) / 4] + "]";
        }
        return "[" + k + "]";
    }

    /** One instruction as {@code bpf_image} writes it. */
    static String image(BpfInstruction insn, int n) {
        int code = insn.code();
        int k = insn.k();
        String op;
        String operand;
        switch (code) {
            case 0x06 -> { op = "ret"; operand = "#" + Integer.toUnsignedString(k); }
            case 0x16 -> { op = "ret"; operand = ""; }
            case 0x20 -> { op = "ld"; operand = absolute(k); }
            case 0x28 -> { op = "ldh"; operand = absolute(k); }
            case 0x30 -> { op = "ldb"; operand = absolute(k); }
            case 0x80 -> { op = "ld"; operand = "#pktlen"; }
            case 0x40 -> { op = "ld"; operand = "[x + " + k + "]"; }
            case 0x48 -> { op = "ldh"; operand = "[x + " + k + "]"; }
            case 0x50 -> { op = "ldb"; operand = "[x + " + k + "]"; }
            case 0x00 -> { op = "ld"; operand = "#0x" + Integer.toHexString(k); }
            case 0x01 -> { op = "ldx"; operand = "#0x" + Integer.toHexString(k); }
            case 0x81 -> { op = "ldx"; operand = "#pktlen"; }
            case 0xb1 -> { op = "ldxb"; operand = "4*([" + k + "]&0xf)"; }
            case 0x60 -> { op = "ld"; operand = "M[" + k + "]"; }
            case 0x61 -> { op = "ldx"; operand = "M[" + k + "]"; }
            case 0x02 -> { op = "st"; operand = "M[" + k + "]"; }
            case 0x03 -> { op = "stx"; operand = "M[" + k + "]"; }
            case 0x05 -> { op = "ja"; operand = String.valueOf(n + 1 + k); }
            case 0x15 -> { op = "jeq"; operand = "#0x" + Integer.toHexString(k); }
            case 0x25 -> { op = "jgt"; operand = "#0x" + Integer.toHexString(k); }
            case 0x35 -> { op = "jge"; operand = "#0x" + Integer.toHexString(k); }
            case 0x45 -> { op = "jset"; operand = "#0x" + Integer.toHexString(k); }
            case 0x1d -> { op = "jeq"; operand = "x"; }
            case 0x2d -> { op = "jgt"; operand = "x"; }
            case 0x3d -> { op = "jge"; operand = "x"; }
            case 0x4d -> { op = "jset"; operand = "x"; }
            case 0x04 -> { op = "add"; operand = "#" + k; }
            case 0x14 -> { op = "sub"; operand = "#" + k; }
            case 0x24 -> { op = "mul"; operand = "#" + k; }
            case 0x34 -> { op = "div"; operand = "#" + k; }
            case 0x94 -> { op = "mod"; operand = "#" + k; }
            case 0x54 -> { op = "and"; operand = "#0x" + Integer.toHexString(k); }
            case 0x44 -> { op = "or"; operand = "#0x" + Integer.toHexString(k); }
            case 0xa4 -> { op = "xor"; operand = "#0x" + Integer.toHexString(k); }
            case 0x64 -> { op = "lsh"; operand = "#" + k; }
            case 0x74 -> { op = "rsh"; operand = "#" + k; }
            case 0x0c -> { op = "add"; operand = "x"; }
            case 0x1c -> { op = "sub"; operand = "x"; }
            case 0x2c -> { op = "mul"; operand = "x"; }
            case 0x3c -> { op = "div"; operand = "x"; }
            case 0x9c -> { op = "mod"; operand = "x"; }
            case 0x5c -> { op = "and"; operand = "x"; }
            case 0x4c -> { op = "or"; operand = "x"; }
            case 0xac -> { op = "xor"; operand = "x"; }
            case 0x6c -> { op = "lsh"; operand = "x"; }
            case 0x7c -> { op = "rsh"; operand = "x"; }
            case 0x84 -> { op = "neg"; operand = ""; }
            case 0x07 -> { op = "tax"; operand = ""; }
            case 0x87 -> { op = "txa"; operand = ""; }
            default -> { op = "unimp"; operand = "0x" + Integer.toHexString(code); }
        }
        if ((code & 0x07) == 0x05 && (code & 0xf0) != 0) {
            return String.format("(%03d) %-8s %-16s jt %d\tjf %d", n, op, operand, n + 1 + insn.jt(), n + 1 + insn.jf());
        }
        return String.format("(%03d) %-8s %s", n, op, operand);
    }
}
