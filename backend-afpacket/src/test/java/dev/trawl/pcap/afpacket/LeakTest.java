package dev.trawl.pcap.afpacket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.tck.VethPair;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Thousands of handles opened, read and closed: file descriptors, ring mappings and the process's resident
 * memory stay flat. Each ring is at least 128 KiB of kernel memory mapped into the process, so a leaked one
 * would show in the mappings and in the resident size long before the end.
 */
@Tag("live")
class LeakTest {
    private static final int CYCLES = Integer.getInteger("trawl.afpacket.leakCycles", 3000);

    @Test
    void descriptorsMappingsAndMemoryStayFlatOverThousandsOfOpensAndCloses() throws Exception {
        VethPair.requirePrivilege();
        try (VethPair pair = VethPair.create()) {
            cycle(pair, 200); // the JIT, the arenas' first allocations, the class data
            System.gc();
            int fds = CloseRaceTest.openDescriptors();
            long mappings = ringMappings();
            long rss = residentKiB();
            cycle(pair, CYCLES);
            System.gc();
            assertEquals(0, PacketSocket.openCount(), "sockets left open");
            assertEquals(mappings, ringMappings(), "ring mappings left");
            assertTrue(CloseRaceTest.openDescriptors() <= fds + 2, "descriptors: " + fds + " before, "
                    + CloseRaceTest.openDescriptors() + " after " + CYCLES + " cycles");
            long grown = residentKiB() - rss;
            assertTrue(grown < 64 * 1024, "resident memory grew by " + grown + " KiB over " + CYCLES
                    + " cycles (a leaked ring alone is 128 KiB or more)");
        }
    }

    private static void cycle(VethPair pair, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            try (LiveHandle h = LiveFrames.afpacket().openLive(pair.a, LiveFrames.quick().bufferSize(256 << 10).build())) {
                h.setNonBlocking(true);
                h.next();
                if (i % 100 == 0) {
                    h.setFilter("ether proto 0x88b5");
                    h.stats();
                }
            }
        }
    }

    /** Mappings of packet sockets, as /proc/self/maps names them. */
    private static long ringMappings() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/maps")).stream().filter(l -> l.contains("socket:[")).count();
    }

    private static long residentKiB() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new AssertionError("no VmRSS in /proc/self/status");
    }
}
