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
    // Not API: the class-file writer of the modules that generate code at run time.
    exports dev.trawl.pcap.internal.bytecode to dev.trawl.filter, dev.trawl.decode;

    uses dev.trawl.pcap.spi.PcapProvider;
    uses dev.trawl.pcap.spi.FilterCompiler;

    provides dev.trawl.pcap.spi.PcapProvider with dev.trawl.pcap.file.JavaPcapProvider;
}
