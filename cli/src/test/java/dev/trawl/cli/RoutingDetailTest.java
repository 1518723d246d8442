package dev.trawl.cli;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** trawl's {@code -v} detail of routing protocols (IS-IS TLVs, EIGRP TLVs) against tcpdump's, line by line. */
class RoutingDetailTest {
    /**
     * IS-IS LSPs with reachability TLVs and checksums, a looping IS-IS PDU, IS-IS with shortest path bridging's TLVs
     * and sub-TLVs, EIGRP hellos.
     */
    private static final List<String> CAPTURES = List.of("ISIS_external_lsp.pcap", "isis-infinite-loop.pcap",
            "spb.pcap", "EIGRP_ipv6.pcap");

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
            assertEquals(expected.size(), actual.size(), capture + " " + flags + " line count");
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), actual.get(i), capture + " " + flags + " line " + (i + 1));
            }
        }
    }

    @Test
    void verboseDetailMatchesTcpdump() throws Exception {
        compare(List.of("-n", "-v"));
    }

    @Test
    void doublyVerboseDumpsMatchTcpdump() throws Exception {
        compare(List.of("-n", "-vv"));
    }
}
