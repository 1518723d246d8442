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
     * Checks one record given by its parts.
     *
     * @param timestampNanos the fraction of the second, in nanoseconds
     * @param originalLength the length on the wire, read as unsigned (as the file's 32-bit field is)
     * @param capturedLength the number of bytes given
     * @throws IllegalArgumentException if the fraction is not below one second, or fewer bytes were on the
     *     wire than are given
     */
    public static void record(int timestampNanos, int originalLength, int capturedLength) {
        if (timestampNanos < 0 || timestampNanos > 999_999_999) {
            throw new IllegalArgumentException("timestampNanos out of range: " + timestampNanos);
        }
        if (Integer.compareUnsigned(originalLength, capturedLength) < 0) {
            throw new IllegalArgumentException("originalLength " + Integer.toUnsignedString(originalLength)
                    + " is less than the captured length " + capturedLength);
        }
    }
}
