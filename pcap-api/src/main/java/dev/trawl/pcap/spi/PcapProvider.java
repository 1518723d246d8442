package dev.trawl.pcap.spi;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.BackendUnavailableException;

/**
 * The service a backend implements, found with {@link java.util.ServiceLoader}. Register an implementation
 * twice: with {@code provides dev.trawl.pcap.spi.PcapProvider with ...} in {@code module-info.java}, and in
 * {@code META-INF/services/dev.trawl.pcap.spi.PcapProvider} for class-path users.
 *
 * @implNote The constructor must be public, take no arguments and do as little as possible: loading native
 *     libraries belongs in {@link #create()}, which {@link dev.trawl.pcap.Pcap} calls at most once.
 */
public interface PcapProvider {
    /** The backend's name, lower case: {@code jna}, {@code panama}. */
    String name();

    /**
     * The priority among installed backends when none is named; higher wins. The built-in {@code java}
     * provider has 0, native backends more.
     */
    int priority();

    /**
     * The priority for work that needs one capability, when no backend is named: a backend can rank high for
     * live capture and low for files. {@link dev.trawl.pcap.Pcap#backendFor} ranks by it. By default, the same
     * as {@link #priority()}.
     *
     * @param capability what the work needs
     * @return the priority for it; higher wins
     */
    default int priority(dev.trawl.pcap.Capability capability) {
        return priority();
    }

    /**
     * Builds the backend, loading whatever it needs.
     *
     * @throws BackendUnavailableException if it cannot work here; the message says why and what to install
     */
    Backend create() throws BackendUnavailableException;
}
