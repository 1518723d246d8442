package dev.trawl.pcap.jna;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared memory mapping that holds an address, from {@code /proc/self/maps}: on Linux a live
 * capture's packets lie in the packet socket's ring, one shared mapping that stays in place until the
 * handle is closed. One view over the whole ring then serves every packet with no allocation.
 */
final class MappedRegion {
    private static final Path MAPS = Path.of("/proc/self/maps");

    private MappedRegion() {
    }

    /**
     * The {@code [start, end)} of the readable shared mapping holding {@code address}, or {@code null} when
     * there is none, the mapping is over 2 GiB, or the platform has no {@code /proc/self/maps}.
     */
    static long[] find(long address) {
        if (!Files.isReadable(MAPS)) {
            return null;
        }
        try (BufferedReader in = Files.newBufferedReader(MAPS, StandardCharsets.US_ASCII)) {
            String line;
            while ((line = in.readLine()) != null) {
                int dash = line.indexOf('-');
                int space = line.indexOf(' ');
                if (dash <= 0 || space <= dash || line.length() < space + 5) {
                    continue;
                }
                long start = Long.parseUnsignedLong(line, 0, dash, 16);
                long end = Long.parseUnsignedLong(line, dash + 1, space, 16);
                if (Long.compareUnsigned(address, start) < 0 || Long.compareUnsigned(address, end) >= 0) {
                    continue;
                }
                boolean readable = line.charAt(space + 1) == 'r';
                boolean shared = line.charAt(space + 4) == 's';
                return readable && shared && end - start <= Integer.MAX_VALUE ? new long[] {start, end} : null;
            }
        } catch (IOException | RuntimeException e) {
            return null; // fall back to a view per packet
        }
        return null;
    }
}
