package dev.trawl.cli;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * PPP's control and authentication protocols against tcpdump's text, on packets built here: the options of LCP,
 * IPCP (with RFC 3544 header compression and its suboptions), IP6CP, CCP and BACP Configure packets, lengths
 * that do not fit (bogus option lengths, an option longer than what is left), CHAP, a protocol tcpdump only
 * names, and frames captured with their HDLC escapes still in, whose IP datagram or IPCP packet tcpdump prints
 * after undoing them.
 */
class PppControlTextTest {
    @TempDir
    Path dir;

    @BeforeEach
    void needsTcpdump() {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-nvv", "-ne"})
    void controlProtocolsPrintAsTcpdumpPrintsThem(String flags) throws Exception {
        List<Path> files = List.of(
                LinkLayerTextTest.capture(dir, "ppp-control", 9,
                        "ff03c02101010046010405dc0206000000000305c223050304c0230506a4cbea34070208020d0306110406401307"
                                + "020a000001130903020000000001170400010103051f03000a040102",
                        "ff03c0210202000a010405dc0a080102030405",
                        "ff0380210103003703060a0000018106080808080206002d0f0102140061000100020003000400050102020400"
                                + "00010a0a0000010a000002840500",
                        "ff03805701040012010a00112233445566770204abcd",
                        "ff0380fd010500151a04780015032f1804e502120601000000",
                        "ff03c02b0106000a010601020304",
                        "ff03c2230107000d0401020304686f7374",
                        "ff03c223030700086f6b2121",
                        "ff030027aabbccdd",
                        "ff03c02d0102"),
                LinkLayerTextTest.capture(dir, "ppp-escaped", 50,
                        "ff037e214500001c000100007d5e1100000a0000010a0000020035003500080000",
                        "ff037e80210101000a03067d2a000001",
                        "ff037eff037e01"));
        LinkLayerTextTest.assertPrintedAsTcpdump(flags, files);
    }
}
