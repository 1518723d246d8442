package dev.trawl.pcap.spi;

/**
 * The time of a pcap (not pcapng) record as libpcap 1.10 delivers it, for a backend that reads record headers
 * itself (the built-in codec, a rebuilt record) and must agree with one that gets them from libpcap.
 *
 * <p>A record's fraction of a second should lie below one second, but a damaged or hand-made file can hold
 * any 32-bit value there. libpcap copies the field through a signed 32-bit integer when the file is in this
 * machine's byte order, and through an unsigned one when it swaps the bytes; it then scales it to the
 * precision asked for with signed 64-bit arithmetic (truncating toward zero). A fraction out of range is then
 * carried into the seconds, which keeps the instant that libpcap's {@code timeval} denotes: a fraction of
 * 1,000,000 microseconds is the next second, one of -1 the microsecond before.
 *
 * <p>The seconds field is read as the unsigned 32-bit number the format defines (times up to 2106), as tshark
 * reads it; libpcap 1.10 sign-extends it in a file of this machine's byte order, so that times after January
 * 2038 read as 1901 to 1969 there.
 *
 * <p>Stateless and thread-safe.
 */
public final class PcapRecordTime {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private PcapRecordTime() {
    }

    /**
     * The fraction libpcap delivers ({@code tv_usec}) for a record's fraction field, in nanoseconds: a
     * multiple of 1000 when microseconds are asked for. It may lie outside 0 to 999,999,999.
     *
     * @param field the record's fraction field, as read in the file's byte order
     * @param swapped whether the file's byte order differs from this machine's
     * @param fileNanos whether the file holds nanoseconds (else microseconds)
     * @param wantNanos whether nanoseconds are asked for (else microseconds)
     */
    public static long fractionNanos(int field, boolean swapped, boolean fileNanos, boolean wantNanos) {
        long value = swapped ? field & 0xFFFF_FFFFL : field;
        if (!fileNanos) {
            return value * 1000;
        }
        return wantNanos ? value : value / 1000 * 1000;
    }

    /** The seconds of a record once an out-of-range {@code fractionNanos} is carried into them. */
    public static long seconds(long secondsField, long fractionNanos) {
        return fractionNanos >= 0 && fractionNanos < NANOS_PER_SECOND ? secondsField
                : secondsField + Math.floorDiv(fractionNanos, NANOS_PER_SECOND);
    }

    /** The nanoseconds within the second of a record once an out-of-range {@code fractionNanos} is carried. */
    public static int nanos(long fractionNanos) {
        return (int) (fractionNanos >= 0 && fractionNanos < NANOS_PER_SECOND ? fractionNanos
                : Math.floorMod(fractionNanos, NANOS_PER_SECOND));
    }
}
