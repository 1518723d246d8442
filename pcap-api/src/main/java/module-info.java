/**
 * trawl's capture API: devices, live and offline handles, filters, dumpers. Backends implement
 * {@link dev.trawl.pcap.spi.PcapProvider}; {@link dev.trawl.pcap.Pcap} finds them.
 */
module dev.trawl.pcap {
    exports dev.trawl.pcap;
    exports dev.trawl.pcap.spi;

    uses dev.trawl.pcap.spi.PcapProvider;
    uses dev.trawl.pcap.spi.FilterCompiler;
}
