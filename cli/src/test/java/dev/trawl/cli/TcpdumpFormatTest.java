package dev.trawl.cli;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
            String file = TrawlRunner.capture(capture).toString();
            List<String> cmd = new ArrayList<>(List.of("tcpdump"));
            cmd.addAll(flags);
            cmd.addAll(List.of("-r", file));
            List<String> expected = TrawlRunner.external(cmd).lines().toList();
            List<String> args = new ArrayList<>(flags);
            args.addAll(List.of("-r", file));
            List<String> actual = TrawlRunner.run(args.toArray(String[]::new)).lines();
            for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
                assertEquals(i < expected.size() ? expected.get(i) : "<none>", i < actual.size() ? actual.get(i) : "<none>",
                        capture + " " + flags + " line " + (i + 1));
            }
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
