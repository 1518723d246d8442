/**
 * trawl's Linux live-capture backend: the kernel's {@code TPACKET_V3} packet ring, mapped and read in place
 * with {@code java.lang.foreign}, with no libpcap. It exports nothing: {@link dev.trawl.pcap.Pcap} finds it as
 * the {@code afpacket} provider. Run with {@code --enable-native-access=dev.trawl.pcap.afpacket} (module path)
 * or {@code ALL-UNNAMED} (class path).
 */
module dev.trawl.pcap.afpacket {
    requires dev.trawl.pcap;
    requires dev.trawl.filter;

    provides dev.trawl.pcap.spi.PcapProvider with dev.trawl.pcap.afpacket.AfPacketPcapProvider;
}
