package dev.trawl.pcap.tck;

import dev.trawl.pcap.BpfInstruction;
import dev.trawl.pcap.BpfProgram;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints a BPF program in the text format of libpcap's {@code bpf_image} ({@code tcpdump -d}), so that a
 * program can be compared line by line with the dumps stored in the corpus. Whitespace is normalised by
 * {@link #normalize} on both sides, so only mnemonics, operands and jump targets count.
 */
final class BpfImage {
    private BpfImage() {
    }

    static List<String> lines(BpfProgram program) {
        List<String> lines = new ArrayList<>();
        List<BpfInstruction> insns = program.instructions();
        for (int n = 0; n < insns.size(); n++) {
            lines.add(normalize(line(n, insns.get(n))));
        }
        return lines;
    }

    static String normalize(String line) {
        return line.trim().replaceAll("\\s+", " ");
    }

    static String line(int n, BpfInstruction insn) {
        int code = insn.code();
        int k = insn.k();
        String hex = "#0x" + Integer.toHexString(k);
        String dec = "#" + k;
        String op;
        String operand;
        boolean jump = false;
        switch (code) {
            case 0x06 -> { op = "ret"; operand = dec; }
            case 0x16 -> { op = "ret"; operand = ""; }
            case 0x20 -> { op = "ld"; operand = absolute(k); }
            case 0x28 -> { op = "ldh"; operand = absolute(k); }
            case 0x30 -> { op = "ldb"; operand = absolute(k); }
            case 0x80 -> { op = "ld"; operand = "#pktlen"; }
            case 0x40 -> { op = "ld"; operand = "[x + " + k + "]"; }
            case 0x48 -> { op = "ldh"; operand = "[x + " + k + "]"; }
            case 0x50 -> { op = "ldb"; operand = "[x + " + k + "]"; }
            case 0x00 -> { op = "ld"; operand = hex; }
            case 0x01 -> { op = "ldx"; operand = hex; }
            case 0x81 -> { op = "ldx"; operand = "#pktlen"; }
            case 0xb1 -> { op = "ldxb"; operand = "4*([" + k + "]&0xf)"; }
            case 0x60 -> { op = "ld"; operand = "M[" + k + "]"; }
            case 0x61 -> { op = "ldx"; operand = "M[" + k + "]"; }
            case 0x02 -> { op = "st"; operand = "M[" + k + "]"; }
            case 0x03 -> { op = "stx"; operand = "M[" + k + "]"; }
            case 0x05 -> { op = "ja"; operand = Integer.toString(n + 1 + k); }
            case 0x25 -> { op = "jgt"; operand = hex; jump = true; }
            case 0x35 -> { op = "jge"; operand = hex; jump = true; }
            case 0x15 -> { op = "jeq"; operand = hex; jump = true; }
            case 0x45 -> { op = "jset"; operand = hex; jump = true; }
            case 0x2d -> { op = "jgt"; operand = "x"; jump = true; }
            case 0x3d -> { op = "jge"; operand = "x"; jump = true; }
            case 0x1d -> { op = "jeq"; operand = "x"; jump = true; }
            case 0x4d -> { op = "jset"; operand = "x"; jump = true; }
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
            case 0x04 -> { op = "add"; operand = dec; }
            case 0x14 -> { op = "sub"; operand = dec; }
            case 0x24 -> { op = "mul"; operand = dec; }
            case 0x34 -> { op = "div"; operand = dec; }
            case 0x94 -> { op = "mod"; operand = dec; }
            case 0x54 -> { op = "and"; operand = hex; }
            case 0x44 -> { op = "or"; operand = hex; }
            case 0xa4 -> { op = "xor"; operand = hex; }
            case 0x64 -> { op = "lsh"; operand = dec; }
            case 0x74 -> { op = "rsh"; operand = dec; }
            case 0x84 -> { op = "neg"; operand = ""; }
            case 0x07 -> { op = "tax"; operand = ""; }
            case 0x87 -> { op = "txa"; operand = ""; }
            default -> { op = "unimp"; operand = "0x" + Integer.toHexString(code); }
        }
        String head = String.format("(%03d) %-8s ", n, op);
        if (jump) {
            return head + String.format("%-16s jt %d\tjf %d", operand, n + 1 + insn.jt(), n + 1 + insn.jf());
        }
        return head + operand;
    }

    /** Absolute loads; Linux's ancillary-data offsets (SKF_AD_OFF = -0x1000) print by name. */
    private static String absolute(int k) {
        return switch (k) {
            case -0x1000 -> "[proto]";
            case -0x1000 + 4 -> "[type]";
            case -0x1000 + 8 -> "[ifidx]";
            case -0x1000 + 20 -> "[mark]";
            case -0x1000 + 24 -> "[queue]";
            case -0x1000 + 28 -> "[hatype]";
            case -0x1000 + 32 -> "[rxhash]";
            case -0x1000 + 36 -> "[cpu]";
            case -0x1000 + 44 -> "[vlan_tci]";
            case -0x1000 + 48 -> "[vlanp]";
            default -> "[" + k + "]";
        };
    }
}
