package dev.trawl.decode.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Unsigned big-endian reads at absolute indexes of a {@link ByteBuffer}, independent of the buffer's byte
 * order, position and limit. Callers check bounds first; these methods do not.
 */
public final class Bytes {
    private Bytes() {
    }

    /** The unsigned byte at {@code index}. */
    public static int u8(ByteBuffer buf, int index) {
        return buf.get(index) & 0xFF;
    }

    /** The unsigned big-endian 16-bit value at {@code index}. */
    public static int u16(ByteBuffer buf, int index) {
        return (buf.get(index) & 0xFF) << 8 | (buf.get(index + 1) & 0xFF);
    }

    /** The unsigned little-endian 16-bit value at {@code index}. */
    public static int u16le(ByteBuffer buf, int index) {
        return (buf.get(index + 1) & 0xFF) << 8 | (buf.get(index) & 0xFF);
    }

    /** The unsigned big-endian 24-bit value at {@code index}. */
    public static int u24(ByteBuffer buf, int index) {
        return (buf.get(index) & 0xFF) << 16 | (buf.get(index + 1) & 0xFF) << 8 | (buf.get(index + 2) & 0xFF);
    }

    /** The big-endian 32-bit value at {@code index}, as a signed int (callers widen with {@link #u32}). */
    public static int i32(ByteBuffer buf, int index) {
        return (buf.get(index) & 0xFF) << 24 | (buf.get(index + 1) & 0xFF) << 16
                | (buf.get(index + 2) & 0xFF) << 8 | (buf.get(index + 3) & 0xFF);
    }

    /** The unsigned big-endian 32-bit value at {@code index}. */
    public static long u32(ByteBuffer buf, int index) {
        return i32(buf, index) & 0xFFFF_FFFFL;
    }

    /** The little-endian 32-bit value at {@code index}, as a signed int. */
    public static int i32le(ByteBuffer buf, int index) {
        return (buf.get(index + 3) & 0xFF) << 24 | (buf.get(index + 2) & 0xFF) << 16
                | (buf.get(index + 1) & 0xFF) << 8 | (buf.get(index) & 0xFF);
    }

    /** The unsigned big-endian 48-bit value at {@code index} (a MAC address as a number). */
    public static long u48(ByteBuffer buf, int index) {
        return (long) u16(buf, index) << 32 | u32(buf, index + 2);
    }

    /** The big-endian 64-bit value at {@code index}. */
    public static long u64(ByteBuffer buf, int index) {
        return u32(buf, index) << 32 | u32(buf, index + 4);
    }

    /**
     * The ones' complement sum of {@code length} bytes from {@code index}, folded to 16 bits, added to
     * {@code initial} (for pseudo-headers). An odd trailing byte is padded with zero.
     */
    public static int onesComplementSum(ByteBuffer buf, int index, int length, long initial) {
        long sum = initial;
        int end = index + length;
        int i = index;
        for (; i + 1 < end; i += 2) {
            sum += u16(buf, i);
        }
        if (i < end) {
            sum += u8(buf, i) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) sum;
    }

    // The same reads over a byte array: the decoders work on arrays, whose reads the JIT compiles to plain
    // loads (ByteBuffer's get(int) is a virtual call that goes megamorphic once several buffer kinds are in use).

    /** The unsigned byte at {@code index}. */
    public static int u8(byte[] b, int index) {
        return b[index] & 0xFF;
    }

    /** Big-endian views of byte arrays: one load per value instead of one per byte. */
    private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class,
            ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    /** The unsigned big-endian 16-bit value at {@code index}. */
    public static int u16(byte[] b, int index) {
        return (short) SHORT_BE.get(b, index) & 0xFFFF;
    }

    /** The unsigned little-endian 16-bit value at {@code index}. */
    public static int u16le(byte[] b, int index) {
        return (b[index + 1] & 0xFF) << 8 | (b[index] & 0xFF);
    }

    /** The unsigned big-endian 24-bit value at {@code index}. */
    public static int u24(byte[] b, int index) {
        return (b[index] & 0xFF) << 16 | (b[index + 1] & 0xFF) << 8 | (b[index + 2] & 0xFF);
    }

    /** The big-endian 32-bit value at {@code index}, as a signed int. */
    public static int i32(byte[] b, int index) {
        return (int) INT_BE.get(b, index);
    }

    /** The big-endian 64-bit value at {@code index}. */
    public static long i64(byte[] b, int index) {
        return (long) i32(b, index) << 32 | u32(b, index + 4);
    }

    /** The unsigned big-endian 32-bit value at {@code index}. */
    public static long u32(byte[] b, int index) {
        return i32(b, index) & 0xFFFF_FFFFL;
    }

    /** The little-endian 32-bit value at {@code index}, as a signed int. */
    public static int i32le(byte[] b, int index) {
        return (b[index + 3] & 0xFF) << 24 | (b[index + 2] & 0xFF) << 16 | (b[index + 1] & 0xFF) << 8
                | (b[index] & 0xFF);
    }

    /** The ones' complement sum of {@code length} bytes from {@code index}, as for ByteBuffers. */
    public static int onesComplementSum(byte[] b, int index, int length, long initial) {
        long sum = initial;
        int end = index + length;
        int i = index;
        for (; i + 1 < end; i += 2) {
            sum += u16(b, i);
        }
        if (i < end) {
            sum += u8(b, i) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) sum;
    }
}
