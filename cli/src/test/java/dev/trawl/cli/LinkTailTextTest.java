package dev.trawl.cli;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The text of less common link-layer headers and what rides on them against tcpdump's, on packets built here:
 * Linux cooked headers whose address is not a MAC address or whose protocol is a length, an 802.1Q tag followed
 * by a length, a SNAP frame of an unnamed protocol padded past its 802.3 length, LLC information, supervisory
 * and unnumbered frames (on ATM also behind an 802.6 MAC header), CFM's common header, DECnet routing and NSP
 * messages (hellos, routing, short, long and padded data headers, connect, disconnect, data and link service
 * messages), PPI headers before 802.11, Ethernet and unknown frames (with and
 * without fields, of a bad length, cut short), well formed, too short for their kind and cut short. Each file is
 * printed by tcpdump and by trawl with the same flags, and the lines must be equal.
 */
class LinkTailTextTest extends TcpdumpComparison {
    private static final String ETHERNET = "aa0004000104aa0004000204";
    private static final int LINKTYPE_ETHERNET = 1;
    private static final int LINKTYPE_LINUX_SLL = 113;
    private static final int LINKTYPE_ATM_RFC1483 = 100;
    private static final int LINKTYPE_PPI = 192;

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-ne", "-neq"})
    void cookedHeadersAndTaggedLengthsPrintAsTcpdumpPrintsThem(String flags) throws Exception {
        String udp = "4500001c00010000401100000a0000010a000002" + "0400003500080000";
        String bpdu = "424203" + "000000000080000000000000010000000080000000000000018001000014000200" + "0f00";
        assertSame(flags,
                capture("sll", LINKTYPE_LINUX_SLL,
                        "00040001000000000000000000000800" + udp,
                        "00000001000400000a0b0c0d00000800" + udp,
                        "0000000100060000000000010203" + "0004" + bpdu,
                        "000000010006020000000001" + "00000001" + "ffff0020"),
                capture("vlan-length", LINKTYPE_ETHERNET,
                        "0180c2000000" + "000000000001" + "8100e064" + "0026" + bpdu),
                capture("snap-padded", LINKTYPE_ETHERNET,
                        "ffffffffffff" + "fe0000000001" + "0024" + "aaaa0300000c0806" + "0001080006040001"
                                + "fe0000000001c0000201" + "000000000000c0000202" + "00".repeat(10)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-ne", "-neq"})
    void ppiHeadersPrintAsTcpdumpPrintsThem(String flags) throws Exception {
        String ack = "d4000000" + "0014a5cb6e1a";
        String udp = "4500001c00010000401100000a0000010a000002" + "0400003500080000";
        String data = "08013a01" + "0014a5cd747b" + "0014a5cb6e1a" + "000102270000" + "1000" + "aaaa03000000" + "0800"
                + udp;
        String arp = "ffffffffffff020000000001" + "0806" + "0001080006040001" + "020000000001c0a80001"
                + "000000000000c0a80002";
        String commonField = "02001400" + "00".repeat(20); // an 802.11-Common field
        assertSame(flags,
                capture("ppi", LINKTYPE_PPI,
                        "0000080069000000" + ack,
                        "0000200069000000" + commonField + data,
                        "0000080001000000" + arp,
                        "0000080093000000" + "0102030405060708",
                        "0000040069000000" + ack,
                        "0000300069000000" + ack,
                        "00000800690000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-ne", "-nx"})
    void decnetPrintsAsTcpdumpPrintsIt(String flags) throws Exception {
        String dn = ETHERNET + "6003";
        String nspData = "60" + "0320" + "0420" + "0180" + "00a0" + "0200" + "6869";
        assertSame(flags, capture("decnet", LINKTYPE_ETHERNET,
                dn + "1200" + "0b020000" + "aa0004000104" + "02" + "d205" + "40" + "00" + "0f00" + "00",
                dn + "0c00" + "07" + "0104" + "00" + "0200" + "0100" + "0504" + "0000",
                dn + "1300" + "22" + "0204" + "0104" + "03" + nspData,
                dn + "1400" + "81" + "22" + "0204" + "0104" + "03" + nspData,
                dn + "1d00" + "26" + "0000" + "aa0004000204" + "0000" + "aa0004000104" + "00020000"
                        + "38" + "0320" + "0420" + "2a00" + "00",
                dn + "1000" + "02" + "0204" + "0104" + "00" + "28" + "0320" + "0420" + "05" + "03" + "0040" + "02",
                dn + "1300" + "02" + "0204" + "0104" + "00" + "10" + "0320" + "0420" + "0180" + "00a0" + "0100"
                        + "0100",
                dn + "0900" + "02" + "0204" + "0104" + "00" + "04" + "0320",
                dn + "0200" + "02020401",
                dn + "1300" + "02" + "0204"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-ne"})
    void cfmHeadersPrintAsTcpdumpPrintsThem(String flags) throws Exception {
        String ccm = "a0" + "01" + "04" + "46" + "00000001" + "0001" + "00".repeat(64) + "00";
        assertSame(flags, capture("cfm", LINKTYPE_ETHERNET, ETHERNET + "8902" + ccm, ETHERNET + "abcd" + ccm,
                ETHERNET + "8902" + "21ff0000", ETHERNET + "8902" + "00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-ne", "-nx"})
    void llcFramesOfEveryFormatPrintAsTcpdumpPrintsThem(String flags) throws Exception {
        String dst = "0180c2000000000000000001";
        assertSame(flags,
                capture("llc", LINKTYPE_ETHERNET,
                        dst + "0010" + "f0f0" + "af" + "81010000" + "00".repeat(9),
                        dst + "0010" + "4242" + "0200" + "00".repeat(12),
                        dst + "0010" + "f0f0" + "0100" + "00".repeat(12),
                        dst + "0010" + "f0f1" + "0d01" + "00".repeat(12),
                        dst + "0010" + "f0f0" + "e3" + "00".repeat(13)),
                capture("atm-mac", LINKTYPE_ATM_RFC1483,
                        "30".repeat(20) + "3030bf",
                        "30".repeat(20) + "42420200" + "00".repeat(8),
                        "aaaa03" + "000000" + "0800" + "4500001c00010000401100000a0000010a000002" + "0400003500080000"));
    }

    private void assertSame(String flags, Path... files) throws Exception {
        LinkLayerTextTest.assertPrintedAsTcpdump(flags, List.of(files));
    }

    private Path capture(String name, int linkType, String... packets) throws Exception {
        return LinkLayerTextTest.capture(dir, name, linkType, packets);
    }
}
