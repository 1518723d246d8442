package dev.trawl.decode.layer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Base of trawl's protocol flyweights: a reusable view of one header inside a buffer, in the style of
 * Agrona and SBE. {@code wrap(buffer, offset, length)} points the view at a header and returns it; the
 * accessors read at absolute indexes, widen unsigned values and never move the buffer's position or limit.
 *
 * <p>Reads are bounds-checked against the wrapped region: a field that lies beyond it reads as 0, so a
 * truncated header never throws. Use {@link #has(int, int)} to tell a real 0 from a missing field.
 *
 * <p>A flyweight holds a reference to the caller's buffer and is valid as long as that buffer's contents
 * are; it is not thread-safe.
 */
public abstract class Flyweight {
    /** Big-endian views of byte arrays: one load per value instead of one per byte. */
    private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class,
            ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    /** The wrapped buffer; set it (with the offset and limit) through {@link #wrapRegion} only. */
    protected ByteBuffer buffer;
    /** The absolute index of the header's first byte. */
    protected int offset;
    /** The absolute index just past the last byte of the region (header and payload). */
    protected int limit;
    /**
     * The buffer's backing array when it shows one (heap buffers that are not read-only, which is what
     * {@code DecodedPacket.buffer()} always is), else {@code null}: reading the array directly spares a
     * buffer bounds check per byte.
     */
    private byte[] array;
    /** The array index of buffer index 0. */
    private int arrayOffset;

    /** Creates an unwrapped view. */
    protected Flyweight() {
    }

    /** Points this view at {@code length} bytes from {@code offset}, clamped to the buffer's limit. */
    protected final void wrapRegion(ByteBuffer buffer, int offset, int length) {
        if (buffer != this.buffer) {
            // A buffer's array and array offset never change; a view is mostly re-wrapped over the same buffer.
            this.array = buffer.hasArray() ? buffer.array() : null;
            this.arrayOffset = array != null ? buffer.arrayOffset() : 0;
            this.buffer = buffer;
        }
        this.offset = offset;
        long end = (long) offset + Math.max(0, length);
        this.limit = (int) Math.min(end, buffer.limit());
    }

    /** The byte at absolute index {@code i}, which the caller has checked lies in the region. */
    private byte at(int i) {
        byte[] a = array;
        return a != null ? a[arrayOffset + i] : buffer.get(i);
    }

    /** The wrapped buffer. */
    public final ByteBuffer buffer() {
        return buffer;
    }

    /** The absolute index of the header's first byte. */
    public final int offset() {
        return offset;
    }

    /** The number of bytes in the wrapped region (header and payload). */
    public final int regionLength() {
        return Math.max(0, limit - offset);
    }

    /** Whether the {@code size} bytes at {@code rel} (relative to {@link #offset()}) lie in the region. */
    public final boolean has(int rel, int size) {
        return rel >= 0 && size >= 0 && (long) offset + rel + size <= limit;
    }

    /** The unsigned byte at {@code rel}, or 0 if outside the region. */
    protected final int u8(int rel) {
        return has(rel, 1) ? at(offset + rel) & 0xFF : 0;
    }

    /**
     * The backing array of the wrapped buffer, or {@code null} when it hides it; index it with
     * {@link #arrayIndex(int)}, within the region only. Read-only in effect: do not write to it.
     */
    protected final byte[] array() {
        return array;
    }

    /** The index in {@link #array()} of the byte at {@code rel}. */
    protected final int arrayIndex(int rel) {
        return arrayOffset + offset + rel;
    }

    /** The unsigned byte at {@code rel}, which the caller has checked with {@link #has(int, int)}. */
    protected final int checkedU8(int rel) {
        return at(offset + rel) & 0xFF;
    }

    /** The unsigned big-endian 16-bit value at {@code rel}, or 0. */
    protected final int u16(int rel) {
        if (!has(rel, 2)) {
            return 0;
        }
        int i = offset + rel;
        byte[] a = array;
        if (a != null) {
            return (short) SHORT_BE.get(a, arrayOffset + i) & 0xFFFF;
        }
        return (buffer.get(i) & 0xFF) << 8 | (buffer.get(i + 1) & 0xFF);
    }

    /** The unsigned little-endian 16-bit value at {@code rel}, or 0. */
    protected final int u16le(int rel) {
        if (!has(rel, 2)) {
            return 0;
        }
        int i = offset + rel;
        return (at(i + 1) & 0xFF) << 8 | (at(i) & 0xFF);
    }

    /** The unsigned big-endian 24-bit value at {@code rel}, or 0. */
    protected final int u24(int rel) {
        return has(rel, 3) ? u8(rel) << 16 | u16(rel + 1) : 0;
    }

    /** The unsigned big-endian 32-bit value at {@code rel}, or 0. */
    protected final long u32(int rel) {
        if (!has(rel, 4)) {
            return 0;
        }
        int i = offset + rel;
        byte[] a = array;
        if (a != null) {
            return (int) INT_BE.get(a, arrayOffset + i) & 0xFFFF_FFFFL;
        }
        return ((long) (buffer.get(i) & 0xFF) << 24) | (buffer.get(i + 1) & 0xFF) << 16
                | (buffer.get(i + 2) & 0xFF) << 8 | (buffer.get(i + 3) & 0xFF);
    }

    /** The big-endian 48-bit value at {@code rel} (a MAC address), or 0. */
    protected final long u48(int rel) {
        return has(rel, 6) ? (long) u16(rel) << 32 | u32(rel + 2) : 0;
    }

    /*
     * The public readers below let a printer or a plugin read what a view has no named getter for (an
     * option's payload, a message body). Every view has them from here; a view does not repeat them.
     */

    /** The unsigned byte at {@code rel} (relative to {@link #offset()}), or 0 outside the region. */
    public final int u8At(int rel) {
        return u8(rel);
    }

    /** The unsigned big-endian 16-bit value at {@code rel}, or 0 outside the region. */
    public final int u16At(int rel) {
        return u16(rel);
    }

    /** The unsigned big-endian 24-bit value at {@code rel}, or 0 outside the region. */
    public final int u24At(int rel) {
        return u24(rel);
    }

    /** The unsigned big-endian 32-bit value at {@code rel}, or 0 outside the region. */
    public final long u32At(int rel) {
        return u32(rel);
    }

    /** Copies {@code dst.length} bytes at {@code rel} into {@code dst}; missing bytes are 0. */
    protected final void copy(int rel, byte[] dst) {
        for (int i = 0; i < dst.length; i++) {
            dst[i] = (byte) u8(rel + i);
        }
    }
}
