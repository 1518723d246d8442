package dev.trawl.pcap;

import java.util.Objects;

/**
 * How to open a capture file. Immutable.
 *
 * @param precision the timestamp precision to deliver; microseconds by default, as in libpcap and tcpdump
 */
public record OfflineOptions(TimestampPrecision precision) {
    private static final OfflineOptions DEFAULTS = new OfflineOptions(TimestampPrecision.MICRO);

    public OfflineOptions {
        Objects.requireNonNull(precision, "precision");
    }

    /** Microsecond precision. */
    public static OfflineOptions defaults() {
        return DEFAULTS;
    }

    /** The given precision. */
    public static OfflineOptions of(TimestampPrecision precision) {
        return new OfflineOptions(precision);
    }
}
