package dev.trawl.pcap.file;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.spi.PcapRecordTime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Reads classic pcap files, as libpcap's {@code sf-pcap.c} does: both byte orders, the microsecond,
 * nanosecond and Kuznetzov magics, the swapped length fields of versions before 2.3 (and of 2.3 when they look
 * swapped), and the same checks on captured lengths.
 *
 * <pre>
 * file header (24 bytes)                     record header (16 bytes, 24 for Kuznetzov)
 * +--------------------------------+         +--------------------------------+
 * | magic a1b2c3d4 / a1b23c4d      |         | ts seconds (unsigned)          |
 * | major (2) | minor (2)          |         | ts micro- or nanoseconds       |
 * | thiszone (4)                   |         | captured length                |
 * | sigfigs (4)                    |         | original length                |
 * | snaplen (4)                    |         +--------------------------------+
 * | FCS | reserved | link type     |         | data (captured length bytes)   |
 * +--------------------------------+
 * </pre>
 */
final class PcapReader extends RecordReader {
    static final int MAGIC_MICRO = 0xa1b2c3d4;
    static final int MAGIC_NANO = 0xa1b23c4d;
    static final int MAGIC_KUZNETZOV = 0xa1b2cd34;
    static final int HEADER_LENGTH = 24;
    /** Bits of the link-type word that hold the link type ({@code LT_LINKTYPE}). */
    static final int LINKTYPE_MASK = 0x03FFFFFF;

    private static final int NOT_SWAPPED = 0, SWAPPED = 1, MAYBE_SWAPPED = 2;

    private final ByteOrder order;
    private final int major;
    private final int minor;
    private final int rawLinkType;
    private final LinkType linkType;
    private final int fileSnaplen;
    private final int snapshot;
    private final int maxCaplen;
    private final int recordHeader;
    private final boolean fileNanos;
    private final boolean swapped;
    private final int lengthsSwapped;

    private PcapReader(Input in, TimestampPrecision precision, ByteOrder order, int magic) {
        super(in, precision);
        this.order = order;
        ByteBuffer b = in.buf.order(order);
        int p = in.pos;
        int majorField = b.getShort(p + 4) & 0xFFFF;
        int minorField = b.getShort(p + 6) & 0xFFFF;
        this.major = majorField;
        this.minor = minorField;
        this.fileSnaplen = b.getInt(p + 16);
        this.rawLinkType = b.getInt(p + 20);
        int type = rawLinkType & LINKTYPE_MASK;
        this.linkType = LinkType.valueOf(type);
        int snap = adjustSnapshot(type, fileSnaplen);
        this.recordHeader = magic == MAGIC_KUZNETZOV ? 24 : 16;
        if (magic == MAGIC_KUZNETZOV && type == 1) {
            snap = snap <= Integer.MAX_VALUE - 14 ? snap + 14 : Integer.MAX_VALUE; // as libpcap: cooked-mode slack
        }
        this.snapshot = snap;
        this.maxCaplen = maxSnaplenFor(type);
        this.fileNanos = magic == MAGIC_NANO;
        this.swapped = order != ByteOrder.nativeOrder();
        if (major == 2) {
            lengthsSwapped = minor < 3 ? SWAPPED : minor == 3 ? MAYBE_SWAPPED : NOT_SWAPPED;
        } else {
            lengthsSwapped = major == 543 ? SWAPPED : NOT_SWAPPED;
        }
        in.pos = p + HEADER_LENGTH;
        recordOffset = in.offset(in.pos); // the first record is next
    }

    /**
     * Reads the file header at the input's position; the caller has checked the magic with {@link #magicOrder}.
     *
     * @throws MalformedCaptureException for a truncated header or an unsupported version
     */
    static PcapReader open(Input in, TimestampPrecision precision) throws IOException {
        ByteOrder order = magicOrder(in.buf, in.pos);
        if (!in.ensure(HEADER_LENGTH)) {
            throw new MalformedCaptureException(in.name + ": truncated pcap file header: " + in.available()
                    + " of " + HEADER_LENGTH + " bytes (at file offset 0)", 0);
        }
        int magic = in.buf.order(order).getInt(in.pos);
        int major = in.buf.getShort(in.pos + 4) & 0xFFFF;
        int minor = in.buf.getShort(in.pos + 6) & 0xFFFF;
        if (major < 2) {
            throw new MalformedCaptureException(in.name + ": archaic pcap savefile format (version " + major + "."
                    + minor + ") (at file offset 4)", 4);
        }
        if (!((major == 2 && minor <= 4) || (major == 543 && minor == 0))) {
            throw new MalformedCaptureException(in.name + ": unsupported pcap savefile version " + major + "."
                    + minor + " (at file offset 4)", 4);
        }
        return new PcapReader(in, precision, order, magic);
    }

    /** The byte order a pcap magic at {@code index} announces, or {@code null} if it is not a pcap magic. */
    static ByteOrder magicOrder(ByteBuffer b, int index) {
        int big = b.order(ByteOrder.BIG_ENDIAN).getInt(index);
        if (isMagic(big)) {
            return ByteOrder.BIG_ENDIAN;
        }
        return isMagic(Integer.reverseBytes(big)) ? ByteOrder.LITTLE_ENDIAN : null;
    }

    private static boolean isMagic(int value) {
        return value == MAGIC_MICRO || value == MAGIC_NANO || value == MAGIC_KUZNETZOV;
    }

    @Override
    boolean next() throws IOException {
        // Kept small enough for the JIT to inline into callers' loops: rare paths live in their own methods.
        final Input in = this.in;
        final int header = recordHeader;
        int p = in.pos;
        recordOffset = in.base + p;
        if (in.end - p < header) {
            if (!in.ensure(header)) {
                return endOrTruncatedHeader(header);
            }
            p = in.pos;
        }
        ByteBuffer b = in.buf;
        long seconds = b.getInt(p) & 0xFFFFFFFFL;
        int fraction = b.getInt(p + 4);
        int caplen = b.getInt(p + 8);
        int len = b.getInt(p + 12);
        if (lengthsSwapped != NOT_SWAPPED && swaps(caplen, len)) {
            int t = caplen;
            caplen = len;
            len = t;
        }
        int keep = Integer.compareUnsigned(caplen, snapshot) > 0 ? checkOversized(caplen, p) : caplen;
        int need = header + caplen;
        if (in.end - p < need) {
            if (!in.ensure(need)) {
                throw truncatedBody(header, caplen);
            }
            p = in.pos;
        }
        FilePacket packet = this.packet;
        ByteBuffer view = in.view;
        view.limit(p + header + keep).position(p + header);
        packet.bytes(view, keep, len);
        in.pos = p + need;
        recordLength = need;
        time(packet, seconds, fraction);
        return true;
    }

    /** Whether a record's two length fields are stored the other way round (files before version 2.3). */
    private boolean swaps(int caplen, int len) {
        return lengthsSwapped == SWAPPED || (lengthsSwapped == MAYBE_SWAPPED && Integer.compareUnsigned(caplen, len) > 0);
    }

    @Override
    boolean nextRecord() throws IOException {
        return next();
    }

    @Override
    boolean isPacket() {
        return true;
    }

    @Override
    int packetLinkType() {
        return rawLinkType & LINKTYPE_MASK;
    }

    @Override
    int packetSnapshot() {
        return snapshot;
    }

    @Override
    void peek(long offset, ByteOrder ignored, RecordHeader h) throws IOException {
        h.offset = offset;
        h.blockType = 0;
        h.timestamp = 0;
        h.interfaceId = 0;
        h.seconds = h.fraction = h.length = 0;
        h.capturedLength = h.originalLength = 0;
        h.fractionInRange = false;
        in.seek(offset);
        int header = recordHeader;
        if (!in.ensure(header)) {
            h.status = in.available() == 0 ? CaptureCursor.END : CaptureCursor.TRUNCATED;
            return;
        }
        ByteBuffer b = in.buf;
        int p = in.pos;
        int stated = b.getInt(p + 8);
        int wire = b.getInt(p + 12);
        boolean swap = lengthsSwapped != NOT_SWAPPED && swaps(stated, wire);
        int caplen = swap ? wire : stated;
        int len = swap ? stated : wire;
        h.seconds = b.getInt(p) & 0xFFFFFFFFL;
        h.fraction = b.getInt(p + 4) & 0xFFFFFFFFL;
        h.fractionInRange = h.fraction < (fileNanos ? 1_000_000_000L : 1_000_000L);
        h.capturedLength = caplen;
        h.originalLength = len;
        h.length = header + (caplen & 0xFFFFFFFFL);
        if (Integer.compareUnsigned(caplen, maxCaplen) > 0 && Integer.compareUnsigned(caplen, snapshot) > 0) {
            h.status = CaptureCursor.MALFORMED; // what checkOversized refuses
        } else if (in.length() >= 0 ? offset + h.length > in.length()
                : h.length > Integer.MAX_VALUE || !in.ensure((int) h.length)) {
            h.status = CaptureCursor.TRUNCATED;
        } else {
            h.status = CaptureCursor.RECORD;
        }
    }

    /** Sets the timestamp as libpcap delivers it, an out-of-range fraction carried (see {@link PcapRecordTime}). */
    private void time(FilePacket packet, long seconds, int fraction) {
        long ns = PcapRecordTime.fractionNanos(fraction, swapped, fileNanos, nanos);
        packet.time(PcapRecordTime.seconds(seconds, ns), PcapRecordTime.nanos(ns));
    }

    /** At the end of the input: false when no byte of a further record exists, else a truncation error. */
    private boolean endOrTruncatedHeader(int header) throws MalformedCaptureException {
        recordLength = 0;
        if (in.available() == 0) {
            return false;
        }
        throw malformed("truncated dump file; tried to read " + header + " header bytes, only got "
                + in.available(), in.offset(in.pos));
    }

    private MalformedCaptureException truncatedBody(int header, int caplen) {
        recordLength = 0;
        return malformed("truncated dump file; tried to read " + caplen + " captured bytes, only got "
                + Math.max(0, in.available() - header), in.offset(in.pos));
    }

    /** A captured length above the snapshot: an error beyond the link type's maximum, else cut to the snapshot. */
    private int checkOversized(int caplen, int p) throws MalformedCaptureException {
        if (Integer.compareUnsigned(caplen, maxCaplen) > 0) {
            recordLength = 0;
            throw malformed("invalid packet capture length " + Integer.toUnsignedString(caplen)
                    + ", bigger than snaplen of " + snapshot + " and the maximum of " + maxCaplen,
                    in.offset(p) + 8);
        }
        return snapshot; // libpcap keeps the first snapshot bytes and skips the rest
    }

    @Override
    CaptureInfo info() {
        return new CaptureInfo(CaptureFormat.PCAP, major, minor, order, rawLinkType, linkType, fileSnaplen,
                fileNanos ? TimestampPrecision.NANO : TimestampPrecision.MICRO, List.of());
    }

    @Override
    CaptureFormat format() {
        return CaptureFormat.PCAP;
    }

    @Override
    LinkType linkType() {
        return linkType;
    }

    @Override
    int snaplen() {
        return snapshot;
    }

    @Override
    int majorVersion() {
        return major;
    }

    @Override
    int minorVersion() {
        return minor;
    }

    @Override
    boolean isSwapped() {
        return order != ByteOrder.nativeOrder();
    }

    @Override
    ByteOrder byteOrder() {
        return order;
    }

    @Override
    TimestampPrecision filePrecision() {
        return fileNanos ? TimestampPrecision.NANO : TimestampPrecision.MICRO;
    }

    /** 16 bytes, or 24 for the Kuznetzov format. */
    int recordHeaderLength() {
        return recordHeader;
    }
}
