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
    private final List<Section> sections = new ArrayList<>();
    private Section section;
    private Interface[] interfaces = new Interface[4];
    private int interfaceCount;
    private Interface first;
    private int maxBlock = INITIAL_MAX_BLOCK;
    /** The current block's type, where it starts in the buffer, and its total length. */
    private int blockType;
    private int blockStart;
    private int blockLength;

    private PcapngReader(Input in, TimestampPrecision precision) {
        super(in, precision);
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
        PcapngReader reader = new PcapngReader(in, precision);
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
            if (!readBlock()) {
                return false;
            }
            switch (blockType) {
                case EPB -> {
                    enhancedPacket();
                    return true;
                }
                case SPB -> {
                    simplePacket();
                    return true;
                }
                case PB -> {
                    obsoletePacket();
                    return true;
                }
                default -> finishBlock();
            }
        }
    }

    /**
     * Reads the next block's framing and makes all of it available; handles descriptive blocks itself. Sets
     * {@link #blockType} and {@link #blockStart}, or returns false at a clean end of the input (every int is a
     * possible block type, so none can mark the end). Kept small for the JIT:
     * everything but the framing of a packet block is in other methods.
     */
    private boolean readBlock() throws IOException {
        final Input in = this.in;
        if (in.end - in.pos < 12 && !in.ensure(12)) {
            endOrTruncated();
            return false;
        }
        int p = in.pos;
        ByteBuffer b = in.buf;
        int type = b.getInt(p);
        if (type == SHB) { // the SHB type reads the same in both byte orders
            newSection();
            p = in.pos;
            b = in.buf;
        }
        int length = b.getInt(p + 4);
        if ((length & 3) != 0 || Integer.compareUnsigned(length - 12, maxBlock - 12) > 0) {
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
        if (length > Input.SPARSE_RECORD) {
            in.readAhead(p);
        }
        if (b.getInt(p + length - 4) != length && !(type == SHB && in.offset(p) == 0)) {
            // libpcap does not check the trailer of the file's first section header (it reads it apart)
            throw malformed("block total length in header and trailer don't match", in.offset(p) + length - 4);
        }
        blockStart = p;
        blockLength = length;
        blockType = type;
        if (type != EPB) {
            describe(type, b, p, length);
        }
        return true;
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
        if (type == SHB) {
            metadata.sectionHeader(b, p, length, section);
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

    /** Reads a Section Header Block's byte order and versions, and starts a new section. */
    private void startSection(ByteBuffer b, int p) throws MalformedCaptureException {
        int magic = b.order(ByteOrder.BIG_ENDIAN).getInt(p + 8);
        ByteOrder order;
        if (magic == BYTE_ORDER_MAGIC) {
            order = ByteOrder.BIG_ENDIAN;
        } else if (Integer.reverseBytes(magic) == BYTE_ORDER_MAGIC) {
            order = ByteOrder.LITTLE_ENDIAN;
        } else {
            throw malformed("the file has a section with a bad byte order magic field 0x"
                    + Integer.toHexString(magic), in.offset(p) + 8);
        }
        b.order(order);
        int length = b.getInt(p + 4);
        if (Integer.compareUnsigned(length, 28) < 0) {
            throw malformed("block in pcapng dump file has a length of " + Integer.toUnsignedString(length)
                    + " < 28", in.offset(p) + 4);
        }
        int major = b.getShort(p + 12) & 0xFFFF;
        int minor = b.getShort(p + 14) & 0xFFFF;
        if (major != 1 || (sections.isEmpty() && minor != 0 && minor != 2)) {
            throw malformed("unsupported pcapng savefile version " + major + "." + minor, in.offset(p) + 12);
        }
        section = new Section(order, major, minor, b.getLong(p + 16));
        if (sections.isEmpty() || metadata.keep()) {
            sections.add(section);
        }
        interfaceCount = 0; // interface ids are local to their section
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
        ByteBuffer view = in.view;
        view.limit(data + caplen).position(data);
        packet.data = view;
        packet.capturedLength = caplen;
        packet.originalLength = len;
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

    /** The description of an interface of the current section, or {@code null} if it has none of that id. */
    InterfaceInfo interfaceInfo(int id) {
        return id >= 0 && id < interfaceCount ? interfaces[id].info : null;
    }

    @Override
    CaptureInfo info() {
        Section s0 = sections.get(0);
        List<SectionInfo> all = new ArrayList<>(sections.size());
        for (Section s : sections) {
            all.add(s.snapshot());
        }
        return new CaptureInfo(CaptureFormat.PCAPNG, s0.major, s0.minor, s0.order, first.linkType,
                LinkType.valueOf(first.linkType), first.info.snaplen(),
                first.kind == Interface.MICRO || (first.kind == Interface.DECIMAL && first.exponent < 6)
                        || (first.kind == Interface.BINARY && first.exponent < 20)
                        ? TimestampPrecision.MICRO : TimestampPrecision.NANO,
                all);
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
}
