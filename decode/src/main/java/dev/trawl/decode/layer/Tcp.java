package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A TCP header (RFC 9293) and its options.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |       Destination Port        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Sequence Number                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Acknowledgment Number                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Data |Res|A|C|E|U|A|P|R|S|F|                               |
 * | Offset|   |E|W|C|R|C|S|S|Y|I|            Window             |
 * |       |   | |R|E|G|K|H|T|N|N|                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Checksum            |         Urgent Pointer        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options                    |    Padding    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Options are walked with {@link #firstOption()}, {@link #nextOption(int)}, {@link #optionKind(int)} and
 * {@link #optionLength(int)}, or found with {@link #findOption(int)}; cursors are relative offsets and -1
 * ends the walk. See {@link Flyweight}; not thread-safe.
 */
public final class Tcp extends TransportHeader {
    /** Creates a view that points nowhere until {@code wrap} is called. */
    public Tcp() {
    }

    /** The length of a header without options. */
    public static final int MIN_HEADER_LENGTH = 20;

    public static final int FIN = 0x001;
    public static final int SYN = 0x002;
    public static final int RST = 0x004;
    public static final int PSH = 0x008;
    public static final int ACK = 0x010;
    public static final int URG = 0x020;
    public static final int ECE = 0x040;
    public static final int CWR = 0x080;
    /** The former ECN-nonce bit (RFC 3540, historic), which Wireshark shows as "AE". */
    public static final int AE = 0x100;

    public static final int OPT_EOL = 0;
    public static final int OPT_NOP = 1;
    public static final int OPT_MSS = 2;
    public static final int OPT_WINDOW_SCALE = 3;
    public static final int OPT_SACK_PERMITTED = 4;
    public static final int OPT_SACK = 5;
    public static final int OPT_TIMESTAMP = 8;
    public static final int OPT_MPTCP = 30;

    /** Points this view at a TCP header. */
    public Tcp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    public long sequenceNumber() {
        return u32(4);
    }

    public long acknowledgmentNumber() {
        return u32(8);
    }

    /** The data offset in 32-bit words. */
    public int dataOffset() {
        return u8(12) >>> 4;
    }

    /** The header length in bytes ({@code dataOffset() * 4}). */
    public int headerLength() {
        return dataOffset() * 4;
    }

    /** The 12 bits after the data offset: three reserved bits and the nine flags (see the constants). */
    public int flags() {
        return u16(12) & 0x0FFF;
    }

    public int window() {
        return u16(14);
    }

    public int checksum() {
        return u16(16);
    }

    public int urgentPointer() {
        return u16(18);
    }

    /** The relative offset of the first option, or -1 when there is none. */
    public int firstOption() {
        return optionAt(MIN_HEADER_LENGTH);
    }

    /** The relative offset of the option after the one at {@code option}, or -1. */
    public int nextOption(int option) {
        int kind = u8(option);
        if (kind == OPT_EOL) {
            return -1;
        }
        if (kind == OPT_NOP) {
            return optionAt(option + 1);
        }
        int len = u8(option + 1);
        return len < 2 ? -1 : optionAt(option + len);
    }

    private int optionAt(int rel) {
        int end = Math.min(headerLength(), regionLength());
        return rel < end ? rel : -1;
    }

    /** The kind of the option at {@code option}. */
    public int optionKind(int option) {
        return u8(option);
    }

    /** The length byte of the option at {@code option} (1 for EOL and NOP). */
    public int optionLength(int option) {
        int kind = u8(option);
        return kind <= OPT_NOP ? 1 : u8(option + 1);
    }

    /** The relative offset of the first option of {@code kind}, or -1. */
    public int findOption(int kind) {
        for (int o = firstOption(); o >= 0; o = nextOption(o)) {
            if (optionKind(o) == kind) {
                return o;
            }
        }
        return -1;
    }

    /** The MSS option's value, or -1 when absent. */
    public int mss() {
        int o = findOption(OPT_MSS);
        return o >= 0 && optionLength(o) == 4 && has(o, 4) ? u16(o + 2) : -1;
    }

    /** The window scale option's shift count, or -1 when absent. */
    public int windowScale() {
        int o = findOption(OPT_WINDOW_SCALE);
        return o >= 0 && optionLength(o) == 3 && has(o, 3) ? u8(o + 2) : -1;
    }

    /** Whether the SACK-permitted option is present. */
    public boolean sackPermitted() {
        return findOption(OPT_SACK_PERMITTED) >= 0;
    }

    /** The timestamp option's TSval, or -1 when absent. */
    public long timestampValue() {
        int o = findOption(OPT_TIMESTAMP);
        return o >= 0 && optionLength(o) == 10 && has(o, 10) ? u32(o + 2) : -1;
    }

    /** The timestamp option's TSecr, or -1 when absent. */
    public long timestampEchoReply() {
        int o = findOption(OPT_TIMESTAMP);
        return o >= 0 && optionLength(o) == 10 && has(o, 10) ? u32(o + 6) : -1;
    }

    /** The number of SACK blocks in the SACK option, 0 when absent. */
    public int sackBlockCount() {
        int o = findOption(OPT_SACK);
        return o < 0 ? 0 : Math.max(0, (optionLength(o) - 2) / 8);
    }

    /** The left edge of SACK block {@code i}. */
    public long sackLeftEdge(int i) {
        int o = findOption(OPT_SACK);
        return o < 0 ? 0 : u32(o + 2 + 8 * i);
    }

    /** The right edge of SACK block {@code i}. */
    public long sackRightEdge(int i) {
        int o = findOption(OPT_SACK);
        return o < 0 ? 0 : u32(o + 6 + 8 * i);
    }
}
