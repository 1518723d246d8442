package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A Frame Relay header: a Q.922 address of 2 to 4 bytes (the DLCI, the C/R, FECN, BECN and DE bits, each byte's
 * last bit marking the address's end), then either Cisco's EtherType or the Q.933 control byte, an optional
 * pad byte and an NLPID.
 *
 * <pre>
 * +------------------+------------------+---------------+
 * | DLCI (6) |C/R|EA | DLCI(4)|F|B|DE|EA | (more address) |  control (0x03) | [pad] | NLPID | ...
 * +------------------+------------------+---------------+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class FrameRelay extends TlvMessage {
    /** {@link #addressLength()} of an address that cannot be one (its first byte ends it, or it is too long). */
    public static final int INVALID = 0;
    /** {@link #addressLength()} of an address cut short by the end of the captured bytes. */
    public static final int TRUNCATED = -1;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public FrameRelay() {
    }

    /** Points this view at a Frame Relay frame. */
    public FrameRelay wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The length of the Q.922 address (2, 3 or 4), {@link #INVALID} or {@link #TRUNCATED}. */
    public int addressLength() {
        if (!has(0, 1)) {
            return TRUNCATED;
        }
        if ((u8(0) & 1) != 0) {
            return INVALID;
        }
        if (!has(1, 1)) {
            return TRUNCATED;
        }
        if ((u8(1) & 1) != 0) {
            return 2;
        }
        if (!has(2, 1)) {
            return TRUNCATED;
        }
        int length = (u8(2) & 1) == 0 ? 4 : 3;
        if (!has(length - 1, 1)) {
            return TRUNCATED;
        }
        return (u8(length - 1) & 1) == 0 ? INVALID : length;
    }

    /** {@code fr.dlci}, for a valid address. */
    public int dlci() {
        int dlci = (u8(0) & 0xFC) << 2 | (u8(1) & 0xF0) >> 4;
        int length = addressLength();
        if (length == 4) {
            dlci = dlci << 7 | u8(2) >> 1;
        }
        if (length >= 3) {
            dlci = dlci << 6 | u8(length - 1) >> 2;
        }
        return dlci;
    }

    /**
     * The address's flag bits where tcpdump keeps them: C/R 0x02000000, FECN 0x00080000, BECN 0x00040000,
     * DE 0x00020000, and for 3- and 4-byte addresses the D/C bit 0x00000002.
     */
    public int flags() {
        int flags = (u8(0) & 0x02) << 24 | (u8(1) & 0x0E) << 16;
        int length = addressLength();
        if (length >= 3) {
            flags |= u8(length - 1) & 0x02;
        }
        return flags;
    }
}
