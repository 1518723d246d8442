package dev.trawl.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * What tshark shows of a pcapng file beyond its packets, found by walking the file's blocks once: tshark
 * numbers custom blocks as frames of their own (their data, no timestamp) among the packets, and shows no
 * time for packets in Simple Packet Blocks, which carry none. The field and JSON outputs use it to number and
 * time frames as tshark does. Read-only after {@link #scan}.
 */
final class PcapngLayout {
    /** Files larger than this are not scanned: their output then numbers packets only. */
    private static final long MAX_SCANNED = 1L << 30;
    private static final int SHB = 0x0A0D0D0A;

    /** A custom block's data, shown after {@code packetsBefore} packets of the file. */
    record CustomBlock(long packetsBefore, byte[] data) {
    }

    private final List<CustomBlock> customBlocks;
    /** Bit {@code n} set: packet {@code n} (1-based) came in a Simple Packet Block. */
    private final BitSet simple;
    /** Whether the file holds an Interface Description Block or a packet block. */
    private final boolean interfacesOrPackets;
    /**
     * Whether the walk followed every block to the file's end, each with a known section header (byte-order
     * magic, version 1.0) and a trailing length equal to its leading one.
     */
    private final boolean wellFormed;

    private PcapngLayout(List<CustomBlock> customBlocks, BitSet simple, boolean interfacesOrPackets,
            boolean wellFormed) {
        this.customBlocks = List.copyOf(customBlocks);
        this.simple = simple;
        this.interfacesOrPackets = interfacesOrPackets;
        this.wellFormed = wellFormed;
    }

    /**
     * The layout of a pcapng file, or null for anything else (pcap, a stream, a file too large or unreadable)
     * and for a pcapng file with neither custom blocks nor Simple Packet Blocks.
     */
    static PcapngLayout scan(Path file) {
        PcapngLayout layout = read(file);
        return layout == null || layout.customBlocks.isEmpty() && layout.simple.isEmpty() ? null : layout;
    }

    /**
     * The layout of a pcapng file that holds no interface and no packet, only blocks around them (custom
     * blocks, name resolution, statistics), or null. libpcap refuses to open such a file ("no Interface
     * Description Blocks"); tshark shows its custom blocks as frames and exits normally. A file with anything
     * else wrong is damaged, not empty: then null, and the reader's error stands.
     */
    static PcapngLayout withoutInterfaces(Path file) {
        PcapngLayout layout = read(file);
        return layout == null || layout.interfacesOrPackets || !layout.wellFormed ? null : layout;
    }

    private static PcapngLayout read(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_SCANNED || Files.size(file) < 28) {
                return null;
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                MappedByteBuffer buf = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
                if (buf.getInt(0) != SHB) {
                    return null;
                }
                return walk(buf);
            }
        } catch (IOException | RuntimeException e) {
            return null; // the reader reports what is wrong with the file
        }
    }

    private static PcapngLayout walk(ByteBuffer buf) {
        List<CustomBlock> customs = new ArrayList<>();
        BitSet simple = new BitSet();
        long packets = 0;
        boolean interfaces = false;
        int pos = 0;
        int size = buf.limit();
        boolean wellFormed = true;
        while (pos + 12 <= size) {
            int type = buf.getInt(pos);
            if (type == SHB) {
                int magic = buf.order(ByteOrder.BIG_ENDIAN).getInt(pos + 8);
                if (magic == 0x1A2B3C4D) {
                    buf.order(ByteOrder.BIG_ENDIAN);
                } else if (magic == 0x4D3C2B1A) {
                    buf.order(ByteOrder.LITTLE_ENDIAN);
                } else {
                    wellFormed = false;
                    break; // not a section this walk can follow; the reader reports why
                }
                if (pos + 16 > size || buf.getShort(pos + 12) != 1 || buf.getShort(pos + 14) != 0) {
                    wellFormed = false; // a version no reader takes
                }
            }
            int length = buf.getInt(pos + 4);
            if (length < 12 || (length & 3) != 0 || (long) pos + length > size) {
                wellFormed = false;
                break; // damaged: the reader stops here too, and reports it
            }
            if (buf.getInt(pos + length - 4) != length) {
                wellFormed = false;
            }
            switch (type) {
                case 1 -> interfaces = true;
                case 2, 6 -> packets++; // obsolete and enhanced packet blocks
                case 3 -> simple.set((int) Math.min(Integer.MAX_VALUE, ++packets));
                case 0x00000BAD, 0x40000BAD -> {
                    if (length >= 16) {
                        byte[] data = new byte[length - 16];
                        buf.get(pos + 12, data);
                        customs.add(new CustomBlock(packets, data));
                    }
                }
                default -> {
                }
            }
            pos += length;
        }
        return new PcapngLayout(customs, simple, interfaces || packets > 0, wellFormed && pos == size);
    }

    /** The custom blocks, in file order. */
    List<CustomBlock> customBlocks() {
        return customBlocks;
    }

    /** Whether packet {@code number} (1-based, in file order) came in a Simple Packet Block. */
    boolean isSimple(long number) {
        return number <= Integer.MAX_VALUE && simple.get((int) number);
    }
}
