package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

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
    /** The wrapped buffer. */
    protected ByteBuffer buffer;
    /** The absolute index of the header's first byte. */
    protected int offset;
    /** The absolute index just past the last byte of the region (header and payload). */
    protected int limit;

    /** Creates an unwrapped view. */
    protected Flyweight() {
    }

    /** Points this view at {@code length} bytes from {@code offset}, clamped to the buffer's limit. */
    protected final void wrapRegion(ByteBuffer buffer, int offset, int length) {
        this.buffer = buffer;
        this.offset = offset;
        long end = (long) offset + Math.max(0, length);
        this.limit = (int) Math.min(end, buffer.limit());
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
        return has(rel, 1) ? buffer.get(offset + rel) & 0xFF : 0;
    }

    /** The unsigned big-endian 16-bit value at {@code rel}, or 0. */
    protected final int u16(int rel) {
        if (!has(rel, 2)) {
            return 0;
        }
        int i = offset + rel;
        return (buffer.get(i) & 0xFF) << 8 | (buffer.get(i + 1) & 0xFF);
    }

    /** The unsigned little-endian 16-bit value at {@code rel}, or 0. */
    protected final int u16le(int rel) {
        if (!has(rel, 2)) {
            return 0;
        }
        int i = offset + rel;
        return (buffer.get(i + 1) & 0xFF) << 8 | (buffer.get(i) & 0xFF);
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
        return (long) u16(rel) << 16 | u16(rel + 2);
    }

    /** The big-endian 48-bit value at {@code rel} (a MAC address), or 0. */
    protected final long u48(int rel) {
        return has(rel, 6) ? (long) u16(rel) << 32 | u32(rel + 2) : 0;
    }

    /** Copies {@code dst.length} bytes at {@code rel} into {@code dst}; missing bytes are 0. */
    protected final void copy(int rel, byte[] dst) {
        for (int i = 0; i < dst.length; i++) {
            dst[i] = (byte) u8(rel + i);
        }
    }
}
