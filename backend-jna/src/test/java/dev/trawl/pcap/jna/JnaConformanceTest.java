package dev.trawl.pcap.jna;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.tck.ConformanceKit;

import org.junit.jupiter.api.Tag;

/** The jna backend against the conformance kit. */
@Tag("native")
class JnaConformanceTest extends ConformanceKit {
    @Override
    protected Backend backend() throws Exception {
        return Pcap.backend("jna");
    }
}
