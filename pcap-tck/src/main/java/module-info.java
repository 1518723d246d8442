/**
 * The conformance kit: one JUnit Jupiter suite that every trawl capture provider runs by extending
 * {@link dev.trawl.pcap.tck.ConformanceKit}.
 */
module dev.trawl.pcap.tck {
    requires transitive dev.trawl.pcap;
    requires transitive org.junit.jupiter.api;

    exports dev.trawl.pcap.tck;
    opens dev.trawl.pcap.tck to org.junit.platform.commons;
}
