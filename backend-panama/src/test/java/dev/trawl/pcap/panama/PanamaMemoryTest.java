package dev.trawl.pcap.panama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.tck.CraftedCaptures;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zero-copy read path allocates nothing per packet, and reading a large file many times, every way,
 * leaves no native resource behind: the backend's own arena accounting ({@link Arenas}), its stream cookies,
 * and the process's file descriptors (each {@code pcap_t} and dumper holds a {@code FILE}) come back to where
 * they were. Those counts are exact, where the process's malloc total moves by megabytes as the JIT works.
 */
@Tag("native")
class PanamaMemoryTest {
    private static final int PACKETS = 100_000;

    @TempDir
    static Path dir;
    private static Path file;

    @BeforeAll
    static void writeLargeCapture() throws IOException {
        file = dir.resolve("large.pcap");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(CraftedCaptures.pcapHeader(ByteOrder.LITTLE_ENDIAN, false, 65535, 1));
            ByteBuffer record = ByteBuffer.allocate(16 + 64).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < PACKETS; i++) {
                record.clear();
                record.putInt(1_700_000_000 + i / 1000).putInt(i % 1000 * 1000).putInt(64).putInt(64);
                for (int b = 0; b < 64; b++) {
                    record.put((byte) (i + b));
                }
                out.write(record.array());
            }
        }
    }

    private static long sum(OfflineHandle h) throws Exception {
        long sum = 0;
        while (h.next() == ReadStatus.PACKET) {
            Packet p = h.packet();
            ByteBuffer data = p.data();
            sum += p.capturedLength() + data.get(data.position() + 63) + p.timestampNanos();
        }
        return sum;
    }

    @Test
    void zeroCopyNextAllocatesNothingPerPacket() throws Exception {
        Backend backend = Fixtures.backend();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = 0;
        long after = 0;
        for (int round = 0; round < 8; round++) { // the last rounds run compiled code
            try (OfflineHandle h = backend.openOffline(file)) {
                assertEquals(ReadStatus.PACKET, h.next());
                before = threads.getCurrentThreadAllocatedBytes();
                sum(h);
                after = threads.getCurrentThreadAllocatedBytes();
            }
        }
        long perPacket = (after - before) / PACKETS;
        assertTrue(after - before < 64 * 1024, (after - before) + " bytes allocated reading " + PACKETS
                + " packets (" + perPacket + " per packet)");
    }

    @Test
    void readingALargeFileManyTimesLeavesNoNativeResourceBehind() throws Exception {
        Backend backend = Fixtures.backend();
        readEveryWay(backend);
        int arenas = Arenas.live();
        int cookies = CookieFiles.live();
        long fds = openFileDescriptors();
        for (int i = 0; i < 20; i++) {
            readEveryWay(backend);
        }
        // every handle and dumper owns one arena, a pcap_t with its FILE (a descriptor, or a cookie for streams)
        assertEquals(arenas, Arenas.live(), "arenas left open");
        assertEquals(cookies, CookieFiles.live(), "stream cookies left open");
        assertEquals(fds, openFileDescriptors(), "file descriptors left open");
    }

    private static long openFileDescriptors() throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static void readEveryWay(Backend backend) throws Exception {
        long expected;
        try (OfflineHandle h = backend.openOffline(file)) {
            expected = sum(h);
        }
        try (OfflineHandle h = backend.openOffline(file)) {
            long[] n = {0};
            h.loop(0, p -> n[0]++);
            assertEquals(PACKETS, n[0]);
        }
        try (InputStream in = Files.newInputStream(file);
                OfflineHandle h = backend.openOffline(in, OfflineOptions.defaults())) {
            assertEquals(expected, sum(h));
        }
        try (OfflineHandle h = backend.openOffline(file); var d = h.newDumper(dir.resolve("copy.pcap"))) {
            h.setFilter("len > 0");
            h.dispatch(1000, d::write);
        }
    }
}
