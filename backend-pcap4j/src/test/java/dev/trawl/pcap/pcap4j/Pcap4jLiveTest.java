package dev.trawl.pcap.pcap4j;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.CaptureStats;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.ReadStatus;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Live capture through pcap4j on a veth pair whose far end lives in a network namespace of the test's own
 * (unique name, deleted afterwards even on failure). Frames are injected inside that namespace with an
 * AF_PACKET socket, so they travel only over the pair. Needs root; skipped without it, failed when
 * {@code CI=true}.
 */
@Tag("native")
@Tag("live")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Pcap4jLiveTest {
    private static final int OUR_ETHERTYPE = 0x88b5;
    private static final String OUR_FRAMES = "ether proto 0x88b5";

    private final String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    private final String namespace = "trawl-" + suffix;
    private final String near = "tp" + suffix + "a";
    private final String far = "tp" + suffix + "b";
    private Backend backend;

    @BeforeAll
    void createPair() throws Exception {
        requireRoot();
        backend = Pcap.backend(Pcap4jPcapProvider.NAME);
        try {
            run("ip", "netns", "add", namespace);
            run("ip", "link", "add", near, "type", "veth", "peer", "name", far, "netns", namespace);
            Path v6 = Path.of("/proc/sys/net/ipv6/conf", near, "disable_ipv6");
            if (Files.isWritable(v6)) {
                Files.writeString(v6, "1"); // no router solicitations on our end
            }
            run("ip", "netns", "exec", namespace, "sh", "-c",
                    "echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6 2>/dev/null; ip link set " + far + " up");
            run("ip", "link", "set", near, "up");
        } catch (Exception | AssertionError e) {
            deletePair();
            throw e;
        }
    }

    @AfterAll
    void deletePair() throws Exception {
        try {
            runQuietly("ip", "netns", "del", namespace); // takes the far end, and with it the pair
        } finally {
            runQuietly("ip", "link", "del", near);
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
    private void inject(int count) throws Exception {
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
        run("ip", "netns", "exec", namespace, "python3", "-c", script, far, Integer.toString(count));
    }

    private static void requireRoot() throws IOException {
        boolean root = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("Uid:")).anyMatch(line -> line.split("\\s+")[2].equals("0"));
        boolean python = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "python3")));
        if (!root || !python) {
            String why = !root ? "live tests need root to create a network namespace and a veth pair"
                    : "live tests inject frames with python3, which is not on the PATH";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why + "; CI=true, so this is a failure, not a skip");
            }
            Assumptions.abort(why);
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("timed out: " + List.of(command));
        }
        if (process.exitValue() != 0) {
            throw new IOException(List.of(command) + " failed (" + process.exitValue() + "): " + output);
        }
    }

    private static void runQuietly(String... command) {
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            // cleanup is best effort; the namespace name is unique
        }
    }
}
