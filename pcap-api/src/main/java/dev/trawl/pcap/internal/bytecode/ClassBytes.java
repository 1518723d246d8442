package dev.trawl.pcap.internal.bytecode;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal class-file writer: a constant pool, methods with raw bytecode, and forward-branch patching. It
 * writes class-file version 49, whose verifier infers types itself, so no stack map frames are needed.
 *
 * <p>Not API: the module exports this package only to trawl's own modules that generate code at run time (the
 * filter JIT, decode's field projections). Not thread-safe; one writer per class.
 */
public final class ClassBytes {
    public static final int ACC_PUBLIC = 0x0001, ACC_PRIVATE = 0x0002, ACC_STATIC = 0x0008, ACC_FINAL = 0x0010,
            ACC_SUPER = 0x0020;

    private final ByteArrayOutputStream pool = new ByteArrayOutputStream();
    private final DataOutputStream poolOut = new DataOutputStream(pool);
    private final Map<String, Integer> poolIndex = new HashMap<>();
    private int poolCount = 1;
    private final List<byte[]> methods = new ArrayList<>();

    private int entry(String key, int tag, byte[] payload, int slots) {
        Integer found = poolIndex.get(key);
        if (found != null) {
            return found;
        }
        try {
            poolOut.writeByte(tag);
            poolOut.write(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int index = poolCount;
        poolCount += slots;
        poolIndex.put(key, index);
        return index;
    }

    private static byte[] u2(int... values) {
        byte[] b = new byte[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            b[2 * i] = (byte) (values[i] >> 8);
            b[2 * i + 1] = (byte) values[i];
        }
        return b;
    }

    public int utf8(String s) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            new DataOutputStream(b).writeUTF(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entry("U" + s, 1, b.toByteArray(), 1);
    }

    public int classRef(String internalName) {
        return entry("C" + internalName, 7, u2(utf8(internalName)), 1);
    }

    private int nameAndType(String name, String desc) {
        return entry("N" + name + ":" + desc, 12, u2(utf8(name), utf8(desc)), 1);
    }

    public int methodRef(String owner, String name, String desc) {
        return entry("M" + owner + "." + name + desc, 10, u2(classRef(owner), nameAndType(name, desc)), 1);
    }

    public int fieldRef(String owner, String name, String desc) {
        return entry("F" + owner + "." + name + desc, 9, u2(classRef(owner), nameAndType(name, desc)), 1);
    }

    public int integer(int v) {
        return entry("I" + v, 3, new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v}, 1);
    }

    public int longConst(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >> (56 - 8 * i));
        }
        return entry("J" + v, 5, b, 2);
    }

    /** Appends the shortest instruction that pushes the int {@code v} (an iconst, bipush, sipush or ldc_w). */
    public void pushInt(Code c, int v) {
        if (v >= -1 && v <= 5) {
            c.op(0x03 + v);
        } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            c.op(0x10, v & 0xff);
        } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            c.u2op(0x11, v & 0xffff);
        } else {
            c.u2op(0x13, integer(v));
        }
    }

    /** Adds a method with the given code attribute contents. */
    public void method(int access, String name, String desc, int maxStack, int maxLocals, byte[] code) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(m);
        try {
            out.writeShort(access);
            out.writeShort(utf8(name));
            out.writeShort(utf8(desc));
            out.writeShort(1);
            out.writeShort(utf8("Code"));
            out.writeInt(12 + code.length);
            out.writeShort(maxStack);
            out.writeShort(maxLocals);
            out.writeInt(code.length);
            out.write(code);
            out.writeShort(0);
            out.writeShort(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        methods.add(m.toByteArray());
    }

    public byte[] toBytes(String thisName, String superName, String... interfaces) {
        int thisIndex = classRef(thisName);
        int superIndex = classRef(superName);
        int[] ifaces = new int[interfaces.length];
        for (int i = 0; i < interfaces.length; i++) {
            ifaces[i] = classRef(interfaces[i]);
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        try {
            out.writeInt(0xCAFEBABE);
            out.writeShort(0);
            out.writeShort(49);
            out.writeShort(poolCount);
            out.write(pool.toByteArray());
            out.writeShort(ACC_PUBLIC | ACC_FINAL | ACC_SUPER);
            out.writeShort(thisIndex);
            out.writeShort(superIndex);
            out.writeShort(ifaces.length);
            for (int i : ifaces) {
                out.writeShort(i);
            }
            out.writeShort(0);
            out.writeShort(methods.size());
            for (byte[] m : methods) {
                out.write(m);
            }
            out.writeShort(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    /** Bytecode of one method, with labels for forward branches. */
    public static final class Code {
        private byte[] buf = new byte[256];
        private int len;
        private final List<int[]> fixups = new ArrayList<>();
        /** The 4-byte offsets of switches: where each is, the switch's own position, and its label. */
        private final List<int[]> wideFixups = new ArrayList<>();
        private final Map<Integer, Integer> labels = new HashMap<>();

        public int length() {
            return len;
        }

        public void op(int... bytes) {
            for (int b : bytes) {
                if (len == buf.length) {
                    buf = java.util.Arrays.copyOf(buf, len * 2);
                }
                buf[len++] = (byte) b;
            }
        }

        public void u2op(int opcode, int operand) {
            op(opcode, operand >> 8, operand & 0xff);
        }

        /** iload, in its one-byte form for the first four locals, which keeps methods small. */
        public void iload(int local) {
            if (local <= 3) {
                op(0x1a + local);
            } else {
                op(0x15, local);
            }
        }

        /** istore, in its one-byte form for the first four locals. */
        public void istore(int local) {
            if (local <= 3) {
                op(0x3b + local);
            } else {
                op(0x36, local);
            }
        }

        /** aload, in its one-byte form for the first four locals. */
        public void aload(int local) {
            if (local <= 3) {
                op(0x2a + local);
            } else {
                op(0x19, local);
            }
        }

        /** A branch to a label placed later; label ids are chosen by the caller. */
        public void branch(int opcode, int label) {
            fixups.add(new int[] {len, label});
            op(opcode, 0, 0);
        }

        /**
         * A {@code tableswitch} on the int on the stack: to {@code cases[i]} for the value {@code low + i}, else to
         * {@code otherwise}; all labels placed later.
         */
        public void tableswitch(int low, int[] cases, int otherwise) {
            int at = len;
            op(0xaa);
            while (len % 4 != 0) {
                op(0);
            }
            wideOffset(at, otherwise);
            u4(low);
            u4(low + cases.length - 1);
            for (int label : cases) {
                wideOffset(at, label);
            }
        }

        private void wideOffset(int from, int label) {
            wideFixups.add(new int[] {len, from, label});
            u4(0);
        }

        private void u4(int v) {
            op(v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
        }

        public void place(int label) {
            labels.put(label, len);
        }

        /** Resolves branches; returns false if an offset does not fit in 16 bits. */
        public boolean resolve() {
            for (int[] f : fixups) {
                Integer target = labels.get(f[1]);
                if (target == null) {
                    throw new IllegalStateException("unplaced label " + f[1]);
                }
                int off = target - f[0];
                if (off > Short.MAX_VALUE || off < Short.MIN_VALUE) {
                    return false;
                }
                buf[f[0] + 1] = (byte) (off >> 8);
                buf[f[0] + 2] = (byte) off;
            }
            for (int[] f : wideFixups) {
                Integer target = labels.get(f[2]);
                if (target == null) {
                    throw new IllegalStateException("unplaced label " + f[2]);
                }
                int off = target - f[1];
                for (int i = 0; i < 4; i++) {
                    buf[f[0] + i] = (byte) (off >>> 24 - 8 * i);
                }
            }
            return true;
        }

        public byte[] bytes() {
            return java.util.Arrays.copyOf(buf, len);
        }
    }
}
