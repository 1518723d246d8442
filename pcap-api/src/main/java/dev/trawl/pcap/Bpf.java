package dev.trawl.pcap;

/**
 * Classic BPF's opcode encoding, as {@code <pcap/bpf.h>} names it: an opcode is an instruction class or'ed
 * with the fields that class uses (a size and an addressing mode for loads, an operation and a source for
 * arithmetic and jumps), so {@code Bpf.LD | Bpf.H | Bpf.ABS} is {@code ldh [k]} and
 * {@code Bpf.JMP | Bpf.JEQ | Bpf.K} is {@code jeq #k}. The static methods take an opcode apart as the
 * {@code BPF_CLASS}, {@code BPF_SIZE}, ... macros do. {@link BpfInstruction} and {@link BpfProgram} hold
 * programs.
 *
 * <p>Constants and pure functions only; thread-safe.
 */
public final class Bpf {
    // Instruction classes (BPF_CLASS).
    /** Load into A. */
    public static final int LD = 0x00;
    /** Load into X. */
    public static final int LDX = 0x01;
    /** Store A in scratch memory. */
    public static final int ST = 0x02;
    /** Store X in scratch memory. */
    public static final int STX = 0x03;
    /** Arithmetic on A. */
    public static final int ALU = 0x04;
    /** Jumps. */
    public static final int JMP = 0x05;
    /** Return: accept that many bytes of the packet, or reject it with zero. */
    public static final int RET = 0x06;
    /** Register transfers. */
    public static final int MISC = 0x07;

    // Load sizes (BPF_SIZE): a 32-bit word, a 16-bit half-word, a byte.
    /** Load size: a 32-bit word. */
    public static final int W = 0x00;
    /** Load size: a 16-bit half-word. */
    public static final int H = 0x08;
    /** Load size: a byte. */
    public static final int B = 0x10;

    // Load addressing modes (BPF_MODE).
    /** The constant k. */
    public static final int IMM = 0x00;
    /** The packet at offset k. */
    public static final int ABS = 0x20;
    /** The packet at offset X + k. */
    public static final int IND = 0x40;
    /** Scratch memory word k. */
    public static final int MEM = 0x60;
    /** The packet's length on the wire. */
    public static final int LEN = 0x80;
    /** {@code ldxb 4*([k]&0xf)}: an IPv4 header length, into X. */
    public static final int MSH = 0xa0;

    // Arithmetic operations (BPF_OP of ALU).
    /** A + operand. */
    public static final int ADD = 0x00;
    /** A - operand. */
    public static final int SUB = 0x10;
    /** A * operand. */
    public static final int MUL = 0x20;
    /** A / operand, unsigned. */
    public static final int DIV = 0x30;
    /** A | operand. */
    public static final int OR = 0x40;
    /** A &amp; operand. */
    public static final int AND = 0x50;
    /** A shifted left. */
    public static final int LSH = 0x60;
    /** A shifted right, unsigned. */
    public static final int RSH = 0x70;
    /** -A. */
    public static final int NEG = 0x80;
    /** A % operand, unsigned. */
    public static final int MOD = 0x90;
    /** A ^ operand. */
    public static final int XOR = 0xa0;

    // Jump operations (BPF_OP of JMP); the conditional ones compare A with the operand, unsigned.
    /** Always, by k. */
    public static final int JA = 0x00;
    /** A == operand. */
    public static final int JEQ = 0x10;
    /** A &gt; operand. */
    public static final int JGT = 0x20;
    /** A &gt;= operand. */
    public static final int JGE = 0x30;
    /** A &amp; operand != 0. */
    public static final int JSET = 0x40;

    // Operand sources (BPF_SRC of ALU and JMP; BPF_RVAL of RET, which also has A).
    /** The constant k. */
    public static final int K = 0x00;
    /** The X register. */
    public static final int X = 0x08;
    /** The A register, as what {@link #RET} returns. */
    public static final int A = 0x10;

    // Register transfers (BPF_MISCOP).
    /** X = A. */
    public static final int TAX = 0x00;
    /** A = X. */
    public static final int TXA = 0x80;

    private Bpf() {
    }

    /** The instruction class, {@code BPF_CLASS}. */
    public static int instructionClass(int code) {
        return code & 0x07;
    }

    /** A load's size, {@code BPF_SIZE}. */
    public static int size(int code) {
        return code & 0x18;
    }

    /** A load's addressing mode, {@code BPF_MODE}. */
    public static int mode(int code) {
        return code & 0xe0;
    }

    /** An arithmetic or jump operation, {@code BPF_OP}. */
    public static int operation(int code) {
        return code & 0xf0;
    }

    /** An arithmetic or jump operation's operand, {@link #K} or {@link #X} ({@code BPF_SRC}). */
    public static int source(int code) {
        return code & 0x08;
    }

    /** What a return returns, {@link #K}, {@link #X} or {@link #A} ({@code BPF_RVAL}). */
    public static int returnValue(int code) {
        return code & 0x18;
    }

    /** A register transfer's direction, {@link #TAX} or {@link #TXA} ({@code BPF_MISCOP}). */
    public static int miscOperation(int code) {
        return code & 0xf8;
    }

    /** The bytes a load of this size reads: 4, 2 or 1. */
    public static int sizeBytes(int code) {
        int size = size(code);
        return size == W ? 4 : size == H ? 2 : 1;
    }

    /**
     * Whether an opcode names exactly one operation, with no bit set beyond those its class uses. Validation
     * ({@code bpf_validate}, and {@link BpfProgram}'s constructor) lets some stray bits through;
     * {@code bpf_filter} rejects the packet when it reaches such an instruction, and so do this library's
     * interpreter and compilers.
     */
    public static boolean isExact(int code) {
        if ((code & ~0xff) != 0) {
            return false;
        }
        int mode = mode(code);
        int size = size(code);
        switch (instructionClass(code)) {
            case LD:
                return mode == ABS || mode == IND ? size != 0x18
                        : (mode == IMM || mode == MEM || mode == LEN) && size == W;
            case LDX:
                return mode == MSH ? size == B : (mode == IMM || mode == MEM || mode == LEN) && size == W;
            case ST:
            case STX:
                return (code & 0xf8) == 0;
            case ALU:
                return operation(code) == NEG ? source(code) == K : operation(code) <= XOR;
            case JMP:
                return operation(code) == JA ? source(code) == K : operation(code) <= JSET;
            case RET:
                return mode == 0 && size != 0x18;
            default:
                return code == (MISC | TAX) || code == (MISC | TXA);
        }
    }
}
