package dev.trawl.pcap.panama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.tck.TestCorpus;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Closes handles from another thread at random moments while a reader is busy with {@code next()},
 * {@code loop} or a packet view, many times over: the reader ends with a result or an
 * {@link IllegalStateException}, the close returns, and the process survives (a use of freed memory would
 * crash it).
 */
@Tag("native")
class PanamaCloseRaceTest {
    @Test
    void closingWhileAnotherThreadReadsNeverUsesFreedMemory() throws Exception {
        Backend backend = Fixtures.backend();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        int arenasBefore = Arenas.live();
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (int round = 0; round < 200; round++) {
                    OfflineHandle h = backend.openOffline(TestCorpus.capture("afs.pcap"));
                    CountDownLatch started = new CountDownLatch(1);
                    boolean useLoop = round % 2 == 0;
                    Future<Long> reading = reader.submit(() -> {
                        long sum = 0;
                        started.countDown();
                        try {
                            if (useLoop) {
                                h.loop(0, p -> touch(p));
                            } else {
                                for (int pass = 0; pass < 1_000_000; pass++) {
                                    if (h.next() != ReadStatus.PACKET) {
                                        break;
                                    }
                                    sum += touch(h.packet());
                                }
                            }
                        } catch (IllegalStateException closed) {
                            return -1L;
                        }
                        return sum;
                    });
                    started.await();
                    if (ThreadLocalRandom.current().nextBoolean()) {
                        Thread.onSpinWait();
                    } else {
                        TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextInt(200));
                    }
                    h.close();
                    assertFalse(h.isOpen());
                    reading.get(10, TimeUnit.SECONDS);
                }
                return null;
            });
        } finally {
            reader.shutdownNow();
        }
        assertEquals(arenasBefore, Arenas.live(), "every raced handle released its arena");
    }

    private static long touch(Packet p) {
        ByteBuffer data = p.data();
        return data.remaining() == 0 ? 0 : data.get(data.limit() - 1) + p.timestampNanos();
    }
}
