package dev.trawl.pcap;

import static dev.trawl.pcap.BpfInterpreter.*;

import java.nio.ByteBuffer;

/**
 * {@link BpfInterpreter}'s loop for packets in buffers without an accessible array (direct and read-only
 * buffers), reading them with absolute gets. A fused load-and-jump runs here as its load alone: the jump's own
 * slot follows and runs next, which gives the same result with fewer cases to keep in step.
 */
final class BpfBufferInterpreter {
    private BpfBufferInterpreter() {
    }

    /** Runs decoded code on {@code caplen} bytes at {@code base} of a big-endian buffer, checked to hold them. */
    static int run(int[] code, ByteBuffer buf, int base, int caplen, int wirelen) {
        int a = 0;
        int x = 0;
        int[] mem = null;
        int pc = 0;
        while (true) {
            int k = code[pc + 1];
            int op = code[pc];
            pc += 4;
            switch (op) {
                case RET_K:
                    return k;
                case RET_A:
                    return a;
                case RET_X:
                    return x;
                case LD_W_ABS:
                case LD_W_ABS_JEQ:
                    // Decoding turned constant offsets that can never be in range into a rejection, so k >= 0.
                    if (caplen - k < 4) {
                        return 0;
                    }
                    a = buf.getInt(base + k);
                    break;
                case LD_H_ABS:
                case LD_H_ABS_JEQ:
                case LD_H_ABS_JSET:
                    if (caplen - k < 2) {
                        return 0;
                    }
                    a = buf.getShort(base + k) & 0xffff;
                    break;
                case LD_B_ABS:
                case LD_B_ABS_JEQ:
                case LD_B_ABS_JSET:
                    if (caplen - k < 1) {
                        return 0;
                    }
                    a = buf.get(base + k) & 0xff;
                    break;
                case LD_W_IND: {
                    int off = indexed(x, k, 4, caplen);
                    if (off < 0) {
                        return 0;
                    }
                    a = buf.getInt(base + off);
                    break;
                }
                case LD_H_IND:
                case LD_H_IND_JEQ: {
                    int off = indexed(x, k, 2, caplen);
                    if (off < 0) {
                        return 0;
                    }
                    a = buf.getShort(base + off) & 0xffff;
                    break;
                }
                case LD_B_IND:
                case LD_B_IND_JEQ: {
                    int off = indexed(x, k, 1, caplen);
                    if (off < 0) {
                        return 0;
                    }
                    a = buf.get(base + off) & 0xff;
                    break;
                }
                case LDX_MSH:
                    if (caplen - k < 1) {
                        return 0;
                    }
                    x = (buf.get(base + k) & 0x0f) << 2;
                    break;
                case LD_LEN:
                    a = wirelen;
                    break;
                case LDX_LEN:
                    x = wirelen;
                    break;
                case LD_IMM:
                    a = k;
                    break;
                case LDX_IMM:
                    x = k;
                    break;
                case LD_MEM:
                    a = mem == null ? 0 : mem[k];
                    break;
                case LDX_MEM:
                    x = mem == null ? 0 : mem[k];
                    break;
                case ST:
                    if (mem == null) {
                        mem = scratch();
                    }
                    mem[k] = a;
                    break;
                case STX:
                    if (mem == null) {
                        mem = scratch();
                    }
                    mem[k] = x;
                    break;
                case JA:
                    pc = k;
                    break;
                case JGT_K:
                case JGE_K:
                case JEQ_K:
                case JSET_K:
                case JGT_X:
                case JGE_X:
                case JEQ_X:
                case JSET_X:
                    pc = jump(op, a, op >= JGT_X ? x : k) ? code[pc - 2] : code[pc - 1];
                    break;
                case DIV_X:
                case MOD_X:
                    if (x == 0) {
                        return 0;
                    }
                    a = alu(op, a, x);
                    break;
                case NEG:
                    a = -a;
                    break;
                case TAX:
                    x = a;
                    break;
                case TXA:
                    a = x;
                    break;
                default:
                    // The remaining operations are the ALU ones, on X or on the constant.
                    a = alu(op, a, op <= RSH_X ? x : k);
                    break;
            }
        }
    }

    private static boolean jump(int op, int a, int v) {
        switch (op) {
            case JGT_K:
            case JGT_X:
                return Integer.compareUnsigned(a, v) > 0;
            case JGE_K:
            case JGE_X:
                return Integer.compareUnsigned(a, v) >= 0;
            case JEQ_K:
            case JEQ_X:
                return a == v;
            default:
                return (a & v) != 0;
        }
    }

    /** An ALU operation on X or K; divisors were checked non-zero, shifts of 32 or more give zero. */
    private static int alu(int op, int a, int v) {
        switch (op <= RSH_X ? op - ADD_X : op - ADD_K) {
            case 0:
                return a + v;
            case 1:
                return a - v;
            case 2:
                return a * v;
            case 3:
                return Integer.divideUnsigned(a, v);
            case 4:
                return Integer.remainderUnsigned(a, v);
            case 5:
                return a & v;
            case 6:
                return a | v;
            case 7:
                return a ^ v;
            case 8:
                return Integer.compareUnsigned(v, 32) < 0 ? a << v : 0;
            case 9:
                return Integer.compareUnsigned(v, 32) < 0 ? a >>> v : 0;
            default:
                throw new AssertionError("bad decoded operation " + op);
        }
    }
}
