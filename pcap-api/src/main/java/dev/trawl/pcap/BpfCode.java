package dev.trawl.pcap;

import static dev.trawl.pcap.BpfInterpreter.*;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The instruction list a {@link BpfProgram} holds: unmodifiable, equal to any list of the same instructions,
 * and carrying the program decoded once for {@link BpfInterpreter} (a record cannot hold a field beside its
 * components, so the decoded form travels with the list). Built only from validated instructions.
 */
final class BpfCode extends AbstractList<BpfInstruction> implements RandomAccess {
    private final BpfInstruction[] insns;
    private final int[] code;

    BpfCode(List<BpfInstruction> validated) {
        insns = validated.toArray(new BpfInstruction[0]);
        code = decode(insns);
    }

    @Override
    public BpfInstruction get(int index) {
        return insns[index];
    }

    @Override
    public int size() {
        return insns.length;
    }

    /** The decoded form: {@code op, k, jt, jf} per instruction, jump targets as indexes into this array. */
    int[] code() {
        return code;
    }

    private static int[] decode(BpfInstruction[] insns) {
        int[] code = new int[insns.length * 4];
        for (int i = 0; i < insns.length; i++) {
            BpfInstruction in = insns[i];
            int at = i * 4;
            int k = in.k();
            int op = op(in.code());
            if (op < 0) {
                op = RET_K;
                k = 0;
            }
            if (op == LD_W_ABS || op == LD_H_ABS || op == LD_B_ABS || op == LDX_MSH) {
                int size = op == LD_W_ABS ? 4 : op == LD_H_ABS ? 2 : 1;
                if ((k & 0xffffffffL) + size > Integer.MAX_VALUE) {
                    // No captured length reaches this far: the load always rejects the packet.
                    op = RET_K;
                    k = 0;
                }
            }
            code[at] = op;
            code[at + 1] = op == JA ? (i + 1 + k) * 4 : k;
            code[at + 2] = (i + 1 + in.jt()) * 4;
            code[at + 3] = (i + 1 + in.jf()) * 4;
        }
        for (int i = 0; i + 1 < insns.length; i++) {
            int next = insns[i + 1].code();
            int fused = fuse(code[i * 4], next == (Bpf.JMP | Bpf.JEQ | Bpf.K), next == (Bpf.JMP | Bpf.JSET | Bpf.K));
            if (fused >= 0) {
                code[i * 4] = fused;
            }
        }
        return code;
    }

    private static int fuse(int load, boolean jeq, boolean jset) {
        if (jeq) {
            switch (load) {
                case LD_H_ABS: return LD_H_ABS_JEQ;
                case LD_B_ABS: return LD_B_ABS_JEQ;
                case LD_W_ABS: return LD_W_ABS_JEQ;
                case LD_H_IND: return LD_H_IND_JEQ;
                case LD_B_IND: return LD_B_IND_JEQ;
                default: return -1;
            }
        }
        if (jset) {
            switch (load) {
                case LD_H_ABS: return LD_H_ABS_JSET;
                case LD_B_ABS: return LD_B_ABS_JSET;
                default: return -1;
            }
        }
        return -1;
    }

    /**
     * The internal operation of a validated opcode, or -1 for an opcode that validation admits but that names
     * no operation exactly (stray bits set): {@code bpf_filter} rejects the packet when it reaches one.
     */
    static int op(int c) {
        switch (c) {
            case Bpf.RET | Bpf.K: return RET_K;
            case Bpf.RET | Bpf.A: return RET_A;
            case Bpf.RET | Bpf.X: return RET_X;
            case Bpf.LD | Bpf.W | Bpf.ABS: return LD_W_ABS;
            case Bpf.LD | Bpf.H | Bpf.ABS: return LD_H_ABS;
            case Bpf.LD | Bpf.B | Bpf.ABS: return LD_B_ABS;
            case Bpf.LD | Bpf.W | Bpf.IND: return LD_W_IND;
            case Bpf.LD | Bpf.H | Bpf.IND: return LD_H_IND;
            case Bpf.LD | Bpf.B | Bpf.IND: return LD_B_IND;
            case Bpf.LD | Bpf.W | Bpf.LEN: return LD_LEN;
            case Bpf.LDX | Bpf.W | Bpf.LEN: return LDX_LEN;
            case Bpf.LDX | Bpf.B | Bpf.MSH: return LDX_MSH;
            case Bpf.LD | Bpf.IMM: return LD_IMM;
            case Bpf.LDX | Bpf.IMM: return LDX_IMM;
            case Bpf.LD | Bpf.MEM: return LD_MEM;
            case Bpf.LDX | Bpf.MEM: return LDX_MEM;
            case Bpf.ST: return ST;
            case Bpf.STX: return STX;
            case Bpf.JMP | Bpf.JA: return JA;
            case Bpf.JMP | Bpf.JGT | Bpf.K: return JGT_K;
            case Bpf.JMP | Bpf.JGE | Bpf.K: return JGE_K;
            case Bpf.JMP | Bpf.JEQ | Bpf.K: return JEQ_K;
            case Bpf.JMP | Bpf.JSET | Bpf.K: return JSET_K;
            case Bpf.JMP | Bpf.JGT | Bpf.X: return JGT_X;
            case Bpf.JMP | Bpf.JGE | Bpf.X: return JGE_X;
            case Bpf.JMP | Bpf.JEQ | Bpf.X: return JEQ_X;
            case Bpf.JMP | Bpf.JSET | Bpf.X: return JSET_X;
            case Bpf.ALU | Bpf.NEG: return NEG;
            case Bpf.MISC | Bpf.TAX: return TAX;
            case Bpf.MISC | Bpf.TXA: return TXA;
            default:
                break;
        }
        if ((c & ~0xf8) == (Bpf.ALU | Bpf.K) || (c & ~0xf8) == (Bpf.ALU | Bpf.X)) {
            int base = Bpf.source(c) == Bpf.X ? ADD_X : ADD_K;
            switch (Bpf.operation(c)) {
                case Bpf.ADD: return base;
                case Bpf.SUB: return base + 1;
                case Bpf.MUL: return base + 2;
                case Bpf.DIV: return base + 3;
                case Bpf.MOD: return base + 4;
                case Bpf.AND: return base + 5;
                case Bpf.OR: return base + 6;
                case Bpf.XOR: return base + 7;
                case Bpf.LSH: return base + 8;
                case Bpf.RSH: return base + 9;
                default: return -1;
            }
        }
        return -1;
    }
}
