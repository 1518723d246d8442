package dev.trawl.pcap.jna;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.DumpOptions;
import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.PcapException;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dumpers on files: use after close, appending, and a dumper never closed. */
@Tag("native")
class JnaDumperTest {
    private final Backend backend = Pcap.backend("jna");

    JnaDumperTest() throws Exception {
    }

    @Test
    void writingToAClosedDumperIsAnIllegalState(@TempDir Path dir) throws Exception {
        Dumper d = backend.openDumper(dir.resolve("x.pcap"), LinkType.ETHERNET, 65535, DumpOptions.defaults());
        d.close();
        assertThrows(IllegalStateException.class, () -> d.write(1, 0, 14, ByteBuffer.wrap(new byte[14])));
        assertThrows(IllegalStateException.class, d::flush);
        d.close();
    }

    @Test
    void appendingToAFileOfAnotherLinkTypeFails(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("raw.pcap");
        try (Dumper d = backend.openDumper(file, LinkType.RAW, 65535, DumpOptions.defaults())) {
            d.write(1, 0, 1, ByteBuffer.wrap(new byte[1]));
        }
        PcapException e = assertThrows(PcapException.class, () -> backend.openDumper(file, LinkType.ETHERNET, 65535,
                DumpOptions.builder().append(true).build()));
        assertTrue(e.getMessage().contains("different"), e.getMessage());
    }

    @Test
    void aDumperDroppedWithoutCloseIsClosedByTheCleaner(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dropped.pcap");
        java.lang.ref.WeakReference<Dumper> ref = dropDumper(file);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while ((ref.get() != null || Files.size(file) < 24 + 16 + 14) && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(24 + 16 + 14, Files.size(file), "the cleaner flushed and closed the dumper");
    }

    private java.lang.ref.WeakReference<Dumper> dropDumper(Path file) throws Exception {
        Dumper d = backend.openDumper(file, LinkType.ETHERNET, 65535, DumpOptions.defaults());
        d.write(1, 0, 14, ByteBuffer.wrap(new byte[14]));
        return new java.lang.ref.WeakReference<>(d);
    }
}
