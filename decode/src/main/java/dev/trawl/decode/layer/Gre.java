package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A GRE header (RFC 2784, with the key and sequence number of RFC 2890, and PPTP's enhanced GRE of
 * RFC 2637 when the version is 1).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |C|R|K|S|s|Recur|A| Flags | Ver |         Protocol Type         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Checksum (optional)      |       Reserved1 (Optional)    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Key (optional)                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Sequence Number (Optional)                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |             Acknowledgment Number (version 1, optional)       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class Gre extends TlvMessage {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Gre() {
    }

    public static final int CHECKSUM_PRESENT = 0x8000;
    public static final int ROUTING_PRESENT = 0x4000;
    public static final int KEY_PRESENT = 0x2000;
    public static final int SEQUENCE_PRESENT = 0x1000;
    public static final int ACK_PRESENT = 0x0080;

    /** Points this view at a GRE header. */
    public Gre wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The flags and version word. */
    public int flagsAndVersion() {
        return u16(0);
    }

    public int version() {
        return u16(0) & 7;
    }

    public int protocolType() {
        return u16(2);
    }

    private int optionalOffset(int flag) {
        int fv = u16(0);
        int rel = 4;
        if (flag == KEY_PRESENT || flag == SEQUENCE_PRESENT || flag == ACK_PRESENT) {
            rel += (fv & (CHECKSUM_PRESENT | ROUTING_PRESENT)) != 0 ? 4 : 0;
        }
        if (flag == SEQUENCE_PRESENT || flag == ACK_PRESENT) {
            rel += (fv & KEY_PRESENT) != 0 ? 4 : 0;
        }
        if (flag == ACK_PRESENT) {
            rel += (fv & SEQUENCE_PRESENT) != 0 ? 4 : 0;
        }
        return (fv & flag) != 0 ? rel : -1;
    }

    /** The checksum, or -1 when absent. */
    public int checksum() {
        int rel = optionalOffset(CHECKSUM_PRESENT);
        return rel < 0 ? -1 : u16(rel);
    }

    /** The key, or -1 when absent. */
    public long key() {
        int rel = optionalOffset(KEY_PRESENT);
        return rel < 0 ? -1 : u32(rel);
    }

    /** The sequence number, or -1 when absent. */
    public long sequenceNumber() {
        int rel = optionalOffset(SEQUENCE_PRESENT);
        return rel < 0 ? -1 : u32(rel);
    }

    /** The acknowledgment number of enhanced GRE (version 1), or -1 when absent. */
    public long acknowledgmentNumber() {
        int rel = version() == 1 ? optionalOffset(ACK_PRESENT) : -1;
        return rel < 0 ? -1 : u32(rel);
    }
}
