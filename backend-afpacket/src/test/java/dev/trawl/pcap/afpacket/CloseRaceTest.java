package dev.trawl.pcap.afpacket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.PacketHandler;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.tck.VethPair;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Closing a handle while another thread reads it, thousands of times, with frames flowing: the reader must
 * end (normally, or with {@link IllegalStateException}), never hang, and never read the ring after it is
 * unmapped (which would crash the JVM, not fail the test). A packet kept past the close must throw instead of
 * reading. Descriptors and ring mappings must not pile up over the rounds.
 */
class CloseRaceTest extends OnVethPair {
    private static final int ROUNDS = Integer.getInteger("trawl.afpacket.closeRounds", 2000);
    private LiveFrames frames;
    private LiveFrames.Sender sender;

    @BeforeAll
    void start() throws Exception {
        frames = new LiveFrames();
        // frames leaving end a are captured there too, as outgoing ones
        sender = new LiveFrames.Sender(pair.a, frames.frame(1, LiveFrames.ETHERTYPE, 64),
                frames.frame(2, LiveFrames.ETHERTYPE, 600, 0x8100, 5));
    }

    @AfterAll
    void stop() {
        if (sender != null) {
            sender.close();
        }
    }

    /** Reads the whole packet, so that a read of unmapped memory would fault. */
    private static long touch(ByteBuffer data) {
        long sum = 0;
        for (int i = data.position(); i < data.limit(); i++) {
            sum += data.get(i);
        }
        return sum;
    }

    @Test
    void closingWhileAnotherThreadReadsTheRingNeverUnmapsItUnderTheReader() throws Exception {
        int fdsBefore = openDescriptors();
        List<String> failures = new ArrayList<>();
        int closedInside = 0;
        for (int round = 0; round < ROUNDS && failures.size() < 5; round++) {
            LiveHandle h = LiveFrames.afpacket().openLive(pair.a, LiveFrames.quick().bufferSize(128 << 10).build());
            CountDownLatch reading = new CountDownLatch(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicReference<ByteBuffer> kept = new AtomicReference<>();
            int mode = round % 3;
            PacketHandler handler = p -> {
                kept.set(p.data());
                reading.countDown();
                touch(p.data());
            };
            Thread reader = Thread.ofPlatform().name("close-race-reader").start(() -> {
                try {
                    switch (mode) {
                        case 0 -> h.loop(0, handler);
                        case 1 -> {
                            while (h.dispatch(0, handler) >= 0) {
                                Thread.onSpinWait();
                            }
                        }
                        default -> {
                            while (h.next() != ReadStatus.INTERRUPTED) {
                                if (h.isOpen()) {
                                    handler.onPacket(h.packet());
                                }
                            }
                        }
                    }
                } catch (IllegalStateException closed) {
                    // a read that began after the close, or a view touched after it: what the contract says
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            boolean inside = reading.await(2, TimeUnit.SECONDS);
            long pause = ThreadLocalRandom.current().nextLong(200_000);
            for (long until = System.nanoTime() + pause; System.nanoTime() < until; ) {
                Thread.onSpinWait();
            }
            h.close();
            reader.join(5_000);
            if (reader.isAlive()) {
                failures.add("round " + round + ": the reader did not end after close (mode " + mode + ")");
                reader.interrupt();
                continue;
            }
            if (failure.get() != null) {
                failures.add("round " + round + ": " + failure.get());
            }
            assertFalse(h.isOpen());
            if (inside) {
                closedInside++;
                ByteBuffer view = kept.get();
                assertThrows(IllegalStateException.class, () -> touch(view), "a view used after close");
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(closedInside > ROUNDS / 2, "the reader was inside the ring at the close in only " + closedInside
                + " of " + ROUNDS + " rounds: the test did not exercise the race");
        assertEquals(0, PacketSocket.openCount() - 1, "only the sender's socket is open");
        assertTrue(openDescriptors() <= fdsBefore + 2, "descriptors: " + fdsBefore + " before, "
                + openDescriptors() + " after");
    }

    static int openDescriptors() throws Exception {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count();
        }
    }
}
