package dev.trawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * tshark's conversation and endpoint tables ({@code -q -z conv,TYPE}, {@code -z endpoints,TYPE}, with and
 * without a filter) through the tool, byte for byte against tshark's on corpus captures of every kind: TCP
 * with retransmissions and reused ports, UDP with IP fragments and ICMP errors, IPv6 with routing headers,
 * tunnels; followed TCP and UDP streams in every mode; interval statistics with every calculation; and the
 * refusal of statistics trawl does not have.
 */
class StatisticsTest {
    private static final List<String> CAPTURES = List.of("afs.pcap", "dns_tcp.pcap", "of13_ericsson.pcapng",
            "pptp.pcap", "mpls-traceroute.pcap", "ipv6-routing-header.pcap", "geneve.pcap", "local-netns-lo-nano.pcap",
            "802.1ad_QinQ.pcap", "bigtcp-ipv6-hbh.pcap");
    private static final List<String> TABLES = List.of("conv,eth", "conv,ip", "conv,ipv6", "conv,tcp", "conv,udp",
            "endpoints,eth", "endpoints,ip", "endpoints,ipv6", "endpoints,tcp", "endpoints,udp");

    private static void sameAsTshark(String capture, List<String> tables) throws Exception {
        List<String> args = new ArrayList<>(List.of("-q", "-r", TrawlRunner.capture(capture).toString()));
        for (String t : tables) {
            args.add("-z");
            args.add(t);
        }
        List<String> tshark = new ArrayList<>(List.of("tshark", "-n"));
        tshark.addAll(args);
        String expected = TrawlRunner.external(tshark);
        TrawlRunner.Result r = TrawlRunner.run(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.stderr());
        assertEquals(expected, r.out(), capture + " " + tables);
    }

    @Test
    void everyTableOfEveryCaptureIsTsharks() throws Exception {
        for (String capture : CAPTURES) {
            sameAsTshark(capture, TABLES); // all at once: printed in tshark's order, the last asked first
        }
    }

    @Test
    void aTableFilterCountsOnlyWhatItPasses() throws Exception {
        sameAsTshark("afs.pcap", List.of("conv,udp,udp.port == 7000", "endpoints,ip,frame.len > 500"));
        sameAsTshark("of13_ericsson.pcapng", List.of("conv,tcp,tcp.analysis.flags"));
    }

    @Test
    void followedStreamsAreTsharks() throws Exception {
        // retransmissions and out-of-order segments (mptcp, ssh), IPv6 jumbograms, tunnels (geneve), both sides
        for (String capture : List.of("dns_tcp.pcap", "of13_ericsson.pcapng", "ssh.pcap", "mptcp-v0.pcap",
                "geneve.pcap", "bigtcp-ipv6-hbh.pcap", "local-netns-lo-nano.pcap")) {
            for (String mode : List.of("ascii", "hex", "raw")) {
                sameAsTshark(capture, List.of("follow,tcp," + mode + ",0", "follow,tcp," + mode + ",1"));
            }
        }
        for (String capture : List.of("afs.pcap", "dns_udp.pcap", "gquic.pcap", "geneve.pcap",
                "local-netns-lo-nano.pcap")) {
            sameAsTshark(capture, List.of("follow,udp,ascii,0", "follow,udp,hex,1", "follow,udp,raw,2"));
        }
    }

    @Test
    void ioStatisticsAreTsharks() throws Exception {
        // whole-second, fractional, written-with-decimals and whole-capture intervals; a duration whose rounding
        // adds a digit (DECnet_Phone: 99.999997 s), one of no length, under a millisecond, nanosecond times;
        // filters per column, an empty column, a long filter that wraps
        for (String capture : List.of("afs.pcap", "dns_tcp.pcap", "DECnet_Phone.pcap", "bigtcp-ipv6-hbh.pcap",
                "mptcp-v1.pcap", "local-netns-lo-nano.pcap", "ipv6-routing-header.pcap",
                "OSPFv3_NBMA_adjacencies.pcap")) {
            sameAsTshark(capture, List.of("io,stat,1", "io,stat,0,tcp,udp,,frame.len > 100", "io,stat,0.25,ip",
                    "io,stat,10.00,udp"));
        }
        sameAsTshark("afs.pcap", List.of("io,stat,100,ip.src == 192.168.0.1 or ip.src == 192.168.0.2 or ip.src =="
                + " 192.168.0.3 or ip.src == 192.168.0.4 or ip.src == 10.0.0.1,MAX(frame.len)"));
    }

    @Test
    void ioStatisticsCalculationsAreTsharks() throws Exception {
        // a field's values count only when some filter names it, as tshark builds only those fields
        sameAsTshark("dns_tcp.pcap", List.of("io,stat,0.5,tcp,COUNT(frame)frame,SUM(frame.len)frame.len,"
                + "MIN(frame.len)frame,AVG(tcp.len)tcp", "io,stat,0,AVG(tcp.len)tcp,MAX(tcp.len)tcp.len"));
        sameAsTshark("dns_tcp.pcap", List.of("io,stat,0.01,AVG(tcp.analysis.ack_rtt)tcp.analysis.ack_rtt,"
                + "LOAD(tcp.analysis.ack_rtt)tcp,SUM(tcp.analysis.ack_rtt)tcp,MAX(tcp.analysis.ack_rtt)tcp,"
                + "COUNT(tcp)tcp"));
        for (String capture : List.of("ssh.pcap", "mptcp-v0.pcap", "geneve.pcap")) {
            sameAsTshark(capture, List.of("io,stat,2,COUNT(tcp.analysis.retransmission)tcp.analysis.retransmission,"
                    + "MIN(tcp.window_size)tcp.window_size,MAX(tcp.len)tcp.len,AVG(tcp.analysis.ack_rtt)"
                    + "tcp.analysis.ack_rtt,LOAD(tcp.analysis.ack_rtt)tcp.analysis.ack_rtt,BYTES()tcp,FRAMES()udp",
                    "io,stat,0,SUM(tcp.analysis.ack_rtt)tcp.analysis.ack_rtt,MIN(tcp.analysis.ack_rtt)tcp"));
        }
    }

    @Test
    void ioStatisticsTsharkRefusesAreUsageErrors() {
        for (String[] refused : new String[][] {{"io,stat,1,", "io,stat,INTERVAL"}, {"io,stat,x", "io,stat,INTERVAL"},
                {"io,stat,0.0000001", "at least 0.000001"}, {"io,stat,1,SUM(ip.src)", "integral values"},
                {"io,stat,1,MAX(no.such.field)", "no field named 'no.such.field'"},
                {"io,stat,1,LOAD(tcp.len)", "relative-time"}, {"io,stat,1,MIN(tcp.len", "parenthesis"},
                {"io,stat,1,tcp.port ===", "display filter"}}) {
            TrawlRunner.Result r = TrawlRunner.run("-q", "-r", TrawlRunner.capture("afs.pcap").toString(), "-z",
                    refused[0]);
            assertEquals(2, r.status(), refused[0]);
            assertTrue(r.stderr().contains(refused[1]), r.stderr());
            assertEquals("", r.out());
        }
    }

    @Test
    void statisticsTrawlDoesNotHaveAreAUsageError() {
        TrawlRunner.Result r = TrawlRunner.run("-q", "-r", TrawlRunner.capture("afs.pcap").toString(), "-z",
                "io,phs");
        assertEquals(2, r.status());
        assertTrue(r.stderr().contains("unknown statistics 'io,phs'"), r.stderr());
        TrawlRunner.Result bad = TrawlRunner.run("-q", "-r", TrawlRunner.capture("afs.pcap").toString(), "-z",
                "conv,udp,udp.port ===");
        assertEquals(2, bad.status());
        assertTrue(bad.stderr().contains("-z conv,udp,udp.port ===: display filter:"), bad.stderr());
        assertEquals("", bad.out());
        TrawlRunner.Result follow = TrawlRunner.run("-q", "-r", TrawlRunner.capture("afs.pcap").toString(), "-z",
                "follow,sctp,ascii,0");
        assertEquals(2, follow.status());
        assertTrue(follow.stderr().contains("follow,tcp|udp,ascii|hex|raw,STREAM"), follow.stderr());
    }
}
