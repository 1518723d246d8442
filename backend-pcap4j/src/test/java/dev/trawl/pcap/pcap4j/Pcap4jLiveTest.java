package dev.trawl.pcap.pcap4j;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.CaptureStats;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.tck.VethPair;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Live capture through pcap4j on the kit's veth pair ({@link VethPair}), whose far end lives in a network
 * namespace of the test's own (unique name, deleted afterwards even on failure). Frames are injected inside
 * that namespace with an AF_PACKET socket, so they travel only over the pair. Needs root; skipped without it,
 * failed when {@code CI=true}.
 */
@Tag("native")
@Tag("live")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Pcap4jLiveTest {
    private static final int OUR_ETHERTYPE = 0x88b5;
    private static final String OUR_FRAMES = "ether proto 0x88b5";

    private VethPair pair;
    private String near;
    private Backend backend;

    @BeforeAll
    void createPair() throws Exception {
        pair = VethPair.create();
        near = pair.outer();
        backend = Pcap.backend(Pcap4jPcapProvider.NAME);
    }

    @AfterAll
    void deletePair() {
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void loopDeliversEveryFrameOfAFastBurstInOrder() throws Exception {
        int frames = 200_000;
        LiveOptions options = LiveOptions.builder().snaplen(128).timeout(Duration.ofMillis(50))
                .bufferSize(64 << 20).build();
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            try (LiveHandle handle = backend.openLive(near, options)) {
                handle.setFilter(OUR_FRAMES);
                AtomicLong received = new AtomicLong();
                AtomicLong outOfOrder = new AtomicLong();
                CompletableFuture<Long> loop = CompletableFuture.supplyAsync(() -> {
                    try {
                        return handle.loop(frames, p -> {
                            long seq = p.data().getInt(p.data().position() + 14) & 0xffffffffL;
                            if (seq != received.getAndIncrement()) {
                                outOfOrder.incrementAndGet();
                            }
                        });
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                Thread.sleep(200); // the loop is waiting before the burst starts
                long start = System.nanoTime();
                inject(frames);
                long sent = System.nanoTime() - start;
                long delivered;
                try {
                    delivered = loop.get(60, TimeUnit.SECONDS);
                } finally {
                    handle.breakLoop();
                }
                CaptureStats stats = handle.stats();
                System.out.printf("pcap4j live: %d frames injected in %.0f ms (%.0f frames/s); delivered %d, "
                        + "dropped %d%n", frames, sent / 1e6, frames / (sent / 1e9), delivered, stats.dropped());
                assertEquals(frames, delivered, "frames delivered");
                assertEquals(0, outOfOrder.get(), "frames out of order");
                assertEquals(0, stats.dropped(), "frames dropped by the kernel buffer");
            }
        });
    }

    @Test
    void breakLoopWakesANextBlockedWithoutTimeout() throws Exception {
        LiveOptions forever = LiveOptions.builder().timeout(Duration.ZERO).immediate(true).build();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (LiveHandle handle = backend.openLive(near, forever)) {
                handle.setFilter(OUR_FRAMES);
                CompletableFuture<ReadStatus> read = CompletableFuture.supplyAsync(() -> {
                    try {
                        return handle.next();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                Thread.sleep(300);
                handle.breakLoop();
                assertEquals(ReadStatus.INTERRUPTED, read.get(10, TimeUnit.SECONDS));
                inject(1);
                ReadStatus status = handle.next();
                assertEquals(ReadStatus.PACKET, status, "the next read proceeds normally");
                assertEquals(0, handle.packet().data().getInt(handle.packet().data().position() + 14));
            }
        });
    }

    @Test
    void closeFromAnotherThreadEndsALiveLoop() throws Exception {
        LiveOptions forever = LiveOptions.builder().timeout(Duration.ZERO).immediate(true).build();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            LiveHandle handle = backend.openLive(near, forever);
            handle.setFilter(OUR_FRAMES);
            CompletableFuture<Long> loop = CompletableFuture.supplyAsync(() -> {
                try {
                    return handle.loop(0, p -> { });
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            handle.close();
            assertEquals(0L, loop.get(10, TimeUnit.SECONDS));
            Assertions.assertFalse(handle.isOpen());
            Assertions.assertThrows(IllegalStateException.class, handle::stats);
        });
    }

    /** Sends {@code count} frames of our EtherType, numbered from 0, from the far end inside the namespace. */
    private void inject(int count) {
        String script = String.join("\n",
                "import socket, struct, sys",
                "s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)",
                "s.bind((sys.argv[1], 0))",
                "head = b'\\xff' * 6 + b'\\x02\\x00\\x00\\x00\\x00\\x01' + struct.pack('>H', " + OUR_ETHERTYPE + ")",
                "pad = bytes(60 - 14 - 4)",
                "send = s.send",
                "pack = struct.Struct('>I').pack",
                "for i in range(int(sys.argv[2])):",
                "    while True:",
                "        try:",
                "            send(head + pack(i) + pad)",
                "            break",
                "        except BlockingIOError:",
                "            pass",
                "");
        pair.runInside(60, "python3", "-c", script, pair.inner(), Integer.toString(count));
    }
}
