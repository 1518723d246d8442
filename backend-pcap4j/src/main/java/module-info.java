/**
 * The {@code pcap4j} backend: libpcap through pcap4j-core. Exports nothing; {@link dev.trawl.pcap.Pcap}
 * finds it as a {@link dev.trawl.pcap.spi.PcapProvider}.
 *
 * <p>On the module path pcap4j-core 1.8.2 needs a module named {@code slf4j.api} (the automatic name of
 * old slf4j-api jars); with slf4j 2, whose module is {@code org.slf4j}, add a one-line bridge module
 * {@code module slf4j.api { requires transitive org.slf4j; }}. See the package documentation.
 */
module dev.trawl.pcap.pcap4j {
    requires dev.trawl.pcap;
    requires org.pcap4j.core;
    requires com.sun.jna;
    requires java.sql;

    provides dev.trawl.pcap.spi.PcapProvider with dev.trawl.pcap.pcap4j.Pcap4jPcapProvider;
}
