package dev.trawl.pcap.tck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The veth pair of every module's live tests: a network namespace of its own ({@code trawl-<hex>}, created
 * with {@code ip netns add}, unique per run) and a veth pair across its boundary. End {@link #outer()}
 * ({@code tv<hex>a}) stays in the JVM's namespace, where the code under test opens it (a JVM cannot move one
 * thread into another namespace); its peer {@link #inner()} lives inside the namespace, where frames are
 * injected ({@link #inject}) and programs run ({@link #runInside}) with {@code ip netns exec}. Both ends are
 * up, IPv6 is off on both (no router solicitations), and the outer end carries an IPv4 address in a
 * benchmarking range ({@link #outerAddress()}). Nothing else is attached to the namespace, so the pair
 * carries only the test's own traffic.
 *
 * <pre>{@code
 * try (VethPair pair = VethPair.create();
 *         LiveHandle h = backend.openLive(pair.outer(), LiveOptions.defaults())) {
 *     pair.inject(frame);
 *     ... h.next() ...
 * }
 * }</pre>
 *
 * <p>{@link #create()} needs root and the programs it runs ({@code ip}, {@code python3}, {@code tcpdump}):
 * without them a test is skipped, or fails when the environment variable {@code CI} is {@code true}, where
 * every live test must run. {@link #close()} deletes the pair and the namespace; it is idempotent, and a
 * shutdown hook deletes any namespace a run ends without closing (a JVM stopped by SIGTERM, say). Not
 * thread-safe: one test class creates, uses and closes its own.
 */
public final class VethPair implements AutoCloseable {
    /** Namespaces created and not yet deleted, for the shutdown hook. */
    private static final Set<String> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (String namespace : OPEN) {
                deleteNamespace(namespace);
            }
        }, "trawl-tck-netns-cleanup"));
    }

    /** The namespace, {@code trawl-} and a random suffix. */
    public final String namespace;
    /** The end in the JVM's namespace: the backend under test captures and sends here. */
    public final String a;
    /** The end inside {@link #namespace}. */
    public final String b;
    /** The IPv4 address of end a ({@code 198.18.N.1/24}, a benchmarking range), or {@code null} if it has none. */
    public String addressA;
    private boolean linkDeleted;
    private boolean closed;

    private VethPair(String suffix) {
        this.namespace = "trawl-" + suffix;
        this.a = "tv" + suffix + "a";
        this.b = "tv" + suffix + "b";
    }

    /**
     * Skips the calling test, or fails it when the environment variable {@code CI} is {@code true}, unless
     * the process can create namespaces and interfaces (root) and the programs the pair runs are installed:
     * {@code ip} (iproute2), {@code python3} (the injector) and {@code tcpdump} (the capture in the namespace).
     */
    public static void requirePrivilege() {
        String why = null;
        if (Tools.find("ip") == null) {
            why = "the 'ip' command (iproute2) is not installed";
        } else if (!isRoot()) {
            why = "live tests need root to create a network namespace and a veth pair and to capture on it";
        } else if (python() == null) {
            why = "live tests inject frames inside the namespace with python3, which is not installed";
        } else if (!Tools.hasTcpdump()) {
            why = "live tests check sent frames with tcpdump inside the namespace, which is not installed";
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
            // not Linux: no namespaces either
        }
        return false;
    }

    /** The system's python3 first: a version manager's shim on the PATH costs a shell start per injection. */
    private static Path python() {
        for (String dir : new String[] {"/usr/bin", "/bin", "/usr/local/bin"}) {
            Path candidate = Path.of(dir, "python3");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return Tools.find("python3");
    }

    /**
     * Creates the namespace and the pair, after {@link #requirePrivilege()}; on any failure deletes what it
     * created and throws.
     */
    public static VethPair create() {
        requirePrivilege();
        VethPair pair = new VethPair(Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL));
        try {
            ip("netns", "add", pair.namespace);
            OPEN.add(pair.namespace);
            // IPv6 off by default inside, so that the peer, created there, never solicits routers
            inside(pair, "sh", "-c", "echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6;"
                    + " echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6; true");
            ip("link", "add", pair.a, "type", "veth", "peer", "name", pair.b, "netns", pair.namespace);
            Path v6 = Path.of("/proc/sys/net/ipv6/conf", pair.a, "disable_ipv6");
            if (Files.isWritable(v6)) {
                Files.writeString(v6, "1");
            }
            pair.setInnerUp(true);
            pair.setOuterUp(true);
            pair.awaitUp();
            String address = "198.18." + ThreadLocalRandom.current().nextInt(256) + ".1";
            Tools.Result r = Tools.run(10, "ip", "addr", "add", address + "/24", "broadcast", "+", "dev", pair.a);
            pair.addressA = r.exit() == 0 ? address : null;
            return pair;
        } catch (RuntimeException | java.io.IOException | InterruptedException e) {
            pair.close();
            throw new IllegalStateException("cannot set up namespace " + pair.namespace + " with veth pair "
                    + pair.a + "/" + pair.b + ": " + e, e);
        }
    }

    /** Waits for end a to be up: a veth has carrier only when its peer is up too, so both are then. */
    private void awaitUp() throws java.io.IOException, InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        Path state = Path.of("/sys/class/net", a, "operstate");
        while (!Files.readString(state).trim().equals("up")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(a + " did not come up: " + Files.readString(state).trim());
            }
            Thread.sleep(20);
        }
    }

    /** The namespace, {@code trawl-} and a random suffix. */
    public String namespace() {
        return namespace;
    }

    /** The end in the JVM's namespace, where the code under test captures and sends. */
    public String outer() {
        return a;
    }

    /** The end inside {@link #namespace()}. */
    public String inner() {
        return b;
    }

    /** The IPv4 address of the outer end ({@code 198.18.N.1/24}), or {@code null} if it could not be set. */
    public String outerAddress() {
        return addressA;
    }

    /**
     * Sends frames, in order, from the inner end through an AF_PACKET socket; they arrive on the outer end.
     * Returns once all are sent.
     */
    public void inject(byte[]... frames) {
        String script = String.join("\n",
                "import socket, sys",
                "s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)",
                "s.bind((sys.argv[1], 0))",
                "for h in sys.argv[2:]:",
                "    f = bytes.fromhex(h)",
                "    n = s.send(f)",
                "    if n != len(f):",
                "        sys.exit('sent %d of %d bytes' % (n, len(f)))",
                "");
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace,
                python().toString(), "-c", script, b));
        for (byte[] frame : frames) {
            command.add(HexFormat.of().formatHex(frame));
        }
        String[] args = command.toArray(String[]::new);
        check(Tools.run(10, args), args);
    }

    /**
     * Runs a program inside the namespace and waits for it, for at most {@code seconds}.
     *
     * @return its standard output
     * @throws IllegalStateException if it fails or does not finish in time
     */
    public String runInside(int seconds, String... command) {
        String[] args = new String[command.length + 4];
        args[0] = "ip";
        args[1] = "netns";
        args[2] = "exec";
        args[3] = namespace;
        System.arraycopy(command, 0, args, 4, command.length);
        Tools.Result r = Tools.run(seconds, args);
        check(r, args);
        return r.out();
    }

    /**
     * Sets the outer end administratively up or down ({@code ip link set}); down, the inner end loses its
     * carrier too. Does not wait for the link state to follow.
     *
     * @throws IllegalStateException if {@code ip} fails
     */
    public void setOuterUp(boolean up) {
        ip("link", "set", a, up ? "up" : "down");
    }

    /**
     * Sets the inner end up or down inside the namespace; down, the outer end stays up without carrier.
     *
     * @throws IllegalStateException if {@code ip} fails
     */
    public void setInnerUp(boolean up) {
        runInside(10, "ip", "link", "set", b, up ? "up" : "down");
    }

    /** Deletes the pair now (deleting one end deletes both); the namespace stays until {@link #close()}. */
    public void deleteLink() {
        if (!linkDeleted) {
            linkDeleted = true;
            Tools.run(10, "ip", "link", "del", a);
        }
    }

    /** Deletes the pair and the namespace; idempotent, and never throws. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // the link first: deleting a namespace takes its interfaces with it, but asynchronously
            deleteLink();
        } catch (RuntimeException e) {
            // the namespace's deletion below takes the pair with it anyway
        }
        deleteNamespace(namespace);
        OPEN.remove(namespace);
    }

    private static void deleteNamespace(String namespace) {
        try {
            Tools.run(10, "ip", "netns", "del", namespace);
        } catch (RuntimeException e) {
            // best effort: the name is unique, and the caller's own failure is the one to report
        }
    }

    /** Runs a program inside the pair's namespace; fails on a non-zero exit. */
    public static void inside(VethPair pair, String... args) {
        pair.runInside(10, args);
    }

    private static void ip(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "ip";
        System.arraycopy(args, 0, command, 1, args.length);
        check(Tools.run(10, command), command);
    }

    private static void check(Tools.Result r, String... command) {
        if (r.exit() != 0) {
            String shown = command.length > 8 ? String.join(" ", List.of(command).subList(0, 8)) + " ..."
                    : String.join(" ", command);
            throw new IllegalStateException(shown + " failed (" + r.exit() + "): " + r.stderr().trim());
        }
    }
}
