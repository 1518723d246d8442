package dev.trawl.pcap;

import java.util.Objects;

/**
 * How a {@link Dumper} writes: the format, whether it appends, and the timestamp precision of a pcap file.
 * Immutable; build with {@link #builder()}.
 *
 * @param format pcap (the default) or pcapng
 * @param append whether to append to an existing file whose header matches, instead of truncating it
 * @param precision the pcap timestamp precision, or {@code null} for the precision of the handle
 */
public record DumpOptions(CaptureFormat format, boolean append, TimestampPrecision precision) {
    private static final DumpOptions DEFAULTS = new DumpOptions(CaptureFormat.PCAP, false, null);

    public DumpOptions {
        Objects.requireNonNull(format, "format");
    }

    /** pcap, no append, the handle's precision. */
    public static DumpOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DumpOptions}. */
    public static final class Builder {
        private CaptureFormat format = CaptureFormat.PCAP;
        private boolean append;
        private TimestampPrecision precision;

        private Builder() {
        }

        public Builder format(CaptureFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        public Builder append(boolean append) {
            this.append = append;
            return this;
        }

        public Builder precision(TimestampPrecision precision) {
            this.precision = precision;
            return this;
        }

        public DumpOptions build() {
            return new DumpOptions(format, append, precision);
        }
    }
}
