/**
 * The pcap-filter language in pure Java: parse, compile to classic BPF for a link type, print and JIT-compile.
 * Provides the {@link dev.trawl.pcap.spi.FilterCompiler} service.
 */
module dev.trawl.filter {
    // The exported API returns and accepts pcap-api types (BpfProgram, LinkType), so readers need that module too.
    requires transitive dev.trawl.pcap;

    exports dev.trawl.filter;

    provides dev.trawl.pcap.spi.FilterCompiler with dev.trawl.filter.PcapFilterCompiler;
}
