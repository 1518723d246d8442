package dev.trawl.pcap.tck;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.Pcap;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The built-in pure-Java provider of pcap-api against the kit: it lives here because pcap-api cannot depend
 * on the kit. It reads files itself (so it may read past libpcap's limits where the format allows) and
 * compiles filters with the pure-Java filter module when that is present. Run it with
 * {@code -Dtrawl.tck.java=true}; it is off by default so that the kit's build does not depend on the state of
 * another module's provider.
 */
@EnabledIfSystemProperty(named = "trawl.tck.java", matches = "true")
class JavaProviderConformanceTest extends ConformanceKit {
    @Override
    protected Backend backend() throws Exception {
        return Pcap.backend("java");
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
