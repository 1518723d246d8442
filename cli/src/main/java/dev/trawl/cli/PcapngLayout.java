package dev.trawl.cli;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.file.CaptureCursor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
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
            // Read through a stream: one pass front to back, without mapping the file a second time.
            try (CaptureCursor cursor = CaptureCursor.open(Files.newInputStream(file), file.toString())) {
                return cursor.format() == CaptureFormat.PCAPNG ? walk(cursor) : null;
            }
        } catch (IOException | RuntimeException e) {
            return null; // the reader reports what is wrong with the file
        }
    }

    private static PcapngLayout walk(CaptureCursor cursor) throws IOException {
        List<CustomBlock> customs = new ArrayList<>();
        BitSet simple = new BitSet();
        long packets = 0;
        boolean interfaces = false;
        boolean wellFormed = true;
        try {
            while (cursor.next()) {
                switch (cursor.blockType()) {
                    case CaptureCursor.SECTION_HEADER -> wellFormed &= cursor.majorVersion() == 1
                            && cursor.minorVersion() == 0; // a version tshark's reader refuses
                    case CaptureCursor.INTERFACE_DESCRIPTION -> interfaces = true;
                    case CaptureCursor.PACKET, CaptureCursor.ENHANCED_PACKET -> packets++;
                    case CaptureCursor.SIMPLE_PACKET -> simple.set((int) Math.min(Integer.MAX_VALUE, ++packets));
                    case CaptureCursor.CUSTOM, CaptureCursor.CUSTOM_NO_COPY -> {
                        ByteBuffer block = cursor.record();
                        if (block.remaining() >= 16) {
                            byte[] data = new byte[block.remaining() - 16];
                            block.get(block.position() + 12, data);
                            customs.add(new CustomBlock(packets, data));
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (MalformedCaptureException e) {
            wellFormed = false; // damaged: the reader stops here too, and reports it
        }
        return new PcapngLayout(customs, simple, interfaces || packets > 0, wellFormed);
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
