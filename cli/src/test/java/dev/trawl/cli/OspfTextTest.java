package dev.trawl.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static dev.trawl.cli.BgpTextTest.compare;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OSPF version 2 text against tcpdump's: a corpus capture of an adjacency forming with MD5 authentication
 * holds Hellos with link-local signalling, Database Descriptions, LS Requests, LS Updates of router, network
 * and external LSAs, LS Acks and headers cut short by the trailing digest. Every line must be tcpdump's.
 */
class OspfTextTest {
    @Test
    void ospfVersionTwoPrintsAsTcpdumpPrintsIt() throws Exception {
        Path file = TrawlRunner.capture("OSPFv2_Capture_FINAL.pcapng");
        compare(file, "-n");
        // the detail spans several lines a packet
        assertTrue(compare(file, "-nv") > 500, "tcpdump decoded the packets");
    }
}
