package dev.trawl.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** trawl's one-line output against tcpdump's on corpus captures of the common protocols. */
class TcpdumpFormatTest {
    /** Captures of ARP, IPv4/IPv6, TCP, UDP, ICMP/ICMPv6, DNS, VLAN, SLL that must print as tcpdump prints them. */
    private static final List<String> CAPTURES = List.of("dns_tcp.pcap", "dns_udp.pcap", "edns-opts.pcap",
            "local-netns-eth-veth.pcap", "local-netns-lo-nano.pcap",
            "802.1ad_QinQ.pcap", "LINKTYPE_RAW_ipv4.pcap", "dnssec.pcap");

    private static void compare(List<String> flags) throws Exception {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
        for (String capture : CAPTURES) {
            TrawlRunner.assertSameAsTcpdump(TrawlRunner.capture(capture).toString(), flags, capture);
        }
    }

    @Test
    void numericLinesMatchTcpdump() throws Exception {
        compare(List.of("-n"));
    }

    @Test
    void linkHeadersMatchTcpdump() throws Exception {
        compare(List.of("-n", "-e"));
    }

    @Test
    void timestampStylesMatchTcpdump() throws Exception {
        for (String t : List.of("-t", "-tt", "-ttt", "-tttt", "-ttttt")) {
            compare(List.of("-n", t));
        }
    }

    @Test
    void hexDumpsMatchTcpdump() throws Exception {
        for (String x : List.of("-x", "-xx", "-X", "-XX")) {
            compare(List.of("-n", x));
        }
    }

    @Test
    void quietLinesMatchTcpdump() throws Exception {
        compare(List.of("-n", "-q"));
    }
}
