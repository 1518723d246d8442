package dev.trawl.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static dev.trawl.cli.BgpTextTest.compare;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OSPF version 2 text against tcpdump's: a corpus capture of an adjacency forming with MD5 authentication
 * holds Hellos with link-local signalling, Database Descriptions, LS Requests, LS Updates of router, network
 * and external LSAs, LS Acks and headers cut short by the trailing digest; OSPF version 3 captures of
 * adjacencies forming over NBMA and under IPv6 AH hold every packet type and the router, network,
 * inter-area prefix, link and intra-area prefix LSAs. Every line must be tcpdump's.
 */
class OspfTextTest {
    @Test
    void ospfVersionTwoPrintsAsTcpdumpPrintsIt() throws Exception {
        Path file = TrawlRunner.capture("OSPFv2_Capture_FINAL.pcapng");
        compare(file, "-n");
        // the detail spans several lines a packet
        assertTrue(compare(file, "-nv") > 500, "tcpdump decoded the packets");
    }

    @Test
    void ospfVersionThreePrintsAsTcpdumpPrintsIt() throws Exception {
        for (String name : new String[] {"OSPFv3_NBMA_adjacencies.pcap", "OSPFv3_with_AH.pcap"}) {
            Path file = TrawlRunner.capture(name);
            compare(file, "-n");
            // router, area and options follow each summary; -vv adds the LSAs, each over several lines
            int verbose = compare(file, "-nv");
            assertTrue(compare(file, "-nvv") > 2 * verbose, "tcpdump decoded the LSAs of " + name);
        }
    }
}
