package dev.trawl.pcap.tck;

import dev.trawl.pcap.Capability;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.PcapException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Damaged copies of good captures, made here with a fixed seed: cut short at many offsets, and with bytes
 * overwritten in record headers. Every one must end with a clear exception or a clean end, in bounded time,
 * never a crash, a hang or an {@link OutOfMemoryError}; a libpcap-based backend must read exactly as many
 * packets as {@code tcpdump} reads from the same damaged file.
 */
abstract class CorruptionChecks extends KitPart {
    private static final List<String> SOURCES = List.of("dns_udp.pcap", "802.1ad_QinQ.pcap", "OSPFv2_Capture_FINAL.pcapng",
            "pcapnggen-be-basic-test001.pcapng", "timestamp_invalid_nano.pcap");

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> damagedCapturesEndCleanly() throws Exception {
        Assumptions.assumeTrue(backend().supports(Capability.OFFLINE_FILE), "no OFFLINE_FILE");
        List<DynamicTest> tests = new ArrayList<>();
        Random random = new Random(20_260_101L);
        for (String name : SOURCES) {
            Corpus.Capture capture = corpus().captures.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
            if (capture == null || capture.pcapng() && !backend().supports(Capability.READ_PCAPNG)) {
                continue;
            }
            byte[] original = Files.readAllBytes(capture.path());
            for (int i = 0; i < 12; i++) {
                int cut = i == 0 ? 0 : i == 1 ? 23 : i == 2 ? 24 + 7 : 1 + random.nextInt(original.length - 1);
                byte[] damaged = java.util.Arrays.copyOf(original, cut);
                tests.add(test(name + " cut at " + cut, damaged));
            }
            for (int i = 0; i < 12; i++) {
                byte[] damaged = original.clone();
                int at = 24 + random.nextInt(Math.max(1, Math.min(original.length - 24, 256)));
                for (int b = 0; b < 4 && at + b < damaged.length; b++) {
                    damaged[at + b] = (byte) (i % 3 == 0 ? 0xff : random.nextInt(256));
                }
                tests.add(test(name + " overwritten at " + at, damaged));
            }
        }
        return tests.stream();
    }

    private DynamicTest test(String label, byte[] bytes) {
        return DynamicTest.dynamicTest(label, () -> bounded(() -> {
            Path file = Files.createTempFile(dir, "damaged", label.endsWith("pcapng") || label.contains(".pcapng") ? ".pcapng" : ".pcap");
            Files.write(file, bytes);
            ReadResult read;
            try (OfflineHandle h = backend().openOffline(file)) {
                read = readAll(h, 100_000);
            } catch (MalformedCaptureException e) {
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "a clear message");
                if (kit().libpcapSemantics()) {
                    PcapBytes.File reference = Tools.tcpdumpRead(file);
                    assertTrue(reference == null || reference.packets().isEmpty(),
                            "tcpdump opens what the backend could not: " + e.getMessage());
                }
                return null;
            } catch (PcapException e) {
                fail("a damaged file is a MalformedCaptureException, not " + e);
                return null;
            }
            if (read.error() != null) {
                assertTrue(read.error() instanceof MalformedCaptureException,
                        "a damaged file ends with a MalformedCaptureException, not " + read.error());
            }
            if (kit().libpcapSemantics() && Tools.hasTcpdump()) {
                PcapBytes.File reference = Tools.tcpdumpRead(file);
                int expected = reference == null ? 0 : reference.packets().size();
                assertEquals(expected, read.packets().size(), "packets tcpdump reads from the damaged file");
            }
            return null;
        }));
    }
}
