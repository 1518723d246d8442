/**
 * trawl's capture API: devices, live and offline handles, filters, dumpers. Backends implement
 * {@link dev.trawl.pcap.spi.PcapProvider}; {@link dev.trawl.pcap.Pcap} finds them. The module carries one
 * backend of its own, {@code java}, which reads and writes capture files in pure Java
 * ({@link dev.trawl.pcap.file}).
 */
module dev.trawl.pcap {
    exports dev.trawl.pcap;
    exports dev.trawl.pcap.spi;
    exports dev.trawl.pcap.file;

    uses dev.trawl.pcap.spi.PcapProvider;
    uses dev.trawl.pcap.spi.FilterCompiler;

    provides dev.trawl.pcap.spi.PcapProvider with dev.trawl.pcap.file.JavaPcapProvider;
}
