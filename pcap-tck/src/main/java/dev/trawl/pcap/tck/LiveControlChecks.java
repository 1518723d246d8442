package dev.trawl.pcap.tck;

import dev.trawl.pcap.Capability;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ending blocked live reads: {@code breakLoop} wakes a {@code next} or {@code loop} that waits for traffic
 * that never comes (no timeout), {@code close} ends a blocked loop, and deleting the interface under a
 * capture ends the read with a {@link PcapException} instead of a hang. The reads wait on the group's pair,
 * whose namespace sends nothing unless the kit injects it.
 */
abstract class LiveControlChecks extends LiveBase {
    /** No timeout and no immediate mode: a read waits until a packet or a break. */
    private LiveHandle blockingCapture(String device) throws Exception {
        return capture(device, LiveOptions.builder().timeout(Duration.ZERO).build());
    }

    private static <T> T within(Future<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    @Test
    void breakLoopWakesABlockedNext() throws Exception {
        Assumptions.assumeTrue(supports(Capability.BREAK_LOOP), "the backend does not declare BREAK_LOOP");
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (LiveHandle h = blockingCapture(pair.a)) {
            Future<ReadStatus> read = reader.submit(() -> {
                ReadStatus s;
                do {
                    s = h.next();
                } while (s == ReadStatus.PACKET && !ours(h.packet().copy().bytes()));
                return s;
            });
            Thread.sleep(300);
            assertFalse(read.isDone(), "next() should block without traffic");
            h.breakLoop();
            assertEquals(ReadStatus.INTERRUPTED, within(read));
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    void breakLoopEndsABlockedLoop() throws Exception {
        Assumptions.assumeTrue(supports(Capability.BREAK_LOOP), "the backend does not declare BREAK_LOOP");
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (LiveHandle h = blockingCapture(pair.a)) {
            Future<Long> loop = reader.submit(() -> h.loop(0, p -> { }));
            Thread.sleep(300);
            assertFalse(loop.isDone(), "loop() should block without traffic");
            h.breakLoop();
            assertEquals(0L, within(loop));
            assertTrue(h.isOpen(), "the handle stays usable");
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    void closeEndsABlockedLoopOnAnotherThread() throws Exception {
        ExecutorService reader = Executors.newSingleThreadExecutor();
        LiveHandle h = blockingCapture(pair.a);
        try {
            Future<Object> loop = reader.submit(() -> {
                try {
                    return h.loop(0, p -> { });
                } catch (IllegalStateException | PcapException acceptable) {
                    return acceptable;
                }
            });
            Thread.sleep(300);
            assertFalse(loop.isDone(), "loop() should block without traffic");
            h.close();
            assertFalse(h.isOpen());
            within(loop);
        } finally {
            h.close();
            reader.shutdownNow();
        }
    }

    @Test
    void deletingTheInterfaceEndsTheReadWithAnError() throws Exception {
        VethPair doomed = VethPair.create(); // a namespace and pair of its own, so the group's pair survives
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (LiveHandle h = backend().openLive(doomed.a, LiveOptions.builder().timeout(Duration.ofMillis(200)).build())) {
            Future<Object> read = reader.submit(() -> {
                try {
                    while (true) {
                        h.next();
                    }
                } catch (PcapException e) {
                    return e;
                }
            });
            Thread.sleep(300);
            assertFalse(read.isDone(), "reading goes on while the interface exists");
            doomed.deleteLink();
            Object outcome = within(read);
            assertInstanceOf(PcapException.class, outcome);
            String message = ((PcapException) outcome).getMessage();
            assertTrue(message != null && !message.isBlank(), "a clear message");
        } finally {
            doomed.close();
            reader.shutdownNow();
        }
    }
}
