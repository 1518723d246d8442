package dev.trawl.cli;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The text of link layers and encapsulations against tcpdump's, on packets built here: Juniper capture headers
 * cut short or with an overrunning extension or a cookie too long, PPP's control protocols as a link type and
 * in PPPoE, multilink PPP, SLIP pseudo-headers, Sun raw ATM signalling cut short, ATA over Ethernet, and a link
 * type tcpdump has no printer for. Each file is printed by tcpdump and by trawl with the same flags, and the
 * lines must be equal.
 */
class LinkLayerTextTest {
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    @BeforeEach
    void needsTcpdump() {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-ne", "-nx"})
    void linkLayersPrintAsTcpdumpPrintsThem(String flags) throws Exception {
        String ethernet = "020000000002020000000001";
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
