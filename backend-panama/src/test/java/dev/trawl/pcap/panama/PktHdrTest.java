package dev.trawl.pcap.panama;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.MemoryLayout.PathElement;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("native")
class PktHdrTest {
    @Test
    void variantsHaveTheirPlatformsSizesAndOffsets() {
        PktHdr.Variant lp64 = PktHdr.Variant.of("Linux", 8, 8);
        assertEquals(PktHdr.Variant.LP64, lp64);
        assertEquals(24, lp64.layout.byteSize());
        assertEquals(16, lp64.layout.byteOffset(PathElement.groupElement("caplen")));
        PktHdr.Variant mac = PktHdr.Variant.of("Mac OS X", 8, 8);
        assertEquals(PktHdr.Variant.MAC_LP64, mac);
        assertEquals(24, mac.layout.byteSize());
        assertEquals(4, mac.layout.select(PathElement.groupElement("tv_usec")).byteSize());
        assertEquals(16, mac.layout.byteOffset(PathElement.groupElement("caplen")));
        PktHdr.Variant windows = PktHdr.Variant.of("Windows 11", 8, 4);
        assertEquals(PktHdr.Variant.ILP32_LLP64, windows);
        assertEquals(16, windows.layout.byteSize());
        assertEquals(12, windows.layout.byteOffset(PathElement.groupElement("len")));
        assertEquals(PktHdr.Variant.ILP32_LLP64, PktHdr.Variant.of("Linux", 4, 4));
    }

    @Test
    void thisPlatformsHeaderMatchesWhatGccSays() {
        // gcc on x86-64 Linux: sizeof(struct pcap_pkthdr) == 24, caplen at 16, len at 20
        if (System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64")) {
            assertEquals(24, PktHdr.SIZE);
            assertEquals(16, PktHdr.CAPLEN);
            assertEquals(20, PktHdr.LEN);
        }
    }

    @Test
    void writeAndReadAgree() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment h = arena.allocate(PktHdr.LAYOUT);
            PktHdr.write(h, 1_700_000_000L, 123_456, 60, 1514);
            assertEquals(1_700_000_000L, PktHdr.seconds(h.address()));
            assertEquals(123_456, PktHdr.fraction(h.address()));
            assertEquals(60, PktHdr.caplen(h.address()));
            assertEquals(1514, PktHdr.len(h.address()));
        }
    }
}
