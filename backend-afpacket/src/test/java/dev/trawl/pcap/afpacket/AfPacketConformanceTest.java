package dev.trawl.pcap.afpacket;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.tck.ConformanceKit;

import org.junit.jupiter.api.Tag;

/**
 * The conformance kit, run against the {@code afpacket} backend found through {@link Pcap}. Its files are the
 * built-in {@code java} codec's, and its filters the {@code filter} module's: it is held to them, not to
 * libpcap's reading and code generation, as the {@code java} provider is.
 */
@Tag("native")
class AfPacketConformanceTest extends ConformanceKit {
    @Override
    protected Backend backend() throws Exception {
        return Pcap.backend("afpacket");
    }

    @Override
    protected boolean libpcapSemantics() {
        return false;
    }

    @Override
    protected boolean libpcapFilterCode() {
        return false;
    }
}
