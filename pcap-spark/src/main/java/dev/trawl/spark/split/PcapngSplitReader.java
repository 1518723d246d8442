package dev.trawl.spark.split;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a byte range of a pcapng file.
 *
 * <p>A reader whose range starts mid-file walks the block chain from the start of the file up to its range,
 * reading only block headers and the section and interface description blocks, so that it knows the byte
 * order and interface table of the section its first packet belongs to. The walk reads no packet data.
 * After a malformed block (under {@link MalformedPolicy#SKIP}) it resynchronises on block structure: the
 * next 4-byte aligned offset whose block has a plausible type and a total length that is a multiple of 4
 * and is repeated at the block's end, chained over the following {@value #CHAIN} blocks.
 */
final class PcapngSplitReader implements SplitReader {
    static final int SECTION_HEADER = 0x0a0d0d0a;
    static final int INTERFACE_DESCRIPTION = 1;
    static final int OBSOLETE_PACKET = 2;
    static final int SIMPLE_PACKET = 3;
    static final int ENHANCED_PACKET = 6;
    static final int BYTE_ORDER_MAGIC = 0x1a2b3c4d;
    /** Blocks that must chain after a resynchronisation candidate. */
    static final int CHAIN = 4;
    /** The largest block accepted, to bound allocations. */
    static final int MAX_BLOCK = 32 << 20;

    private final ByteSource source;
    private final String name;
    private final long end;
    private final long fileLength;
    private final MalformedPolicy policy;
    private final List<Interface> interfaces = new ArrayList<>();
    private final byte[] head = new byte[12];
    private byte[] block = new byte[4096];
    private boolean bigEndian;
    private long position;
    private long malformed;
    private boolean done;

    /** What an interface description block says that reading packets needs. */
    private record Interface(int linkType, long snaplen, int resolution, long offsetSeconds) {
    }

    PcapngSplitReader(ByteSource source, long start, long end, MalformedPolicy policy) throws IOException {
        this.source = source;
        this.name = source.name();
        this.end = end;
        this.fileLength = source.length();
        this.policy = policy;
        while (!done && position < start) {
            readBlock(null);
        }
    }

    @Override
    public boolean next(CaptureRecord record) throws IOException {
        while (!done && position < end) {
            if (readBlock(record)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the block at the current position and moves past it.
     *
     * @param record where a packet goes, or {@code null} while walking to the range (no packet data read)
     * @return whether a packet was read into {@code record}
     */
    private boolean readBlock(CaptureRecord record) throws IOException {
        long at = position;
        int n = source.read(at, head, 0, 12);
        if (n == 0) {
            done = true;
            return false;
        }
        if (n < 8) {
            return malformed(at, "truncated block header: " + n + " of 8 bytes");
        }
        int type = intAt(head, 0);
        if (type == SECTION_HEADER) {
            if (n < 12) {
                return malformed(at, "truncated section header block");
            }
            int magic = Bytes.intBE(head, 8);
            if (magic == BYTE_ORDER_MAGIC) {
                bigEndian = true;
            } else if (Integer.reverseBytes(magic) == BYTE_ORDER_MAGIC) {
                bigEndian = false;
            } else {
                return malformed(at, String.format("bad byte-order magic 0x%08x in section header", magic));
            }
            interfaces.clear();
        } else if (at == 0) {
            return malformed(at, "a pcapng file must begin with a section header block");
        }
        long length = Integer.toUnsignedLong(intAt(head, 4));
        if (length < 12 || length % 4 != 0 || length > MAX_BLOCK) {
            return malformed(at, "bad block total length " + length);
        }
        boolean needed = type == SECTION_HEADER || type == INTERFACE_DESCRIPTION
                || (record != null && isPacket(type));
        if (needed || record != null) {
            if (block.length < length) {
                block = new byte[(int) Math.max(length, block.length * 2L)];
            }
            int got = source.read(at, block, 0, (int) length);
            if (got < length) {
                return malformed(at, "truncated block: " + got + " of " + length + " bytes");
            }
            long trailer = Integer.toUnsignedLong(intAt(block, (int) length - 4));
            if (trailer != length) {
                return malformed(at, "block length " + length + " at the start disagrees with " + trailer + " at the end");
            }
        } else {
            // Walking to the range: check the block's trailer without reading its body.
            if (source.read(at + length - 4, head, 0, 4) < 4) {
                return malformed(at, "truncated block: it runs past the end of the file");
            }
            long trailer = Integer.toUnsignedLong(intAt(head, 0));
            if (trailer != length) {
                return malformed(at, "block length " + length + " at the start disagrees with " + trailer + " at the end");
            }
        }
        position = at + length;
        if (type == INTERFACE_DESCRIPTION) {
            if (length < 20) {
                return malformed(at, "interface description block too short");
            }
            interfaces.add(parseInterface((int) length));
            return false;
        }
        if (record == null || !isPacket(type)) {
            return false;
        }
        String problem = readPacket(type, (int) length, at, record);
        return problem == null || malformed(at, problem);
    }

    private static boolean isPacket(int type) {
        return type == ENHANCED_PACKET || type == SIMPLE_PACKET || type == OBSOLETE_PACKET;
    }

    /** Fills the record from the block in {@link #block}; returns what is wrong, or null. */
    private String readPacket(int type, int length, long at, CaptureRecord record) {
        int interfaceId;
        long units;
        long caplen;
        long originalLength;
        int dataOffset;
        switch (type) {
            case ENHANCED_PACKET -> {
                if (length < 32) {
                    return "enhanced packet block too short";
                }
                interfaceId = intAt(block, 8);
                units = (Integer.toUnsignedLong(intAt(block, 12)) << 32) | Integer.toUnsignedLong(intAt(block, 16));
                caplen = Integer.toUnsignedLong(intAt(block, 20));
                originalLength = Integer.toUnsignedLong(intAt(block, 24));
                dataOffset = 28;
                if (caplen > length - 32) {
                    return "captured length " + caplen + " runs past the block";
                }
            }
            case OBSOLETE_PACKET -> {
                if (length < 32) {
                    return "packet block too short";
                }
                interfaceId = bigEndian ? Bytes.shortBE(block, 8) : Bytes.shortLE(block, 8);
                units = (Integer.toUnsignedLong(intAt(block, 12)) << 32) | Integer.toUnsignedLong(intAt(block, 16));
                caplen = Integer.toUnsignedLong(intAt(block, 20));
                originalLength = Integer.toUnsignedLong(intAt(block, 24));
                dataOffset = 28;
                if (caplen > length - 32) {
                    return "captured length " + caplen + " runs past the block";
                }
            }
            default -> { // simple packet block: no interface id, no timestamp
                if (length < 16) {
                    return "simple packet block too short";
                }
                interfaceId = 0;
                units = 0;
                originalLength = Integer.toUnsignedLong(intAt(block, 8));
                caplen = Math.min(originalLength, length - 16);
                if (!interfaces.isEmpty() && interfaces.get(0).snaplen() > 0) {
                    caplen = Math.min(caplen, interfaces.get(0).snaplen());
                }
                dataOffset = 12;
            }
        }
        if (interfaceId < 0 || interfaceId >= interfaces.size()) {
            return "interface id " + Integer.toUnsignedString(interfaceId) + " is not described (the section has "
                    + interfaces.size() + ")";
        }
        Interface described = interfaces.get(interfaceId);
        int captured = (int) caplen;
        record.ensureCapacity(captured);
        System.arraycopy(block, dataOffset, record.data, 0, captured);
        record.offset = at;
        record.capturedLength = captured;
        record.originalLength = (int) Math.min(originalLength, Integer.MAX_VALUE);
        record.linkType = described.linkType();
        record.interfaceId = interfaceId;
        Timestamps.toRecord(units, described.resolution(), described.offsetSeconds(), record);
        return null;
    }

    private Interface parseInterface(int length) {
        int linkType = bigEndian ? Bytes.shortBE(block, 8) : Bytes.shortLE(block, 8);
        long snaplen = Integer.toUnsignedLong(intAt(block, 12));
        int resolution = 6;
        long offsetSeconds = 0;
        int option = 16;
        int limit = length - 4;
        while (option + 4 <= limit) {
            int code = bigEndian ? Bytes.shortBE(block, option) : Bytes.shortLE(block, option);
            int size = bigEndian ? Bytes.shortBE(block, option + 2) : Bytes.shortLE(block, option + 2);
            int value = option + 4;
            if (code == 0 || value + size > limit) {
                break;
            }
            if (code == 9 && size >= 1) { // if_tsresol
                resolution = block[value] & 0xff;
            } else if (code == 14 && size >= 8) { // if_tsoffset
                long high = Integer.toUnsignedLong(intAt(block, value));
                long low = Integer.toUnsignedLong(intAt(block, value + 4));
                offsetSeconds = bigEndian ? high << 32 | low : low << 32 | high;
            }
            option = value + ((size + 3) & ~3);
        }
        return new Interface(linkType, snaplen, resolution, offsetSeconds);
    }

    private boolean malformed(long at, String problem) throws IOException {
        malformed++;
        switch (policy) {
            case FAIL -> throw new MalformedRecordException(name, at, problem);
            case STOP -> done = true;
            case SKIP -> position = resynchronise(at + 4 - (at & 3));
        }
        return false;
    }

    @Override
    public long malformedRecords() {
        return malformed;
    }

    /** The next plausible block boundary at or after {@code from}, or the end of the range. */
    private long resynchronise(long from) throws IOException {
        for (long candidate = from; candidate < end; candidate += 4) {
            if (fileLength >= 0 && candidate + 12 > fileLength) {
                break;
            }
            if (chains(candidate)) {
                return candidate;
            }
        }
        done = true;
        return end;
    }

    private boolean chains(long candidate) throws IOException {
        long at = candidate;
        byte[] word = new byte[4];
        for (int i = 0; i <= CHAIN; i++) {
            int n = source.read(at, head, 0, 12);
            if (n == 0 && i > 0) {
                return true;
            }
            if (n < 12) {
                return false;
            }
            int type = intAt(head, 0);
            if (type == 0 || (type == SECTION_HEADER && (Bytes.intBE(head, 8) != BYTE_ORDER_MAGIC
                    && Integer.reverseBytes(Bytes.intBE(head, 8)) != BYTE_ORDER_MAGIC))) {
                return false;
            }
            if (type == SECTION_HEADER) {
                return true; // a section header with its magic is a boundary by itself
            }
            long length = Integer.toUnsignedLong(intAt(head, 4));
            if (length < 12 || length % 4 != 0 || length > MAX_BLOCK
                    || source.read(at + length - 4, word, 0, 4) < 4
                    || Integer.toUnsignedLong(intAt(word, 0)) != length) {
                return false;
            }
            at += length;
        }
        return true;
    }

    private int intAt(byte[] b, int i) {
        return bigEndian ? Bytes.intBE(b, i) : Bytes.intLE(b, i);
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
