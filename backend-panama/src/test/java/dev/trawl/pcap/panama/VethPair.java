package dev.trawl.pcap.panama;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A veth pair for live tests: one end ({@link #outer}) in this process's namespace, where the tests capture
 * and send, the other ({@link #inner}) in a network namespace of its own. Both names carry a random suffix;
 * {@link #close()} deletes both (deleting the namespace deletes its end, and with it the pair). Traffic only
 * crosses the pair: the inner end has a TEST-NET-1 address, the outer none.
 */
final class VethPair implements AutoCloseable {
    final String namespace;
    final String outer;
    final String inner;
    static final String INNER_ADDRESS = "192.0.2.2";

    private VethPair(String suffix) {
        this.namespace = "trawl-" + suffix;
        this.outer = "tpa" + suffix;
        this.inner = "tpb" + suffix;
    }

    /** Skips the test without root, or fails it when {@code CI=true}, where every live test must run. */
    static void requireRoot() {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("live tests need root (or CAP_NET_ADMIN and CAP_NET_RAW); CI=true forbids skipping them");
        }
        Assumptions.assumeTrue(root, "live tests need root to create a network namespace and a veth pair");
    }

    static VethPair create() throws IOException, InterruptedException {
        requireRoot();
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        VethPair pair = new VethPair(HexFormat.of().formatHex(random));
        try {
            run("ip", "netns", "add", pair.namespace);
            run("ip", "link", "add", pair.outer, "type", "veth", "peer", "name", pair.inner);
            run("ip", "link", "set", pair.inner, "netns", pair.namespace);
            run("ip", "-n", pair.namespace, "addr", "add", INNER_ADDRESS + "/24", "dev", pair.inner);
            run("ip", "-n", pair.namespace, "link", "set", pair.inner, "up");
            run("ip", "link", "set", pair.outer, "up");
        } catch (IOException | RuntimeException e) {
            pair.close();
            throw e;
        }
        return pair;
    }

    /** Makes the inner end send ARP requests (broadcast) through the pair: incoming traffic on the outer end. */
    void pingFromInside(int count) throws IOException, InterruptedException {
        // 192.0.2.1 is not assigned anywhere: the requests go unanswered and nothing leaves the pair
        runQuietly("ip", "netns", "exec", namespace, "ping", "-c", String.valueOf(count), "-i", "0.2", "-W", "1",
                "192.0.2.1");
    }

    @Override
    public void close() {
        runQuietly("ip", "link", "del", outer);
        runQuietly("ip", "netns", "del", namespace);
    }

    static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + out);
        }
    }

    private static void runQuietly(String... command) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            // best effort: cleaning up what may already be gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
