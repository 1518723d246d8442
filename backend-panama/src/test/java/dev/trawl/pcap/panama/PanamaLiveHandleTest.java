package dev.trawl.pcap.panama;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.Device;
import dev.trawl.pcap.Direction;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.NoSuchDeviceException;
import dev.trawl.pcap.PacketRecord;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.TimestampType;
import dev.trawl.pcap.tck.VethPair;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@Tag("live")
@Tag("native")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PanamaLiveHandleTest {
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final int ETHERTYPE = 0x88b5; // IEEE 802 local experimental
    private VethPair pair;
    private Backend backend;

    @BeforeAll
    void createPair() throws Exception {
        pair = VethPair.create();
        backend = Fixtures.backend();
    }

    @AfterAll
    void deletePair() {
        if (pair != null) {
            pair.close();
        }
    }

    private LiveOptions.Builder options() {
        return LiveOptions.builder().snaplen(65535).timeout(Duration.ofMillis(100)).immediate(true);
    }

    private LiveHandle open(LiveOptions options) throws PcapException {
        return backend.openLive(pair.outer(), options);
    }

    private static byte[] frame(int n) {
        ByteBuffer b = ByteBuffer.allocate(60);
        b.put(new byte[] {-1, -1, -1, -1, -1, -1, 2, 0, 0, 0, 0, 1});
        b.putShort((short) ETHERTYPE);
        b.putInt(0x7472_6177); // "traw"
        b.putInt(n);
        return b.array();
    }

    /** Reads until {@code count} frames of the test's ethertype arrived, at most a few seconds. */
    private static List<PacketRecord> receive(LiveHandle h, int count) throws PcapException {
        List<PacketRecord> got = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (got.size() < count && System.nanoTime() < deadline) {
            if (h.next() == ReadStatus.PACKET) {
                got.add(h.packet().copy());
            }
        }
        return got;
    }

    @Test
    void theVethEndIsListedAsADeviceThatIsUp() throws Exception {
        Device dev = backend.devices().stream().filter(d -> d.name().equals(pair.outer())).findFirst()
                .orElseThrow(() -> new AssertionError(pair.outer() + " is not listed"));
        assertTrue(dev.isUp(), dev.toString());
        assertFalse(dev.isLoopback());
        Device lo = backend.devices().stream().filter(d -> d.name().equals("lo")).findFirst().orElseThrow();
        assertTrue(lo.isLoopback());
        assertTrue(lo.addresses().stream().anyMatch(a -> a.address().getHostAddress().equals("127.0.0.1")
                && a.netmask() != null && a.netmask().getHostAddress().equals("255.0.0.0")), lo.toString());
    }

    @Test
    void framesSentOnOneHandleAreCapturedExactlyOnAnother() throws Exception {
        assertTimeoutPreemptively(BOUND, () -> {
            try (LiveHandle capture = open(options().build()); LiveHandle sender = open(options().build())) {
                assertEquals(LinkType.ETHERNET, capture.linkType());
                capture.setFilter("ether proto " + ETHERTYPE);
                for (int i = 0; i < 5; i++) {
                    sender.send(frame(i));
                }
                List<PacketRecord> got = receive(capture, 5);
                assertEquals(5, got.size());
                for (int i = 0; i < 5; i++) {
                    assertArrayEquals(frame(i), got.get(i).bytes());
                    assertEquals(60, got.get(i).originalLength());
                }
                assertTrue(capture.stats().received() >= 5, capture.stats().toString());
            }
        });
    }

    @Test
    void sendTakesTheBytesBetweenPositionAndLimit() throws Exception {
        assertTimeoutPreemptively(BOUND, () -> {
            try (LiveHandle capture = open(options().build()); LiveHandle sender = open(options().build())) {
                capture.setFilter("ether proto " + ETHERTYPE);
                ByteBuffer direct = ByteBuffer.allocateDirect(70);
                direct.position(10);
                direct.put(frame(42)).position(10);
                sender.send(direct);
                assertEquals(10, direct.position());
                List<PacketRecord> got = receive(capture, 1);
                assertEquals(1, got.size());
                assertArrayEquals(frame(42), got.get(0).bytes());
            }
        });
    }

    @Test
    void dispatchDeliversThroughTheUpcallAndRethrowsHandlerExceptions() throws Exception {
        assertTimeoutPreemptively(BOUND, () -> {
            try (LiveHandle capture = open(options().build()); LiveHandle sender = open(options().build())) {
                capture.setFilter("ether proto " + ETHERTYPE);
                for (int i = 0; i < 3; i++) {
                    sender.send(frame(i));
                }
                List<PacketRecord> got = new ArrayList<>();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (got.size() < 3 && System.nanoTime() < deadline) {
                    int n = capture.dispatch(-1, p -> got.add(p.copy()));
                    assertTrue(n >= 0, "dispatch returned " + n);
                }
                assertEquals(3, got.size());
                assertArrayEquals(frame(2), got.get(2).bytes());

                sender.send(frame(9));
                IllegalStateException boom = new IllegalStateException("from the handler");
                IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
                    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                    while (System.nanoTime() < end) {
                        capture.dispatch(-1, p -> {
                            throw boom;
                        });
                    }
                });
                assertSame(boom, thrown);
                assertTrue(capture.isOpen());
            }
        });
    }

    @Test
    void dispatchServesPacketsFromOneWindowOverTheRing() throws Exception {
        assertTimeoutPreemptively(BOUND, () -> {
            try (LiveHandle capture = open(options().build()); LiveHandle sender = open(options().build())) {
                capture.setFilter("ether proto " + ETHERTYPE);
                capture.setNonBlocking(true); // libpcap's TPACKET_V3 reads wait for traffic, timeout or not
                List<PacketRecord> got = new ArrayList<>();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                // in batches: in immediate mode each frame may retire a ring block, and the ring has few
                for (int batch = 0; batch < 5; batch++) {
                    for (int i = 0; i < 10; i++) {
                        sender.send(frame(batch * 10 + i));
                    }
                    while (got.size() < batch * 10 + 10 && System.nanoTime() < deadline) {
                        if (capture.dispatch(-1, p -> got.add(p.copy())) == 0) {
                            Thread.sleep(1);
                        }
                    }
                }
                assertEquals(50, got.size(), capture.stats().toString());
                for (int i = 0; i < 50; i++) {
                    assertArrayEquals(frame(i), got.get(i).bytes());
                }
                long windows = ((PanamaHandle) capture).windowsCreated();
                assertTrue(windows <= 2, windows + " windows for 50 packets read in place from the ring");
                // next() gets each packet copied into libpcap's one-packet buffer: one window serves them all
                for (int i = 0; i < 10; i++) {
                    sender.send(frame(100 + i));
                }
                capture.setNonBlocking(false);
                List<PacketRecord> more = receive(capture, 10);
                assertEquals(10, more.size());
                assertArrayEquals(frame(109), more.get(9).bytes());
                long afterNext = ((PanamaHandle) capture).windowsCreated() - windows;
                assertTrue(afterNext <= 1, afterNext + " more windows for 10 packets read with next()");
            }
        });
    }

    @Test
    void loopSeesIncomingTrafficAndLoopsOverTimeouts() throws Exception {
        assertTimeoutPreemptively(BOUND, () -> {
            try (LiveHandle capture = open(options().build());
                    LiveHandle inside = InsideNamespace.open(backend, pair, options().build())) {
                capture.setFilter("ether proto " + ETHERTYPE);
                ExecutorService other = Executors.newSingleThreadExecutor();
                try {
                    Future<?> send = other.submit(() -> {
                        Thread.sleep(300); // a few timeouts pass first
                        inside.send(frame(77));
                        return null;
                    });
                    List<PacketRecord> got = new ArrayList<>();
                    assertEquals(1, capture.loop(1, p -> got.add(p.copy())));
                    assertArrayEquals(frame(77), got.get(0).bytes());
                    send.get();
                } finally {
                    other.shutdownNow();
                }
            }
        });
    }

    @Test
    void directionChoosesIncomingOrOutgoingFrames() throws Exception {
        assertTimeoutPreemptively(BOUND, () -> {
            try (LiveHandle in = open(options().direction(Direction.IN).build());
                    LiveHandle out = open(options().build());
                    LiveHandle sender = open(options().build());
                    LiveHandle inside = InsideNamespace.open(backend, pair, options().build())) {
                out.setDirection(Direction.OUT);
                in.setFilter("ether proto " + ETHERTYPE);
                out.setFilter("ether proto " + ETHERTYPE);
                sender.send(frame(7)); // outgoing on the outer end
                inside.send(frame(8)); // incoming on the outer end
                List<PacketRecord> sent = receive(out, 1);
                List<PacketRecord> received = receive(in, 1);
                assertArrayEquals(frame(7), sent.get(0).bytes(), "OUT sees the outgoing frame");
                assertArrayEquals(frame(8), received.get(0).bytes(), "IN sees the incoming frame");
                in.setNonBlocking(true);
                out.setNonBlocking(true);
                assertTrue(in.isNonBlocking());
                Thread.sleep(200);
                assertEquals(ReadStatus.TIMEOUT, in.next(), "and nothing else: " + in.stats());
                assertEquals(ReadStatus.TIMEOUT, out.next(), "and nothing else: " + out.stats());
            }
        });
    }

    @Test
    void breakLoopFromAnotherThreadWakesABlockedLoop() throws Exception {
        assertTimeoutPreemptively(BOUND, () -> {
            try (LiveHandle capture = open(options().timeout(Duration.ZERO).immediate(false).build())) {
                capture.setFilter("ether proto " + ETHERTYPE + " and ether[18] = 1"); // nothing will match
                ExecutorService other = Executors.newSingleThreadExecutor();
                try {
                    Future<?> breaker = other.submit(() -> {
                        Thread.sleep(300);
                        capture.breakLoop();
                        return null;
                    });
                    assertEquals(0, capture.loop(0, p -> { }));
                    breaker.get();
                } finally {
                    other.shutdownNow();
                }
            }
        });
    }

    @Test
    void closeFromAnotherThreadEndsABlockedLoopAndIsIdempotent() throws Exception {
        assertTimeoutPreemptively(BOUND, () -> {
            LiveHandle capture = open(options().timeout(Duration.ZERO).build());
            CountDownLatch looping = new CountDownLatch(1);
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                Future<Long> loop = other.submit(() -> {
                    looping.countDown();
                    return capture.loop(0, p -> { });
                });
                assertTrue(looping.await(5, TimeUnit.SECONDS));
                Thread.sleep(200);
                capture.close();
                capture.close();
                assertFalse(capture.isOpen());
                loop.get(5, TimeUnit.SECONDS);
                assertThrows(IllegalStateException.class, capture::stats);
                assertThrows(IllegalStateException.class, () -> capture.send(frame(1)));
            } finally {
                capture.close();
                other.shutdownNow();
            }
        });
    }

    @Test
    void linkTypesCanBeListedAndSet() throws Exception {
        try (LiveHandle capture = open(options().build())) {
            List<LinkType> types = capture.linkTypes();
            assertTrue(types.contains(LinkType.ETHERNET), types.toString());
            capture.setLinkType(LinkType.ETHERNET);
            assertEquals(LinkType.ETHERNET, capture.linkType());
            assertThrows(PcapException.class, () -> capture.setLinkType(LinkType.IEEE802_11_RADIOTAP));
        }
    }

    @Test
    void optionsReachLibpcap() throws Exception {
        LiveOptions o = options().precision(TimestampPrecision.NANO).timestampType(TimestampType.HOST)
                .bufferSize(4 << 20).promiscuous(false).build();
        try (LiveHandle capture = open(o)) {
            assertEquals(TimestampPrecision.NANO, capture.timestampPrecision());
            assertEquals(65535, capture.snaplen());
            assertEquals(pair.outer(), capture.device());
            assertTrue(capture.warnings().isEmpty() || capture.warnings().get(0).length() > 0);
        }
        PcapException monitor = assertThrows(PcapException.class,
                () -> open(options().monitor(true).build()).close(), "a veth has no monitor mode");
        assertTrue(monitor.getMessage().contains(pair.outer()), monitor.getMessage());
    }

    @Test
    void aMissingDeviceIsNoSuchDevice() {
        NoSuchDeviceException e = assertThrows(NoSuchDeviceException.class,
                () -> backend.openLive("trawlnodev0", LiveOptions.defaults()));
        assertEquals("trawlnodev0", e.device());
        assertTrue(e.getMessage().contains("trawlnodev0"), e.getMessage());
    }
}
