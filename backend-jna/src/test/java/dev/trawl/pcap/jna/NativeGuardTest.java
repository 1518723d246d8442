package dev.trawl.pcap.jna;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeGuardTest {
    private final AtomicInteger frees = new AtomicInteger();
    private final AtomicInteger wakes = new AtomicInteger();
    private final NativeGuard guard = new NativeGuard("thing", frees::incrementAndGet);

    @Test
    void closeWhileIdleFreesAtOnceWithoutWaking() {
        guard.enter();
        guard.exit();
        assertTrue(guard.close(wakes::incrementAndGet, 1000, false));
        assertEquals(1, frees.get());
        assertEquals(0, wakes.get());
        assertTrue(guard.isClosed());
    }

    @Test
    void closeIsIdempotent() {
        guard.close(wakes::incrementAndGet, 1000, false);
        guard.close(wakes::incrementAndGet, 1000, false);
        assertEquals(1, frees.get());
    }

    @Test
    void enterAfterCloseIsAnIllegalStateAndTryEnterSaysNo() {
        guard.close(() -> { }, 1000, false);
        IllegalStateException e = assertThrows(IllegalStateException.class, guard::enter);
        assertTrue(e.getMessage().contains("thing"), e.getMessage());
        assertFalse(guard.tryEnter());
    }

    @Test
    void aUserInsideDefersTheFreeUntilItLeaves() {
        guard.enter();
        assertFalse(guard.close(wakes::incrementAndGet, 0, true), "the caller is the user: nothing freed yet");
        assertEquals(1, wakes.get(), "the user was woken");
        assertEquals(0, frees.get(), "never freed under a user");
        guard.exit();
        assertEquals(1, frees.get(), "the last user to leave frees");
    }

    @Test
    void closeFromAnotherThreadWaitsForTheUserToLeave() throws Exception {
        ExecutorService user = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch woken = new CountDownLatch(1);
            Future<?> using = user.submit(() -> {
                guard.enter();
                try {
                    inside.countDown();
                    woken.await(10, TimeUnit.SECONDS);
                    assertEquals(0, frees.get(), "not freed while inside");
                } finally {
                    guard.exit();
                }
                return null;
            });
            inside.await();
            assertTrue(guard.close(woken::countDown, 10_000, false), "freed when close returns");
            assertEquals(1, frees.get());
            using.get(10, TimeUnit.SECONDS);
        } finally {
            user.shutdownNow();
        }
    }

    @Test
    void concurrentClosesFreeExactlyOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 200; round++) {
                AtomicInteger freed = new AtomicInteger();
                NativeGuard g = new NativeGuard("x", freed::incrementAndGet);
                CountDownLatch go = new CountDownLatch(1);
                Future<?>[] closers = new Future<?>[4];
                for (int i = 0; i < closers.length; i++) {
                    int which = i;
                    closers[i] = pool.submit(() -> {
                        go.await();
                        if (which % 2 == 0) {
                            g.close(() -> { }, 1000, false);
                        } else if (g.tryEnter()) {
                            g.exit();
                        }
                        return null;
                    });
                }
                go.countDown();
                for (Future<?> f : closers) {
                    f.get(10, TimeUnit.SECONDS);
                }
                assertEquals(1, freed.get(), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
