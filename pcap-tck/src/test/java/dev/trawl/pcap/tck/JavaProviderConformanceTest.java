package dev.trawl.pcap.tck;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.Pcap;

/**
 * The conformance kit run against the built-in pure-Java provider, {@code java}. It reads files in pure Java,
 * so it neither stops where libpcap 1.10 stops (it reads pcapng sections whose interfaces differ in link type
 * or snapshot length) nor compiles filters with libpcap (it uses the installed {@code FilterCompiler}, if any).
 * It lives here because pcap-api cannot depend on the kit.
 *
 * <p>The whole kit applies: where the provider delivers what libpcap delivers rather than what tshark prints
 * (a record cut to the file's snapshot length, SunATM pseudo-headers kept, out-of-range time fields, pcapng
 * custom blocks that tshark lists as frames), the
 * kit's corpus check accepts either reader's view.
 */
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
