package dev.trawl.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PacketRecordTest {
    @Test
    void checksItsTimestampAndLengths() {
        assertThrows(IllegalArgumentException.class, () -> new PacketRecord(0, 0, 3, new byte[4]));
        assertThrows(IllegalArgumentException.class, () -> new PacketRecord(0, 1_000_000_000, 4, new byte[4]));
        PacketRecord record = new PacketRecord(5, 7, 10, new byte[] {1, 2});
        assertEquals(5_000_000_007L, record.timestampEpochNanos());
        assertEquals(record, record.copy());
    }
}
