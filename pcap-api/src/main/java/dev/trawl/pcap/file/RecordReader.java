package dev.trawl.pcap.file;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.TimestampPrecision;

import java.io.IOException;

/**
 * Reads the records of one capture format from an {@link Input} into the reused {@link FilePacket}. Not
 * thread-safe.
 */
abstract class RecordReader {
    /** libpcap's {@code MAXIMUM_SNAPLEN}: the largest sane captured length for most link types. */
    static final int MAXIMUM_SNAPLEN = 262144;

    final Input in;
    final FilePacket packet = new FilePacket();
    /** Whether the caller asked for nanoseconds; with microseconds, fractions are truncated as libpcap does. */
    final boolean nanos;

    RecordReader(Input in, TimestampPrecision precision) {
        this.in = in;
        this.nanos = precision == TimestampPrecision.NANO;
    }

    /** Reads the next packet into {@link #packet}; false at a clean end of the input. */
    abstract boolean next() throws IOException;

    /** A snapshot of what is known about the file. */
    abstract CaptureInfo info();

    abstract CaptureFormat format();

    abstract LinkType linkType();

    /** The snapshot length as libpcap's {@code pcap_snapshot} reports it (adjusted when 0 or too large). */
    abstract int snaplen();

    abstract int majorVersion();

    abstract int minorVersion();

    abstract boolean isSwapped();

    final MalformedCaptureException malformed(String what, long offset) {
        return new MalformedCaptureException(in.name + ": " + what + " (at file offset " + offset + ")", offset);
    }

    /** libpcap's {@code max_snaplen_for_dlt}: the largest captured length accepted for a link type. */
    static int maxSnaplenFor(int linkType) {
        return switch (linkType) {
            case 231 -> 128 * 1024 * 1024; // DBUS
            case 279 -> 8 * 1024 * 1024; // EBHSCR
            case 249 -> 1024 * 1024; // USBPCAP
            default -> MAXIMUM_SNAPLEN;
        };
    }

    /**
     * libpcap's {@code pcap_adjust_snapshot}: 0, or more than {@code INT_MAX} (negative here), means the link
     * type's maximum. Larger stated values are kept: captured lengths are bounded by the maximum separately.
     */
    static int adjustSnapshot(int linkType, int snaplen) {
        return snaplen <= 0 ? maxSnaplenFor(linkType) : snaplen;
    }
}
