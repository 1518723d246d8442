package dev.trawl.cli;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The text of link layers and encapsulations against tcpdump's, on packets built here: Juniper capture headers
 * cut short or with an overrunning extension or a cookie too long, PPP's control protocols as a link type and in
 * PPPoE, multilink PPP, SLIP pseudo-headers and the IP packets after them, raw IPv4 and IPv6 links carrying the
 * other version, MACsec whose ICV ends an IP packet cut short, Frame Relay with a Cisco EtherType (where
 * {@code -x} starts), HSRP and ICMP cut short (a read past the capture, after which {@code -x} dumps the whole frame),
 * TIPC's message types, Sun raw ATM signalling cut short, ATA over Ethernet, and a link type tcpdump has no
 * printer for. Each file is printed by tcpdump and by trawl with the same flags, and the lines must be equal.
 */
class LinkLayerTextTest extends TcpdumpComparison {
    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-ne", "-nx"})
    void linkLayersPrintAsTcpdumpPrintsThem(String flags) throws Exception {
        String ethernet = "020000000002020000000001";
        String ipv4 = "4500001c00010000401100000a0000010a000002" + "0035003500080000";
        String ipv6 = "6000000000081140" + "20010db8" + "00".repeat(11) + "01" + "20010db8" + "00".repeat(11) + "02"
                + "0035003500080000";
        String[] tipc = new String[8]; // one data message of each message type the 3-bit field holds
        for (int type = 0; type < tipc.length; type++) {
            tipc[type] = ethernet + "88ca" + "40c00018" + "%08x".formatted(type << 29) + "00".repeat(16)
                    + "0100100201001003" + "00".repeat(8);
        }
        List<Path> files = List.of(
                capture("juniper-atm1", 137, "4d474330", "4d47433030303030"),
                capture("juniper-ether", 178, "4d474385000401090102" + ethernet + "0800"),
                capture("juniper-monitor", 164, "4d474300" + "54".repeat(12)),
                capture("pppoe-lcp", 1, ethernet + "8864" + "11000017000e" + "c021" + "096a000ca4cbea340ee2f609",
                        ethernet + "8864" + "1100003b0012" + "c021" + "01010010010405dc0506a4cbea34"),
                capture("ppp-lcp", 9, "ff03c021090100080a0b0c0d", "ff03c021050200040000", "ff03003d",
                        "ff03003dc0010203"),
                capture("slip", 8, "0040" + "00".repeat(14) + "e0000000", "01700000000000000000000000000000",
                        "e7" + "00".repeat(15) + "30"),
                capture("slip-ip", 8, "0040" + "00".repeat(14) + ipv4, "0140" + "00".repeat(14) + ipv6,
                        "0040" + "00".repeat(14) + ipv6.substring(0, 60)),
                capture("ipv4-link", 228, ipv4, ipv6),
                capture("ipv6-link", 229, ipv6, ipv4),
                capture("macsec-icv", 1, ethernet + "88e5" + "2000000000442eb73f3995c30001" + "0800"
                        + "450000541d2040004001" + "0000" + "0a0000010a000002" + "0800f7fe00010000" + "ab".repeat(16)),
                capture("fr-cisco", 107, "48e1" + "86dd" + ipv6, "48e1" + "0800" + ipv4),
                capture("hsrp-short", 1, ethernet + "0800" + "45c0001e000000000111" + "0000" + "c0a8000ae0000002"
                        + "07c107c1000a0000" + "0003",
                        ethernet + "0800" + "4500001c00010000400100000a0000010a000002"),
                capture("tipc-types", 1, tipc),
                capture("sunatm", 123, "00000005", "80000005", "00000003"),
                capture("aoe", 1, ethernet + "88a2" + "1800ffff01100000002a" + "00".repeat(8),
                        ethernet + "88a2" + "1c02000100110000002b", ethernet + "88a2" + "0000"),
                capture("unsupported", 160, "490c62096923"));
        assertPrintedAsTcpdump(flags, files);
    }

    /** Prints each file with tcpdump and with trawl, with {@code flags}; their lines must be equal. */
    static void assertPrintedAsTcpdump(String flags, List<Path> files) throws Exception {
        for (Path file : files) {
            String tcpdump = TrawlRunner.external(List.of("tcpdump", flags, "-r", file.toString()));
            TrawlRunner.Result trawl = TrawlRunner.run(flags, "-r", file.toString());
            assertEquals(0, trawl.status(), trawl.stderr());
            assertEquals(tcpdump.lines().toList(), trawl.lines(), file.getFileName() + " with " + flags);
        }
    }

    private Path capture(String name, int linkType, String... packets) throws Exception {
        return capture(dir, name, linkType, packets);
    }

    /** Writes {@code name.pcap} in {@code dir}, of link type {@code linkType}, holding one record per hex string. */
    static Path capture(Path dir, String name, int linkType, String... packets) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535)
                .putInt(linkType);
        out.write(header.array());
        int second = 1_000_000;
        for (String packet : packets) {
            byte[] data = HEX.parseHex(packet);
            ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            record.putInt(second++).putInt(0).putInt(data.length).putInt(data.length);
            out.write(record.array());
            out.write(data);
        }
        return Files.write(dir.resolve(name + ".pcap"), out.toByteArray());
    }
}
