package dev.trawl.pcap.panama;

import dev.trawl.pcap.BackendUnavailableException;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds and loads libpcap, and gives the function holders their symbols. The library is loaded once, by
 * {@link #load()}, before any holder class is touched; holders resolve their symbol lazily when first used.
 *
 * <p>Search order: the {@value #LIBRARY_PROPERTY} system property (a path or a library name) if set, else the
 * platform's usual names: {@code libpcap.so.1}, {@code libpcap.so.0.8}, {@code libpcap.so} on Linux;
 * {@code libpcap.A.dylib} and {@code /usr/lib/libpcap.dylib} on macOS; Npcap's {@code wpcap.dll} in
 * {@code System32\Npcap}, then {@code wpcap.dll} on the search path, on Windows.
 */
@SuppressWarnings("restricted") // the module exists to link libpcap; it asks for native access
final class Libpcap {
    /** The system property naming the libpcap to load (a file path or a name for the dynamic loader). */
    static final String LIBRARY_PROPERTY = "trawl.panama.libpcap";

    static final Linker LINKER = Linker.nativeLinker();

    /** Everything: an unbounded segment of global scope, for reading structs at addresses libpcap returns. */
    static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    static final ValueLayout.OfLong C_LONG_LONG = ValueLayout.JAVA_LONG;
    static final ValueLayout C_POINTER = ValueLayout.ADDRESS;
    /** {@code PCAP_ERRBUF_SIZE}. */
    static final int ERRBUF_SIZE = 256;

    private static volatile SymbolLookup lookup;
    private static volatile String loadedFrom;

    private Libpcap() {
    }

    /**
     * Loads libpcap if it is not loaded yet.
     *
     * @throws BackendUnavailableException if no candidate loads; the message lists what was tried
     */
    static synchronized void load() throws BackendUnavailableException {
        if (lookup != null) {
            return;
        }
        List<String> tried = new ArrayList<>();
        for (String candidate : candidates()) {
            try {
                SymbolLookup found = candidate.indexOf('/') >= 0 || candidate.indexOf('\\') >= 0
                        ? SymbolLookup.libraryLookup(Path.of(candidate), Arena.global())
                        : SymbolLookup.libraryLookup(candidate, Arena.global());
                if (found.find("pcap_create").isEmpty()) {
                    tried.add(candidate + " (not libpcap: no pcap_create)");
                    continue;
                }
                loadedFrom = candidate;
                lookup = found;
                return;
            } catch (IllegalArgumentException | UnsatisfiedLinkError e) {
                tried.add(candidate + " (" + e.getMessage() + ")");
            }
        }
        throw new BackendUnavailableException("libpcap not found; tried " + String.join(", ", tried)
                + ". Install it (Debian/Ubuntu: apt-get install libpcap0.8; macOS has it; Windows: install Npcap) "
                + "or name it with -D" + LIBRARY_PROPERTY + "=/path/to/libpcap");
    }

    /** Where libpcap was loaded from, as it was named. */
    static String loadedFrom() {
        return loadedFrom;
    }

    static List<String> candidates() {
        String configured = System.getProperty(LIBRARY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return List.of(configured.trim());
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            List<String> names = new ArrayList<>();
            String root = System.getenv("SystemRoot");
            if (root != null) {
                Path npcap = Path.of(root, "System32", "Npcap", "wpcap.dll");
                if (Files.exists(npcap)) {
                    names.add(npcap.toString());
                }
            }
            names.add("wpcap.dll");
            return names;
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return List.of("libpcap.A.dylib", "/usr/lib/libpcap.dylib", "libpcap.dylib");
        }
        return List.of("libpcap.so.1", "libpcap.so.0.8", "libpcap.so");
    }

    /** The address of a symbol libpcap must have. */
    static MemorySegment require(String name) {
        return find(name).orElseThrow(() -> new UnsatisfiedLinkError(
                "libpcap loaded from " + loadedFrom + " has no symbol " + name));
    }

    /** The address of an optional symbol: empty when this libpcap is older than the function. */
    static Optional<MemorySegment> find(String name) {
        SymbolLookup current = lookup;
        if (current == null) {
            throw new IllegalStateException("libpcap is not loaded");
        }
        return current.find(name);
    }

    /** A downcall handle for a symbol, or {@code null} when the symbol is absent. */
    static MethodHandle downcallOrNull(MemorySegment address, FunctionDescriptor desc, Linker.Option... options) {
        return address == null ? null : LINKER.downcallHandle(address, desc, options);
    }

    /** Reads a NUL-terminated C string; {@code null} for a null pointer. */
    static String string(MemorySegment pointer) {
        return pointer.equals(MemorySegment.NULL) ? null : ALL.getString(pointer.address());
    }

    /** Reads a NUL-terminated C string at an address; {@code null} for address zero. */
    static String string(long address) {
        return address == 0 ? null : ALL.getString(address);
    }

    /** A global-scope segment for a raw address, as downcalls take pointer arguments. */
    static MemorySegment pointer(long address) {
        return MemorySegment.ofAddress(address);
    }

    /** A downcall threw, which native functions never do: the binding is wrong. */
    static AssertionError unexpected(Throwable t) {
        return new AssertionError("unexpected failure in a native call", t);
    }

    /** Whether an optional symbol is present. */
    static boolean has(String name) {
        return find(name).isPresent();
    }
}
