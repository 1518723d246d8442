package dev.trawl.pcap.file;

/**
 * The reader's state for one pcapng interface: its link type, snapshot and timestamp conversion, precomputed
 * so that converting a 64-bit timestamp costs one division by a constant in the common cases.
 *
 * <p>Every resolution down to the nanosecond converts exactly; finer ones (10^-10 and beyond, 2^-30 and
 * beyond) are truncated toward zero, as libpcap truncates when it scales down.
 */
final class Interface {
    static final int MICRO = 0, NANO = 1, DECIMAL = 2, BINARY = 3;

    final int linkType;
    final int snapshot;
    final int kind;
    /** The exponent of the resolution: 10^-exponent or 2^-exponent seconds. */
    final int exponent;
    /** Units per second for {@link #DECIMAL} (unsigned). */
    final long units;
    final long tsOffset;
    final InterfaceInfo info;

    Interface(int linkType, int snapshot, int tsresol, long tsOffset, InterfaceInfo info) {
        this.linkType = linkType;
        this.snapshot = snapshot;
        this.tsOffset = tsOffset;
        this.info = info;
        if ((tsresol & 0x80) != 0) {
            kind = BINARY;
            exponent = tsresol & 0x7F;
            units = 0;
        } else {
            exponent = tsresol;
            units = pow10(exponent);
            kind = exponent == 6 ? MICRO : exponent == 9 ? NANO : DECIMAL;
        }
    }

    /** Whether a raw {@code if_tsresol} byte is one this reader converts (10^-0..10^-19, 2^-0..2^-63). */
    static boolean supported(int tsresol) {
        return (tsresol & 0x80) != 0 ? (tsresol & 0x7F) <= 63 : tsresol <= 19;
    }

    private static long pow10(int n) {
        long v = 1;
        for (int i = 0; i < n; i++) {
            v *= 10; // 10^19 wraps to the unsigned value the divisions below expect
        }
        return v;
    }

    /** Converts a timestamp and stores it in the packet; {@code wantNanos} false truncates to microseconds. */
    void convert(long t, FilePacket packet, boolean wantNanos) {
        long seconds;
        long fraction;
        if (kind == MICRO && t >= 0) {
            seconds = t / 1_000_000L;
            fraction = (t - seconds * 1_000_000L) * 1000L;
        } else if (kind == NANO && t >= 0) {
            seconds = t / 1_000_000_000L;
            fraction = t - seconds * 1_000_000_000L;
        } else {
            convertOther(t, packet, wantNanos);
            return;
        }
        int ns = (int) fraction;
        packet.time(seconds + tsOffset, wantNanos ? ns : ns - ns % 1000);
    }

    /** Binary resolutions, other decimal ones, and timestamps beyond 2^63 units. */
    private void convertOther(long t, FilePacket packet, boolean wantNanos) {
        long seconds;
        long fraction;
        if (kind == BINARY) {
            int n = exponent;
            if (n == 0) {
                seconds = t;
                fraction = 0;
            } else {
                seconds = t >>> n;
                long units = t & ((1L << n) - 1);
                // units * 10^9 / 2^n, with a 128-bit product: units < 2^63, so multiplyHigh is exact.
                long high = Math.multiplyHigh(units, 1_000_000_000L);
                long low = units * 1_000_000_000L;
                fraction = (high << (64 - n)) | (low >>> n);
            }
        } else {
            seconds = Long.divideUnsigned(t, units);
            long rest = t - seconds * units;
            if (exponent <= 9) {
                fraction = rest * pow10(9 - exponent);
            } else {
                fraction = Long.divideUnsigned(rest, pow10(exponent - 9));
            }
        }
        int ns = (int) fraction;
        packet.time(seconds + tsOffset, wantNanos ? ns : ns - ns % 1000);
    }
}
