/**
 * The {@code jna} capture backend: libpcap through JNA direct mapping. It exports nothing; applications
 * reach it through {@link dev.trawl.pcap.Pcap}.
 */
module dev.trawl.pcap.jna {
    requires dev.trawl.pcap;
    requires com.sun.jna;

    // JNA calls the packet callback reflectively.
    opens dev.trawl.pcap.jna to com.sun.jna;

    provides dev.trawl.pcap.spi.PcapProvider with dev.trawl.pcap.jna.JnaPcapProvider;
}
