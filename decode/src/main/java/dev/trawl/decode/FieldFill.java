package dev.trawl.decode;

/**
 * Code generated for the fixed fields of one {@link Projection} ({@link FieldFillCompiler}): it copies each field's
 * occurrences out of the headers its {@link Projector} found into the row's slots, with every header, offset,
 * width, mask and slot a constant of the code, so that a packet read from its bytes costs a few loads and stores
 * per field. Stateless and thread-safe: one instance serves every projector of its projection.
 */
abstract class FieldFill {
    /**
     * The slots each field has in {@link ProjectedRow}: two occurrences (a pair such as {@code tcp.port}) of each of
     * two headers (the packet's and a tunnelled frame's).
     */
    static final int SLOTS = 4;

    /**
     * Fills the occurrences of the fixed fields of the packet {@code b}, whose headers of each kind
     * ({@link FixedField#ETH}...) start at {@code outer[h]} and {@code inner[h]} (or -1): their values (integers,
     * or the index of bytes in {@code b}) into {@code values} from slot {@code SLOTS * f}, and their number into
     * {@code counts[f]}. The frame fields come from {@code row}.
     */
    abstract void fill(ProjectedRow row, byte[] b, int[] outer, int[] inner, long[] values, int[] counts);

    /**
     * Fills the occurrences of the fixed fields of a packet {@code b} with one header of each kind at most (no
     * tunnel), given where each starts (or -1), as {@link #fill} would from {@code outer} and no {@code inner}:
     * the common packet's path, with nothing noted in arrays on the way.
     */
    abstract void fillFrame(ProjectedRow row, byte[] b, int eth, int ip, int ipv6, int tcp, int udp, int dns,
            long[] values, int[] counts);

    /**
     * The first occurrence of field {@code f} as {@link ProjectedRow#longOr} gives it, or {@code absent}, read from
     * the bytes {@code b} of a packet not filled yet: its first headers of each kind start where the row's pending
     * header fields ({@code ethAt}...) say.
     */
    abstract long firstOr(ProjectedRow row, byte[] b, int f, long absent);

    /*
     * The reads of the generated first reads, which stay small enough for the JVM's compiler to inline where a
     * field is read seldom (under MaxInlineSize): the unsigned big-endian integer of 1 to 4 bytes at b[at], or of 5 to
     * 8 bytes.
     */

    static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    static int u24(byte[] b, int at) {
        return (b[at] & 0xFF) << 16 | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF);
    }

    static long u32(byte[] b, int at) {
        return (long) (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    static long bigEndian(byte[] b, int at, int size) {
        long v = 0;
        for (int p = at; p < at + size; p++) {
            v = v << 8 | (b[p] & 0xFF);
        }
        return v;
    }

    /** {@code frame.len} as its extractor reports an original length (unsigned in the capture file). */
    static long frameLength(int originalLength) {
        return Math.min(Integer.toUnsignedLong(originalLength), Integer.MAX_VALUE);
    }

    /** {@code frame.cap_len} as its extractor reports a captured length. */
    static long capturedLength(int capturedLength) {
        return Integer.toUnsignedLong(capturedLength);
    }
}
