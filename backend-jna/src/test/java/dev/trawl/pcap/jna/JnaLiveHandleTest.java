package dev.trawl.pcap.jna;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.NoSuchDeviceException;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.spi.LibpcapErrors;
import dev.trawl.pcap.tck.VethPair;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live handles through libpcap's own loop (the native callback path): handler exceptions, counts, and the
 * mapping of activation errors. Runs on the kit's veth pair ({@link VethPair}), whose far end sits in a network
 * namespace of its own; both are deleted afterwards.
 */
@Tag("live")
@Tag("native")
class JnaLiveHandleTest {
    private static VethPair pair;
    private static String a;
    private static Backend backend;

    @BeforeAll
    static void createPair() throws Exception {
        pair = VethPair.create();
        a = pair.outer();
        backend = Pcap.backend("jna");
    }

    @AfterAll
    static void deletePair() {
        if (pair != null) {
            pair.close();
        }
    }

    /** Frames {@code first} to {@code first + count - 1}, sent from the far end; they arrive on end a. */
    private static void inject(int first, int count) {
        byte[][] frames = new byte[count][];
        for (int i = 0; i < count; i++) {
            frames[i] = frame(first + i);
        }
        pair.inject(frames);
    }

    private static byte[] frame(int sequence) {
        byte[] f = new byte[60];
        java.nio.ByteBuffer.wrap(f).put(new byte[] {-1, -1, -1, -1, -1, -1, 2, 0, 0, 0, 0, 1})
                .putShort((short) 0x88b5).putInt(sequence);
        return f;
    }

    private LiveHandle capture() throws PcapException {
        LiveHandle h = backend.openLive(a, LiveOptions.builder().immediate(true).timeout(Duration.ofMillis(50)).build());
        h.setFilter("ether proto 0x88b5");
        return h;
    }

    @Test
    void aHandlerExceptionLeavesTheNativeLoopAndReachesTheCaller() throws Exception {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (LiveHandle h = capture()) {
                inject(0, 3);
                IllegalStateException boom = new IllegalStateException("boom");
                AtomicInteger calls = new AtomicInteger();
                assertSame(boom, assertThrows(IllegalStateException.class, () -> h.loop(0, p -> {
                    calls.incrementAndGet();
                    throw boom;
                })));
                assertEquals(1, calls.get(), "no packet after the failing one");
                IOException io = new IOException("io");
                PcapException wrapped = assertThrows(PcapException.class, () -> h.dispatch(0, p -> {
                    throw io;
                }));
                assertSame(io, wrapped.getCause());
                int[] seen = {0};
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (seen[0] == 0 && System.nanoTime() < deadline) {
                    h.dispatch(0, p -> seen[0]++);
                }
                assertEquals(1, seen[0], "the third frame is still delivered after two failing handlers");
            }
        });
    }

    @Test
    void livePacketsReuseTheirViews() throws Exception {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (LiveHandle h = capture()) {
                inject(0, 8);
                // next(): libpcap copies each packet to one buffer of its own, so the view stays put
                java.util.List<java.nio.ByteBuffer> views = new java.util.ArrayList<>();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (views.size() < 4 && System.nanoTime() < deadline) {
                    if (h.next() == dev.trawl.pcap.ReadStatus.PACKET) {
                        java.nio.ByteBuffer data = h.packet().data();
                        assertEquals(views.size(), data.getInt(data.position() + 14), "the frame's own bytes");
                        assertEquals(60, data.remaining());
                        views.add(data);
                    }
                }
                assertEquals(4, views.size());
                assertTrue(views.stream().allMatch(v -> v == views.get(0)), "one view serves every next()");
                // dispatch: packets stay in the kernel's ring, at moving places, under one view of the ring
                java.util.List<java.nio.ByteBuffer> ringViews = new java.util.ArrayList<>();
                java.util.List<Integer> positions = new java.util.ArrayList<>();
                while (ringViews.size() < 4 && System.nanoTime() < deadline) {
                    h.dispatch(0, p -> {
                        java.nio.ByteBuffer data = p.data();
                        assertEquals(4 + ringViews.size(), data.getInt(data.position() + 14));
                        assertEquals(60, data.remaining());
                        ringViews.add(data);
                        positions.add(data.position());
                    });
                }
                assertEquals(4, ringViews.size());
                assertTrue(ringViews.stream().allMatch(v -> v == ringViews.get(0)), "one view of the ring");
                assertEquals(4, positions.stream().distinct().count(), "each packet at its place: " + positions);
            }
        });
    }

    @Test
    void loopWithACountStopsThere() throws Exception {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (LiveHandle h = capture()) {
                inject(0, 5);
                AtomicInteger n = new AtomicInteger();
                assertEquals(3, h.loop(3, p -> n.incrementAndGet()));
                assertEquals(3, n.get());
                assertTrue(h.stats().received() >= 3);
            }
        });
    }

    @Test
    void activationErrorsBecomeTheExceptionsACallerCanActOn() {
        PcapException missing = assertThrows(PcapException.class, () -> backend.openLive("tjnosuch0", LiveOptions.defaults()));
        assertInstanceOf(NoSuchDeviceException.class, missing);
        assertTrue(missing.getMessage().contains("tjnosuch0"), missing.getMessage());
        PcapException notUp = LibpcapErrors.forStatus("eth0", LibpcapErrors.IFACE_NOT_UP,
                NativePcap.pcap_statustostr(LibpcapErrors.IFACE_NOT_UP), "");
        assertEquals(LibpcapErrors.IFACE_NOT_UP, notUp.status());
        assertTrue(notUp.getMessage().contains("not up"), "libpcap's own text: " + notUp.getMessage());
    }

    @Test
    void warningsAreKeptAndOptionsApplied() throws Exception {
        try (LiveHandle h = backend.openLive(a, LiveOptions.builder().bufferSize(4 << 20).snaplen(128)
                .timestampType(dev.trawl.pcap.TimestampType.HOST).build())) {
            assertEquals(128, h.snaplen());
            assertTrue(h.warnings().stream().allMatch(w -> !w.isBlank()), h.warnings().toString());
        }
    }
}
