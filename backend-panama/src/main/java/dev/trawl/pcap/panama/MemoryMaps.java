package dev.trawl.pcap.panama;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the mapping of a live capture's packet ring in {@code /proc/self/maps}, so that one packet window can
 * cover the whole ring. On Linux, libpcap maps the ring ({@code TPACKET_V3}) from its packet socket: the
 * mapping is named {@code socket:[inode]}, lives as long as the {@code pcap_t}, and holds nothing but
 * packets. Elsewhere, or for any other address, there is no answer and windows follow single packets.
 */
final class MemoryMaps {
    private static final Path MAPS = Path.of("/proc/self/maps");

    private MemoryMaps() {
    }

    /**
     * The {@code [start, end)} of the socket mapping that holds an address, or {@code null}.
     * Reads {@code /proc/self/maps}: call it once per ring, not per packet.
     */
    static long[] socketMappingOf(long address) {
        if (!Files.isReadable(MAPS)) {
            return null;
        }
        try (BufferedReader in = Files.newBufferedReader(MAPS, StandardCharsets.US_ASCII)) {
            for (String line; (line = in.readLine()) != null; ) {
                long[] range = parse(line, address);
                if (range != null) {
                    return line.contains(" socket:[") ? range : null;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null; // no maps, no shortcut: windows follow packets
        }
        return null;
    }

    /** The range of one maps line if it holds the address: {@code 7f11be5d9000-7f11be9d9000 rw-s ...}. */
    static long[] parse(String line, long address) {
        int dash = line.indexOf('-');
        int space = line.indexOf(' ');
        if (dash <= 0 || space <= dash) {
            return null;
        }
        long start = Long.parseUnsignedLong(line, 0, dash, 16);
        long end = Long.parseUnsignedLong(line, dash + 1, space, 16);
        return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0
                ? new long[] {start, end} : null;
    }
}
