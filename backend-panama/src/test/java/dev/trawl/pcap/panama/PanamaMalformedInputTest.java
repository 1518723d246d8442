package dev.trawl.pcap.panama;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.tck.TestCorpus;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupted captures (seeded, so each run reads the same ones) read through the path and the stream: every
 * outcome is packets and then an end or a {@link PcapException}, and every delivered packet is consistent
 * (its view holds its captured length, its timestamp is normalised). Nothing crashes, hangs or throws an
 * unchecked exception.
 */
@Tag("native")
class PanamaMalformedInputTest {
    @TempDir
    Path dir;

    @Test
    void corruptedCapturesEndInPacketsOrAPcapException() throws Exception {
        Backend backend = Fixtures.backend();
        SplittableRandom random = new SplittableRandom(20261126);
        int outcomes = 0;
        for (String name : List.of("dns_udp.pcap", "local-netns-lo-nano.pcap", "pcapnggen-le-basic-test001.pcapng",
                "pcapnggen-be-basic-test010.pcapng", "afs.pcap")) {
            byte[] original = Files.readAllBytes(TestCorpus.capture(name));
            for (int round = 0; round < 40; round++) {
                byte[] bytes = original.clone();
                int flips = 1 + random.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    int at = random.nextInt(Math.min(bytes.length, 400)); // headers live near the start
                    bytes[at] = (byte) random.nextInt(256);
                }
                if (random.nextInt(4) == 0) {
                    bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length)); // truncated
                }
                Path file = dir.resolve("mutated.bin");
                Files.write(file, bytes);
                readToTheEnd(() -> backend.openOffline(file, OfflineOptions.of(TimestampPrecision.NANO)));
                byte[] copy = bytes;
                readToTheEnd(() -> backend.openOffline(new ByteArrayInputStream(copy), OfflineOptions.defaults()));
                outcomes += 2;
            }
        }
        assertTrue(outcomes == 400);
    }

    private interface Opener {
        OfflineHandle open() throws PcapException;
    }

    private static void readToTheEnd(Opener opener) {
        try (OfflineHandle h = opener.open()) {
            for (int n = 0; n < 100_000; n++) {
                ReadStatus status = h.next();
                if (status == ReadStatus.END_OF_FILE) {
                    return;
                }
                assertTrue(status == ReadStatus.PACKET, "offline reads give packets: " + status);
                Packet p = h.packet();
                ByteBuffer data = p.data();
                assertTrue(data.remaining() == p.capturedLength(), "the view holds the captured bytes");
                assertTrue(p.originalLength() >= p.capturedLength() || p.originalLength() < 0);
                assertTrue(p.timestampNanos() >= 0 && p.timestampNanos() < 1_000_000_000);
                if (data.remaining() > 0) {
                    data.get(data.limit() - 1);
                }
            }
        } catch (PcapException expected) {
            // a malformed capture: what libpcap says of it
        }
    }
}
