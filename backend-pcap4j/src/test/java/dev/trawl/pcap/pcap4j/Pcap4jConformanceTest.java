package dev.trawl.pcap.pcap4j;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.tck.ConformanceKit;

import org.junit.jupiter.api.Tag;

/** The pcap4j backend against the conformance kit. */
@Tag("native")
class Pcap4jConformanceTest extends ConformanceKit {
    @Override
    protected Backend backend() throws Exception {
        return Pcap.backend(Pcap4jPcapProvider.NAME);
    }
}
