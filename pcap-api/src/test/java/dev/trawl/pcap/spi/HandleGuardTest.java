package dev.trawl.pcap.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandleGuardTest {
    /** Counts what the guard does, and fails a free that comes while a user is inside. */
    static final class Native implements HandleGuard.Resource {
        final AtomicInteger wakes = new AtomicInteger();
        final AtomicInteger frees = new AtomicInteger();
        final AtomicInteger inside = new AtomicInteger();
        final AtomicBoolean freedUnderUser = new AtomicBoolean();
        final CountDownLatch freed = new CountDownLatch(1);

        @Override
        public void wake() {
            wakes.incrementAndGet();
        }

        @Override
        public void free() {
            if (inside.get() != 0) {
                freedUnderUser.set(true);
            }
            frees.incrementAndGet();
            freed.countDown();
        }
    }

    private final ExecutorService other = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        other.shutdownNow();
    }

    @Test
    void oneThreadReadsAtATimeAndAReadFromItsOwnHandlerIsRefused() throws Exception {
        HandleGuard guard = new HandleGuard(new Object(), "capture on eth0", new Native());
        guard.enter();
        assertTrue(guard.isReadingThread());
        IllegalStateException nested = assertThrows(IllegalStateException.class, guard::enter);
        assertEquals("capture on eth0 cannot be used from inside its own packet handler", nested.getMessage());
        IllegalStateException concurrent = other.submit(() -> assertThrows(IllegalStateException.class, guard::enter))
                .get();
        assertTrue(concurrent.getMessage().contains("in use by another thread"), concurrent.getMessage());
        guard.exit();
        assertFalse(guard.isReadingThread());
        other.submit(() -> {
            guard.enter();
            guard.exit();
            return null;
        }).get();
    }

    @Test
    void closeIsIdempotentAndEveryLaterUseIsAnIllegalState() {
        Native resource = new Native();
        HandleGuard guard = new HandleGuard(new Object(), "capture on eth0", resource);
        assertTrue(guard.isOpen());
        guard.close();
        guard.close();
        assertFalse(guard.isOpen());
        assertEquals(1, resource.wakes.get());
        assertEquals(1, resource.frees.get());
        assertEquals("capture on eth0 is closed", assertThrows(IllegalStateException.class, guard::enter).getMessage());
        assertThrows(IllegalStateException.class, guard::enterShared);
        assertThrows(IllegalStateException.class, guard::checkOpen);
        assertFalse(guard.tryEnterShared());
    }

    @Test
    void closeFromAnotherThreadWakesTheReaderAndFreesOnlyOnceItHasLeft() throws Exception {
        Native resource = new Native();
        HandleGuard guard = new HandleGuard(new Object(), "capture on eth0", resource);
        CountDownLatch inRead = new CountDownLatch(1);
        CountDownLatch woken = new CountDownLatch(1);
        Future<?> reader = other.submit(() -> {
            guard.enter();
            resource.inside.incrementAndGet();
            try {
                inRead.countDown();
                // a read blocked in native code, until the close wakes it
                while (resource.wakes.get() == 0) {
                    Thread.onSpinWait();
                }
                woken.countDown();
                Thread.sleep(50); // still inside for a while after the wake
            } finally {
                resource.inside.decrementAndGet();
                guard.exit();
            }
            return null;
        });
        assertTrue(inRead.await(10, TimeUnit.SECONDS));
        guard.close();
        assertTrue(woken.await(0, TimeUnit.SECONDS), "close woke the reader before it returned");
        assertEquals(1, resource.frees.get(), "close returned after the free");
        assertFalse(resource.freedUnderUser.get(), "never freed under the reader");
        reader.get();
    }

    @Test
    void closeWaitsForSharedCallsToLeave() throws Exception {
        Native resource = new Native();
        HandleGuard guard = new HandleGuard(new Object(), "capture on eth0", resource);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> stats = other.submit(() -> {
            guard.enterShared();
            resource.inside.incrementAndGet();
            try {
                inside.countDown();
                release.await();
            } finally {
                resource.inside.decrementAndGet();
                guard.exitShared();
            }
            return null;
        });
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        Future<?> closing = other.submit(guard::close);
        Thread.sleep(50);
        assertEquals(0, resource.frees.get(), "not freed while a call is inside");
        assertFalse(guard.isOpen());
        release.countDown();
        closing.get(10, TimeUnit.SECONDS);
        stats.get();
        assertEquals(1, resource.frees.get());
        assertFalse(resource.freedUnderUser.get());
    }

    @Test
    void closeFromInsideAReadIsFinishedWhenTheReadReturns() {
        Native resource = new Native();
        HandleGuard guard = new HandleGuard(new Object(), "capture on eth0", resource);
        guard.enter();
        resource.inside.incrementAndGet();
        guard.close(); // a packet handler closing its own handle
        assertFalse(guard.isOpen());
        assertEquals(1, resource.wakes.get());
        assertEquals(0, resource.frees.get(), "not freed under the handler");
        resource.inside.decrementAndGet();
        guard.exit();
        assertEquals(1, resource.frees.get(), "freed when the read returned");
        guard.close();
        assertEquals(1, resource.frees.get());
    }

    @Test
    void aReaderThatStaysInsideLetsCloseReturnAndIsFreedAfterItLeaves() throws Exception {
        Native resource = new Native();
        HandleGuard guard = new HandleGuard(new Object(), "capture on eth0", resource,
                Duration.ofMillis(100).toNanos());
        CountDownLatch inRead = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        Future<?> reader = other.submit(() -> {
            guard.enter();
            resource.inside.incrementAndGet();
            try {
                inRead.countDown();
                leave.await(); // deaf to the wake
            } finally {
                resource.inside.decrementAndGet();
                guard.exit();
            }
            return null;
        });
        assertTrue(inRead.await(10, TimeUnit.SECONDS));
        long start = System.nanoTime();
        guard.close();
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "close returned after its wait");
        assertEquals(0, resource.frees.get());
        leave.countDown();
        reader.get();
        assertTrue(resource.freed.await(10, TimeUnit.SECONDS), "freed once the reader left");
        assertEquals(1, resource.frees.get());
        assertFalse(resource.freedUnderUser.get());
    }

    @Test
    void anOwnerNeverClosedIsReclaimedOnceUnreachable() throws Exception {
        Native resource = new Native();
        registerAndDrop(resource);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (resource.freed.getCount() > 0 && System.nanoTime() < deadline) {
            System.gc();
            resource.freed.await(50, TimeUnit.MILLISECONDS);
        }
        assertEquals(1, resource.frees.get(), "the cleaner closed the guard of the unreachable owner");
        assertEquals(1, resource.wakes.get());
    }

    private static void registerAndDrop(Native resource) {
        Object owner = new Object();
        HandleGuard guard = new HandleGuard(owner, "capture on eth0", resource);
        guard.enter();
        guard.exit();
    }

    @Test
    void racingCloseNeverFreesUnderAReaderAndFreesOnce() throws Exception {
        for (int round = 0; round < 200; round++) {
            Native resource = new Native();
            HandleGuard guard = new HandleGuard(new Object(), "capture on eth0", resource);
            CountDownLatch started = new CountDownLatch(1);
            Future<Integer> reader = other.submit(() -> {
                int reads = 0;
                started.countDown();
                while (true) {
                    try {
                        guard.enter();
                    } catch (IllegalStateException closed) {
                        return reads;
                    }
                    resource.inside.incrementAndGet();
                    reads++;
                    resource.inside.decrementAndGet();
                    guard.exit();
                }
            });
            Future<?> user = other.submit(() -> {
                while (guard.tryEnterShared()) {
                    resource.inside.incrementAndGet();
                    resource.inside.decrementAndGet();
                    guard.exitShared();
                }
            });
            started.await();
            guard.close();
            reader.get(10, TimeUnit.SECONDS);
            user.get(10, TimeUnit.SECONDS);
            assertEquals(1, resource.frees.get(), "round " + round);
            assertFalse(resource.freedUnderUser.get(), "round " + round);
        }
    }

    @Test
    void closeAfterMakesOneLastCallThenCloses() throws Exception {
        Native resource = new Native();
        HandleGuard guard = new HandleGuard(new Object(), "dumper to x.pcap", resource);
        assertEquals(7, guard.closeAfter(() -> {
            assertTrue(guard.isReadingThread(), "the last call runs as the reading thread");
            assertEquals(0, resource.frees.get(), "before the free");
            return 7;
        }, -1));
        assertEquals(1, resource.frees.get());
        assertEquals(-1, guard.closeAfter(() -> 7, -1), "not on a closed object");

        Native busy = new Native();
        HandleGuard writing = new HandleGuard(new Object(), "dumper to x.pcap", busy);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> writer = other.submit(() -> {
            writing.enter();
            try {
                inside.countDown();
                release.await();
            } finally {
                writing.exit();
            }
            return null;
        });
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        Future<Integer> closing = other.submit(() -> writing.closeAfter(() -> 7, -1));
        Thread.sleep(20);
        release.countDown();
        assertEquals(-1, closing.get(10, TimeUnit.SECONDS), "not while another thread writes");
        writer.get();
        assertEquals(1, busy.frees.get());
    }

    @Test
    void concurrentClosesFreeExactlyOnce() throws Exception {
        for (int round = 0; round < 200; round++) {
            Native resource = new Native();
            HandleGuard guard = new HandleGuard(new Object(), "capture on eth0", resource);
            CountDownLatch go = new CountDownLatch(1);
            Future<?>[] closers = new Future<?>[4];
            for (int i = 0; i < closers.length; i++) {
                closers[i] = other.submit(() -> {
                    go.await();
                    guard.close();
                    assertFalse(guard.isOpen());
                    return null;
                });
            }
            go.countDown();
            for (Future<?> closer : closers) {
                closer.get(10, TimeUnit.SECONDS);
            }
            assertEquals(1, resource.frees.get(), "round " + round);
            assertEquals(1, resource.wakes.get(), "round " + round);
        }
    }
}
