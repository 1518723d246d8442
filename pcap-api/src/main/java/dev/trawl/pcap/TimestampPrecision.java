package dev.trawl.pcap;

/**
 * The resolution of the timestamps a handle delivers, as libpcap's {@code PCAP_TSTAMP_PRECISION_*}.
 * Timestamps are always exposed in nanoseconds; with {@link #MICRO} the nanosecond part is a multiple of
 * 1000.
 */
public enum TimestampPrecision {
    /** Microseconds, libpcap's and tcpdump's default. */
    MICRO(0, 1_000),
    /** Nanoseconds. */
    NANO(1, 1);

    private final int code;
    private final int nanosPerUnit;

    TimestampPrecision(int code, int nanosPerUnit) {
        this.code = code;
        this.nanosPerUnit = nanosPerUnit;
    }

    /** libpcap's {@code PCAP_TSTAMP_PRECISION_} code. */
    public int code() {
        return code;
    }

    /** Nanoseconds in one unit of this precision (1000 or 1). */
    public int nanosPerUnit() {
        return nanosPerUnit;
    }

    /** Returns the precision for a libpcap code. */
    public static TimestampPrecision ofCode(int code) {
        return switch (code) {
            case 0 -> MICRO;
            case 1 -> NANO;
            default -> throw new IllegalArgumentException("unknown timestamp precision code " + code);
        };
    }
}
