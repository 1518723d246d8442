package dev.trawl.cli;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * trawl's Babel text against tcpdump's, line by line, over the Babel datagrams of the corpus: the TLV names, and
 * with {@code -v} each TLV's fields and sub-TLVs, on the current port and the old one, and a malformed update.
 */
class BabelTextTest {
    private static final List<String> CAPTURES = List.of("babel.pcap", "babel_update_oobr.pcap");
    private static final String FILTER = "udp port 6696 or udp port 6697";

    private static void compare(List<String> flags) throws Exception {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
        for (String capture : CAPTURES) {
            String file = TrawlRunner.capture(capture).toString();
            List<String> cmd = new ArrayList<>(List.of("tcpdump"));
            cmd.addAll(flags);
            cmd.addAll(List.of("-r", file, FILTER));
            List<String> expected = TrawlRunner.external(cmd).lines().toList();
            List<String> args = new ArrayList<>(flags);
            args.addAll(List.of("-r", file, FILTER));
            List<String> actual = TrawlRunner.run(args.toArray(String[]::new)).lines();
            assertTrue(expected.stream().anyMatch(l -> l.contains("babel 2")), capture + " holds Babel");
            assertEquals(expected.size(), actual.size(), capture + " " + flags + " line count");
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), actual.get(i), capture + " " + flags + " line " + (i + 1));
            }
        }
    }

    @Test
    void tlvNamesMatchTcpdump() throws Exception {
        compare(List.of("-n"));
    }

    @Test
    void verboseTlvsMatchTcpdump() throws Exception {
        compare(List.of("-n", "-v"));
    }
}
