package dev.trawl.decode;

import dev.trawl.pcap.internal.bytecode.ClassBytes;
import java.lang.invoke.MethodHandles;

/**
 * Generates the {@link FieldFill} of a projection's fixed fields as a hidden class, which the JVM's compiler then
 * turns into straight-line native code: for each field, in column order, a check that its header is there and a
 * read of each occurrence with the offsets, widths, masks and slots as constants, where an interpreter of the
 * {@link FixedField} descriptions would look each of them up and branch on it per packet.
 *
 * <p>The generated method, for a field {@code f} of header {@code h} (a pair such as {@code tcp.port} reads two
 * values per header):
 * <pre>{@code
 * at = outer[h]; if (at < 0) { counts[f] = 0; } else {
 *     values[4f] = READ(b, at); at = inner[h];
 *     if (at < 0) { counts[f] = 1; } else { values[4f + 1] = READ(b, at); counts[f] = 2; } }
 * }</pre>
 * where READ is the field's own bytes, cut by its mask and shift (or, for addresses, their index). The fields of a
 * DNS message also check that the message holds the bytes they read.
 *
 * <p>A third method answers the row's typed read {@link ProjectedRow#longOr} of a packet not filled yet, straight
 * from the bytes of the packet's own frame: a switch on the field, each case a call of a small method of the
 * field's own, which checks and reads it (an address as a number); a field it does not read (text, longer bytes)
 * goes to the filled row.
 * <pre>{@code
 * firstOr: switch (f) { case f: return firstF(row, b, absent); ... default: return row.filledLongOr(f, absent); }
 * firstF:  at = row.tcpAt; if (at < 0) return absent; return READ(b, at);
 * }</pre>
 * Thread-safe (it keeps no state).
 */
final class FieldFillCompiler {
    private static final String ROW = "dev/trawl/decode/ProjectedRow";
    private static final String FILL = "dev/trawl/decode/FieldFill";
    /** The name the hidden class is given (the JVM makes it unique). */
    private static final String GENERATED = "dev/trawl/decode/GeneratedFieldFill";
    /**
     * Locals of {@code fill}: its arguments, then the start of the header being read. {@code fillFrame} has the
     * row and bytes at the same places, then one argument per header ({@link #headerLocal}), then these.
     */
    private static final int ROW_ARG = 1, BYTES = 2, OUTER = 3, INNER = 4, VALUES = 5, COUNTS = 6, AT = 7;
    private static final int FRAME_VALUES = 9, FRAME_COUNTS = 10, FRAME_AT = 11;
    /** Locals of {@code firstOr}: the row and bytes as in {@code fill}, the field, the absent value (a long). */
    private static final int FIRST_FIELD = 3, FIRST_ABSENT = 4;
    /** A field's first read ({@link #firstOf}): the row and bytes as in {@code fill}, the absent value, then at. */
    private static final String FIRST_OF = "(L" + ROW + ";[BJ)J";
    private static final int FIRST_OF_ABSENT = 3, FIRST_OF_AT = 5;
    private static final int ILOAD_ARRAY = 0x2e, BALOAD = 0x33, IASTORE = 0x4f, LASTORE = 0x50;
    private static final int IADD = 0x60, ISUB = 0x64, IMUL = 0x68, LMUL = 0x69, ISHL = 0x78, IUSHR = 0x7c,
            LUSHR = 0x7d, IAND = 0x7e, LAND = 0x7f, IOR = 0x80, I2L = 0x85;
    private static final int LLOAD = 0x16, LRETURN = 0xad, INVOKEVIRTUAL = 0xb6;
    /**
     * The longest method generated: the JVM's compilers leave a longer one to the interpreter (HugeMethodLimit), which
     * would make reading slower than the general decoder's extractors.
     */
    static final int MAX_CODE = 8000;
    private static final int IFLT = 0x9b, IF_ICMPLT = 0xa1, GOTO = 0xa7, RETURN = 0xb1, GETFIELD = 0xb4,
            INVOKESTATIC = 0xb8, INVOKESPECIAL = 0xb7, LDC2_W = 0x14;

    private FieldFillCompiler() {
    }

    /**
     * The fill of {@code fixed} (a projection's fields, in column order; {@link FixedField#eager eager} ones are
     * left to the projector), or null when its code would be longer than {@link #MAX_CODE} (some hundred fields).
     *
     * @throws IllegalStateException if the JVM refuses the generated class (a defect, not an input error)
     */
    static FieldFill compile(FixedField[] fixed) {
        byte[] bytes = generate(fixed);
        if (bytes == null) {
            return null;
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
            return (FieldFill) lookup.lookupClass().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("could not define the generated field reader", e);
        }
    }

    /** The class file of the fill, or null when one of its methods would be longer than {@link #MAX_CODE}. */
    static byte[] generate(FixedField[] fixed) {
        ClassBytes cf = new ClassBytes();
        Emitter all = new Emitter(cf, VALUES, COUNTS, AT);
        Emitter one = new Emitter(cf, FRAME_VALUES, FRAME_COUNTS, FRAME_AT);
        for (int f = 0; f < fixed.length; f++) {
            FixedField x = fixed[f];
            if (x.eager) {
                continue;
            }
            if (x.header == FixedField.FRAME) {
                all.frameField(x, f);
                one.frameField(x, f);
            } else {
                all.headerField(x, f);
                one.frameHeaderField(x, f);
            }
        }
        ClassBytes.Code c = all.c;
        ClassBytes.Code frame = one.c;
        c.op(RETURN);
        frame.op(RETURN);
        ClassBytes.Code first = firstOr(cf, fixed);
        if (first == null || c.length() > MAX_CODE || frame.length() > MAX_CODE || first.length() > MAX_CODE
                || !c.resolve() || !frame.resolve() || !first.resolve()) {
            return null;
        }
        ClassBytes.Code init = new ClassBytes.Code();
        init.aload(0);
        init.u2op(INVOKESPECIAL, cf.methodRef(FILL, "<init>", "()V"));
        init.op(RETURN);
        init.resolve();
        cf.method(ClassBytes.ACC_PUBLIC, "<init>", "()V", 1, 1, init.bytes());
        cf.method(ClassBytes.ACC_FINAL, "fill", "(L" + ROW + ";[B[I[I[J[I)V", 10, AT + 1, c.bytes());
        cf.method(ClassBytes.ACC_FINAL, "fillFrame", "(L" + ROW + ";[BIIIIII[J[I)V", 10, FRAME_AT + 1,
                frame.bytes());
        cf.method(ClassBytes.ACC_FINAL, "firstOr", "(L" + ROW + ";[BIJ)J", 10, FIRST_ABSENT + 2, first.bytes());
        return cf.toBytes(GENERATED, FILL);
    }

    /** The fields of the row that hold where each header of a packet not filled yet starts, by header. */
    private static final String[] PENDING_HEADERS = {null, "ethAt", "ipAt", "ipv6At", "tcpAt", "udpAt", "dnsAt"};

    /**
     * The code of {@code firstOr}: a switch on the field, to a method of the field's own that reads its first
     * occurrence ({@link #firstOf}), which the JVM's compiler inlines where the field is a constant (the switch
     * itself is small enough to inline for some dozens of fields; one method holding every read would not be).
     * The methods are added to {@code cf}; returns null when a branch in one of them does not resolve.
     */
    private static ClassBytes.Code firstOr(ClassBytes cf, FixedField[] fixed) {
        ClassBytes.Code c = new ClassBytes.Code();
        int filled = -1;
        int[] cases = new int[fixed.length];
        for (int f = 0; f < fixed.length; f++) {
            cases[f] = f;
        }
        c.iload(FIRST_FIELD);
        if (fixed.length > 0) {
            c.tableswitch(0, cases, filled);
        } else {
            c.branch(GOTO, filled);
        }
        for (int f = 0; f < fixed.length; f++) {
            FixedField x = fixed[f];
            c.place(f);
            if (x.eager || x.bytes && x.size > Long.BYTES) {
                c.branch(GOTO, filled);
                continue;
            }
            String name = "first" + f;
            ClassBytes.Code read = firstOf(cf, x);
            if (!read.resolve()) {
                return null;
            }
            cf.method(ClassBytes.ACC_PRIVATE | ClassBytes.ACC_FINAL, name, FIRST_OF, 10, FIRST_OF_AT + 1,
                    read.bytes());
            c.aload(0);
            c.aload(ROW_ARG);
            c.aload(BYTES);
            c.op(LLOAD, FIRST_ABSENT);
            c.u2op(INVOKESPECIAL, cf.methodRef(GENERATED, name, FIRST_OF));
            c.op(LRETURN);
        }
        c.place(filled);
        c.aload(ROW_ARG);
        c.iload(FIRST_FIELD);
        c.op(LLOAD, FIRST_ABSENT);
        c.u2op(INVOKEVIRTUAL, cf.methodRef(ROW, "filledLongOr", "(IJ)J"));
        c.op(LRETURN);
        return c;
    }

    /**
     * The code that reads field {@code x}'s first occurrence as a number from a packet not filled yet, with the row,
     * the bytes and the absent value as its arguments ({@link #FIRST_OF}).
     */
    private static ClassBytes.Code firstOf(ClassBytes cf, FixedField x) {
        Emitter e = new Emitter(cf, -1, -1, FIRST_OF_AT);
        ClassBytes.Code c = e.c;
        int absent = 0;
        c.aload(ROW_ARG);
        if (x.header == FixedField.FRAME) {
            e.frameValue(x);
            c.op(LRETURN);
            return c;
        }
        c.u2op(GETFIELD, cf.fieldRef(ROW, PENDING_HEADERS[x.header], "I"));
        c.op(0x59); // dup
        c.istore(FIRST_OF_AT);
        c.branch(IFLT, absent);
        e.needs(x, absent);
        e.call(x);
        c.op(LRETURN);
        c.place(absent);
        c.op(LLOAD, FIRST_OF_ABSENT, LRETURN);
        return c;
    }

    /** The argument of {@code fillFrame} that holds where header {@code header} starts. */
    private static int headerLocal(int header) {
        return BYTES + header;
    }

    /** Writes one generated method: where its values, counts and header start are, and its code. */
    private static final class Emitter {
        final ClassBytes cf;
        final ClassBytes.Code c = new ClassBytes.Code();
        final int values;
        final int counts;
        final int at;

        Emitter(ClassBytes cf, int values, int counts, int at) {
            this.cf = cf;
            this.values = values;
            this.counts = counts;
            this.at = at;
        }

        /** A frame field: one occurrence, from the row's frame metadata. */
        void frameField(FixedField x, int f) {
            c.aload(values);
            cf.pushInt(c, FieldFill.SLOTS * f);
            c.aload(ROW_ARG);
            frameValue(x);
            c.op(LASTORE);
            storeCount(f, 1);
        }

        /** With the row on the stack, pushes the value (a long) of frame field {@code x}. */
        void frameValue(FixedField x) {
            switch (x.rel) {
                case FixedField.FRAME_NUMBER -> c.u2op(GETFIELD, cf.fieldRef(ROW, "frameNumber", "J"));
                case FixedField.FRAME_LEN -> {
                    c.u2op(GETFIELD, cf.fieldRef(ROW, "originalLength", "I"));
                    c.u2op(INVOKESTATIC, cf.methodRef(FILL, "frameLength", "(I)J"));
                }
                case FixedField.FRAME_CAP_LEN -> {
                    c.u2op(GETFIELD, cf.fieldRef(ROW, "capturedLength", "I"));
                    c.u2op(INVOKESTATIC, cf.methodRef(FILL, "capturedLength", "(I)J"));
                }
                default -> {
                    c.u2op(GETFIELD, cf.fieldRef(ROW, "linkType", "I"));
                    cf.pushInt(c, 0xFFFF);
                    c.op(IAND, I2L);
                }
            }
        }

        /** A field of a header: its occurrences in the outer header, then in the inner one. */
        void headerField(FixedField x, int f) {
            int none = 2 * f;
            int next = 2 * f + 1;
            int innerNone = -2 - f;
            int base = FieldFill.SLOTS * f;
            header(OUTER, x, none);
            occurrences(x, base);
            header(INNER, x, innerNone);
            occurrences(x, base + x.per);
            storeCount(f, 2 * x.per);
            c.branch(GOTO, next);
            c.place(innerNone);
            storeCount(f, x.per);
            c.branch(GOTO, next);
            c.place(none);
            storeCount(f, 0);
            c.place(next);
        }

        /** Loads {@code headers[x.header]} into {@link #at}, branching to {@code absent} when it is not there. */
        void header(int headers, FixedField x, int absent) {
            c.aload(headers);
            cf.pushInt(c, x.header);
            c.op(ILOAD_ARRAY);
            c.op(0x59); // dup
            c.istore(at);
            c.branch(IFLT, absent);
            needs(x, absent);
        }

        /** Stores the header's occurrences (one, or a pair's two) from slot {@code slot}. */
        void occurrences(FixedField x, int slot) {
            c.aload(values);
            cf.pushInt(c, slot);
            if (x.bytes) {
                c.iload(at);
                cf.pushInt(c, x.rel);
                c.op(IADD, I2L);
            } else {
                read(x.rel, x.size, x.mask, x.shift, x.scale);
            }
            c.op(LASTORE);
            if (x.per == 2) {
                c.aload(values);
                cf.pushInt(c, slot + 1);
                if (x.bytes) {
                    c.iload(at);
                    cf.pushInt(c, x.rel2);
                    c.op(IADD, I2L);
                } else {
                    read(x.rel2, 2, -1L, 0, 1);
                }
                c.op(LASTORE);
            }
        }

        /** Pushes, as a long, the big-endian integer of {@code size} bytes at {@code at + rel}, cut as said. */
        void read(int rel, int size, long mask, int shift, int scale) {
            for (int i = 0; i < size; i++) {
                c.aload(BYTES);
                c.iload(at);
                if (rel + i != 0) {
                    cf.pushInt(c, rel + i);
                    c.op(IADD);
                }
                c.op(BALOAD);
                cf.pushInt(c, 0xFF);
                c.op(IAND);
                if (i > 0) {
                    c.op(IOR);
                }
                if (i < size - 1) {
                    cf.pushInt(c, 8);
                    c.op(ISHL);
                }
            }
            if (size == Integer.BYTES) {
                c.op(I2L);
                c.u2op(LDC2_W, cf.longConst(0xFFFF_FFFFL));
                c.op(LAND);
            }
            cut(size, mask, shift, scale);
        }

        /**
         * Cuts the unsigned value of {@code size} bytes on the stack (an int below 4 bytes, else a long) by its mask,
         * shift and scale, leaving a long.
         */
        void cut(int size, long mask, int shift, int scale) {
            if (size < Integer.BYTES) {
                // fits an int, as do its mask and scale
                if (mask != -1L && mask != (1L << 8 * size) - 1) {
                    cf.pushInt(c, (int) mask);
                    c.op(IAND);
                }
                if (shift != 0) {
                    cf.pushInt(c, shift);
                    c.op(IUSHR);
                }
                if (scale != 1) {
                    cf.pushInt(c, scale);
                    c.op(IMUL);
                }
                c.op(I2L);
                return;
            }
            if (mask != -1L && (mask & 0xFFFF_FFFFL) != 0xFFFF_FFFFL) {
                c.u2op(LDC2_W, cf.longConst(mask & 0xFFFF_FFFFL));
                c.op(LAND);
            }
            if (shift != 0) {
                cf.pushInt(c, shift);
                c.op(LUSHR);
            }
            if (scale != 1) {
                c.u2op(LDC2_W, cf.longConst(scale));
                c.op(LMUL);
            }
        }

        /**
         * Pushes, as a long, the value of field {@code x} (an address as a big-endian number) read by a call of one
         * of {@link FieldFill}'s reads: the short form of {@link #read}.
         */
        void call(FixedField x) {
            c.aload(BYTES);
            c.iload(at);
            if (x.rel != 0) {
                cf.pushInt(c, x.rel);
                c.op(IADD);
            }
            int size = x.size;
            if (size > Integer.BYTES) {
                cf.pushInt(c, size);
                c.u2op(INVOKESTATIC, cf.methodRef(FILL, "bigEndian", "([BII)J"));
                return;
            }
            String name = size == 1 ? "u8" : size == 2 ? "u16" : size == 3 ? "u24" : "u32";
            c.u2op(INVOKESTATIC, cf.methodRef(FILL, name, size == Integer.BYTES ? "([BI)J" : "([BI)I"));
            cut(size, x.bytes ? -1L : x.mask, x.shift, x.scale);
        }

        void storeCount(int f, int count) {
            c.aload(counts);
            cf.pushInt(c, f);
            cf.pushInt(c, count);
            c.op(IASTORE);
        }

        /**
         * A field of a header in {@code fillFrame}, whose frame has one header of each kind, given as an argument:
         * its occurrences there.
         */
        void frameHeaderField(FixedField x, int f) {
            int none = 2 * f;
            int next = 2 * f + 1;
            c.iload(headerLocal(x.header));
            c.op(0x59); // dup
            c.istore(at);
            c.branch(IFLT, none);
            needs(x, none);
            occurrences(x, FieldFill.SLOTS * f);
            storeCount(f, x.per);
            c.branch(GOTO, next);
            c.place(none);
            storeCount(f, 0);
            c.place(next);
        }

        /** For a field of a DNS message, branches to {@code absent} unless the message holds the bytes it reads. */
        void needs(FixedField x, int absent) {
            if (x.need > 0) {
                c.aload(ROW_ARG);
                c.u2op(GETFIELD, cf.fieldRef(ROW, "dnsEnd", "I"));
                c.iload(at);
                c.op(ISUB);
                cf.pushInt(c, x.need);
                c.branch(IF_ICMPLT, absent);
            }
        }
    }
}
