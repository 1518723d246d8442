package dev.trawl.pcap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Runs validated BPF programs with the semantics of libpcap's {@code bpf_filter}, over the pre-decoded form
 * that {@link BpfCode} builds: four ints per instruction ({@code op, k, jt, jf}), where {@code op} is a dense
 * internal number (so that the dispatch compiles to a jump table) and jump targets are absolute indexes into
 * the same array (so that a taken jump is one load).
 *
 * <p>A load followed by a conditional jump on a constant is also decoded as one fused operation, which
 * halves the dispatches of the most common pair in compiled filters. The jump keeps its own slot, so a jump
 * into it from elsewhere still works; the fused operation reads the comparison and the targets from there.
 *
 * <p>Packets in heap buffers with an accessible array are read from the array directly by this loop; other
 * buffers go to {@link BpfBufferInterpreter}, the same loop over absolute gets. The two are kept apart because
 * one loop testing which kind it reads at every load compiles to code a third slower. Loads always read
 * network (big-endian) byte order, as {@code bpf_filter} does.
 */
final class BpfInterpreter {
    static final int RET_K = 0, RET_A = 1, RET_X = 2;
    static final int LD_W_ABS = 3, LD_H_ABS = 4, LD_B_ABS = 5, LD_W_IND = 6, LD_H_IND = 7, LD_B_IND = 8;
    static final int LD_LEN = 9, LDX_LEN = 10, LDX_MSH = 11, LD_IMM = 12, LDX_IMM = 13, LD_MEM = 14, LDX_MEM = 15;
    static final int ST = 16, STX = 17, JA = 18;
    static final int JGT_K = 19, JGE_K = 20, JEQ_K = 21, JSET_K = 22, JGT_X = 23, JGE_X = 24, JEQ_X = 25, JSET_X = 26;
    static final int ADD_X = 27, SUB_X = 28, MUL_X = 29, DIV_X = 30, MOD_X = 31, AND_X = 32, OR_X = 33, XOR_X = 34,
            LSH_X = 35, RSH_X = 36;
    static final int ADD_K = 37, SUB_K = 38, MUL_K = 39, DIV_K = 40, MOD_K = 41, AND_K = 42, OR_K = 43, XOR_K = 44,
            LSH_K = 45, RSH_K = 46;
    static final int NEG = 47, TAX = 48, TXA = 49;
    /** Fused: a load then {@code jeq #k} or {@code jset #k}, the jump being the next slot. */
    static final int LD_H_ABS_JEQ = 50, LD_B_ABS_JEQ = 51, LD_W_ABS_JEQ = 52, LD_H_ABS_JSET = 53,
            LD_B_ABS_JSET = 54, LD_H_IND_JEQ = 55, LD_B_IND_JEQ = 56;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

    /**
     * Scratch memory, one array per thread, so that programs that store to it allocate nothing per packet.
     * A run clears it before its first store; loads before any store read zero.
     */
    private static final ThreadLocal<int[]> SCRATCH = ThreadLocal.withInitial(() -> new int[BpfProgram.MEMORY_WORDS]);

    private BpfInterpreter() {
    }

    static int[] scratch() {
        int[] mem = SCRATCH.get();
        Arrays.fill(mem, 0);
        return mem;
    }

    /**
     * Runs decoded code on {@code caplen} bytes at {@code offset} of a buffer; the caller has checked that
     * they lie within the buffer's limit.
     */
    static int run(int[] code, ByteBuffer buf, int offset, int caplen, int wirelen) {
        if (buf.hasArray()) {
            return run(code, buf.array(), buf.arrayOffset() + offset, caplen, wirelen);
        }
        ByteBuffer in = buf.order() == ByteOrder.BIG_ENDIAN ? buf : buf.duplicate().order(ByteOrder.BIG_ENDIAN);
        return BpfBufferInterpreter.run(code, in, offset, caplen, wirelen);
    }

    private static int u32(byte[] array, int at) {
        return (int) INT.get(array, at);
    }

    private static int u16(byte[] array, int at) {
        return (short) SHORT.get(array, at) & 0xffff;
    }

    private static int u8(byte[] array, int at) {
        return array[at] & 0xff;
    }

    /**
     * The offset of {@code size} bytes at {@code x + k} (both unsigned) when they lie within {@code caplen},
     * else -1.
     */
    static int indexed(int x, int k, int size, int caplen) {
        long off = (x & 0xffffffffL) + (k & 0xffffffffL);
        return off <= caplen - size ? (int) off : -1;
    }

    /**
     * Runs decoded code on {@code caplen} bytes at {@code base} of an array, already checked to hold them.
     * One dispatch loop: splitting it would cost a call per instruction.
     */
    static int run(int[] code, byte[] array, int base, int caplen, int wirelen) {
        int a = 0;
        int x = 0;
        int[] mem = null;
        int pc = 0;
        while (true) {
            int k = code[pc + 1];
            switch (code[pc]) {
                case RET_K:
                    return k;
                case RET_A:
                    return a;
                case RET_X:
                    return x;
                case LD_W_ABS:
                    // Decoding turned constant offsets that can never be in range into a rejection, so k >= 0.
                    if (caplen - k < 4) {
                        return 0;
                    }
                    a = u32(array, base + k);
                    pc += 4;
                    break;
                case LD_H_ABS:
                    if (caplen - k < 2) {
                        return 0;
                    }
                    a = u16(array, base + k);
                    pc += 4;
                    break;
                case LD_B_ABS:
                    if (caplen - k < 1) {
                        return 0;
                    }
                    a = u8(array, base + k);
                    pc += 4;
                    break;
                case LD_H_ABS_JEQ:
                    if (caplen - k < 2) {
                        return 0;
                    }
                    a = u16(array, base + k);
                    pc = a == code[pc + 5] ? code[pc + 6] : code[pc + 7];
                    break;
                case LD_B_ABS_JEQ:
                    if (caplen - k < 1) {
                        return 0;
                    }
                    a = u8(array, base + k);
                    pc = a == code[pc + 5] ? code[pc + 6] : code[pc + 7];
                    break;
                case LD_W_ABS_JEQ:
                    if (caplen - k < 4) {
                        return 0;
                    }
                    a = u32(array, base + k);
                    pc = a == code[pc + 5] ? code[pc + 6] : code[pc + 7];
                    break;
                case LD_H_ABS_JSET:
                    if (caplen - k < 2) {
                        return 0;
                    }
                    a = u16(array, base + k);
                    pc = (a & code[pc + 5]) != 0 ? code[pc + 6] : code[pc + 7];
                    break;
                case LD_B_ABS_JSET:
                    if (caplen - k < 1) {
                        return 0;
                    }
                    a = u8(array, base + k);
                    pc = (a & code[pc + 5]) != 0 ? code[pc + 6] : code[pc + 7];
                    break;
                case LD_W_IND: {
                    int off = indexed(x, k, 4, caplen);
                    if (off < 0) {
                        return 0;
                    }
                    a = u32(array, base + off);
                    pc += 4;
                    break;
                }
                case LD_H_IND: {
                    int off = indexed(x, k, 2, caplen);
                    if (off < 0) {
                        return 0;
                    }
                    a = u16(array, base + off);
                    pc += 4;
                    break;
                }
                case LD_B_IND: {
                    int off = indexed(x, k, 1, caplen);
                    if (off < 0) {
                        return 0;
                    }
                    a = u8(array, base + off);
                    pc += 4;
                    break;
                }
                case LD_H_IND_JEQ: {
                    int off = indexed(x, k, 2, caplen);
                    if (off < 0) {
                        return 0;
                    }
                    a = u16(array, base + off);
                    pc = a == code[pc + 5] ? code[pc + 6] : code[pc + 7];
                    break;
                }
                case LD_B_IND_JEQ: {
                    int off = indexed(x, k, 1, caplen);
                    if (off < 0) {
                        return 0;
                    }
                    a = u8(array, base + off);
                    pc = a == code[pc + 5] ? code[pc + 6] : code[pc + 7];
                    break;
                }
                case LDX_MSH:
                    if (caplen - k < 1) {
                        return 0;
                    }
                    x = (u8(array, base + k) & 0x0f) << 2;
                    pc += 4;
                    break;
                case LD_LEN:
                    a = wirelen;
                    pc += 4;
                    break;
                case LDX_LEN:
                    x = wirelen;
                    pc += 4;
                    break;
                case LD_IMM:
                    a = k;
                    pc += 4;
                    break;
                case LDX_IMM:
                    x = k;
                    pc += 4;
                    break;
                case LD_MEM:
                    a = mem == null ? 0 : mem[k];
                    pc += 4;
                    break;
                case LDX_MEM:
                    x = mem == null ? 0 : mem[k];
                    pc += 4;
                    break;
                case ST:
                    if (mem == null) {
                        mem = scratch();
                    }
                    mem[k] = a;
                    pc += 4;
                    break;
                case STX:
                    if (mem == null) {
                        mem = scratch();
                    }
                    mem[k] = x;
                    pc += 4;
                    break;
                case JA:
                    pc = k;
                    break;
                case JGT_K:
                    pc = Integer.compareUnsigned(a, k) > 0 ? code[pc + 2] : code[pc + 3];
                    break;
                case JGE_K:
                    pc = Integer.compareUnsigned(a, k) >= 0 ? code[pc + 2] : code[pc + 3];
                    break;
                case JEQ_K:
                    pc = a == k ? code[pc + 2] : code[pc + 3];
                    break;
                case JSET_K:
                    pc = (a & k) != 0 ? code[pc + 2] : code[pc + 3];
                    break;
                case JGT_X:
                    pc = Integer.compareUnsigned(a, x) > 0 ? code[pc + 2] : code[pc + 3];
                    break;
                case JGE_X:
                    pc = Integer.compareUnsigned(a, x) >= 0 ? code[pc + 2] : code[pc + 3];
                    break;
                case JEQ_X:
                    pc = a == x ? code[pc + 2] : code[pc + 3];
                    break;
                case JSET_X:
                    pc = (a & x) != 0 ? code[pc + 2] : code[pc + 3];
                    break;
                case ADD_X:
                    a += x;
                    pc += 4;
                    break;
                case SUB_X:
                    a -= x;
                    pc += 4;
                    break;
                case MUL_X:
                    a *= x;
                    pc += 4;
                    break;
                case DIV_X:
                    if (x == 0) {
                        return 0;
                    }
                    a = Integer.divideUnsigned(a, x);
                    pc += 4;
                    break;
                case MOD_X:
                    if (x == 0) {
                        return 0;
                    }
                    a = Integer.remainderUnsigned(a, x);
                    pc += 4;
                    break;
                case AND_X:
                    a &= x;
                    pc += 4;
                    break;
                case OR_X:
                    a |= x;
                    pc += 4;
                    break;
                case XOR_X:
                    a ^= x;
                    pc += 4;
                    break;
                case LSH_X:
                    a = Integer.compareUnsigned(x, 32) < 0 ? a << x : 0;
                    pc += 4;
                    break;
                case RSH_X:
                    a = Integer.compareUnsigned(x, 32) < 0 ? a >>> x : 0;
                    pc += 4;
                    break;
                case ADD_K:
                    a += k;
                    pc += 4;
                    break;
                case SUB_K:
                    a -= k;
                    pc += 4;
                    break;
                case MUL_K:
                    a *= k;
                    pc += 4;
                    break;
                case DIV_K:
                    a = Integer.divideUnsigned(a, k);
                    pc += 4;
                    break;
                case MOD_K:
                    a = Integer.remainderUnsigned(a, k);
                    pc += 4;
                    break;
                case AND_K:
                    a &= k;
                    pc += 4;
                    break;
                case OR_K:
                    a |= k;
                    pc += 4;
                    break;
                case XOR_K:
                    a ^= k;
                    pc += 4;
                    break;
                case LSH_K:
                    a <<= k;
                    pc += 4;
                    break;
                case RSH_K:
                    a >>>= k;
                    pc += 4;
                    break;
                case NEG:
                    a = -a;
                    pc += 4;
                    break;
                case TAX:
                    x = a;
                    pc += 4;
                    break;
                case TXA:
                    a = x;
                    pc += 4;
                    break;
                default:
                    // Decoding produces only the operations above.
                    throw new AssertionError("bad decoded operation " + code[pc]);
            }
        }
    }
}
