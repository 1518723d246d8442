package dev.trawl.pcap.spi;

import dev.trawl.pcap.Capability;
import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.DumpOptions;
import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.UnsupportedCapabilityException;

import java.util.Objects;

/**
 * The checks every {@link Dumper} makes of its arguments, in one wording: when it is opened, and for each
 * record written with {@link Dumper#write(long, int, int, java.nio.ByteBuffer)}. Misuse is unchecked
 * ({@link IllegalArgumentException}, {@link NullPointerException}); what a backend cannot do is an
 * {@link UnsupportedCapabilityException} naming it.
 *
 * <p>Stateless and thread-safe.
 */
public final class DumperChecks {
    private DumperChecks() {
    }

    /**
     * Checks the arguments of {@code openDumper}, for any backend.
     *
     * @param toStream whether the dumper writes to an {@link java.io.OutputStream} rather than a file
     * @throws IllegalArgumentException if {@code options} asks to append to a stream
     */
    public static void open(LinkType linkType, DumpOptions options, boolean toStream) {
        Objects.requireNonNull(linkType, "linkType");
        Objects.requireNonNull(options, "options");
        if (options.append() && toStream) {
            throw new IllegalArgumentException("appending needs a file, not a stream");
        }
    }

    /**
     * Checks the arguments of {@code openDumper} for a backend that writes through libpcap's
     * {@code pcap_dump}: besides {@link #open}, a positive snapshot length (the dead handle's), pcap only
     * (libpcap 1.10 writes no pcapng), and appending only where libpcap has {@code pcap_dump_open_append}.
     *
     * @param backend the backend's name, for {@link UnsupportedCapabilityException}
     * @param canAppend whether this libpcap has {@code pcap_dump_open_append}
     */
    public static void openLibpcap(String backend, LinkType linkType, int snaplen, DumpOptions options,
            boolean toStream, boolean canAppend) {
        open(linkType, options, toStream);
        if (snaplen <= 0) {
            throw new IllegalArgumentException("snaplen must be positive: " + snaplen);
        }
        if (options.format() != CaptureFormat.PCAP) {
            throw new UnsupportedCapabilityException(backend, Capability.DUMP_PCAPNG,
                    "libpcap writes only pcap files");
        }
        if (options.append() && !canAppend) {
            throw new UnsupportedCapabilityException(backend, Capability.DUMP_APPEND,
                    "this libpcap has no pcap_dump_open_append");
        }
    }

    /**
     * Checks the timestamp of a record.
     *
     * @param timestampNanos the fraction of the second, in nanoseconds
     * @throws IllegalArgumentException if it is not below one second
     */
    public static void timestamp(int timestampNanos) {
        if (timestampNanos < 0 || timestampNanos > 999_999_999) {
            throw new IllegalArgumentException("timestampNanos out of range: " + timestampNanos);
        }
    }

    /**
     * Checks one record given by its parts, as {@link Dumper#write(long, int, int, java.nio.ByteBuffer)} takes
     * them. {@link Dumper#write(dev.trawl.pcap.Packet)} checks only the timestamp: a packet read from a damaged
     * file is written with the lengths it states, even a wire length below its captured length.
     *
     * @param timestampNanos the fraction of the second, in nanoseconds
     * @param originalLength the length on the wire, read as unsigned (as the file's 32-bit field is)
     * @param capturedLength the number of bytes given
     * @throws IllegalArgumentException if the fraction is not below one second, or fewer bytes were on the
     *     wire than are given
     */
    public static void record(int timestampNanos, int originalLength, int capturedLength) {
        timestamp(timestampNanos);
        if (Integer.compareUnsigned(originalLength, capturedLength) < 0) {
            throw new IllegalArgumentException("originalLength " + Integer.toUnsignedString(originalLength)
                    + " is less than the captured length " + capturedLength);
        }
    }

    /**
     * Checks the timestamp of a record for a pcap file, whose seconds field holds 0 to 2^32 - 1 (1970 to 2106):
     * a time outside it is refused rather than written as another.
     *
     * @throws IllegalArgumentException if the seconds do not fit the field, or the fraction is not below one
     *     second
     */
    public static void pcapTimestamp(long timestampSeconds, int timestampNanos) {
        if (timestampSeconds < 0 || timestampSeconds > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a pcap file holds times from 1970 to 2106 only, not the timestamp "
                    + "seconds " + timestampSeconds + " (pcapng holds more)");
        }
        timestamp(timestampNanos);
    }

    /** {@link #record}, with the seconds checked as {@link #pcapTimestamp} checks them. */
    public static void pcapRecord(long timestampSeconds, int timestampNanos, int originalLength,
            int capturedLength) {
        pcapTimestamp(timestampSeconds, timestampNanos);
        record(timestampNanos, originalLength, capturedLength);
    }
}
