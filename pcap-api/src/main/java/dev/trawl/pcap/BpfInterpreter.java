package dev.trawl.pcap;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/** Runs validated BPF programs with the semantics of libpcap's {@code bpf_filter}. */
final class BpfInterpreter {
    /**
     * Scratch memory, one array per thread, so that programs that store to it allocate nothing per packet.
     * A run clears it before its first store; loads before any store read zero.
     */
    private static final ThreadLocal<int[]> SCRATCH = ThreadLocal.withInitial(() -> new int[BpfProgram.MEMORY_WORDS]);

    private BpfInterpreter() {
    }

    private static int[] scratch() {
        int[] mem = SCRATCH.get();
        Arrays.fill(mem, 0);
        return mem;
    }

    static int run(List<BpfInstruction> insns, ByteBuffer buf, int base, int caplen, int wirelen) {
        int a = 0;
        int x = 0;
        int[] mem = null;
        int pc = 0;
        while (true) {
            BpfInstruction insn = insns.get(pc++);
            int k = insn.k();
            switch (insn.code()) {
                case Bpf.RET | Bpf.K:
                    return k;
                case Bpf.RET | Bpf.A:
                    return a;
                case Bpf.RET | Bpf.X:
                    return x;
                case Bpf.LD | Bpf.W | Bpf.ABS:
                    if (outside(k, 4, caplen)) {
                        return 0;
                    }
                    a = buf.getInt(base + k);
                    break;
                case Bpf.LD | Bpf.H | Bpf.ABS:
                    if (outside(k, 2, caplen)) {
                        return 0;
                    }
                    a = buf.getShort(base + k) & 0xffff;
                    break;
                case Bpf.LD | Bpf.B | Bpf.ABS:
                    if (outside(k, 1, caplen)) {
                        return 0;
                    }
                    a = buf.get(base + k) & 0xff;
                    break;
                case Bpf.LD | Bpf.W | Bpf.LEN:
                    a = wirelen;
                    break;
                case Bpf.LDX | Bpf.W | Bpf.LEN:
                    x = wirelen;
                    break;
                case Bpf.LD | Bpf.W | Bpf.IND: {
                    int off = x + k;
                    if (Integer.compareUnsigned(off, x) < 0 || outside(off, 4, caplen)) {
                        return 0;
                    }
                    a = buf.getInt(base + off);
                    break;
                }
                case Bpf.LD | Bpf.H | Bpf.IND: {
                    int off = x + k;
                    if (Integer.compareUnsigned(off, x) < 0 || outside(off, 2, caplen)) {
                        return 0;
                    }
                    a = buf.getShort(base + off) & 0xffff;
                    break;
                }
                case Bpf.LD | Bpf.B | Bpf.IND: {
                    int off = x + k;
                    if (Integer.compareUnsigned(off, x) < 0 || outside(off, 1, caplen)) {
                        return 0;
                    }
                    a = buf.get(base + off) & 0xff;
                    break;
                }
                case Bpf.LDX | Bpf.B | Bpf.MSH:
                    if (outside(k, 1, caplen)) {
                        return 0;
                    }
                    x = (buf.get(base + k) & 0x0f) << 2;
                    break;
                case Bpf.LD | Bpf.IMM:
                    a = k;
                    break;
                case Bpf.LDX | Bpf.IMM:
                    x = k;
                    break;
                case Bpf.LD | Bpf.MEM:
                    a = mem == null ? 0 : mem[k];
                    break;
                case Bpf.LDX | Bpf.MEM:
                    x = mem == null ? 0 : mem[k];
                    break;
                case Bpf.ST:
                    if (mem == null) {
                        mem = scratch();
                    }
                    mem[k] = a;
                    break;
                case Bpf.STX:
                    if (mem == null) {
                        mem = scratch();
                    }
                    mem[k] = x;
                    break;
                case Bpf.JMP | Bpf.JA:
                    pc += k;
                    break;
                case Bpf.JMP | Bpf.JGT | Bpf.K:
                    pc += Integer.compareUnsigned(a, k) > 0 ? insn.jt() : insn.jf();
                    break;
                case Bpf.JMP | Bpf.JGE | Bpf.K:
                    pc += Integer.compareUnsigned(a, k) >= 0 ? insn.jt() : insn.jf();
                    break;
                case Bpf.JMP | Bpf.JEQ | Bpf.K:
                    pc += a == k ? insn.jt() : insn.jf();
                    break;
                case Bpf.JMP | Bpf.JSET | Bpf.K:
                    pc += (a & k) != 0 ? insn.jt() : insn.jf();
                    break;
                case Bpf.JMP | Bpf.JGT | Bpf.X:
                    pc += Integer.compareUnsigned(a, x) > 0 ? insn.jt() : insn.jf();
                    break;
                case Bpf.JMP | Bpf.JGE | Bpf.X:
                    pc += Integer.compareUnsigned(a, x) >= 0 ? insn.jt() : insn.jf();
                    break;
                case Bpf.JMP | Bpf.JEQ | Bpf.X:
                    pc += a == x ? insn.jt() : insn.jf();
                    break;
                case Bpf.JMP | Bpf.JSET | Bpf.X:
                    pc += (a & x) != 0 ? insn.jt() : insn.jf();
                    break;
                case Bpf.ALU | Bpf.ADD | Bpf.X:
                    a += x;
                    break;
                case Bpf.ALU | Bpf.SUB | Bpf.X:
                    a -= x;
                    break;
                case Bpf.ALU | Bpf.MUL | Bpf.X:
                    a *= x;
                    break;
                case Bpf.ALU | Bpf.DIV | Bpf.X:
                    if (x == 0) {
                        return 0;
                    }
                    a = Integer.divideUnsigned(a, x);
                    break;
                case Bpf.ALU | Bpf.MOD | Bpf.X:
                    if (x == 0) {
                        return 0;
                    }
                    a = Integer.remainderUnsigned(a, x);
                    break;
                case Bpf.ALU | Bpf.AND | Bpf.X:
                    a &= x;
                    break;
                case Bpf.ALU | Bpf.OR | Bpf.X:
                    a |= x;
                    break;
                case Bpf.ALU | Bpf.XOR | Bpf.X:
                    a ^= x;
                    break;
                case Bpf.ALU | Bpf.LSH | Bpf.X:
                    a = Integer.compareUnsigned(x, 32) < 0 ? a << x : 0;
                    break;
                case Bpf.ALU | Bpf.RSH | Bpf.X:
                    a = Integer.compareUnsigned(x, 32) < 0 ? a >>> x : 0;
                    break;
                case Bpf.ALU | Bpf.ADD | Bpf.K:
                    a += k;
                    break;
                case Bpf.ALU | Bpf.SUB | Bpf.K:
                    a -= k;
                    break;
                case Bpf.ALU | Bpf.MUL | Bpf.K:
                    a *= k;
                    break;
                case Bpf.ALU | Bpf.DIV | Bpf.K:
                    a = Integer.divideUnsigned(a, k);
                    break;
                case Bpf.ALU | Bpf.MOD | Bpf.K:
                    a = Integer.remainderUnsigned(a, k);
                    break;
                case Bpf.ALU | Bpf.AND | Bpf.K:
                    a &= k;
                    break;
                case Bpf.ALU | Bpf.OR | Bpf.K:
                    a |= k;
                    break;
                case Bpf.ALU | Bpf.XOR | Bpf.K:
                    a ^= k;
                    break;
                case Bpf.ALU | Bpf.LSH | Bpf.K:
                    a <<= k;
                    break;
                case Bpf.ALU | Bpf.RSH | Bpf.K:
                    a >>>= k;
                    break;
                case Bpf.ALU | Bpf.NEG:
                    a = -a;
                    break;
                case Bpf.MISC | Bpf.TAX:
                    x = a;
                    break;
                case Bpf.MISC | Bpf.TXA:
                    a = x;
                    break;
                default:
                    // Validation admits only the opcodes above; anything else is a program we cannot run.
                    return 0;
            }
        }
    }

    /** Whether {@code size} bytes at unsigned offset {@code k} fall outside {@code caplen} bytes. */
    private static boolean outside(int k, int size, int caplen) {
        return Integer.compareUnsigned(k, caplen) > 0 || caplen - k < size;
    }
}
