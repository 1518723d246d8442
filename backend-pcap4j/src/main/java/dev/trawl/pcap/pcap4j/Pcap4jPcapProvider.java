package dev.trawl.pcap.pcap4j;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.BackendUnavailableException;
import dev.trawl.pcap.spi.PcapProvider;

/**
 * Provides the {@code pcap4j} backend: libpcap through pcap4j-core, for code that already deploys pcap4j.
 * The constructor does nothing; {@link #create()} loads pcap4j and libpcap.
 *
 * <p>Thread-safe.
 */
public final class Pcap4jPcapProvider implements PcapProvider {
    /** The backend's name. */
    public static final String NAME = "pcap4j";

    /** Creates the provider; cheap, loads nothing. */
    public Pcap4jPcapProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /** 100: below the project's own native backends, above the pure-Java {@code java} provider. */
    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Backend create() throws BackendUnavailableException {
        return Pcap4jBackend.load();
    }
}
