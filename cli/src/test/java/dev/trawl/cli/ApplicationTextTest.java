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
 * trawl's text for sFlow, PGM, IPComp and Redis's RESP against tcpdump's, line by line: the corpus's expanded sFlow
 * samples and PGM polls, and packets built here: sFlow counter and flow samples, records of unknown types, a record
 * longer than its datagram and one the capture ends in; PGM messages of each type with options, malformed options
 * and a message cut short; IPComp headers whole and cut short; RESP arrays, bulk strings, inline commands, null and
 * malformed lengths and a segment the capture ends in.
 */
class ApplicationTextTest {
    private static final List<List<String>> FLAGS = List.of(List.of("-n"), List.of("-nv"), List.of("-nvv"));

    @TempDir
    Path dir;

    @Test
    void expandedSflowSamplesMatchTcpdump() throws Exception {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
        for (List<String> flags : FLAGS) {
            TrawlRunner.assertSameAsTcpdump(TrawlRunner.capture("sflow_expanded.pcap").toString(), flags,
                    "sflow_expanded.pcap");
        }
    }

    @Test
    void builtSflowDatagramsMatchTcpdump() throws Exception {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
        String header = "00000005" + "00000001" + "0a000009" + "00000003" + "00000010" + "00001000";
        String generic = "00000001" + "00000058" + "00000007" + "00000006" + "00000000ee6b2800" + "00000002"
                + "00000003" + "0000000100000000" + "00000001" + "00000002" + "00000003" + "00000004" + "00000005"
                + "00000006" + "ffffffffffffffff" + "00000007" + "00000008" + "00000009" + "0000000a" + "0000000b"
                + "00000001";
        String ethernet = "00000002" + "00000034" + "00000001".repeat(13);
        String vlan = "00000005" + "0000001c" + "00000064" + "0000000000001000" + "00000001" + "00000002"
                + "00000003" + "00000004";
        String unknownCounter = "00000063" + "00000006" + "010203040506" + "0000";
        String counters = "00000002" + "%08x".formatted(12 + (generic + ethernet + vlan + unknownCounter).length() / 2)
                + "00000011" + "00000007" + "00000004" + generic + ethernet + vlan + unknownCounter;
        String raw = "00000001" + "00000010" + "00000001" + "00000040" + "00000004" + "00000000";
        String frame = "00000002" + "00000018" + "00000040" + "0011223344550000" + "66778899aabb0000" + "00000800";
        String sw = "000003e9" + "00000010" + "0000000a" + "00000001" + "00000014" + "00000002";
        String router = "000003ea" + "00000004" + "0a000001";
        String unknownFlow = "00000099" + "00000004" + "deadbeef";
        String records = raw + frame + sw + router + unknownFlow;
        String flows = "00000001" + "%08x".formatted(32 + records.length() / 2) + "00000021" + "01000005"
                + "00000100" + "00010000" + "00000000" + "00000005" + "00000006" + "00000005" + records;
        String badRecord = "00000002" + "00000014" + "00000001" + "00000000" + "00000001" + "00000001"
                + "00000001" + "00000400";
        String datagram = header.substring(0, 40) + "00000002" + counters + flows;
        List<byte[]> packets = List.of(
                udp(40000, 6343, datagram),
                // a record stating more bytes than the datagram has left
                udp(40000, 6343, header.substring(0, 40) + "00000001" + badRecord),
                // an unknown sample type, then a sample of zero length
                udp(40000, 6343, header.substring(0, 40) + "00000002" + "00000007" + "00000004" + "01020304"
                        + "00000001" + "00000000"),
                // a header too short for its IPv4 agent
                udp(40000, 6343, "00000005" + "00000001" + "0a000009"));
        Path file = dir.resolve("sflow.pcap");
        byte[] whole = udp(40000, 6343, datagram);
        Files.write(file, pcap(packets, List.of(whole), 14 + 20 + 8 + 28 + 8 + 12 + 8 + 40));
        for (List<String> flags : FLAGS) {
            TrawlRunner.assertSameAsTcpdump(file.toString(), flags, "built sFlow");
        }
    }

    @Test
    void pgmMessagesMatchTcpdump() throws Exception {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
        TrawlRunner.assertSameAsTcpdump(TrawlRunner.capture("pgm_poll_polr.pcap").toString(), List.of("-nv"),
                "pgm_poll_polr.pcap");
        String options = "00040030" + "0110" + "0000" + "00000001" + "00000002" + "00000003" // length, fragment
                + "020c0000" + "00000007" + "00000009" // NAK list of two
                + "03080000" + "0000002a" // join
                + "0c060000" + "0000" // path NLA, which tcpdump steps two bytes too far
                + "8d040000"; // SYN, the last option
        List<byte[]> packets = List.of(
                pgm(0, 0, "00000001" + "00000002" + "00000003" + "00010000" + "0a000001"),
                pgm(1, 0, "00000005" + "0002" + "0000" + "00020000" + "20010db8000000000000000000000001"
                        + "00000064" + "0000abcd" + "ffff0000"),
                pgm(2, 0, "00000006" + "0003" + "0000"),
                pgm(4, 1, "00000010" + "00000008" + options),
                pgm(5, 0, "00000011" + "00000009"),
                pgm(8, 0, "00000020" + "00010000" + "0a000001" + "00010000" + "00010203"),
                pgm(10, 0, "00000021" + "00010000" + "0a000001" + "00010000" + "ef010101"),
                pgm(11, 0, "00000022" + "ffffffff"),
                pgm(12, 0, ""),
                pgm(4, 1, "00000010" + "00000008" + "00040010" + "03060000" + "00000000"), // join too short
                pgm(4, 1, "00000010" + "00000008" + "01040008"), // first option not a length
                pgm(4, 1, "00000010" + "00000008" + "00040010" + "07080000" + "00010000")); // redirect
        byte[] cut = pgm(0, 0, "00000001" + "00000002" + "00000003" + "00010000" + "0a000001");
        Path file = dir.resolve("pgm.pcap");
        Files.write(file, pcap(packets, List.of(cut), cut.length - 2));
        for (List<String> flags : FLAGS) {
            TrawlRunner.assertSameAsTcpdump(file.toString(), flags, "PGM");
        }
    }

    @Test
    void ipcompHeadersMatchTcpdump() throws Exception {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
        byte[] ipcomp = ipv4(108, "0400" + "1234" + "00112233445566778899");
        Path file = dir.resolve("ipcomp.pcap");
        Files.write(file, pcap(List.of(ipcomp), List.of(ipcomp), 14 + 20 + 2));
        for (List<String> flags : FLAGS) {
            TrawlRunner.assertSameAsTcpdump(file.toString(), flags, "IPComp");
        }
    }

    @Test
    void respSegmentsMatchTcpdump() throws Exception {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
        List<String> payloads = List.of(
                "*3\r\n$3\r\nset\r\n$4\r\nk\u0001ey\r\n$1\r\n1\r\n",
                "+OK\r\n-ERR wrong\r\n:1000\r\n$0\r\n\r\n*0\r\n",
                "$-1\r\n*-1\r\n$-7\r\n",
                "PING\r\n\r\nPING\nINFO\r\n",
                "$99999999999\r\n",
                "$12x\r\n",
                "*2\r\n$5\r\nhello\r\n",
                "$5\r\nab\r\n");
        List<byte[]> packets = payloads.stream().map(s -> tcp(50000, 6379, HexFormat.of().formatHex(
                s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))).toList();
        byte[] cut = tcp(6379, 50000, HexFormat.of().formatHex("*2\r\n$5\r\nhello\r\n$5\r\nworld\r\n".getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1)));
        Path file = dir.resolve("resp.pcap");
        Files.write(file, pcap(packets, List.of(cut), cut.length - 9));
        for (List<String> flags : FLAGS) {
            TrawlRunner.assertSameAsTcpdump(file.toString(), flags, "RESP");
        }
    }

    @Test
    void malformedSnmpMatchesTcpdump() throws Exception {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
        List<String> messages = List.of(
                "0201ff", // an integer where the message's SEQUENCE belongs
                "06082b06010201010300", // an object identifier
                "4104fffffffe", "40040a000001", "0403010203", "0403616263", "0500", "4301ff",
                "3003020105", // an unknown version
                "30050403616263", // a version that is no integer
                "3010020100", // contents longer than the datagram
                "3000", // nothing inside
                "30020200", // an integer of no bytes
                "3084", // a long length past the end
                "9f01", // an extended tag past the end
                "a0020500"); // a PDU where the SEQUENCE belongs
        List<byte[]> packets = messages.stream().map(m -> udp(50000, 161, m)).toList();
        byte[] cut = udp(162, 50000, "300e02010004067075626c6963a000");
        Path file = dir.resolve("snmp.pcap");
        Files.write(file, pcap(packets, List.of(cut), cut.length - 6));
        for (List<String> flags : FLAGS) {
            TrawlRunner.assertSameAsTcpdump(file.toString(), flags, "SNMP");
        }
    }

    /** A PGM message straight over IP: the header, then {@code body}. */
    private static byte[] pgm(int type, int options, String body) {
        return ipv4(113, "%04x%04x%02x%02x0000".formatted(1000, 2000, type, options) + "0a0b0c0d0e0f" + "0004"
                + body);
    }

    private static byte[] tcp(int sport, int dport, String payload) {
        return ipv4(6, "%04x%04x".formatted(sport, dport) + "00000001" + "00000001" + "5018ffff" + "00000000"
                + payload);
    }

    private static byte[] udp(int sport, int dport, String payload) {
        return ipv4(17, "%04x%04x%04x0000".formatted(sport, dport, 8 + payload.length() / 2) + payload);
    }

    private static byte[] ipv4(int protocol, String payload) {
        int total = 20 + payload.length() / 2;
        return HexFormat.of().parseHex("000000000002" + "000000000001" + "0800"
                + "4500%04x0000400040%02x0000".formatted(total, protocol) + "0a000001" + "0a000002" + payload);
    }

    /** A pcap file of Ethernet frames: {@code whole} complete, then {@code cut} captured to {@code snap} bytes. */
    private static byte[] pcap(List<byte[]> whole, List<byte[]> cut, int snap) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        out.writeBytes(header.array());
        int i = 0;
        for (List<byte[]> group : List.of(whole, cut)) {
            for (byte[] p : group) {
                int captured = group == whole ? p.length : Math.min(snap, p.length);
                ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                record.putInt(1_700_000_000 + i++).putInt(0).putInt(captured).putInt(p.length);
                out.writeBytes(record.array());
                out.write(p, 0, captured);
            }
        }
        return out.toByteArray();
    }
}
