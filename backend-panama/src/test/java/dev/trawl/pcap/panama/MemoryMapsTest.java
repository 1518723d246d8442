package dev.trawl.pcap.panama;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MemoryMapsTest {
    private static final String RING = "7f11be5d9000-7f11be9d9000 rw-s 00000000 00:09 329915      socket:[329915]";

    @Test
    void parseGivesTheRangeHoldingTheAddress() {
        assertArrayEquals(new long[] {0x7f11be5d9000L, 0x7f11be9d9000L}, MemoryMaps.parse(RING, 0x7f11be5d9010L));
        assertArrayEquals(new long[] {0x7f11be5d9000L, 0x7f11be9d9000L}, MemoryMaps.parse(RING, 0x7f11be5d9000L));
    }

    @Test
    void parseRejectsAddressesOutsideAndBadLines() {
        assertNull(MemoryMaps.parse(RING, 0x7f11be9d9000L), "the end is exclusive");
        assertNull(MemoryMaps.parse(RING, 0x1000L));
        assertNull(MemoryMaps.parse("garbage", 0x1000L));
    }

    @Test
    void heapMemoryIsNotASocketMapping() {
        var arena = java.lang.foreign.Arena.ofConfined();
        try (arena) {
            assertNull(MemoryMaps.socketMappingOf(arena.allocate(64).address()));
        }
    }
}
