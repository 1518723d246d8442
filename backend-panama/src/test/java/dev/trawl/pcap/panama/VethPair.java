package dev.trawl.pcap.panama;

import static org.junit.jupiter.api.Assertions.fail;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.LiveOptions;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Assumptions;

/**
 * A veth pair for live tests: one end ({@link #outer}) in this process's namespace, where the tests capture
 * and send, the other ({@link #inner}) in a network namespace of its own. Both names carry a random suffix;
 * {@link #close()} deletes both (deleting the namespace deletes its end, and with it the pair). Traffic only
 * crosses the pair: the tests send raw frames on either end, and neither end has a route anywhere.
 */
@SuppressWarnings("restricted") // setns(2) through java.lang.foreign, to open a handle inside the namespace
final class VethPair implements AutoCloseable {
    final String namespace;
    final String outer;
    final String inner;

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
            run("ip", "-n", pair.namespace, "link", "set", pair.inner, "up");
            run("ip", "link", "set", pair.outer, "up");
        } catch (IOException | RuntimeException e) {
            pair.close();
            throw e;
        }
        return pair;
    }

    /**
     * Opens a live handle on the inner end, from inside the namespace: a new thread enters it with
     * {@code setns(2)} (a network namespace belongs to a thread), opens the handle, whose packet socket stays
     * in the namespace, and ends. Frames sent on it arrive on the outer end as incoming traffic.
     */
    LiveHandle openInside(Backend backend, LiveOptions options) throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                enterNamespace(Path.of("/var/run/netns", namespace));
                result.set(backend.openLive(inner, options));
            } catch (Throwable e) {
                result.set(e);
            }
        }, "netns-" + namespace);
        t.start();
        t.join();
        if (result.get() instanceof Throwable e) {
            throw new IOException("cannot open " + inner + " inside " + namespace, e);
        }
        return (LiveHandle) result.get();
    }

    private static void enterNamespace(Path file) throws Throwable {
        Linker linker = Linker.nativeLinker();
        // int open(const char *path, int flags, ...);  int setns(int fd, int nstype);  int close(int fd);
        MethodHandle open = linker.downcallHandle(linker.defaultLookup().find("open").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
                Linker.Option.firstVariadicArg(2));
        MethodHandle setns = linker.downcallHandle(linker.defaultLookup().find("setns").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        MethodHandle close = linker.downcallHandle(linker.defaultLookup().find("close").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        try (Arena arena = Arena.ofConfined()) {
            int fd = (int) open.invokeExact(arena.allocateFrom(file.toString()), 0x80000 /* O_RDONLY|O_CLOEXEC */);
            if (fd < 0) {
                throw new IOException("cannot open " + file);
            }
            int rc = (int) setns.invokeExact(fd, 0x40000000 /* CLONE_NEWNET */);
            int ignored = (int) close.invokeExact(fd);
            if (rc != 0) {
                throw new IOException("setns " + file + " failed");
            }
        }
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
