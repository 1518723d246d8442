package dev.trawl.cli;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

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
        List<String> filtered = new ArrayList<>(flags);
        filtered.add(FILTER);
        for (String capture : CAPTURES) {
            TrawlRunner.assertSameAsTcpdump(TrawlRunner.capture(capture).toString(), filtered, capture);
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
