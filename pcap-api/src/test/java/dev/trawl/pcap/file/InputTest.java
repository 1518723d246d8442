package dev.trawl.pcap.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.DumpOptions;
import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.PacketRecord;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.tck.TestCorpus;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inputs under the readers: streams that deliver a few bytes at a time, and mappings through windows. */
class InputTest {
    @TempDir
    Path dir;

    /** A stream that returns at most a few bytes per read, as a pipe under load may. */
    static final class Trickle extends FilterInputStream {
        private final Random random = new Random(1);

        Trickle(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1 + random.nextInt(7)));
        }
    }

    private static List<PacketRecord> read(OfflineHandle h) throws IOException {
        List<PacketRecord> all = new ArrayList<>();
        try (h) {
            while (h.next() == ReadStatus.PACKET) {
                all.add(h.packet().copy());
            }
        } catch (MalformedCaptureException e) {
            all.add(new PacketRecord(-1, 0, 0, new byte[0])); // the failure, at its place
        }
        return all;
    }

    @Test
    void tricklingStreamsReadAsFilesDo() throws IOException {
        JavaBackend backend = new JavaBackend();
        List<Path> files = TestCorpus.captureFiles();
        int compared = 0;
        for (Path file : files) {
            List<PacketRecord> fromPath;
            try {
                fromPath = read(backend.openOffline(file, OfflineOptions.of(TimestampPrecision.NANO)));
            } catch (MalformedCaptureException e) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(file);
            List<PacketRecord> fromStream = read(backend.openOffline(
                    new Trickle(new ByteArrayInputStream(bytes)), OfflineOptions.of(TimestampPrecision.NANO)));
            assertEquals(fromPath, fromStream, file.getFileName().toString());
            compared++;
        }
        assertTrue(compared > 150, compared + " files compared");
    }

    @Test
    void pcapngBlocksStraddlingReadWindowsRead() throws IOException {
        Path file = dir.resolve("big.pcapng");
        Random random = new Random(3);
        int count = 0;
        try (Dumper d = new JavaBackend().openDumper(file, LinkType.ETHERNET, 65535,
                DumpOptions.builder().format(CaptureFormat.PCAPNG).precision(TimestampPrecision.NANO).build())) {
            while (Files.size(file) < SourceInput.FILE_WINDOW * 4 + 50_000) {
                byte[] frame = new byte[40 + random.nextInt(3000)];
                random.nextBytes(frame);
                d.write(count, count, frame.length, ByteBuffer.wrap(frame));
                count++;
                if (count % 100 == 0) {
                    d.flush();
                }
            }
        }
        List<PacketRecord> windowed = read(new JavaBackend(8192).openOffline(file,
                OfflineOptions.of(TimestampPrecision.NANO)));
        List<PacketRecord> streamed = read(new JavaBackend().openOffline(
                new ByteArrayInputStream(Files.readAllBytes(file)), OfflineOptions.of(TimestampPrecision.NANO)));
        assertEquals(count, windowed.size());
        assertEquals(streamed, windowed);
        assertEquals(count - 1, windowed.get(count - 1).timestampNanos());
    }
}
