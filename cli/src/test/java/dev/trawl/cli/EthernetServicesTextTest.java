package dev.trawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The text of what Ethernet carries beside IP, and of the tunnels and ports that carry Ethernet or ride on UDP,
 * against tcpdump's, on frames built here: MACsec with encrypted data, with data in clear (with and without an
 * SCI, with a short length and padding), with a version bit set, and cut short by the capture inside the SecTAG,
 * the ICV or the short length's data; OTV on UDP port 8472 with an Ethernet frame inside, too short, and cut
 * short; SOME/IP on port 30490, whole, too short and cut short; NSH straight on Ethernet; an Ethernet frame in
 * IPv6 (protocol 143); ARP with addresses of no bytes; ATA over Ethernet's command and query arguments; PPP's PAP
 * messages, whole, stated short, and cut short. Each file is printed by tcpdump and by trawl with the same flags,
 * and the lines must be equal.
 */
class EthernetServicesTextTest extends TcpdumpComparison {
    private static final HexFormat HEX = HexFormat.of();
    private static final String ETHERNET = "020000000002020000000001";
    private static final String UDP4 = "45000020000100004011f97cc0a80001c0a80002" + "12341a0a000c0000" + "31323334";
    private static final String ICV = "a5".repeat(16);

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-ne", "-nx", "-nq"})
    void macsecPrintsAsTcpdumpPrintsIt(String flags) throws Exception {
        String sci = "2eb73f3995c30001";
        String macsec = ETHERNET + "88e5";
        Path file = capture("macsec",
                frame(macsec + "2c00" + "00000006" + sci + "0800" + "c3".repeat(40) + ICV),
                frame(macsec + "2000" + "00000044" + sci + "0800" + UDP4 + ICV),
                frame(macsec + "0000" + "00000045" + "0800" + UDP4 + ICV),
                frame(macsec + "0022" + "00000046" + "0800" + UDP4 + ICV + "0000"),
                frame(macsec + "2022" + "00000047" + sci + "0800" + UDP4 + "00".repeat(4) + ICV),
                frame(macsec + "a000" + "00000048" + sci + "0800" + UDP4 + ICV),
                frame(macsec + "0040" + "00000049" + "0800" + UDP4 + ICV),
                frame(macsec + "2000" + "0000004a" + sci + "88b5" + "0203" + ICV),
                cut(macsec + "2000" + "0000004b" + sci + "0800" + UDP4 + ICV, 20),
                cut(macsec + "2000" + "0000004c" + sci + "0800" + UDP4 + ICV, 14 + 14 + 20),
                cut(macsec + "2022" + "0000004d" + sci + "0800" + UDP4 + ICV, 14 + 14 + 30));
        assertSameText(flags, file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-ne", "-nx", "-nq"})
    void tunnelsAndPortsPrintAsTcpdumpPrintsThem(String flags) throws Exception {
        String arp = "ffffffffffff" + "020000000003" + "0806" + "0001080006040001" + "020000000003c0a80003"
                + "000000000000c0a80005";
        String otv = "08000000" + "00006400" + arp;
        String someIp = "ffff8100" + "00000040" + "00000000" + "01010200";
        String nsh = "0fc60101" + "00030907" + "00000000" + "00000000" + "00000000" + "00000000" + UDP4;
        String inner6 = "6000000000083a40" + "000a" + "00".repeat(13) + "02" + "000e" + "00".repeat(13) + "02"
                + "8000000048540539";
        Path file = capture("tunnels",
                frame(ETHERNET + "0800" + ipv4Udp(45149, 8472, otv)),
                frame(ETHERNET + "0800" + ipv4Udp(8472, 45149, "0800")),
                cut(ETHERNET + "0800" + ipv4Udp(45149, 8472, otv), 14 + 28 + 6),
                frame(ETHERNET + "0800" + ipv4Udp(30490, 31490, someIp)),
                frame(ETHERNET + "0800" + ipv4Udp(56001, 30490, someIp.replace("ffff8100", "00010002"))),
                frame(ETHERNET + "0800" + ipv4Udp(30490, 30490, "ffff81000000")),
                cut(ETHERNET + "0800" + ipv4Udp(30490, 31490, someIp), 14 + 28 + 9),
                frame(ETHERNET + "894f" + nsh),
                frame(ETHERNET + "86dd" + "60000000003e8f40" + "000a" + "00".repeat(13) + "01" + "000c"
                        + "00".repeat(13) + "02" + ETHERNET + "86dd" + inner6));
        assertSameText(flags, file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-ne", "-nx"})
    void emptyArpAddressesAndPapPrintAsTcpdumpPrintsThem(String flags) throws Exception {
        assertSameText(flags, capture("arp-empty", 1,
                frame(ETHERNET + "0806" + "ff008b01" + "0000" + "0004" + "00".repeat(18)),
                frame(ETHERNET + "0806" + "00010800" + "0604" + "0004" + "020000000001c0a80001"
                        + "000000000000c0a80002")));
        assertSameText(flags, capture("aoe-arguments", 1,
                frame(ETHERNET + "88a2" + "10000001010000000a2a" + "400001ec000000a000000000" + "00".repeat(24)),
                frame(ETHERNET + "88a2" + "1800000101010000002b" + "0010000208130005" + "68656c6c6f"),
                frame(ETHERNET + "88a2" + "1800000101010000002c" + "0010000208070400" + "68656c6c6f"),
                frame(ETHERNET + "88a2" + "10000001010000000a2d" + "40000102"),
                cut(ETHERNET + "88a2" + "10000001010000000a2e" + "400001ec000000a000000000", 14 + 10 + 5)));
        assertSameText(flags, capture("pap", 9,
                frame("ff03c023" + "02010004" + "9486"),
                frame("ff03c023" + "0101000f" + "0475736572" + "04706173" + "73"),
                frame("ff03c023" + "0202000a" + "05" + "68656c6c6f"),
                frame("ff03c023" + "030300"),
                frame("ff03c023" + "0104001a" + "0475736572"),
                cut("ff03c023" + "0101000f" + "0475736572" + "0470617373", 10)));
    }

    /** An IPv4 header (checksum left 0) and a UDP header (no checksum) before {@code payload}. */
    private static String ipv4Udp(int sourcePort, int destinationPort, String payload) {
        int udpLength = 8 + payload.length() / 2;
        return String.format("4500%04x00004000401100000a0000010a000002", 20 + udpLength)
                + String.format("%04x%04x%04x0000", sourcePort, destinationPort, udpLength) + payload;
    }

    private void assertSameText(String flags, Path file) throws Exception {
        String tcpdump = TrawlRunner.external(List.of("tcpdump", flags, "-r", file.toString()));
        TrawlRunner.Result trawl = TrawlRunner.run(flags, "-r", file.toString());
        assertEquals(0, trawl.status(), trawl.stderr());
        assertEquals(tcpdump.lines().toList(), trawl.lines(), file.getFileName() + " with " + flags);
    }

    /** A frame and how many of its bytes the capture kept. */
    record Frame(byte[] data, int kept) {
    }

    /** A frame captured whole. */
    static Frame frame(String hex) {
        byte[] data = HEX.parseHex(hex);
        return new Frame(data, data.length);
    }

    /** A frame of which the capture kept only the first {@code kept} bytes. */
    static Frame cut(String hex, int kept) {
        byte[] data = HEX.parseHex(hex);
        return new Frame(data, Math.min(kept, data.length));
    }

    /** Writes {@code name.pcap} in the temporary directory, an Ethernet capture of these frames. */
    private Path capture(String name, Frame... frames) throws Exception {
        return capture(name, 1, frames);
    }

    /** Writes {@code name.pcap} in the temporary directory, a capture of link type {@code linkType}. */
    private Path capture(String name, int linkType, Frame... frames) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535)
                .putInt(linkType);
        out.write(header.array());
        int second = 1_000_000;
        for (Frame f : frames) {
            byte[] data = f.data();
            int kept = f.kept();
            ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            record.putInt(second++).putInt(0).putInt(kept).putInt(data.length);
            out.write(record.array());
            out.write(data, 0, kept);
        }
        return Files.write(dir.resolve(name + ".pcap"), out.toByteArray());
    }
}
