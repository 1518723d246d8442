package dev.trawl.cli;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The text of older link layers and of payloads tcpdump decodes where decode, as Wireshark, leaves data, against
 * tcpdump's on packets built here: Multilink Frame Relay fragments (a whole frame carrying VTP under SNAP, both
 * after a UI control byte and after one Wireshark reads as LAPF), a later fragment, a control frame, frames too
 * short; FRF.15 fragment headers under Frame Relay; IPX with RIP and SAP messages, a stated length too short and a header cut
 * short; Linux ARCNET carrying ARP and AppleTalk, AppleTalk ARP; GeoNetworking, CALM FAST and TIPC messages,
 * whole and cut short; and Ethernet's OSI type 0xFEFE cut before its protocol id, with a CLNP PDU cut short, and with a protocol
 * id tcpdump does not know. Each file is printed by tcpdump and by trawl with the same flags, and the lines must
 * be equal.
 */
class LegacyLinkTextTest extends TcpdumpComparison {
    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-ne", "-nvv"})
    void legacyLinksPrintAsTcpdumpPrintsThem(String flags) throws Exception {
        String ethernet = "020000000002020000000001";
        String geoNet = "11500000000800010123456789abcdef000000000000001000000020" + "00".repeat(8);
        String vtp = "0101000474657374" + "00".repeat(28) + "00000007" + "0a000001" + "00".repeat(28);
        List<Path> files = List.of(
                LinkLayerTextTest.capture(dir, "mfr", 182,
                        "c0c1" + "c08e865f" + "0880" + "00000c2003" + vtp.substring(0, 40),
                        "c001" + "18e1" + "03" + "80" + "00000c2003" + vtp,
                        "4002" + "aabbccddeeff",
                        "e1000400",
                        "e1000999",
                        "c0",
                        "c0c1c0"),
                LinkLayerTextTest.capture(dir, "frf15", 107, "18e103b1c005aabb", "18e103b181ff", "304b30b1"),
                LinkLayerTextTest.capture(dir, "osi-ethertype", 1,
                        ethernet + "fefe" + "30",
                        ethernet + "fefe" + "30" + "81fc01fefefefe000003e83030010030303030303030303052",
                        ethernet + "fefe" + "30" + "81fc01fefefefe000003e83030100030303030303030303052",
                        ethernet + "fefe" + "00" + "77aabbccdd",
                        ethernet + "fefe" + "00" + "00"),
                LinkLayerTextTest.capture(dir, "ipx", 1,
                        ethernet + "8137" + ipx("0453", 42) + "0002" + "a8f8796700010002" + "0000000100020003",
                        ethernet + "8137" + ipx("0453", 40) + "0001" + "a8f87967",
                        ethernet + "0044" + "e0e003" + ipx("0452", 98) + "0002" + "030c"
                                + "5345525645520000" + "00".repeat(40) + "0000000100303c1bf5750452" + "0001",
                        ethernet + "0026" + "e0e003" + ipx("0452", 36) + "0003" + "0004",
                        ethernet + "0040" + "e0e003" + ipx("0455", 50),
                        ethernet + "0021" + "e0e003" + ipx("0451", 29),
                        ethernet + "8137" + ipx("0452", 80).substring(0, 40)),
                LinkLayerTextTest.capture(dir, "arcnet", 129,
                        "01020000f1" + "0007080001040001" + "01" + "0a000001" + "00" + "0a000002",
                        "02010000f1" + "0007080001040002" + "02" + "0a000002" + "01" + "0a000001",
                        "01020000dd000000" + "001500000001000205060404" + "04" + "aabbccddeeff0011",
                        "01020000dd000000" + "0015000000010002",
                        "01020000ee000000" + "aabbcc",
                        "0102"),
                LinkLayerTextTest.capture(dir, "aarp", 1,
                        ethernet + "80f3" + "0001809b06040001" + "020000000001" + "00000102" + "000000000000"
                                + "00000304",
                        ethernet + "80f3" + "0001809b06040002" + "020000000001" + "00000102" + "020000000002"
                                + "000003ff",
                        ethernet + "80f3" + "0001809b06040009" + "020000000001" + "00000102" + "020000000002"
                                + "00000304",
                        ethernet + "80f3" + "0001809b"),
                LinkLayerTextTest.capture(dir, "geonet-tipc", 1,
                        ethernet + "0707" + geoNet + "07d10000" + "0100aabb",
                        ethernet + "0707" + geoNet.substring(0, 30),
                        ethernet + "0707" + "1150" + "00".repeat(10),
                        ethernet + "1111" + "0102aabbcc",
                        ethernet + "88ca" + "41400028" + "40000000" + "00000000" + "01001002" + "11111111"
                                + "22222222" + "01001002" + "01001003" + "00000000" + "00000000",
                        ethernet + "88ca" + "40c00018" + "00000000" + "00000000" + "01001002" + "11111111"
                                + "22222222",
                        ethernet + "88ca" + "5ac00018" + "20001234" + "01001000" + "01001002" + "00001267"
                                + "00000001",
                        ethernet + "88ca" + "4f400028" + "00000000" + "00000000" + "01001002" + "00000000"));
        for (Path file : files) {
            String tcpdump = TrawlRunner.external(List.of("tcpdump", flags, "-r", file.toString()));
            TrawlRunner.Result trawl = TrawlRunner.run(flags, "-r", file.toString());
            assertEquals(0, trawl.status(), trawl.stderr());
            assertEquals(tcpdump.lines().toList(), trawl.lines(), file.getFileName() + " with " + flags);
        }
    }

    /** An IPX header of stated length {@code length} to socket {@code socket}, from socket 0x4008. */
    private static String ipx(String socket, int length) {
        return "ffff" + String.format("%04x", length) + "0004" + "00000000ffffffffffff" + socket
                + "0000000000303c1bf575" + "4008";
    }
}
