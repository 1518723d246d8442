package dev.trawl.cli;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The text of a few network-layer cases against tcpdump's, on frames built here: an ICMP message behind an
 * authentication header (whose length tcpdump takes off the IP packet's), an IPv6 packet whose chain of
 * extension headers is longer than the usual stack, an ARP message with an opcode tcpdump does not name
 * (dumped in hex and ASCII), VXLAN headers with the I flag set and clear, a home agent discovery reply, an empty
 * datagram to SNMP's port and a DNS type tcpdump 4.99 has no name for.
 */
class IpTailTextTest extends TcpdumpComparison {
    private static final String ETHERNET_IPV4 = "020000000002020000000001" + "0800";
    private static final String ETHERNET_IPV6 = "020000000002020000000001" + "86dd";
    private static final int LINKTYPE_ETHERNET = 1;

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-ne", "-nq", "-nx"})
    void networkTailPrintsAsTcpdumpPrintsIt(String flags) throws Exception {
        String icmp = "0800f7ff0001000100010203040506070809";
        String ah = "01040000" + "3916d11c" + "00000011" + "08cfeae9677f8acf066688be"; // 24 bytes, then ICMP
        String ahPacket = "45000046" + "00010000" + "4033" + "0000" + "0a013013" + "0a013016" + ah + icmp;
        StringBuilder chain = new StringBuilder();
        int headers = 60;
        for (int i = 0; i < headers; i++) {
            chain.append(i + 1 < headers ? "3c" : "11").append("00").append("010400000000"); // destination options
        }
        String udp = "3039d43100120000" + "00010203040506070809";
        int payload = headers * 8 + 18;
        String ipv6 = "60000000" + String.format("%04x", payload) + "3c40" + "20010db8000000000000000000000001"
                + "20010db8000000000000000000000002" + chain + udp;
        String arp = "0806" + "00010800060475010002030405060a000001" + "0000000000000a000002" + "00".repeat(18);
        String innerArp = "ffffffffffff020000000003" + arp;
        String vxlanClear = vxlan("26", innerArp);
        String vxlanValid = vxlan("08", innerArp);
        Path file = LinkLayerTextTest.capture(dir, "ip-tail", LINKTYPE_ETHERNET, ETHERNET_IPV4 + ahPacket,
                ETHERNET_IPV6 + ipv6, "ffffffffffff020000000001" + arp, ETHERNET_IPV4 + vxlanClear,
                ETHERNET_IPV4 + vxlanValid);
        String tcpdump = TrawlRunner.external(List.of("tcpdump", flags, "-r", file.toString()));
        assertTrue(tcpdump.contains("ICMP echo request"), tcpdump);
        TrawlRunner.Result trawl = TrawlRunner.run(flags, "-r", file.toString());
        assertEquals(0, trawl.status(), trawl.stderr());
        assertEquals(tcpdump.lines().toList(), trawl.lines(), "with " + flags);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv"})
    void namesAndEmptyMessagesPrintAsTcpdumpPrintsThem(String flags) throws Exception {
        String haReply = "9100" + "0000" + "04d20000" + "20010db8000000000000aaaabbbb0000"
                + "20010db8000000000000aaaabbbb0001";
        String ipv6 = "6000000000283a40" + "20010db8000000000000000000030002" + "20010db8000000000000000000030001"
                + haReply;
        String snmpEmpty = "45000024000100004011" + "0000" + "c0000201" + "c0000202" + "00a10000" + "00080000";
        String query = "3039" + "0100" + "0001" + "0000" + "0000" + "0000" + "0161" + "00" + "0101" + "0001";
        String dnsUdp = "d4310035" + String.format("%04x", 8 + query.length() / 2) + "0000" + query;
        String dns = "4500" + String.format("%04x", 20 + dnsUdp.length() / 2) + "000100004011" + "0000" + "c0000201"
                + "c0000202" + dnsUdp;
        Path file = LinkLayerTextTest.capture(dir, "names", LINKTYPE_ETHERNET, ETHERNET_IPV6 + ipv6,
                ETHERNET_IPV4 + snmpEmpty, ETHERNET_IPV4 + dns);
        String tcpdump = TrawlRunner.external(List.of("tcpdump", flags, "-r", file.toString()));
        assertTrue(tcpdump.contains("Type257?"), tcpdump);
        TrawlRunner.Result trawl = TrawlRunner.run(flags, "-r", file.toString());
        assertEquals(0, trawl.status(), trawl.stderr());
        assertEquals(tcpdump.lines().toList(), trawl.lines(), "with " + flags);
    }

    /** An IPv4/UDP datagram to VXLAN's port holding {@code frame}, the VXLAN header's flags {@code flags}. */
    private static String vxlan(String flags, String frame) {
        String vxlan = flags + "000000" + "00006400" + frame;
        int udpLength = 8 + vxlan.length() / 2;
        String udp = "c000" + "12b5" + String.format("%04x", udpLength) + "0000" + vxlan;
        return "4500" + String.format("%04x", 20 + udpLength) + "000100004011" + "0000" + "0a000001" + "0a000002"
                + udp;
    }
}
