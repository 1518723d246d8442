package dev.trawl.pcap.tck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A veth pair with unique names ({@code tv<hex>a}, {@code tv<hex>b}) in the test's own network namespace,
 * up, with IPv6 off, and an IPv4 address on end a (for the device list and netmask checks). Traffic sent on one end arrives only
 * on the other. {@link #close()} deletes it (deleting one end deletes both).
 */
final class VethPair implements AutoCloseable {
    final String a;
    final String b;
    /** The IPv4 address of end a ({@code 198.18.N.1/24}, a benchmarking range), or {@code null} if it has none. */
    String addressA;
    private boolean deleted;

    private VethPair(String a, String b) {
        this.a = a;
        this.b = b;
    }

    /**
     * Skips the calling test, or fails it when the environment variable {@code CI} is {@code true}, unless
     * the process can create network interfaces (root, or CAP_NET_ADMIN) and {@code ip} is installed.
     */
    static void requirePrivilege() {
        String why = null;
        if (Tools.find("ip") == null) {
            why = "the 'ip' command (iproute2) is not installed";
        } else if (!isRoot()) {
            why = "live tests need root (or CAP_NET_ADMIN and CAP_NET_RAW) to create a veth pair and capture on it";
        }
        if (why != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why + "; CI=true, so this is a failure, not a skip");
            }
            Assumptions.abort(why);
        }
    }

    private static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0"); // effective uid
                }
            }
        } catch (java.io.IOException e) {
            // not Linux: no veth pairs either
        }
        return false;
    }

    static VethPair create() {
        String base = "tv" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        VethPair pair = new VethPair(base + "a", base + "b");
        try {
            ip("link", "add", pair.a, "type", "veth", "peer", "name", pair.b);
            for (String end : new String[] {pair.a, pair.b}) {
                Path v6 = Path.of("/proc/sys/net/ipv6/conf", end, "disable_ipv6");
                if (Files.isWritable(v6)) {
                    Files.writeString(v6, "1");
                }
                ip("link", "set", end, "up");
            }
            pair.awaitUp();
            String address = "198.18." + ThreadLocalRandom.current().nextInt(256) + ".1";
            Tools.Result r = Tools.run(10, "ip", "addr", "add", address + "/24", "broadcast", "+", "dev", pair.a);
            pair.addressA = r.exit() == 0 ? address : null;
            return pair;
        } catch (RuntimeException | java.io.IOException | InterruptedException e) {
            pair.close();
            throw new IllegalStateException("cannot set up veth pair " + pair.a + "/" + pair.b + ": " + e, e);
        }
    }

    private void awaitUp() throws java.io.IOException, InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        for (String end : new String[] {a, b}) {
            Path state = Path.of("/sys/class/net", end, "operstate");
            while (!Files.readString(state).trim().equals("up")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(end + " did not come up: " + Files.readString(state).trim());
                }
                Thread.sleep(20);
            }
        }
    }

    /** Deletes the pair now; idempotent. */
    void delete() {
        if (!deleted) {
            deleted = true;
            Tools.run(10, "ip", "link", "del", a);
        }
    }

    @Override
    public void close() {
        delete();
    }

    private static void ip(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "ip";
        System.arraycopy(args, 0, command, 1, args.length);
        Tools.Result r = Tools.run(10, command);
        if (r.exit() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + r.stderr().trim());
        }
    }
}
