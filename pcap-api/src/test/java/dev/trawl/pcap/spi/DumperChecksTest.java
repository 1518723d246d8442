package dev.trawl.pcap.spi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trawl.pcap.Capability;
import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.DumpOptions;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.UnsupportedCapabilityException;

import org.junit.jupiter.api.Test;

class DumperChecksTest {
    private static final DumpOptions APPEND = DumpOptions.builder().append(true).build();
    private static final DumpOptions PCAPNG = DumpOptions.builder().format(CaptureFormat.PCAPNG).build();

    @Test
    void anyDumperNeedsItsArgumentsAndAFileToAppendTo() {
        assertThrows(NullPointerException.class, () -> DumperChecks.open(null, DumpOptions.defaults(), false));
        assertThrows(NullPointerException.class, () -> DumperChecks.open(LinkType.ETHERNET, null, false));
        assertEquals("appending needs a file, not a stream", assertThrows(IllegalArgumentException.class,
                () -> DumperChecks.open(LinkType.ETHERNET, APPEND, true)).getMessage());
        assertDoesNotThrow(() -> DumperChecks.open(LinkType.ETHERNET, APPEND, false));
        assertDoesNotThrow(() -> DumperChecks.open(LinkType.ETHERNET, PCAPNG, true));
    }

    @Test
    void aLibpcapDumperWritesPcapWithAPositiveSnaplen() {
        assertThrows(IllegalArgumentException.class,
                () -> DumperChecks.openLibpcap("jna", LinkType.ETHERNET, 0, DumpOptions.defaults(), false, true));
        UnsupportedCapabilityException pcapng = assertThrows(UnsupportedCapabilityException.class,
                () -> DumperChecks.openLibpcap("jna", LinkType.ETHERNET, 65535, PCAPNG, false, true));
        assertEquals(Capability.DUMP_PCAPNG, pcapng.capability());
        UnsupportedCapabilityException append = assertThrows(UnsupportedCapabilityException.class,
                () -> DumperChecks.openLibpcap("jna", LinkType.ETHERNET, 65535, APPEND, false, false));
        assertEquals(Capability.DUMP_APPEND, append.capability());
        assertThrows(IllegalArgumentException.class,
                () -> DumperChecks.openLibpcap("jna", LinkType.ETHERNET, 65535, APPEND, true, true));
        assertDoesNotThrow(() -> DumperChecks.openLibpcap("jna", LinkType.ETHERNET, 65535, APPEND, false, true));
    }

    @Test
    void aRecordHasASubSecondFractionAndNoMoreBytesThanOnTheWire() {
        assertDoesNotThrow(() -> DumperChecks.record(999_999_999, 60, 60));
        assertThrows(IllegalArgumentException.class, () -> DumperChecks.record(1_000_000_000, 60, 60));
        assertThrows(IllegalArgumentException.class, () -> DumperChecks.record(-1, 60, 60));
        assertEquals("originalLength 59 is less than the captured length 60",
                assertThrows(IllegalArgumentException.class, () -> DumperChecks.record(0, 59, 60)).getMessage());
        assertDoesNotThrow(() -> DumperChecks.record(0, -1, 60), "4294967295 bytes on the wire, read unsigned");
    }
}
