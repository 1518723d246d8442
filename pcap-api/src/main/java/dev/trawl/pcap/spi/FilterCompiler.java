package dev.trawl.pcap.spi;

import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.FilterSpec;
import dev.trawl.pcap.InvalidFilterException;

import java.util.List;
import java.util.Optional;

/**
 * A pure-Java compiler of pcap-filter expressions, found with {@link ServiceProviders}. The
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
     * The installed compiler, if the {@code trawl-filter} module (or another implementation) is present: the
     * first that {@link ServiceProviders} finds. Looked up once; a compiler that fails to load is logged and
     * named by {@link #unavailableReason()}.
     */
    static Optional<FilterCompiler> installed() {
        return Installed.FOUND.first();
    }

    /**
     * Why no compiler is {@linkplain #installed() installed}, for messages: none was found, or those found
     * could not be loaded (each named with its reason).
     */
    static String unavailableReason() {
        List<ServiceProviders.Failure> failures = Installed.FOUND.failures();
        return failures.isEmpty() ? "no filter compiler is installed"
                : "the filter compiler could not be loaded: " + failures;
    }

    /** Holds the compilers found, looked up on first use. */
    final class Installed {
        private static final ServiceProviders<FilterCompiler> FOUND = find();

        private Installed() {
        }

        private static ServiceProviders<FilterCompiler> find() {
            ServiceProviders<FilterCompiler> found = ServiceProviders.load(FilterCompiler.class);
            for (ServiceProviders.Failure failure : found.failures()) {
                System.getLogger(FilterCompiler.class.getName()).log(System.Logger.Level.WARNING,
                        "filter compiler " + failure.provider() + " could not be loaded: " + failure.reason(),
                        failure.cause());
            }
            return found;
        }
    }
}
