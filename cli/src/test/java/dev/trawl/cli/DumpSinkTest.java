package dev.trawl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DumpSinkTest {
    private static List<String> names(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static long packets(Path file) {
        return TrawlRunner.run("-r", file.toString()).lines().size();
    }

    @Test
    void sizeRotationNamesFilesAsTcpdump(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("trace");
        TrawlRunner.Result r = TrawlRunner.run("-r", TrawlRunner.capture("dns_tcp.pcap").toString(), "-w",
                out.toString(), "-C", "0.0002");
        assertEquals(0, r.status(), r.stderr());
        List<String> names = names(dir);
        assertTrue(names.size() > 1, names.toString());
        assertEquals("trace", names.get(0));
        assertEquals("trace1", names.get(1));
        long total = 0;
        for (String name : names) {
            assertTrue(Files.size(dir.resolve(name)) <= 200 + 24 + 16 + 300, name + " is too big");
            total += packets(dir.resolve(name));
        }
        assertEquals(packets(TrawlRunner.capture("dns_tcp.pcap")), total);
    }

    @Test
    void ringBufferKeepsWFiles(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("ring");
        TrawlRunner.Result r = TrawlRunner.run("-r", TrawlRunner.capture("local-netns-eth-veth.pcap").toString(),
                "-w", out.toString(), "-C", "50k", "-W", "3");
        assertEquals(0, r.status(), r.stderr());
        assertEquals(List.of("ring0", "ring1", "ring2"), names(dir));
    }

    @Test
    void badSizeIsAUsageError(@TempDir Path dir) {
        TrawlRunner.Result r = TrawlRunner.run("-r", TrawlRunner.capture("dns_udp.pcap").toString(), "-w",
                dir.resolve("x").toString(), "-C", "lots");
        assertEquals(2, r.status(), r.stderr());
        assertTrue(r.stderr().contains("invalid file size"), r.stderr());
    }

    @Test
    void strftimeExpandsTimePatterns() {
        String name = DumpSink.Strftime.format("cap-%Y%m%d-%H%M%S-%%.pcap", 0);
        assertTrue(name.matches("cap-19(69|70)\\d{4}-\\d{6}-%\\.pcap"), name);
    }

    @Test
    void ringDigitsFollowTheFileCount() {
        assertEquals(0, DumpSink.digits(0));
        assertEquals(1, DumpSink.digits(9));
        assertEquals(2, DumpSink.digits(10));
    }
}
