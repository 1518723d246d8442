package dev.trawl.pcap.file;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.TimestampPrecision;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads pcapng files: every section with its own byte order, Enhanced, Simple and obsolete Packet Blocks,
 * and the descriptive blocks (see {@link PcapngMetadata}); custom and unknown blocks are skipped. Block
 * framing is checked as libpcap's {@code sf-pcapng.c} checks it.
 *
 * <pre>
 * every block                               Enhanced Packet Block body
 * +-------------------------------+         +-------------------------------+
 * | block type                    |         | interface id                  |
 * | block total length            |         | timestamp high | low          |
 * | body (length - 12 bytes)      |         | captured len | original len   |
 * | block total length (again)    |         | data, padded to 4 | options   |
 * +-------------------------------+         +-------------------------------+
 * </pre>
 *
 * <p>Unlike libpcap, interfaces may differ in link type and snapshot length: {@link #linkType()} is the first
 * interface's and each packet carries its interface id.
 */
final class PcapngReader extends RecordReader {
    static final int SHB = 0x0A0D0D0A, IDB = 1, PB = 2, SPB = 3, NRB = 4, ISB = 5, EPB = 6, DSB = 10;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    /** libpcap's {@code INITIAL_MAX_BLOCKSIZE}; raised for link types with larger maximum snapshots. */
    static final int INITIAL_MAX_BLOCK = 16 * 1024 * 1024;
    private static final int EPB_FLAGS = 2;
    /** The most interfaces a section may describe: far beyond any capture, and a bound on memory. */
    static final int MAX_INTERFACES = 1 << 16;

    private final PcapngMetadata metadata = new PcapngMetadata(this);
    private final Options options = new Options();
    /** Whether descriptive blocks are kept for {@link #info()} (a handle), or only parsed as reading needs (a cursor). */
    private final boolean retain;
    private final List<Section> sections = new ArrayList<>();
    private Section section;
    private Interface[] interfaces = new Interface[4];
    private int interfaceCount;
    private Interface first;
    private int maxBlock = INITIAL_MAX_BLOCK;
    /** Where the current block starts in the buffer, and its total length. */
    private int blockStart;
    private int blockLength;
    /** The interface of the current packet. */
    private Interface current;
    /** What {@link #info()} last returned, until a descriptive block changes it; null to build anew. */
    private CaptureInfo info;
    /** The current section's version. */
    int sectionMajor;
    int sectionMinor;

    private PcapngReader(Input in, TimestampPrecision precision, boolean retain) {
        super(in, precision);
        this.retain = retain;
    }

    /** A reader for a {@link CaptureCursor}: it reads nothing yet, and keeps no descriptive blocks. */
    static PcapngReader cursor(Input in) {
        return new PcapngReader(in, TimestampPrecision.NANO, false);
    }

    /** Whether the input at its position starts a Section Header Block. */
    static boolean isPcapng(ByteBuffer b, int index) {
        return b.order(ByteOrder.BIG_ENDIAN).getInt(index) == SHB;
    }

    /**
     * Reads the first section's header and the blocks up to the first interface description, as libpcap does
     * when it opens a file.
     */
    static PcapngReader open(Input in, TimestampPrecision precision) throws IOException {
        PcapngReader reader = new PcapngReader(in, precision, true);
        for (;;) {
            if (!reader.readBlock()) {
                throw reader.malformed("the capture file has no Interface Description Blocks", in.offset(in.pos));
            }
            switch (reader.blockType) {
                case IDB -> {
                    reader.finishBlock();
                    return reader;
                }
                case EPB, SPB, PB -> throw reader.malformed(
                        "the capture file has a packet block before any Interface Description Blocks",
                        in.offset(reader.blockStart));
                default -> reader.finishBlock();
            }
        }
    }

    @Override
    boolean next() throws IOException {
        for (;;) {
            if (!nextRecord()) {
                return false;
            }
            int type = blockType;
            if (type == EPB || type == SPB || type == PB) {
                return true;
            }
        }
    }

    @Override
    boolean nextRecord() throws IOException {
        if (!readBlock()) {
            return false;
        }
        switch (blockType) {
            case EPB -> enhancedPacket();
            case SPB -> simplePacket();
            case PB -> obsoletePacket();
            default -> finishBlock();
        }
        return true;
    }

    @Override
    boolean isPacket() {
        int type = blockType;
        return type == EPB || type == SPB || type == PB;
    }

    @Override
    int packetLinkType() {
        return current == null ? 0 : current.linkType;
    }

    @Override
    int packetSnapshot() {
        return current == null ? MAXIMUM_SNAPLEN : current.snapshot;
    }

    /**
     * Reads the next block's framing and makes all of it available; handles descriptive blocks itself. Sets
     * {@link #blockType} and {@link #blockStart}, or returns false at a clean end of the input (every int is a
     * possible block type, so none can mark the end). Kept small for the JIT:
     * everything but the framing of a packet block is in other methods.
     */
    private boolean readBlock() throws IOException {
        final Input in = this.in;
        recordOffset = in.base + in.pos;
        recordLength = 0;
        if (in.end - in.pos < 12 && !in.ensure(12)) {
            endOrTruncated();
            return false;
        }
        int p = in.pos;
        ByteBuffer b = in.buf;
        int type = b.getInt(p);
        ByteOrder previous = null;
        if (type == SHB) { // the SHB type reads the same in both byte orders
            previous = b.order();
            newSection();
            p = in.pos;
            b = in.buf;
        }
        int length;
        try {
            length = frameBlock(type, p);
        } catch (MalformedCaptureException e) {
            if (previous != null) {
                in.buf.order(previous); // a section header that fails leaves the section as it was
            }
            throw e;
        }
        p = in.pos;
        b = in.buf;
        if (type == SHB) {
            applySection(b, p);
        }
        blockStart = p;
        blockLength = length;
        blockType = type;
        recordLength = length;
        if (type != EPB) {
            describe(type, b, p, length);
        }
        return true;
    }

    /** Checks the framing of the block at buffer index {@code p} and makes all of it available; returns its length. */
    private int frameBlock(int type, int p) throws IOException {
        final Input in = this.in;
        ByteBuffer b = in.buf;
        int length = b.getInt(p + 4);
        if (!lengthFits(length, maxBlock)) {
            throw badLength(length, p);
        }
        if (in.end - p < length) {
            if (!in.ensure(length)) {
                throw malformed("truncated pcapng dump file; tried to read " + length + " bytes, only got "
                        + in.available(), in.offset(in.pos));
            }
            p = in.pos;
            b = in.buf;
        }
        if (b.getInt(p + length - 4) != length && checksTrailer(type, in.offset(p))) {
            throw malformed("block total length in header and trailer don't match", in.offset(p) + length - 4);
        }
        return length;
    }

    /** Whether a block total length is one a reader accepts: a multiple of 4, from 12 up to the largest block. */
    private static boolean lengthFits(int length, int maxBlock) {
        return (length & 3) == 0 && Integer.compareUnsigned(length - 12, maxBlock - 12) <= 0;
    }

    /** libpcap does not check the trailer of the file's first section header: it reads that block apart. */
    private static boolean checksTrailer(int type, long offset) {
        return !(type == SHB && offset == 0);
    }

    /** The byte order a section header's byte-order magic (read big-endian) announces, or null if it is bad. */
    private static ByteOrder sectionOrder(int magic) {
        if (magic == BYTE_ORDER_MAGIC) {
            return ByteOrder.BIG_ENDIAN;
        }
        return Integer.reverseBytes(magic) == BYTE_ORDER_MAGIC ? ByteOrder.LITTLE_ENDIAN : null;
    }

    @Override
    void peek(long offset, ByteOrder order, RecordHeader h) throws IOException {
        ByteOrder saved = in.buf.order();
        h.offset = offset;
        h.blockType = 0;
        h.seconds = h.fraction = h.timestamp = h.length = 0;
        h.interfaceId = h.capturedLength = h.originalLength = 0;
        h.fractionInRange = false;
        try {
            h.status = frame(offset, order, h);
        } finally {
            in.buf.order(saved); // the section's, whatever buffer the input holds now
        }
    }

    /** {@link #readBlock()}'s framing checks, answered rather than thrown, with the header fields. */
    private int frame(long offset, ByteOrder order, RecordHeader h) throws IOException {
        in.seek(offset);
        if (!in.ensure(12)) {
            return in.available() == 0 ? CaptureCursor.END : CaptureCursor.TRUNCATED;
        }
        ByteBuffer b = in.buf;
        int p = in.pos;
        if (b.order(ByteOrder.BIG_ENDIAN).getInt(p) == SHB) {
            order = sectionOrder(b.getInt(p + 8));
            if (order == null) {
                return CaptureCursor.MALFORMED;
            }
        }
        b.order(order);
        int type = b.getInt(p);
        int length = b.getInt(p + 4);
        h.blockType = type;
        h.length = length & 0xFFFFFFFFL;
        if ((type == EPB || type == PB) && Integer.compareUnsigned(length, 32) >= 0 && in.ensure(28)) {
            b = in.buf.order(order);
            p = in.pos;
            h.interfaceId = type == PB ? b.getShort(p + 8) & 0xFFFF : b.getInt(p + 8);
            h.timestamp = (long) b.getInt(p + 12) << 32 | (b.getInt(p + 16) & 0xFFFFFFFFL);
            h.capturedLength = b.getInt(p + 20);
            h.originalLength = b.getInt(p + 24);
        } else if (type == SPB && Integer.compareUnsigned(length, 16) >= 0) {
            h.originalLength = b.getInt(p + 8);
        }
        if (!lengthFits(length, maxBlock) || (type == SHB && Integer.compareUnsigned(length, 28) < 0)) {
            return CaptureCursor.MALFORMED;
        }
        if (in.length() >= 0 && offset + h.length > in.length()) {
            return CaptureCursor.TRUNCATED;
        }
        in.seek(offset + length - 4); // the trailer alone: a bogus length must not pull megabytes in
        if (!in.ensure(4)) {
            return CaptureCursor.TRUNCATED;
        }
        in.buf.order(order);
        if (in.buf.getInt(in.pos) != length && checksTrailer(type, offset)) {
            return CaptureCursor.MALFORMED;
        }
        return CaptureCursor.RECORD;
    }

    /** Returns at a clean end of the input; throws if a partial block header remains. */
    private void endOrTruncated() throws MalformedCaptureException {
        int left = in.available();
        if (left == 0) {
            return;
        }
        throw malformed("truncated pcapng dump file; tried to read " + (left < 8 ? 8 : 12) + " bytes, only got "
                + left, in.offset(in.pos));
    }

    private void newSection() throws IOException {
        if (!in.ensure(24)) {
            throw malformed("truncated section header block; tried to read 24 bytes, only got "
                    + in.available(), in.offset(in.pos));
        }
        startSection(in.buf, in.pos);
    }

    private MalformedCaptureException badLength(int length, int p) {
        String value = Integer.toUnsignedString(length);
        if (Integer.compareUnsigned(length, 12) < 0) {
            return malformed("block in pcapng dump file has a length of " + value + " < 12", in.offset(p) + 4);
        }
        if ((length & 3) != 0) {
            return malformed("block in pcapng dump file has a length of " + value
                    + " that is not a multiple of 4", in.offset(p) + 4);
        }
        return malformed("pcapng block size " + value + " > maximum " + maxBlock, in.offset(p) + 4);
    }

    /** Handles the blocks other than Enhanced Packet Blocks. */
    private void describe(int type, ByteBuffer b, int p, int length) throws MalformedCaptureException {
        if (type != SPB && type != PB) {
            info = null;
        }
        if (type == SHB) {
            if (retain) {
                metadata.sectionHeader(b, p, length, section);
            }
        } else if (type == IDB) {
            Interface added = metadata.interfaceDescription(b, p, length, section);
            if (interfaceCount == MAX_INTERFACES) {
                throw malformed("more than " + MAX_INTERFACES + " interfaces in one section", in.offset(p));
            }
            if (interfaceCount == interfaces.length) {
                interfaces = Arrays.copyOf(interfaces, interfaceCount * 2);
            }
            interfaces[interfaceCount++] = added;
            if (first == null) {
                first = added;
            }
            maxBlock = Math.max(maxBlock, maxSnaplenFor(added.linkType) + 64 * 1024);
        } else if (!retain) {
            if (type == ISB && length >= 24) {
                statisticsTime(b, p);
            }
        } else if (type == ISB) {
            metadata.statistics(b, p, length, section, interfaces, interfaceCount);
        } else if (type == NRB) {
            metadata.names(b, p, length, section);
        } else if (type == DSB) {
            metadata.secrets(b, p, length, section);
        } else if (type != SPB && type != PB) {
            section.skipped++;
        }
    }

    /** A cursor's view of an Interface Statistics Block: its interface and time, as for a packet. */
    private void statisticsTime(ByteBuffer b, int p) {
        int id = b.getInt(p + 8);
        long t = (long) b.getInt(p + 12) << 32 | (b.getInt(p + 16) & 0xFFFFFFFFL);
        Interface f = id >= 0 && id < interfaceCount ? interfaces[id] : MICRO_DEFAULT;
        packet.interfaceId = id;
        f.convert(t, packet, true);
    }

    /** The conversion of a timestamp whose interface is not described: microseconds. */
    private static final Interface MICRO_DEFAULT = new Interface(0, 0, InterfaceInfo.TSRESOL_MICRO, 0, null);

    /** Reads a Section Header Block's byte order and versions, and starts a new section. */
    private void startSection(ByteBuffer b, int p) throws MalformedCaptureException {
        ByteOrder previous = b.order();
        int magic = b.order(ByteOrder.BIG_ENDIAN).getInt(p + 8);
        ByteOrder order = sectionOrder(magic);
        if (order == null) {
            b.order(previous);
            throw malformed("the file has a section with a bad byte order magic field 0x"
                    + Integer.toHexString(magic), in.offset(p) + 8);
        }
        b.order(order);
        int length = b.getInt(p + 4);
        int major = b.getShort(p + 12) & 0xFFFF;
        int minor = b.getShort(p + 14) & 0xFFFF;
        if (Integer.compareUnsigned(length, 28) < 0) {
            b.order(previous);
            throw malformed("block in pcapng dump file has a length of " + Integer.toUnsignedString(length)
                    + " < 28", in.offset(p) + 4);
        }
        if (major != 1 || (in.offset(p) == 0 && minor != 0 && minor != 2)) {
            b.order(previous);
            throw malformed("unsupported pcapng savefile version " + major + "." + minor, in.offset(p) + 12);
        }
    }

    /**
     * Starts the section whose header {@link #startSection} checked, once the whole block has been framed: a
     * section header that fails changes nothing (but the buffer's byte order, which the caller restores).
     */
    private void applySection(ByteBuffer b, int p) {
        int major = b.getShort(p + 12) & 0xFFFF;
        int minor = b.getShort(p + 14) & 0xFFFF;
        sectionMajor = major;
        sectionMinor = minor;
        if (retain) {
            section = new Section(b.order(), major, minor, b.getLong(p + 16));
            if (sections.isEmpty() || metadata.keep()) {
                sections.add(section);
            }
        }
        // Interface ids, and the block sizes their link types allow, are local to their section: a reader that
        // starts at a section header knows all it needs.
        interfaceCount = 0;
        maxBlock = INITIAL_MAX_BLOCK;
    }

    /** Steps past the current block. */
    private void finishBlock() {
        in.pos = blockStart + blockLength;
    }

    private Interface interfaceFor(long id, int at) throws MalformedCaptureException {
        if (id < 0 || id >= interfaceCount) {
            throw malformed("a packet arrived on interface " + id
                    + ", but there's no Interface Description Block for that interface", in.offset(at));
        }
        return interfaces[(int) id];
    }

    private void enhancedPacket() throws MalformedCaptureException {
        final ByteBuffer b = in.buf;
        final int p = blockStart;
        final int bodyEnd = p + blockLength - 4;
        if (blockLength < 32) {
            throw malformed("Enhanced Packet Block of " + blockLength + " bytes is shorter than 32", in.offset(p));
        }
        long id = b.getInt(p + 8) & 0xFFFFFFFFL;
        Interface f = interfaceFor(id, p + 8);
        int caplen = b.getInt(p + 20);
        int data = p + 28;
        checkCaplen(caplen, f, data, bodyEnd, p + 20);
        packet(f, (int) id, (long) b.getInt(p + 12) << 32 | (b.getInt(p + 16) & 0xFFFFFFFFL), caplen,
                b.getInt(p + 24), data);
        int optionsStart = data + ((caplen + 3) & ~3);
        if (optionsStart < bodyEnd) {
            packetOptions(b, optionsStart, bodyEnd, EPB_FLAGS);
        } else {
            packet.comment = null;
            packet.flags = -1;
        }
        in.pos = p + blockLength;
    }

    private void simplePacket() throws MalformedCaptureException {
        final ByteBuffer b = in.buf;
        final int p = blockStart;
        if (blockLength < 16) {
            throw malformed("Simple Packet Block of " + blockLength + " bytes is shorter than 16", in.offset(p));
        }
        Interface f = interfaceFor(0, p);
        int len = b.getInt(p + 8);
        int caplen = Integer.compareUnsigned(len, f.snapshot) > 0 ? f.snapshot : len;
        int data = p + 12;
        if (caplen > p + blockLength - 4 - data) {
            throw malformed("Simple Packet Block of " + blockLength + " bytes cannot hold " + caplen
                    + " captured bytes", in.offset(p + 8));
        }
        packet(f, 0, 0, caplen, len, data);
        packet.comment = null;
        packet.flags = -1;
        in.pos = p + blockLength;
    }

    private void obsoletePacket() throws MalformedCaptureException {
        final ByteBuffer b = in.buf;
        final int p = blockStart;
        final int bodyEnd = p + blockLength - 4;
        if (blockLength < 32) {
            throw malformed("Packet Block of " + blockLength + " bytes is shorter than 32", in.offset(p));
        }
        int id = b.getShort(p + 8) & 0xFFFF;
        Interface f = interfaceFor(id, p + 8);
        int caplen = b.getInt(p + 20);
        int data = p + 28;
        checkCaplen(caplen, f, data, bodyEnd, p + 20);
        packet(f, id, (long) b.getInt(p + 12) << 32 | (b.getInt(p + 16) & 0xFFFFFFFFL), caplen,
                b.getInt(p + 24), data);
        int optionsStart = data + ((caplen + 3) & ~3);
        packet.comment = null;
        packet.flags = -1;
        if (optionsStart < bodyEnd) {
            packetOptions(b, optionsStart, bodyEnd, 2); // pack_flags
        }
        in.pos = p + blockLength;
    }

    private void checkCaplen(int caplen, Interface f, int data, int bodyEnd, int at)
            throws MalformedCaptureException {
        if (Integer.compareUnsigned(caplen, f.snapshot) > 0) {
            throw malformed("invalid packet capture length " + Integer.toUnsignedString(caplen)
                    + ", bigger than snaplen of " + f.snapshot, in.offset(at));
        }
        if (caplen > bodyEnd - data) {
            throw malformed("packet block of " + blockLength + " bytes cannot hold " + caplen + " captured bytes",
                    in.offset(at));
        }
    }

    private void packet(Interface f, int id, long timestamp, int caplen, int len, int data) {
        FilePacket packet = this.packet;
        current = f;
        ByteBuffer view = in.view;
        view.limit(data + caplen).position(data);
        packet.bytes(view, caplen, len);
        packet.interfaceId = id;
        f.convert(timestamp, packet, nanos);
    }

    /** Reads a packet block's comment and flags; a damaged option list ends the walk, as libpcap ignores it. */
    private void packetOptions(ByteBuffer b, int start, int end, int flagsCode) {
        String comment = null;
        long flags = -1;
        Options o = options.reset(b, start, end);
        while (o.advance()) {
            if (o.code == Options.COMMENT && comment == null) {
                comment = o.string();
            } else if (o.code == flagsCode && o.length == 4) {
                flags = o.u32();
            }
        }
        packet.comment = comment;
        packet.flags = flags;
    }

    /** The number of interfaces the current section has described so far. */
    int interfaceCount() {
        return interfaceCount;
    }

    /** The description of an interface of the current section, or {@code null} if it has none of that id. */
    InterfaceInfo interfaceInfo(int id) {
        return id >= 0 && id < interfaceCount ? interfaces[id].info : null;
    }

    @Override
    CaptureInfo info() {
        if (info == null) {
            info = snapshot();
        }
        return info;
    }

    private CaptureInfo snapshot() {
        Section s0 = sections.get(0);
        List<SectionInfo> all = new ArrayList<>(sections.size());
        for (Section s : sections) {
            all.add(s.snapshot());
        }
        return new CaptureInfo(CaptureFormat.PCAPNG, s0.major, s0.minor, s0.order, first.linkType,
                LinkType.valueOf(first.linkType), first.info.snaplen(), precision(first), all);
    }

    @Override
    CaptureFormat format() {
        return CaptureFormat.PCAPNG;
    }

    @Override
    LinkType linkType() {
        return LinkType.valueOf(first.linkType);
    }

    @Override
    int snaplen() {
        return first.snapshot;
    }

    @Override
    int majorVersion() {
        return sections.get(0).major;
    }

    @Override
    int minorVersion() {
        return sections.get(0).minor;
    }

    @Override
    boolean isSwapped() {
        return sections.get(0).order != ByteOrder.nativeOrder();
    }

    @Override
    ByteOrder byteOrder() {
        return in.buf.order();
    }

    @Override
    TimestampPrecision filePrecision() {
        return current == null || precision(current) == TimestampPrecision.MICRO ? TimestampPrecision.MICRO
                : TimestampPrecision.NANO;
    }

    private static TimestampPrecision precision(Interface f) {
        return f.kind == Interface.MICRO || (f.kind == Interface.DECIMAL && f.exponent < 6)
                || (f.kind == Interface.BINARY && f.exponent < 20) ? TimestampPrecision.MICRO : TimestampPrecision.NANO;
    }
}
