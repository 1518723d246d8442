package dev.trawl.pcap;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * A classic BPF program, as {@code struct bpf_program}: what a filter expression compiles to. The
 * constructor checks it as {@code bpf_validate} does, so every program can be run safely with
 * {@link #run}, which has the semantics of libpcap's {@code bpf_filter}: a load outside the captured bytes
 * or a division by zero rejects the packet. As a {@link BpfMatcher}, a program interprets itself.
 *
 * <p>Immutable and thread-safe.
 *
 * @param instructions the instructions, at least one, ending in a return
 */
public record BpfProgram(List<BpfInstruction> instructions) implements BpfMatcher {
    /** The most instructions a program may have ({@code BPF_MAXINSNS}). */
    public static final int MAX_INSTRUCTIONS = 4096;
    /** Words of scratch memory ({@code BPF_MEMWORDS}). */
    public static final int MEMORY_WORDS = 16;

    public BpfProgram {
        List<BpfInstruction> copy = List.copyOf(instructions);
        validate(copy);
        instructions = new BpfCode(copy);
    }

    /** A program from instructions. */
    public static BpfProgram of(BpfInstruction... instructions) {
        return new BpfProgram(List.of(instructions));
    }

    /** The number of instructions. */
    public int length() {
        return instructions.size();
    }

    /**
     * Runs the program on a packet held in a buffer, as {@code pcap_offline_filter} does.
     *
     * @param packet the packet's bytes from its position to its limit
     * @param originalLength the packet's length on the wire ({@code len} loads see this)
     * @return the number of bytes to keep; zero means the packet is rejected
     */
    public int run(ByteBuffer packet, int originalLength) {
        return BpfInterpreter.run(code(), packet, packet.position(), packet.remaining(), originalLength);
    }

    @Override
    public int run(ByteBuffer buffer, int offset, int capturedLength, int originalLength) {
        Objects.checkFromIndexSize(offset, capturedLength, buffer.limit());
        return BpfInterpreter.run(code(), buffer, offset, capturedLength, originalLength);
    }

    /**
     * Runs the program on a packet at an offset of an array, as {@link #run(ByteBuffer, int, int, int)} does.
     *
     * @throws IndexOutOfBoundsException if the captured bytes do not lie within the array
     */
    public int run(byte[] data, int offset, int capturedLength, int originalLength) {
        Objects.checkFromIndexSize(offset, capturedLength, data.length);
        return BpfInterpreter.run(code(), data, offset, capturedLength, originalLength);
    }

    private int[] code() {
        // The canonical constructor always stores a BpfCode.
        return ((BpfCode) instructions).code();
    }

    /** Whether the program accepts the packet. */
    public boolean matches(Packet packet) {
        return run(packet.data(), packet.originalLength()) != 0;
    }

    /** Whether the program accepts the bytes between the buffer's position and limit. */
    public boolean matches(ByteBuffer packet, int originalLength) {
        return run(packet, originalLength) != 0;
    }

    private static void validate(List<BpfInstruction> insns) {
        int n = insns.size();
        if (n == 0 || n > MAX_INSTRUCTIONS) {
            throw new IllegalArgumentException("a BPF program has 1 to " + MAX_INSTRUCTIONS + " instructions, not " + n);
        }
        for (int pc = 0; pc < n; pc++) {
            BpfInstruction insn = insns.get(pc);
            int code = insn.code();
            int k = insn.k();
            switch (Bpf.instructionClass(code)) {
                case Bpf.LD, Bpf.LDX -> {
                    int mode = Bpf.mode(code);
                    boolean ok = switch (mode) {
                        case Bpf.IMM, Bpf.LEN -> true;
                        case Bpf.ABS, Bpf.IND -> Bpf.instructionClass(code) == Bpf.LD && Bpf.size(code) != 0x18;
                        case Bpf.MSH -> Bpf.instructionClass(code) == Bpf.LDX;
                        case Bpf.MEM -> Integer.compareUnsigned(k, MEMORY_WORDS) < 0;
                        default -> false;
                    };
                    if (!ok) {
                        throw invalid(pc, insn, "bad load");
                    }
                }
                case Bpf.ST, Bpf.STX -> {
                    if (Integer.compareUnsigned(k, MEMORY_WORDS) >= 0) {
                        throw invalid(pc, insn, "scratch memory index out of range");
                    }
                }
                case Bpf.ALU -> {
                    int op = Bpf.operation(code);
                    if (op > Bpf.XOR) {
                        throw invalid(pc, insn, "bad ALU operation");
                    }
                    if (Bpf.source(code) == Bpf.K) {
                        if ((op == Bpf.DIV || op == Bpf.MOD) && k == 0) {
                            throw invalid(pc, insn, "division by constant zero");
                        }
                        if ((op == Bpf.LSH || op == Bpf.RSH) && Integer.compareUnsigned(k, 32) >= 0) {
                            throw invalid(pc, insn, "shift by 32 or more");
                        }
                    }
                }
                case Bpf.JMP -> {
                    int op = Bpf.operation(code);
                    int remaining = n - pc - 1;
                    if (op == Bpf.JA) {
                        if (Integer.compareUnsigned(k, remaining) >= 0) {
                            throw invalid(pc, insn, "jump out of range");
                        }
                    } else if (op == Bpf.JEQ || op == Bpf.JGT || op == Bpf.JGE || op == Bpf.JSET) {
                        if (insn.jt() >= remaining || insn.jf() >= remaining) {
                            throw invalid(pc, insn, "jump out of range");
                        }
                    } else {
                        throw invalid(pc, insn, "bad jump");
                    }
                }
                case Bpf.RET -> {
                    if (Bpf.returnValue(code) == 0x18) {
                        throw invalid(pc, insn, "bad return");
                    }
                }
                case Bpf.MISC -> {
                    int op = Bpf.miscOperation(code);
                    if (op != Bpf.TAX && op != Bpf.TXA) {
                        throw invalid(pc, insn, "bad miscellaneous operation");
                    }
                }
                default -> throw new AssertionError();
            }
        }
        if (Bpf.instructionClass(insns.get(n - 1).code()) != Bpf.RET) {
            throw new IllegalArgumentException("a BPF program must end with a return instruction");
        }
    }

    private static IllegalArgumentException invalid(int pc, BpfInstruction insn, String why) {
        return new IllegalArgumentException("invalid BPF instruction " + pc + " " + insn + ": " + why);
    }
}
