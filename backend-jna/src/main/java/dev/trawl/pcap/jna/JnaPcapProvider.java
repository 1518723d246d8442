package dev.trawl.pcap.jna;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.BackendUnavailableException;
import dev.trawl.pcap.spi.PcapProvider;

/**
 * The {@code jna} provider: libpcap through JNA. Priority 200, above the pure-Java {@code java} provider.
 * Constructing it does nothing; {@link #create()} loads libpcap. Thread-safe.
 */
public final class JnaPcapProvider implements PcapProvider {
    /** Creates the provider; loads nothing. */
    public JnaPcapProvider() {
    }

    @Override
    public String name() {
        return JnaBackend.NAME;
    }

    @Override
    public int priority() {
        return 200;
    }

    /**
     * Loads libpcap and returns the backend.
     *
     * @throws BackendUnavailableException if libpcap or JNA cannot be loaded here; the message says what to install
     */
    @Override
    public Backend create() throws BackendUnavailableException {
        try {
            return JnaBackend.load();
        } catch (NoClassDefFoundError e) {
            // JnaBackend itself links against JNA: without the jar it cannot even load
            throw new BackendUnavailableException("JNA (net.java.dev.jna:jna) is not on the class path", e);
        }
    }
}
