package dev.trawl.pcap.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Every capture of the corpus reads to the packets libpcap reads from it: the same count, timestamps, lengths
 * and bytes, in both precisions, and the same outcome (open error, clean end, read error). libpcap itself is
 * the oracle, through src/test/c/pcap_oracle.c.
 *
 * <p>Where the java provider knowingly reads further than libpcap (pcapng interfaces whose link types or
 * snapshot lengths differ from the first one's, which libpcap refuses), the packets libpcap did read must
 * still agree, and {@link TsharkConformanceTest} checks the rest.
 */
@Tag("native")
class LibpcapConformanceTest {
    static final List<String> DIVERGENT_READ_ERRORS = List.of("different from the type of the first interface",
            "different from the snapshot length of the first interface");

    @TestFactory
    Stream<DynamicTest> everyCaptureReadsAsLibpcapReadsIt() throws IOException {
        Path captures = Oracle.corpus().resolve("captures");
        List<Path> files;
        try (Stream<Path> list = Files.list(captures)) {
            files = list.filter(p -> !p.getFileName().toString().endsWith(".tsv")).sorted().toList();
        }
        assertTrue(files.size() > 100, "the corpus holds " + files.size() + " captures");
        return files.stream().flatMap(f -> Stream.of(TimestampPrecision.MICRO, TimestampPrecision.NANO)
                .map(precision -> DynamicTest.dynamicTest(f.getFileName() + " " + precision,
                        () -> compare(f, precision))));
    }

    static void compare(Path file, TimestampPrecision precision) throws Exception {
        Path oracle = Oracle.libpcap();
        Oracle.Result result = Oracle.run(List.of(oracle.toString(), file.toString(),
                precision == TimestampPrecision.NANO ? "nano" : "micro"));
        List<String> lines = result.lines();
        assertTrue(!lines.isEmpty(), "no oracle output: " + result.stderr());
        JavaBackend backend = new JavaBackend();
        if (lines.get(0).startsWith("OPEN_ERROR")) {
            assertThrows(MalformedCaptureException.class,
                    () -> backend.openOffline(file, OfflineOptions.of(precision)).close(), lines.get(0));
            return;
        }
        String[] header = lines.get(0).split("\t");
        String end = lines.get(lines.size() - 1);
        try (OfflineHandle handle = backend.openOffline(file, OfflineOptions.of(precision))) {
            assertEquals(Integer.parseInt(header[1]), handle.linkType().toDlt(), "link type");
            assertEquals(Integer.parseInt(header[2]), handle.snaplen(), "snapshot length");
            long unit = precision == TimestampPrecision.NANO ? 1 : 1000;
            int frame = 0;
            for (String line : lines.subList(1, lines.size() - 1)) {
                frame++;
                String[] f = line.split("\t", -1);
                assertEquals(ReadStatus.PACKET, handle.next(), "frame " + frame);
                Packet p = handle.packet();
                long seconds = Long.parseLong(f[1]);
                if (seconds < 0 && handle.format() == CaptureFormat.PCAP) {
                    // pcap seconds are unsigned (time_2106.pcap); libpcap 1.10 sign-extends them, tshark does not
                    seconds += 1L << 32;
                }
                long expectedNanos = seconds * 1_000_000_000L + Long.parseLong(f[2]) * unit;
                assertEquals(expectedNanos, p.timestampEpochNanos(), "timestamp of frame " + frame);
                assertTrue(p.timestampNanos() >= 0 && p.timestampNanos() < 1_000_000_000, "nanos in range");
                assertEquals(0, p.timestampNanos() % unit, "precision of frame " + frame);
                assertEquals(Long.parseLong(f[3]), Integer.toUnsignedLong(p.capturedLength()), "caplen " + frame);
                assertEquals(Long.parseLong(f[4]), Integer.toUnsignedLong(p.originalLength()), "len " + frame);
                ByteBuffer data = p.data();
                assertEquals(p.capturedLength(), data.remaining());
                byte[] bytes = new byte[data.remaining()];
                data.get(data.position(), bytes);
                assertEquals(f[5], HexFormat.of().formatHex(bytes), "bytes of frame " + frame);
            }
            if (end.equals("END\tOK")) {
                assertEquals(ReadStatus.END_OF_FILE, handle.next(), "libpcap ended after " + frame + " frames");
            } else if (DIVERGENT_READ_ERRORS.stream().noneMatch(end::contains)) {
                MalformedCaptureException e = assertThrows(MalformedCaptureException.class, () -> {
                    while (handle.next() == ReadStatus.PACKET) {
                        // libpcap failed here; so must we, perhaps after packets it could not reach
                    }
                }, "libpcap: " + end);
                assertTrue(e.offset() >= 0, "the error names the offset: " + e.getMessage());
            }
        }
    }
}
