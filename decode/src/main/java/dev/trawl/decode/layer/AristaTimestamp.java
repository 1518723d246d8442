package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * Arista's vendor-specific header ({@code avsp}, EtherType 0xD28B) as its tap aggregation writes it: a subtype
 * (1, a timestamp), the timescale (0 TAI, 1 UTC), a byte of format (high nibble: 1 a 64-bit, 2 a 48-bit
 * timestamp) and hardware (low nibble), the timestamp's seconds (32 or 16 bits) and nanoseconds (32 bits), then
 * the payload's EtherType. See {@link Flyweight}; not thread-safe.
 */
public final class AristaTimestamp extends Flyweight {
    /** Subtype: a timestamp follows. */
    public static final int SUBTYPE_TIMESTAMP = 1;
    /** Format: 32-bit seconds and 32-bit nanoseconds. */
    public static final int FORMAT_64 = 1;
    /** Format: 16-bit seconds and 32-bit nanoseconds. */
    public static final int FORMAT_48 = 2;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public AristaTimestamp() {
    }

    /** Points this view at the header (after the EtherType 0xD28B). */
    public AristaTimestamp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The subtype. */
    public int subtype() {
        return u16(0);
    }

    /** The timescale (0 TAI, 1 UTC). */
    public int timescale() {
        return u8(2);
    }

    /** The timestamp's format, one of the {@code FORMAT_} constants. */
    public int format() {
        return u8(3) >>> 4;
    }

    /** The hardware that stamped the frame (0 R and R2 series, 1 R3). */
    public int hardware() {
        return u8(3) & 0x0F;
    }

    /** The timestamp's seconds: 32 bits in the 64-bit format, 16 in the 48-bit one. */
    public long seconds() {
        return format() == FORMAT_64 ? u32(4) : u16(4);
    }

    /** The timestamp's nanoseconds. */
    public long nanoseconds() {
        return u32(format() == FORMAT_64 ? 8 : 6);
    }

    /** The header's length up to and with the payload's EtherType: 14 or 12, or 4 of an unknown format. */
    public int headerLength() {
        return switch (format()) {
            case FORMAT_64 -> 14;
            case FORMAT_48 -> 12;
            default -> 4;
        };
    }

    /** The payload's EtherType (of a known format). */
    public int payloadType() {
        return u16(headerLength() - 2);
    }
}
