package dev.trawl.cli;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PPP's control and authentication protocols against tcpdump's text, on packets built here: the options of LCP,
 * IPCP (with RFC 3544 header compression and its suboptions), IP6CP, CCP and BACP Configure packets, lengths
 * that do not fit (bogus option lengths, an option longer than what is left), CHAP, a protocol tcpdump only
 * names, and frames captured with their HDLC escapes still in, whose IP datagram or IPCP packet tcpdump prints
 * after undoing them; and L2TP over UDP on datagrams built here: control messages with attribute-value pairs of
 * every kind tcpdump decodes, values too short, a hidden and a vendor's pair, an unknown one, a zero-length body, a
 * data message carrying PPP, L2F, and lengths that do not fit.
 */
class PppControlTextTest extends TcpdumpComparison {
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

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv"})
    void l2tpPrintsAsTcpdumpPrintsIt(String flags) throws Exception {
        Path file = LinkLayerTextTest.capture(dir, "l2tp", 228,
                "4500009f000100004011664b0a0000010a00000206a506a5008b0000c8020083000100000000000080080000"
                        + "000000018008000000020100800a0000000300000003800a0000000400000003800800000006068080110000"
                        + "00076c6e732e6578616d706c65000e0000000856656e646f720158800800000009000580080000000a000480"
                        + "0e0000000b0102030405060708800e000000051122334455667788",
                "450000c100010000401166290a0000010a00000206a506a500ad0000c80200a5000100000000000080080000"
                        + "000000048008000000010001800a0000000100020006800d0000000100020006627965800900000001000200"
                        + "80080000000e0007800a0000000f00000009800a0000001000000300800a0000001200000001800a00000013"
                        + "0000000280060000001480090000001535353580080000001d000280080000001d0009800800000020010580"
                        + "0600000027800c0000000c001005776879",
                "450000be000100004011662c0a0000010a00000206a506a500aa0000c80200a2000100000000000080080000"
                        + "000000108010000000230000ffffffff00000000802000000022000000000001000000010000000100000001"
                        + "0000000100000001800b000000220000000000800e0000002e0001c021016d7367800a0000002e0001c02180"
                        + "0800000000006380070000000000c0070000000778800800090001000180070000003c0180160000000d0000"
                        + "0000000000000000000000000000",
                "4500002800010000401166c20a0000010a00000206a506a500140000c802000c0001000000010001",
                "4500002e00010000401166bc0a0000010a00000206a506a5001a0000000200030004ff03c021090100080a0b"
                        + "0c0d",
                "4500002600010000401166c40a0000010a00000206a506a500120000400200c8000300040000",
                "4500002000010000401166ca0a0000010a00000206a506a5000c000000010000",
                "4500002800010000401166c20a0000010a00000206a506a500140000800200010001000000010001",
                "4500003400010000401166b60a0000010a00000206a506a500200000c802001e000100000001000180080000"
                        + "0000000180200000");
        LinkLayerTextTest.assertPrintedAsTcpdump(flags, List.of(file));
    }
}
