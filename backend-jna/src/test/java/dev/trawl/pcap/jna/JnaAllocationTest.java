package dev.trawl.pcap.jna;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.DumpOptions;
import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.ReadStatus;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading a file with next(), dispatch or loop allocates nothing per packet once the views exist. */
@Tag("native")
class JnaAllocationTest {
    private static final int PACKETS = 20_000;

    @TempDir
    Path dir;

    private Path file(Backend backend) throws Exception {
        Path file = dir.resolve("small.pcap");
        byte[] frame = new byte[64];
        try (Dumper d = backend.openDumper(file, LinkType.ETHERNET, 65535, DumpOptions.defaults())) {
            for (int i = 0; i < PACKETS; i++) {
                frame[0] = (byte) i;
                d.write(1_700_000_000L + i, (i % 1000) * 1000, 64 + i % 32, ByteBuffer.wrap(frame, 0, 64 - i % 8));
            }
        }
        return file;
    }

    /**
     * The current thread's allocation counter ({@code com.sun.management.ThreadMXBean}), reached reflectively
     * because the test is compiled inside the module, which does not read java.management.
     */
    private static java.util.function.LongSupplier allocatedBytes() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            Class<?> sun = Class.forName("com.sun.management.ThreadMXBean");
            Assumptions.assumeTrue(sun.isInstance(bean), "no per-thread allocation counter");
            java.lang.reflect.Method counter = sun.getMethod("getThreadAllocatedBytes", long.class);
            long thread = Thread.currentThread().getId();
            return () -> {
                try {
                    return (Long) counter.invoke(bean, thread);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            };
        } catch (ReflectiveOperationException e) {
            Assumptions.abort("no per-thread allocation counter: " + e);
            return null;
        }
    }

    @Test
    void nextAllocatesNothingPerPacket() throws Exception {
        Backend backend = Pcap.backend("jna");
        Path file = file(backend);
        java.util.function.LongSupplier allocated = allocatedBytes();
        for (int round = 0; round < 3; round++) { // later rounds run compiled code
            try (OfflineHandle h = backend.openOffline(file)) {
                h.next(); // the first packet makes the views
                long sum = 0;
                int n = 1;
                long before = allocated.getAsLong();
                while (h.next() == ReadStatus.PACKET) {
                    Packet p = h.packet();
                    sum += p.capturedLength() + p.data().get(p.data().position()) + p.timestampNanos();
                    n++;
                }
                long spent = allocated.getAsLong() - before;
                assertEquals(PACKETS, n);
                assertTrue(sum != 0);
                if (round == 2) {
                    assertTrue(spent < PACKETS, "allocated " + spent + " bytes for " + PACKETS + " packets");
                }
            }
        }
    }

    @Test
    void loopAllocatesNothingPerPacket() throws Exception {
        Backend backend = Pcap.backend("jna");
        Path file = file(backend);
        java.util.function.LongSupplier allocated = allocatedBytes();
        long[] sum = {0};
        for (int round = 0; round < 3; round++) {
            try (OfflineHandle h = backend.openOffline(file)) {
                h.next();
                long before = allocated.getAsLong();
                long n = h.loop(0, p -> sum[0] += p.capturedLength());
                long spent = allocated.getAsLong() - before;
                assertEquals(PACKETS - 1, n);
                if (round == 2) {
                    assertTrue(spent < PACKETS, "allocated " + spent + " bytes for " + PACKETS + " packets");
                }
            }
        }
    }
}
