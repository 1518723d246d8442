package dev.trawl.pcap.panama;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.tck.ConformanceKit;

import org.junit.jupiter.api.Tag;

/** The conformance kit, run against the {@code panama} backend found through {@link Pcap}. */
@Tag("native")
class PanamaConformanceTest extends ConformanceKit {
    @Override
    protected Backend backend() throws Exception {
        return Pcap.backend("panama");
    }
}
