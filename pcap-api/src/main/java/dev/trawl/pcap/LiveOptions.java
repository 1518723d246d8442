package dev.trawl.pcap;

import java.time.Duration;
import java.util.Objects;

/**
 * How to open a live capture. Immutable; build with {@link #builder()}. The defaults are tcpdump's: a
 * snapshot length of 262144 bytes, promiscuous mode, a 1-second timeout, libpcap's default buffer size,
 * microsecond timestamps from the default source, both directions, no fanout group.
 *
 * @param snaplen the most bytes to capture of each packet
 * @param promiscuous whether to put the device in promiscuous mode
 * @param timeout how long a read waits to fill a buffer before delivering what it has; zero waits forever
 * @param immediate whether to deliver each packet as soon as it arrives (overrides the timeout's batching)
 * @param bufferSize the kernel buffer size in bytes, or 0 for libpcap's default
 * @param timestampType the timestamp source, or {@code null} for the default
 * @param precision the timestamp precision
 * @param monitor whether to put a wireless device in monitor mode
 * @param direction which direction of traffic to capture
 * @param fanout the fanout group to join, or {@code null} to receive all of the device's traffic; needs
 *     {@link Capability#FANOUT}
 */
public record LiveOptions(int snaplen, boolean promiscuous, Duration timeout, boolean immediate, int bufferSize,
        TimestampType timestampType, TimestampPrecision precision, boolean monitor, Direction direction,
        Fanout fanout) {
    /** tcpdump's default snapshot length. */
    public static final int DEFAULT_SNAPLEN = 262_144;

    private static final LiveOptions DEFAULTS = builder().build();

    public LiveOptions {
        if (snaplen <= 0) {
            throw new IllegalArgumentException("snaplen must be positive: " + snaplen);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeout out of range: " + timeout);
        }
        if (bufferSize < 0) {
            throw new IllegalArgumentException("bufferSize must not be negative: " + bufferSize);
        }
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(direction, "direction");
    }

    /** Options without a fanout group. */
    public LiveOptions(int snaplen, boolean promiscuous, Duration timeout, boolean immediate, int bufferSize,
            TimestampType timestampType, TimestampPrecision precision, boolean monitor, Direction direction) {
        this(snaplen, promiscuous, timeout, immediate, bufferSize, timestampType, precision, monitor, direction, null);
    }

    /** tcpdump's defaults. */
    public static LiveOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder().snaplen(snaplen).promiscuous(promiscuous).timeout(timeout).immediate(immediate)
                .bufferSize(bufferSize).timestampType(timestampType).precision(precision).monitor(monitor)
                .direction(direction).fanout(fanout);
    }

    /** Builds {@link LiveOptions}; arguments are checked by {@link #build()}. */
    public static final class Builder {
        private int snaplen = DEFAULT_SNAPLEN;
        private boolean promiscuous = true;
        private Duration timeout = Duration.ofSeconds(1);
        private boolean immediate;
        private int bufferSize;
        private TimestampType timestampType;
        private TimestampPrecision precision = TimestampPrecision.MICRO;
        private boolean monitor;
        private Direction direction = Direction.INOUT;
        private Fanout fanout;

        private Builder() {
        }

        public Builder snaplen(int snaplen) {
            this.snaplen = snaplen;
            return this;
        }

        public Builder promiscuous(boolean promiscuous) {
            this.promiscuous = promiscuous;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder immediate(boolean immediate) {
            this.immediate = immediate;
            return this;
        }

        public Builder bufferSize(int bufferSize) {
            this.bufferSize = bufferSize;
            return this;
        }

        public Builder timestampType(TimestampType timestampType) {
            this.timestampType = timestampType;
            return this;
        }

        public Builder precision(TimestampPrecision precision) {
            this.precision = precision;
            return this;
        }

        public Builder monitor(boolean monitor) {
            this.monitor = monitor;
            return this;
        }

        public Builder direction(Direction direction) {
            this.direction = direction;
            return this;
        }

        /** Joins a fanout group, or leaves none with {@code null}. */
        public Builder fanout(Fanout fanout) {
            this.fanout = fanout;
            return this;
        }

        /** @throws IllegalArgumentException if an option is out of range */
        public LiveOptions build() {
            return new LiveOptions(snaplen, promiscuous, timeout, immediate, bufferSize, timestampType, precision,
                    monitor, direction, fanout);
        }
    }
}
