package dev.trawl.pcap.tck;

import dev.trawl.pcap.Capability;
import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.PacketRecord;
import dev.trawl.pcap.PcapException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Damaged copies of good captures, made here with a fixed seed: cut short at many offsets, and with bytes
 * overwritten in record headers. Every one must end with a clear exception or a clean end, in bounded time,
 * never a crash, a hang or an {@link OutOfMemoryError}; a libpcap-based backend must read exactly as many
 * packets as {@code tcpdump} reads from the same damaged file. Records that claim fewer bytes on the wire
 * than they hold are reported as the file states them, as tshark shows them.
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

    /**
     * Records whose captured length exceeds the length they say the wire carried (a damaged or hand-made
     * file): libpcap delivers them as they are and tshark shows them so, and so must every provider, whether
     * it reads them with {@code next}, {@code loop} or {@code copy}, and its dumper writes them back so.
     */
    @Test
    void aRecordHoldingMoreBytesThanTheWireCarriedKeepsTheLengthsTheFileStates() throws Exception {
        Assumptions.assumeTrue(backend().supports(Capability.OFFLINE_FILE), "no OFFLINE_FILE");
        List<int[]> stated = List.of(new int[] {60, 42}, new int[] {40, 60}, new int[] {1, 64});
        for (boolean pcapng : new boolean[] {false, true}) {
            if (pcapng && !backend().supports(Capability.READ_PCAPNG)) {
                continue;
            }
            Path file = dir.resolve(pcapng ? "lengths.pcapng" : "lengths.pcap");
            Files.write(file, CraftedCaptures.withLengths(pcapng, stated));
            String what = file.getFileName().toString();
            assertEquals(lengths(stated), lengths(Tools.tsharkLengths(file)), what + ": tshark reads what was written");
            bounded(() -> {
                List<int[]> viaNext = new ArrayList<>();
                List<PacketRecord> copies = new ArrayList<>();
                try (OfflineHandle h = backend().openOffline(file)) {
                    while (h.next() == dev.trawl.pcap.ReadStatus.PACKET) {
                        viaNext.add(new int[] {h.packet().originalLength(), h.packet().capturedLength()});
                        copies.add(h.packet().copy());
                    }
                }
                assertEquals(lengths(stated), lengths(viaNext), what + ": next() as frame.len, frame.cap_len");
                assertEquals(lengths(stated), lengths(copies.stream()
                        .map(p -> new int[] {p.originalLength(), p.capturedLength()}).toList()), what + ": copy()");
                List<int[]> viaLoop = new ArrayList<>();
                try (OfflineHandle h = backend().openOffline(file)) {
                    h.loop(0, p -> viaLoop.add(new int[] {p.originalLength(), p.capturedLength()}));
                }
                assertEquals(lengths(stated), lengths(viaLoop), what + ": loop()");
                if (backend().supports(Capability.DUMP)) {
                    Path out = dir.resolve("rewritten-" + what + ".pcap");
                    try (OfflineHandle h = backend().openOffline(file); Dumper d = h.newDumper(out)) {
                        h.loop(0, d::write);
                    }
                    assertEquals(lengths(stated), lengths(Tools.tsharkLengths(out)),
                            what + ": the dumper writes the lengths the packets state");
                }
                return null;
            });
        }
    }

    private static List<String> lengths(List<int[]> pairs) {
        return pairs.stream().map(p -> "len=" + p[0] + " caplen=" + p[1]).toList();
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
