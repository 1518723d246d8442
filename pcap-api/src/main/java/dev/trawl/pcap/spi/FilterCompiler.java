package dev.trawl.pcap.spi;

import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.FilterSpec;
import dev.trawl.pcap.InvalidFilterException;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A pure-Java compiler of pcap-filter expressions, found with {@link java.util.ServiceLoader}. The
 * {@code trawl-filter} module provides one; backends without libpcap (the built-in {@code java} provider)
 * use it to compile filters. Implementations are thread-safe.
 */
public interface FilterCompiler {
    /**
     * Compiles an expression as libpcap's {@code pcap_compile} would on a dead handle of the spec's link type
     * and snapshot length.
     *
     * @throws InvalidFilterException if the expression does not compile
     */
    BpfProgram compile(FilterSpec spec) throws InvalidFilterException;

    /**
     * The installed compiler, if the {@code trawl-filter} module (or another implementation) is present.
     * Looked up once.
     */
    static Optional<FilterCompiler> installed() {
        return Installed.COMPILER;
    }

    /** Holds the lazily found compiler. */
    final class Installed {
        private static final Optional<FilterCompiler> COMPILER = find();

        private Installed() {
        }

        private static Optional<FilterCompiler> find() {
            try {
                return ServiceLoader.load(FilterCompiler.class, FilterCompiler.class.getClassLoader()).findFirst();
            } catch (java.util.ServiceConfigurationError e) {
                return Optional.empty();
            }
        }
    }
}
