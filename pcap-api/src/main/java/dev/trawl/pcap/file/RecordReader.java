package dev.trawl.pcap.file;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.TimestampPrecision;

import java.io.IOException;
import java.nio.ByteOrder;

/**
 * Reads the records of one capture format from an {@link Input} into the reused {@link FilePacket}: packet by
 * packet for a {@link FileHandle}, record by record (every pcapng block) for a {@link CaptureCursor}, from the
 * start or from any offset. The one implementation of the formats' rules. Not thread-safe.
 */
abstract class RecordReader {
    /** libpcap's {@code MAXIMUM_SNAPLEN}: the largest sane captured length for most link types. */
    static final int MAXIMUM_SNAPLEN = 262144;

    final Input in;
    final FilePacket packet = new FilePacket();
    /** Whether the caller asked for nanoseconds; with microseconds, fractions are truncated as libpcap does. */
    final boolean nanos;

    /** The file offset of the current record or block, and its length in the file (0 before the first). */
    long recordOffset;
    long recordLength;
    /** The current pcapng block type; 0 for a pcap record. */
    int blockType;

    RecordReader(Input in, TimestampPrecision precision) {
        this.in = in;
        this.nanos = precision == TimestampPrecision.NANO;
    }

    /** Reads the next packet into {@link #packet}; false at a clean end of the input. */
    abstract boolean next() throws IOException;

    /**
     * Reads the next record or block, whatever it holds: packet fields go to {@link #packet}, descriptive
     * blocks change the reader's state as in {@link #next()}. False at a clean end of the input.
     */
    abstract boolean nextRecord() throws IOException;

    /** Whether the current record carries a packet. */
    abstract boolean isPacket();

    /** The link type of the current packet. */
    abstract int packetLinkType();

    /** The snapshot length libpcap applies to the current packet (adjusted when 0 or too large). */
    abstract int packetSnapshot();

    /**
     * Frames the record or block at {@code offset} as {@link #nextRecord()} would, reading only its header (and a
     * pcapng trailer). Never throws for bad data; never changes the reader's state, but leaves the input
     * anywhere: the caller seeks back to {@link #recordOffset} + {@link #recordLength} before reading on (done
     * lazily, a scan of many peeks keeps its window).
     *
     * @param order for pcapng, the byte order to read a block other than a section header in
     */
    abstract void peek(long offset, ByteOrder order, RecordHeader into) throws IOException;

    /** Makes the record or block at {@code offset} the next one read. */
    final void seek(long offset) throws IOException {
        in.seek(offset);
        recordOffset = offset;
        recordLength = 0;
    }

    /** A snapshot of what is known about the file. */
    abstract CaptureInfo info();

    abstract CaptureFormat format();

    abstract LinkType linkType();

    /** The snapshot length as libpcap's {@code pcap_snapshot} reports it (adjusted when 0 or too large). */
    abstract int snaplen();

    abstract int majorVersion();

    abstract int minorVersion();

    abstract boolean isSwapped();

    /** The timestamp resolution of the file, or of the current pcapng packet's interface. */
    abstract TimestampPrecision filePrecision();

    /** The byte order of the file, or of the current pcapng section. */
    abstract ByteOrder byteOrder();

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
