package dev.trawl.pcap;

/**
 * One classic BPF instruction, as {@code struct bpf_insn}.
 *
 * @param code the opcode (class, size, mode, operation and source bits)
 * @param jt the forward jump offset when a conditional jump is true
 * @param jf the forward jump offset when it is false
 * @param k the constant operand
 */
public record BpfInstruction(int code, int jt, int jf, int k) {
    public BpfInstruction {
        if ((code & ~0xffff) != 0 || (jt & ~0xff) != 0 || (jf & ~0xff) != 0) {
            throw new IllegalArgumentException("field out of range: code=" + code + " jt=" + jt + " jf=" + jf);
        }
    }

    /** A statement: an instruction that does not jump. */
    public static BpfInstruction stmt(int code, int k) {
        return new BpfInstruction(code, 0, 0, k);
    }

    /** A conditional jump. */
    public static BpfInstruction jump(int code, int k, int jt, int jf) {
        return new BpfInstruction(code, jt, jf, k);
    }
}
