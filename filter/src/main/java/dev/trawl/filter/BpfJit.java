package dev.trawl.filter;

import dev.trawl.pcap.Bpf;
import dev.trawl.pcap.BpfInstruction;
import dev.trawl.pcap.BpfMatcher;
import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.internal.bytecode.ClassBytes;

import java.lang.invoke.MethodHandles;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Translates a BPF program into JVM bytecode, defined as a hidden class, so that the JVM's compiler turns
 * each filter into native code. The generated {@link BpfMatcher} keeps the contract of the program's own,
 * {@link BpfProgram#run(java.nio.ByteBuffer, int, int, int)}: the same verdicts (loads outside the captured
 * bytes and division by zero reject the packet), the same checks of its arguments, and nothing allocated per
 * packet. Programs whose translation exceeds the JVM's branch range are returned as they are, to run on
 * their interpreter.
 *
 * <p>A matcher's {@code run} holds the program twice. Heap buffers with an accessible array run the first copy
 * inline, reading the array; its loads go through {@link JitSupport}'s small static helpers, which the JVM
 * inlines, so that {@code run} stays short enough for the JVM to inline it into the caller's packet loop
 * (for the usual filters of a few dozen instructions). Other buffers (direct, read-only) call the second copy,
 * which reads with the buffer's absolute gets (through a big-endian view when the buffer is little-endian).
 * Thread-safe.
 */
public final class BpfJit {
    private static final String BUF = "java/nio/ByteBuffer";
    private static final String JITTED = "dev/trawl/filter/BpfJitted";
    private static final int ACC_PRIVATE = 0x0002;
    /** Locals of the generated methods: the packet (array or buffer), where it starts there, and so on. */
    private static final int PKT = 1, OFF = 2, CAPLEN = 3, WIRELEN = 4, A = 5, X = 6, MEM = 7;
    private static final int LABEL_REJECT = -1, LABEL_BUFFER = -2, LABEL_REJECT_POP = -3;
    /** The class of the helpers generated code calls. */
    private static final String SELF = "dev/trawl/filter/JitSupport";

    private BpfJit() {
    }

    /** Compiles a program to a matcher; one too large for the JVM's branch range is its own matcher. */
    public static BpfMatcher compile(BpfProgram program) {
        byte[] bytes = generate(program.instructions());
        if (bytes == null) {
            return program;
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
            return (BpfMatcher) lookup.lookupClass().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("could not define the compiled filter", e);
        }
    }

    static byte[] generate(List<BpfInstruction> insns) {
        ClassBytes cf = new ClassBytes();
        ClassBytes.Code c = new ClassBytes.Code();
        // Entry: check the buffer and range; a heap buffer whose array we may read runs the program right here
        // on the array, with plain array loads and no buffer accessors, in a method small enough for callers to
        // inline. Other buffers take a call. The helpers keep this method's bytecode short for the same reason.
        c.op(0x2b);
        c.iload(OFF);
        c.iload(CAPLEN);
        c.u2op(0xb8, cf.methodRef(SELF, "arrayBase", "(Ljava/nio/ByteBuffer;II)I"));
        c.op(0x59);
        c.branch(0x9b, LABEL_BUFFER);
        c.istore(OFF);
        c.op(0x2b);
        c.u2op(0xb6, cf.methodRef(BUF, "array", "()[B"));
        c.op(0x4c); // astore_1: from here on the packet local holds the array
        body(cf, c, insns, true);
        c.place(LABEL_BUFFER);
        c.op(0x57, 0x2a, 0x2b);
        c.iload(OFF);
        c.iload(CAPLEN);
        c.iload(WIRELEN);
        c.u2op(0xb7, cf.methodRef(JITTED, "runBuffer", "(Ljava/nio/ByteBuffer;III)I"));
        c.op(0xac);
        ClassBytes.Code buffer = new ClassBytes.Code();
        buffer.op(0x2b);
        buffer.u2op(0xb8, cf.methodRef(SELF, "network", "(Ljava/nio/ByteBuffer;)Ljava/nio/ByteBuffer;"));
        buffer.op(0x4c); // astore_1: from here on the packet local holds a big-endian buffer
        body(cf, buffer, insns, false);
        if (!c.resolve() || c.length() > 65000 || !buffer.resolve() || buffer.length() > 65000) {
            return null;
        }
        ClassBytes.Code init = new ClassBytes.Code();
        init.op(0x2a);
        init.u2op(0xb7, cf.methodRef("java/lang/Object", "<init>", "()V"));
        init.op(0xb1);
        init.resolve();
        cf.method(ClassBytes.ACC_PUBLIC, "<init>", "()V", 1, 1, init.bytes());
        int locals = MEM + BpfProgram.MEMORY_WORDS;
        cf.method(ClassBytes.ACC_PUBLIC | ClassBytes.ACC_FINAL, "run", "(Ljava/nio/ByteBuffer;III)I", 8, locals,
                c.bytes());
        cf.method(ACC_PRIVATE | ClassBytes.ACC_FINAL, "runBuffer", "(Ljava/nio/ByteBuffer;III)I", 8, locals,
                buffer.bytes());
        return cf.toBytes(JITTED, "java/lang/Object", "dev/trawl/pcap/BpfMatcher");
    }

    /**
     * Appends the program, reading the packet (local {@link #PKT}) from a byte array or from a big-endian
     * buffer. Only the scratch words the program loads are zeroed first (the verifier needs them set), which
     * keeps small filters under the JVM's inlining size.
     */
    private static void body(ClassBytes cf, ClassBytes.Code c, List<BpfInstruction> insns, boolean array) {
        c.op(0x03);
        c.istore(A);
        c.op(0x03);
        c.istore(X);
        boolean[] loaded = new boolean[BpfProgram.MEMORY_WORDS];
        for (BpfInstruction in : insns) {
            if (Bpf.instructionClass(in.code()) <= Bpf.LDX && Bpf.mode(in.code()) == Bpf.MEM) {
                loaded[in.k()] = true;
            }
        }
        for (int m = 0; m < BpfProgram.MEMORY_WORDS; m++) {
            if (loaded[m]) {
                c.op(0x03);
                c.istore(MEM + m);
            }
        }
        for (int i = 0; i < insns.size(); i++) {
            c.place(i);
            emit(cf, c, insns.get(i), i, array);
        }
        if (array) {
            c.place(LABEL_REJECT_POP);
            c.op(0x57);
        }
        c.place(LABEL_REJECT);
        c.op(0x03, 0xac);
    }

    /**
     * Whether {@code size} bytes at constant offset k can lie within any packet; if not, emits the rejection
     * that loading them always is.
     */
    private static boolean inRange(ClassBytes.Code c, int k, int size) {
        if ((k & 0xffffffffL) + size > Integer.MAX_VALUE) {
            c.op(0x03, 0xac);
            return false;
        }
        return true;
    }

    /** Stores a helper's result, or rejects the packet when it is -1 (the load was out of bounds). */
    private static void checked(ClassBytes.Code c, int local) {
        c.op(0x59);
        c.branch(0x9b, LABEL_REJECT_POP);
        c.istore(local);
    }

    /** Rejects the packet unless {@code size} bytes at constant offset k lie within caplen. */
    private static boolean absCheck(ClassBytes cf, ClassBytes.Code c, int k, int size) {
        long end = (k & 0xffffffffL) + size;
        if (end > Integer.MAX_VALUE) {
            c.op(0x03, 0xac);
            return false;
        }
        c.iload(CAPLEN);
        cf.pushInt(c, (int) end);
        c.branch(0xa1, LABEL_REJECT);
        return true;
    }

    /** With the packet and an absolute index on the stack, leaves the unsigned value loaded there. */
    private static void getAt(ClassBytes cf, ClassBytes.Code c, int size, boolean array) {
        if (array) {
            switch (size) {
                case Bpf.W -> c.u2op(0xb8, cf.methodRef(SELF, "u32", "([BI)I"));
                case Bpf.H -> c.u2op(0xb8, cf.methodRef(SELF, "u16", "([BI)I"));
                default -> {
                    c.op(0x33);
                    c.u2op(0x11, 0xff);
                    c.op(0x7e);
                }
            }
            return;
        }
        switch (size) {
            case Bpf.W -> c.u2op(0xb6, cf.methodRef(BUF, "getInt", "(I)I"));
            case Bpf.H -> {
                c.u2op(0xb6, cf.methodRef(BUF, "getShort", "(I)S"));
                c.u2op(0x13, cf.integer(0xffff));
                c.op(0x7e);
            }
            default -> {
                c.u2op(0xb6, cf.methodRef(BUF, "get", "(I)B"));
                c.u2op(0x11, 0xff);
                c.op(0x7e);
            }
        }
    }

    private static void branch2(ClassBytes.Code c, int op, int inverse, int i, BpfInstruction in) {
        int t = i + 1 + in.jt();
        int f = i + 1 + in.jf();
        if (t == f) {
            c.op(0x57);
            if (op >= 0x9f && op <= 0xa4) {
                c.op(0x57);
            }
            c.branch(0xa7, t);
        } else if (in.jt() == 0) {
            c.branch(inverse, f);
        } else {
            c.branch(op, t);
            if (in.jf() != 0) {
                c.branch(0xa7, f);
            }
        }
    }

    private static void emit(ClassBytes cf, ClassBytes.Code c, BpfInstruction in, int i, boolean array) {
        int code = in.code();
        int k = in.k();
        int cls = Bpf.instructionClass(code);
        if (!Bpf.isExact(code)) {
            // Validation lets stray bits through; bpf_filter, like the interpreter, rejects on reaching one.
            c.op(0x03, 0xac);
            return;
        }
        switch (cls) {
            case Bpf.LD, Bpf.LDX -> {
                int mode = Bpf.mode(code);
                int dst = cls == Bpf.LD ? A : X;
                switch (mode) {
                    case Bpf.IMM -> {
                        cf.pushInt(c, k);
                        c.istore(dst);
                    }
                    case Bpf.LEN -> {
                        c.iload(WIRELEN);
                        c.istore(dst);
                    }
                    case Bpf.MEM -> {
                        c.iload(MEM + k);
                        c.istore(dst);
                    }
                    case Bpf.ABS -> {
                        int size = Bpf.size(code);
                        if (array && size != Bpf.W) {
                            if (inRange(c, k, Bpf.sizeBytes(size))) {
                                c.op(0x2b);
                                c.iload(OFF);
                                cf.pushInt(c, k);
                                c.iload(CAPLEN);
                                c.u2op(0xb8, cf.methodRef(SELF, size == Bpf.H ? "u16" : "u8", "([BIII)I"));
                                checked(c, A);
                            }
                        } else if (absCheck(cf, c, k, Bpf.sizeBytes(size))) {
                            c.op(0x2b);
                            c.iload(OFF);
                            cf.pushInt(c, k);
                            c.op(0x60);
                            getAt(cf, c, size, array);
                            c.istore(A);
                        }
                    }
                    case Bpf.IND -> {
                        int size = Bpf.size(code);
                        if (array && size != Bpf.W) {
                            c.op(0x2b);
                            c.iload(OFF);
                            c.iload(X);
                            cf.pushInt(c, k);
                            c.iload(CAPLEN);
                            c.u2op(0xb8, cf.methodRef(SELF, size == Bpf.H ? "u16x" : "u8x", "([BIIII)I"));
                            checked(c, A);
                            break;
                        }
                        c.iload(X);
                        c.op(0x85);
                        c.u2op(0x14, cf.longConst(0xffffffffL));
                        c.op(0x7f);
                        c.u2op(0x14, cf.longConst((k & 0xffffffffL) + Bpf.sizeBytes(size)));
                        c.op(0x61);
                        c.iload(CAPLEN);
                        c.op(0x85, 0x94);
                        c.branch(0x9d, LABEL_REJECT);
                        c.op(0x2b);
                        c.iload(OFF);
                        c.iload(X);
                        c.op(0x60);
                        cf.pushInt(c, k);
                        c.op(0x60);
                        getAt(cf, c, size, array);
                        c.istore(A);
                    }
                    default -> { // MSH
                        if (array) {
                            if (inRange(c, k, 1)) {
                                c.op(0x2b);
                                c.iload(OFF);
                                cf.pushInt(c, k);
                                c.iload(CAPLEN);
                                c.u2op(0xb8, cf.methodRef(SELF, "msh", "([BIII)I"));
                                checked(c, X);
                            }
                        } else if (absCheck(cf, c, k, 1)) {
                            c.op(0x2b);
                            c.iload(OFF);
                            cf.pushInt(c, k);
                            c.op(0x60);
                            if (array) {
                                c.op(0x33);
                            } else {
                                c.u2op(0xb6, cf.methodRef(BUF, "get", "(I)B"));
                            }
                            c.op(0x10, 0x0f, 0x7e, 0x05, 0x78);
                            c.istore(X);
                        }
                    }
                }
            }
            case Bpf.ST -> {
                c.iload(A);
                c.istore(MEM + k);
            }
            case Bpf.STX -> {
                c.iload(X);
                c.istore(MEM + k);
            }
            case Bpf.RET -> {
                int src = Bpf.returnValue(code);
                if (src == Bpf.A) {
                    c.iload(A);
                } else if (src == Bpf.X) {
                    c.iload(X);
                } else {
                    cf.pushInt(c, k);
                }
                c.op(0xac);
            }
            case Bpf.MISC -> {
                if (Bpf.miscOperation(code) == Bpf.TAX) {
                    c.iload(A);
                    c.istore(X);
                } else {
                    c.iload(X);
                    c.istore(A);
                }
            }
            case Bpf.JMP -> emitJump(cf, c, in, i);
            default -> emitAlu(cf, c, code, k);
        }
    }

    private static void emitJump(ClassBytes cf, ClassBytes.Code c, BpfInstruction in, int i) {
        int code = in.code();
        int k = in.k();
        boolean x = Bpf.source(code) == Bpf.X;
        switch (Bpf.operation(code)) {
            case Bpf.JA -> c.branch(0xa7, i + 1 + k);
            case Bpf.JEQ -> {
                c.iload(A);
                if (x) {
                    c.iload(X);
                    branch2(c, 0x9f, 0xa0, i, in);
                } else if (k == 0) {
                    branch2(c, 0x99, 0x9a, i, in);
                } else {
                    cf.pushInt(c, k);
                    branch2(c, 0x9f, 0xa0, i, in);
                }
            }
            case Bpf.JGT, Bpf.JGE -> {
                c.iload(A);
                cf.pushInt(c, Integer.MIN_VALUE);
                c.op(0x82);
                if (x) {
                    c.iload(X);
                    cf.pushInt(c, Integer.MIN_VALUE);
                    c.op(0x82);
                } else {
                    cf.pushInt(c, k ^ Integer.MIN_VALUE);
                }
                if (Bpf.operation(code) == Bpf.JGT) {
                    branch2(c, 0xa3, 0xa4, i, in);
                } else {
                    branch2(c, 0xa2, 0xa1, i, in);
                }
            }
            default -> { // JSET
                c.iload(A);
                if (x) {
                    c.iload(X);
                } else {
                    cf.pushInt(c, k);
                }
                c.op(0x7e);
                branch2(c, 0x9a, 0x99, i, in);
            }
        }
    }

    private static void emitAlu(ClassBytes cf, ClassBytes.Code c, int code, int k) {
        int op = Bpf.operation(code);
        boolean x = Bpf.source(code) == Bpf.X;
        if (op == Bpf.NEG) {
            c.iload(A);
            c.op(0x74);
            c.istore(A);
            return;
        }
        if (x && (op == Bpf.DIV || op == Bpf.MOD)) {
            c.iload(X);
            c.branch(0x99, LABEL_REJECT);
        }
        if (x && (op == Bpf.LSH || op == Bpf.RSH)) {
            // BPF shifts by 32 or more yield zero; JVM shifts use the low five bits only.
            int big = 2_000_000 + 2 * c.length();
            c.iload(X);
            cf.pushInt(c, -32);
            c.op(0x7e);
            c.branch(0x99, big);
            c.op(0x03);
            c.istore(A);
            c.branch(0xa7, big + 1);
            c.place(big);
            c.iload(A);
            c.iload(X);
            c.op(op == Bpf.LSH ? 0x78 : 0x7c);
            c.istore(A);
            c.place(big + 1);
            return;
        }
        c.iload(A);
        if (!x && (op == Bpf.DIV || op == Bpf.MOD) && Integer.bitCount(k) == 1) {
            if (op == Bpf.DIV) {
                cf.pushInt(c, Integer.numberOfTrailingZeros(k));
                c.op(0x7c);
            } else {
                cf.pushInt(c, k - 1);
                c.op(0x7e);
            }
            c.istore(A);
            return;
        }
        if (x) {
            c.iload(X);
        } else {
            cf.pushInt(c, k);
        }
        switch (op) {
            case Bpf.ADD -> c.op(0x60);
            case Bpf.SUB -> c.op(0x64);
            case Bpf.MUL -> c.op(0x68);
            case Bpf.DIV -> c.u2op(0xb8, cf.methodRef("java/lang/Integer", "divideUnsigned", "(II)I"));
            case Bpf.MOD -> c.u2op(0xb8, cf.methodRef("java/lang/Integer", "remainderUnsigned", "(II)I"));
            case Bpf.AND -> c.op(0x7e);
            case Bpf.OR -> c.op(0x80);
            case Bpf.XOR -> c.op(0x82);
            case Bpf.LSH -> c.op(0x78);
            default -> c.op(0x7c);
        }
        c.istore(A);
    }

    /** Runs a matcher on the bytes between a buffer's position and limit (a convenience for tests). */
    static int runWhole(BpfMatcher m, ByteBuffer packet, int wirelen) {
        return m.run(packet, packet.position(), packet.remaining(), wirelen);
    }
}
