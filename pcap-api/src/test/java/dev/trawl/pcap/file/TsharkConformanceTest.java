package dev.trawl.pcap.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Every pcapng capture of the corpus that tshark reads gives the packets tshark shows: interface ids,
 * timestamps, lengths and comments. This covers what libpcap refuses (interfaces of different link types or
 * snapshot lengths, sections of different byte orders) and the pcapng metadata libpcap does not expose.
 */
@Tag("native")
class TsharkConformanceTest {
    @TestFactory
    Stream<DynamicTest> everyPcapngCaptureReadsAsTsharkReadsIt() throws IOException {
        Oracle.require(Oracle.onPath("tshark"), "tshark");
        Path captures = Oracle.corpus().resolve("captures");
        List<Path> files;
        try (Stream<Path> list = Files.list(captures)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".pcapng")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> compare(f)));
    }

    private static void compare(Path file) throws Exception {
        Oracle.Result r = Oracle.run(List.of("tshark", "-n", "-r", file.toString(), "-T", "fields", "-E",
                "separator=/t", "-e", "frame.interface_id", "-e", "frame.time_epoch", "-e", "frame.len", "-e",
                "frame.cap_len", "-e", "frame.comment"));
        if (r.exit() != 0) {
            return; // tshark refuses it; LibpcapConformanceTest holds the reader to libpcap's verdict there
        }
        List<String[]> packets = new ArrayList<>();
        for (String line : r.lines()) {
            String[] f = line.split("\t", -1);
            if (!f[0].isEmpty()) { // rows without an interface are custom or other non-packet records
                packets.add(f);
            }
        }
        if (packets.isEmpty()) {
            return; // no packets: files without interfaces, which libpcap and this reader refuse to open
        }
        try (OfflineHandle handle = new JavaBackend().openOffline(file, OfflineOptions.of(TimestampPrecision.NANO))) {
            int frame = 0;
            for (String[] f : packets) {
                frame++;
                assertEquals(ReadStatus.PACKET, handle.next(), "packet " + frame);
                Packet p = handle.packet();
                assertEquals(Integer.parseInt(f[0]), p.interfaceId(), "interface of packet " + frame);
                if (!f[1].isEmpty()) {
                    long expected = new BigDecimal(f[1]).movePointRight(9).longValueExact();
                    assertEquals(expected, p.timestampEpochNanos(), "timestamp of packet " + frame);
                }
                assertEquals(Integer.parseInt(f[2]), p.originalLength(), "len of packet " + frame);
                assertEquals(Integer.parseInt(f[3]), p.capturedLength(), "caplen of packet " + frame);
                String comment = f[4].isEmpty() ? null : f[4].split(",")[0];
                if (comment != null) {
                    assertTrue(p.comment() != null && p.comment().startsWith(comment),
                            "comment of packet " + frame + ": " + p.comment());
                } else {
                    assertEquals(null, p.comment(), "comment of packet " + frame);
                }
            }
            assertEquals(ReadStatus.END_OF_FILE, handle.next(), "tshark shows " + packets.size() + " packets");
        }
    }
}
