/**
 * trawl's libpcap backend over the JDK's Foreign Function and Memory API ({@code java.lang.foreign}). It
 * exports nothing: {@link dev.trawl.pcap.Pcap} finds it as the {@code panama} provider. Run with
 * {@code --enable-native-access=dev.trawl.pcap.panama} (module path) or {@code ALL-UNNAMED} (class path).
 */
module dev.trawl.pcap.panama {
    requires dev.trawl.pcap;

    provides dev.trawl.pcap.spi.PcapProvider with dev.trawl.pcap.panama.PanamaPcapProvider;
}
