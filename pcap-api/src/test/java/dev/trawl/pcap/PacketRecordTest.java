package dev.trawl.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PacketRecordTest {
    @Test
    void checksItsTimestamp() {
        assertThrows(IllegalArgumentException.class, () -> new PacketRecord(0, 1_000_000_000, 4, new byte[4]));
        assertThrows(IllegalArgumentException.class, () -> new PacketRecord(0, -1, 4, new byte[4]));
        PacketRecord record = new PacketRecord(5, 7, 10, new byte[] {1, 2});
        assertEquals(5_000_000_007L, record.timestampEpochNanos());
        assertEquals(record, record.copy());
    }

    @Test
    void keepsTheLengthsADamagedFileStates() {
        PacketRecord damaged = new PacketRecord(5, 7, 3, new byte[4]);
        assertEquals(4, damaged.capturedLength());
        assertEquals(3, damaged.originalLength(), "caplen may exceed len in damaged files");
        assertEquals(damaged, damaged.copy());
        PacketRecord huge = new PacketRecord(5, 7, -2, new byte[4]);
        assertEquals(0xFFFF_FFFEL, Integer.toUnsignedLong(huge.copy().originalLength()), "an unsigned length");
    }
}
