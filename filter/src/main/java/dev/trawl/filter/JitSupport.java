package dev.trawl.filter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The static helpers that {@link BpfJit}'s generated code calls. They are tiny so that the JVM inlines them into
 * the generated method, and they keep that method's bytecode short so that it is inlined in turn.
 */
final class JitSupport {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

    private JitSupport() {
    }

    /**
     * Used by generated code on entry: checks that the buffer holds the packet, and returns where the packet
     * starts in the buffer's array, or -1 when the buffer has no accessible array.
     */
    static int arrayBase(ByteBuffer buf, int offset, int caplen) {
        Objects.checkFromIndexSize(offset, caplen, buf.limit());
        // arrayOffset + limit never exceeds the array's length, so this cannot overflow.
        return buf.hasArray() ? buf.arrayOffset() + offset : -1;
    }

    /**
     * Used by generated code reading a buffer with its absolute gets: the buffer, or a big-endian view of it,
     * since packets are read in network byte order whatever order the caller's buffer has.
     */
    static ByteBuffer network(ByteBuffer buf) {
        return buf.order() == ByteOrder.BIG_ENDIAN ? buf : buf.duplicate().order(ByteOrder.BIG_ENDIAN);
    }

    // Loads for generated code reading an array at base + k, k >= 0 a constant: the unsigned value, or -1 when
    // the bytes lie beyond caplen (the packet is rejected). The x variants load at base + x + k, both unsigned.

    static int u8(byte[] b, int base, int k, int caplen) {
        return caplen - k < 1 ? -1 : b[base + k] & 0xff;
    }

    static int u16(byte[] b, int base, int k, int caplen) {
        return caplen - k < 2 ? -1 : u16(b, base + k);
    }

    static int msh(byte[] b, int base, int k, int caplen) {
        return caplen - k < 1 ? -1 : (b[base + k] & 0x0f) << 2;
    }

    static int u8x(byte[] b, int base, int x, int k, int caplen) {
        long off = (x & 0xffffffffL) + (k & 0xffffffffL);
        return off > caplen - 1 ? -1 : b[base + (int) off] & 0xff;
    }

    static int u16x(byte[] b, int base, int x, int k, int caplen) {
        long off = (x & 0xffffffffL) + (k & 0xffffffffL);
        return off > caplen - 2 ? -1 : u16(b, base + (int) off);
    }

    /** Used by generated code: the big-endian word at {@code i}. */
    static int u32(byte[] b, int i) {
        return (int) INT.get(b, i);
    }

    /** Used by generated code: the big-endian unsigned half-word at {@code i}. */
    static int u16(byte[] b, int i) {
        return (short) SHORT.get(b, i) & 0xffff;
    }

}
