package dev.trawl.pcap.tck;

import dev.trawl.pcap.Handle;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.PacketRecord;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reading calls on one well-formed capture: that {@code next}, {@code dispatch} and {@code loop} deliver
 * the same packets in the same order whichever mix is used; their return codes; {@code breakLoop} from a
 * handler, from another thread and while idle; handler exceptions; closing twice, closing while another
 * thread loops, closing from a handler, use after close, and a handle never closed.
 */
abstract class ReadChecks extends KitPart {
    static final String CAPTURE = "local-netns-eth-veth.pcap";

    private Path file;
    private List<PacketRecord> all;

    @BeforeEach
    void readReference() throws Exception {
        file = corpus().capture(CAPTURE).path();
        all = bounded(() -> {
            try (OfflineHandle h = backend().openOffline(file)) {
                return readAll(h).packets();
            }
        });
        assertTrue(all.size() > 100, "the reference capture has packets");
    }

    private OfflineHandle open() throws Exception {
        return backend().openOffline(file);
    }

    @Test
    void nextKeepsReturningEndOfFileAtTheEnd() throws Exception {
        bounded(() -> {
            try (OfflineHandle h = open()) {
                assertEquals(all.size(), readAll(h).packets().size());
                assertEquals(ReadStatus.END_OF_FILE, h.next());
                assertEquals(ReadStatus.END_OF_FILE, h.next());
                assertThrows(IllegalStateException.class, h::packet, "no packet after end of file");
            }
            return null;
        });
    }

    @Test
    void packetBeforeAnyReadIsAnIllegalState() throws Exception {
        try (OfflineHandle h = open()) {
            assertThrows(IllegalStateException.class, h::packet);
        }
    }

    @Test
    void packetViewIsAReadOnlyBigEndianBufferOfTheCapturedBytes() throws Exception {
        try (OfflineHandle h = open()) {
            assertEquals(ReadStatus.PACKET, h.next());
            Packet p = h.packet();
            ByteBuffer data = p.data();
            assertTrue(data.isReadOnly(), "the view is read-only");
            assertEquals(ByteOrder.BIG_ENDIAN, data.order());
            assertEquals(p.capturedLength(), data.remaining());
            byte[] bytes = new byte[data.remaining()];
            data.get(data.position(), bytes);
            assertArrayEquals(all.get(0).bytes(), bytes);
            assertEquals(all.get(0), p.copy());
            assertEquals(all.get(0).timestamp(), p.timestamp());
        }
    }

    @Test
    void dispatchDeliversBatchesThenReportsEndOfFile() throws Exception {
        bounded(() -> {
            try (OfflineHandle h = open()) {
                List<PacketRecord> got = new ArrayList<>();
                int rc;
                int calls = 0;
                while ((rc = h.dispatch(100, p -> got.add(p.copy()))) != Handle.DISPATCH_END_OF_FILE) {
                    assertTrue(rc > 0 && rc <= 100, "dispatch(100) returned " + rc);
                    assertTrue(++calls <= all.size(), "dispatch never reaches the end");
                }
                assertEquals(all, got);
                assertEquals(Handle.DISPATCH_END_OF_FILE, h.dispatch(100, p -> { }));
            }
            return null;
        });
    }

    @Test
    void dispatchWithoutLimitDeliversTheWholeFile() throws Exception {
        bounded(() -> {
            try (OfflineHandle h = open()) {
                AtomicInteger n = new AtomicInteger();
                assertEquals(all.size(), h.dispatch(0, p -> n.incrementAndGet()));
                assertEquals(all.size(), n.get());
                assertEquals(Handle.DISPATCH_END_OF_FILE, h.dispatch(-1, p -> n.incrementAndGet()));
            }
            return null;
        });
    }

    @Test
    void loopWithCountStopsThereAndNextContinues() throws Exception {
        bounded(() -> {
            try (OfflineHandle h = open()) {
                List<PacketRecord> got = new ArrayList<>();
                assertEquals(5, h.loop(5, p -> got.add(p.copy())));
                assertEquals(ReadStatus.PACKET, h.next());
                got.add(h.packet().copy());
                assertEquals(3, h.dispatch(3, p -> got.add(p.copy())));
                assertEquals(all.size() - 9, h.loop(0, p -> got.add(p.copy())));
                assertEquals(all, got);
                assertEquals(0, h.loop(0, p -> { }), "a loop at the end delivers nothing");
                assertEquals(ReadStatus.END_OF_FILE, h.next());
            }
            return null;
        });
    }

    @Test
    void breakLoopFromTheHandlerStopsTheLoopAndTheNextReadProceeds() throws Exception {
        bounded(() -> {
            try (OfflineHandle h = open()) {
                AtomicInteger n = new AtomicInteger();
                long delivered = h.loop(0, p -> {
                    if (n.incrementAndGet() == 10) {
                        h.breakLoop();
                    }
                });
                assertEquals(10, delivered);
                assertEquals(ReadStatus.PACKET, h.next(), "the read after a broken loop proceeds");
                assertEquals(all.get(10), h.packet().copy());
            }
            return null;
        });
    }

    @Test
    void breakLoopWhileIdleMakesTheNextReadReturnEarlyOnce() throws Exception {
        bounded(() -> {
            try (OfflineHandle h = open()) {
                h.breakLoop();
                assertEquals(ReadStatus.INTERRUPTED, h.next());
                assertEquals(ReadStatus.PACKET, h.next());
                assertEquals(all.get(0), h.packet().copy());
                h.breakLoop();
                assertEquals(Handle.DISPATCH_INTERRUPTED, h.dispatch(10, p -> { }));
                assertEquals(10, h.dispatch(10, p -> { }));
            }
            return null;
        });
    }

    @Test
    void breakLoopFromAnotherThreadStopsARunningLoop() throws Exception {
        bounded(() -> {
            ExecutorService other = Executors.newSingleThreadExecutor();
            try (OfflineHandle h = open()) {
                CountDownLatch started = new CountDownLatch(1);
                CountDownLatch broken = new CountDownLatch(1);
                Future<?> breaker = other.submit(() -> {
                    started.await();
                    h.breakLoop();
                    broken.countDown();
                    return null;
                });
                long delivered = h.loop(0, p -> {
                    started.countDown();
                    try {
                        broken.await(); // hold the loop until the other thread has broken it
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                breaker.get();
                assertTrue(delivered >= 1 && delivered < all.size(), "the loop stopped early: " + delivered);
            } finally {
                other.shutdownNow();
            }
            return null;
        });
    }

    @Test
    void handlerExceptionsReachTheCallerAndTheHandleStaysUsable() throws Exception {
        bounded(() -> {
            try (OfflineHandle h = open()) {
                IllegalArgumentException unchecked = new IllegalArgumentException("from the handler");
                AtomicInteger n = new AtomicInteger();
                IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> h.loop(0, p -> {
                    if (n.incrementAndGet() == 3) {
                        throw unchecked;
                    }
                }));
                assertSame(unchecked, thrown, "an unchecked exception arrives as itself");
                assertEquals(3, n.get(), "the loop stopped at the failing packet");
                assertEquals(ReadStatus.PACKET, h.next(), "the handle is still usable");
                assertEquals(all.get(3), h.packet().copy(), "and continues after the failing packet");

                PcapException pcap = new PcapException("checked, from the handler");
                assertSame(pcap, assertThrows(PcapException.class, () -> h.dispatch(10, p -> {
                    throw pcap;
                })));
                IOException io = new IOException("io, from the handler");
                PcapException wrapped = assertThrows(PcapException.class, () -> h.dispatch(10, p -> {
                    throw io;
                }));
                assertSame(io, wrapped.getCause(), "another IOException is wrapped");
                assertEquals(ReadStatus.PACKET, h.next());
                assertEquals(all.get(6), h.packet().copy(), "each failing dispatch consumed exactly one packet");
            }
            return null;
        });
    }

    @Test
    void closeIsIdempotentAndUseAfterCloseIsAnIllegalState() throws Exception {
        OfflineHandle h = open();
        assertEquals(ReadStatus.PACKET, h.next());
        assertTrue(h.isOpen());
        h.close();
        h.close();
        assertFalse(h.isOpen());
        assertThrows(IllegalStateException.class, h::next);
        assertThrows(IllegalStateException.class, h::packet);
        assertThrows(IllegalStateException.class, () -> h.dispatch(1, p -> { }));
        assertThrows(IllegalStateException.class, () -> h.loop(1, p -> { }));
        assertThrows(IllegalStateException.class, () -> h.setFilter("tcp"));
        assertThrows(IllegalStateException.class, () -> h.compileFilter("tcp", true, Handle.NETMASK_UNKNOWN));
        assertThrows(IllegalStateException.class, h::linkType);
        assertThrows(IllegalStateException.class, h::snaplen);
        assertThrows(IllegalStateException.class, h::timestampPrecision);
        assertThrows(IllegalStateException.class, h::format);
        assertThrows(IllegalStateException.class, () -> h.newDumper(Path.of("never-written.pcap")));
        try {
            h.breakLoop(); // allowed from any thread at any time; a no-op once closed
        } catch (IllegalStateException acceptable) {
            // also acceptable: the handle is closed
        }
    }

    @Test
    void closeFromAnotherThreadEndsARunningLoop() throws Exception {
        bounded(() -> {
            ExecutorService other = Executors.newSingleThreadExecutor();
            OfflineHandle h = open();
            try {
                CountDownLatch started = new CountDownLatch(1);
                AtomicInteger n = new AtomicInteger();
                Future<Long> looping = other.submit(() -> {
                    try {
                        return h.loop(0, p -> {
                            n.incrementAndGet();
                            started.countDown();
                            try {
                                Thread.sleep(1); // slow enough that close() arrives mid-file
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
                    } catch (IllegalStateException | PcapException acceptable) {
                        return -1L;
                    }
                });
                assertTrue(started.await(10, TimeUnit.SECONDS));
                h.close();
                assertFalse(h.isOpen());
                looping.get(10, TimeUnit.SECONDS);
                assertTrue(n.get() < all.size(), "close stopped the loop before the end of the file");
            } finally {
                h.close();
                other.shutdownNow();
            }
            return null;
        });
    }

    @Test
    void closeFromTheHandlerEndsTheLoop() throws Exception {
        bounded(() -> {
            OfflineHandle h = open();
            AtomicInteger n = new AtomicInteger();
            try {
                h.loop(0, p -> {
                    if (n.incrementAndGet() == 2) {
                        h.close();
                    }
                });
            } catch (IllegalStateException | PcapException acceptable) {
                // the loop may report that its handle was closed under it
            }
            assertFalse(h.isOpen());
            assertTrue(n.get() < all.size(), "the loop ended soon after close: " + n.get());
            h.close();
            return null;
        });
    }

    @Test
    void aHandleNeverClosedGivesBackItsFileOnceUnreachable(@TempDir Path dir) throws Exception {
        Path fds = Path.of("/proc/self/fd");
        assertTrue(Files.isDirectory(fds), "the check counts open files in /proc/self/fd (Linux)");
        Path copy = Files.copy(file, dir.resolve("unclosed.pcap")).toRealPath();
        openAndDrop(copy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long open = openCount(fds, copy);
        while (open > 0 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
            open = openCount(fds, copy);
        }
        assertEquals(0, open, "the unreachable handle's file was closed by its cleaner");
    }

    private void openAndDrop(Path copy) throws Exception {
        OfflineHandle h = backend().openOffline(copy);
        assertEquals(ReadStatus.PACKET, h.next());
        assertTrue(openCount(Path.of("/proc/self/fd"), copy) > 0, "the open handle holds its file");
    }

    /** How many of this process's file descriptors are open on {@code file}. */
    private static long openCount(Path fds, Path file) throws IOException {
        try (Stream<Path> entries = Files.list(fds)) {
            return entries.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(file);
                } catch (IOException | UnsupportedOperationException gone) {
                    return false; // closed while listed, or the listing's own descriptor
                }
            }).count();
        }
    }

    @Test
    void unwrapGivesTheHandleOrRefuses() throws Exception {
        try (OfflineHandle h = open()) {
            assertSame(h, h.unwrap(OfflineHandle.class));
            assertThrows(IllegalArgumentException.class, () -> h.unwrap(String.class));
            assertEquals(backend().name(), h.backendName());
        }
    }
}
