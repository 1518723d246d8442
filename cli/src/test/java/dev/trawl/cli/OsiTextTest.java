package dev.trawl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * trawl's text of CLNP and ES-IS against tcpdump's, line by line: PDUs built here over LLC and after Ethernet's OSI
 * type (a CLNP data PDU with its segmentation part and every option tcpdump decodes, an error report quoting the PDU
 * it reports on, the three ES-IS PDUs with options, headers tcpdump rejects), and the corpus's damaged ES-IS
 * redirect over Frame Relay; and IS-IS's shortest path bridging sub-TLVs, whole and cut short.
 */
class OsiTextTest {
    private static final String DST = "0a49000119216800100200";
    private static final String SRC = "0a49000119216800100100";
    private static final String ECHO_REQUEST = "811101101e00130000" + "03490001" + "03490002" + "0102";

    @TempDir
    Path dir;

    @Test
    void clnpAndEsisPrintAsTcpdumpPrintsThem() throws Exception {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
        List<byte[]> packets = List.of(
                // data PDU: segmentation part, priority, QoS, security, padding, source routing, then data
                llc("813b01209c003f0000" + DST + SRC + "123400000040" + "cd0105" + "c301c5" + "c5024007"
                        + "cc020000" + "c806010303490001" + "deadbeef"),
                // error report (destination address unreachable) quoting an echo request
                llc("812201200100350000" + DST + SRC + "c10180" + ECHO_REQUEST),
                // end system hello, one address
                llc("8215010002003c0000" + "01" + SRC),
                // intermediate system hello with a checksum that is wrong, configuration time, protocols supported
                llc("821d010004001e1234" + SRC + "c602000a" + "810381cc8e"),
                // redirect to a MAC address and a network entity title
                llc("8226010006001e0000" + DST + "0600000c654321" + SRC),
                // CLNP version 2, and a length indicator shorter than the fixed part
                llc("811102101e00130000" + "03490001" + "03490002" + "0102"),
                llc("810501101e0013000000"),
                // an ES-IS PDU type tcpdump does not know
                llc("820d010007001e0000" + "0102030405"));
        Path file = dir.resolve("osi.pcap");
        Files.write(file, pcap(packets));
        for (List<String> flags : List.of(List.of("-n"), List.of("-nv"), List.of("-nvv"), List.of("-ne"))) {
            TrawlRunner.assertSameAsTcpdump(file.toString(), flags, "built PDUs");
        }
    }

    @Test
    void damagedRedirectOverFrameRelayPrintsAsTcpdumpPrintsIt() throws Exception {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
        String file = TrawlRunner.capture("esis_snpa_asan-2.pcap").toString();
        for (List<String> flags : List.of(List.of("-n"), List.of("-nv"), List.of("-nevv"))) {
            TrawlRunner.assertSameAsTcpdump(file, flags, "esis_snpa_asan-2.pcap");
        }
    }

    /**
     * A point-to-point IS-IS hello with shortest path bridging's TLVs: the port capability TLV with MCIDs, digest and
     * base VLAN identifiers, the capability TLV with an SPB instance and an SPBM service identifier.
     */
    private static final String SPB_HELLO =
            "831401001101000001222222222222001e00da038f950001046600746573742d726567696f6e00000000000000000000"
            + "0000000000000000000000000100112233445566778899aabbccddeeff00746573742d726567696f6e00000000000000"
            + "0000000000000000000000000000000100112233445566778899aabbccddeeff05211f0123456789abcdef0123456789"
            + "abcdef0123456789abcdef0123456789abcdef06060080c2010648902d8000011b00000000000000010000000a800000"
            + "0f424001c00080c2010640c8030c0000000c9abc106480001234";

    @Test
    void shortestPathBridgingSubTlvsPrintAsTcpdumpPrintsThem() throws Exception {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
        byte[] hello = llc(SPB_HELLO);
        // the same hello cut inside the port capability TLV's MCID sub-TLV, and inside the capability TLV
        byte[] cutInMcid = java.util.Arrays.copyOf(hello, 100);
        byte[] cutInInstance = java.util.Arrays.copyOf(hello, hello.length - 20);
        Path file = dir.resolve("spb.pcap");
        Files.write(file, pcap(List.of(hello, cutInMcid, cutInInstance), hello.length));
        for (List<String> flags : List.of(List.of("-nv"), List.of("-nvv"))) {
            TrawlRunner.assertSameAsTcpdump(file.toString(), flags, "SPB hello");
        }
    }

    /** An 802.3 frame whose LLC header (both SAPs OSI's, unnumbered information) carries {@code pdu}. */
    private static byte[] llc(String pdu) {
        return ethernet("%04x".formatted(3 + pdu.length() / 2), "fefe03" + pdu);
    }

    private static byte[] ethernet(String typeOrLength, String rest) {
        return HexFormat.of().parseHex("0180c2000014" + "00000c123456" + typeOrLength + rest);
    }

    private static byte[] pcap(List<byte[]> packets) {
        return pcap(packets, 0);
    }

    /** A pcap file of the packets, each of {@code length} bytes on the wire when that is longer than captured. */
    private static byte[] pcap(List<byte[]> packets, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        out.writeBytes(header.array());
        for (int i = 0; i < packets.size(); i++) {
            byte[] p = packets.get(i);
            ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            record.putInt(1_700_000_000 + i).putInt(0).putInt(p.length).putInt(Math.max(p.length, length));
            out.writeBytes(record.array());
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
