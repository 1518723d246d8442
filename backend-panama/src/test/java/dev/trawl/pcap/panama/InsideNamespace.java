package dev.trawl.pcap.panama;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.tck.VethPair;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Opens live handles inside the network namespace of the kit's {@link VethPair}, where a JVM thread cannot
 * otherwise reach: through {@code setns(2)}, called with {@code java.lang.foreign}.
 */
@SuppressWarnings("restricted") // setns(2) through java.lang.foreign, to open a handle inside the namespace
final class InsideNamespace {
    private InsideNamespace() {
    }

    /**
     * Opens a live handle on the pair's inner end, from inside its namespace: a new thread enters it with
     * {@code setns(2)} (a network namespace belongs to a thread), opens the handle, whose packet socket stays
     * in the namespace, and ends. Frames sent on it arrive on the outer end as incoming traffic.
     */
    static LiveHandle open(Backend backend, VethPair pair, LiveOptions options) throws Exception {
        String namespace = pair.namespace();
        String inner = pair.inner();
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
}
