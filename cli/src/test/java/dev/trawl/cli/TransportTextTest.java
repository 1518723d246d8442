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
 * trawl's text against the installed tcpdump's on packets built here: UDP where tcpdump's choice of a payload
 * printer by port differs from decode's (which follows Wireshark): DNS on a port tcpdump does not know, TFTP on
 * port 69 with its opcodes and a UDP length past the IP packet's end, an empty syslog datagram with bytes after
 * it, and the bad-length note with {@code -q}; and TCP headers cut short by the IP length or the capture, with
 * header lengths too short or too long, and a TCP-AO option whose MAC the capture cuts; and DNS responses whose
 * questions and records run past the capture; and the Ethernet type as {@code -q} names it.
 */
class TransportTextTest {
    @TempDir
    Path dir;

    @Test
    void udpPayloadsPrintByTcpdumpsPortTable() throws Exception {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
        String query = "01430100000100000000000003777777077463706475" + "6d70036f72670000010001";
        List<Frame> frames = List.of(
                // a DNS query on port 8053: decode finds DNS by its heuristic, tcpdump knows no printer there
                udp(43757, 8053, query.length() / 2 + 8, query),
                udp(53, 43757, query.length() / 2 + 8, query),
                // TFTP: a read request with an option, a write request, data, acknowledgement, errors, OACK
                udp(44935, 69, 0, "0001" + hex("file1") + "00" + hex("octet") + "00" + hex("blksize") + "00"
                        + hex("1428") + "00"),
                udp(44935, 69, 0, "0002" + hex("up\u0001load") + "00" + hex("netascii") + "00"),
                udp(69, 44935, 0, "00030001" + "41424344"),
                udp(44935, 69, 0, "00040001"),
                udp(69, 44935, 0, "00050001" + hex("File not found") + "00"),
                udp(69, 44935, 0, "0005000c" + hex("odd") + "00"),
                udp(69, 44935, 0, "0006" + hex("blksize") + "00" + hex("512") + "00"),
                udp(69, 44935, 0, "0009"),
                // a request without its closing NUL, and one whose UDP length runs past the IP packet's end
                udp(44935, 69, 0, "0001" + hex("name")),
                udp(69, 12336, 300, "0001" + hex("00") + "00" + hex("mode")),
                // syslog: an empty datagram whose IP packet holds a malformed priority after it
                udp(1512, 514, 8, "3c1f7cb6e753"),
                udp(1512, 514, 8, "3c31333e6869"),
                // no printer on these ports: the UDP length and whether the IP packet holds it
                udp(40000, 40001, 100, "00112233"));
        compareAll(frames, "datagrams");
    }

    @Test
    void damagedTcpHeadersPrintAsTcpdumpPrintsThem() throws Exception {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
        String syn = "04d20050" + "00000001" + "00000000";
        List<Frame> frames = List.of(
                // the IP header states 10 bytes of TCP, and 2
                ipv4(6, syn.substring(0, 20)),
                ipv4(6, "04d2"),
                // the capture ends inside the header
                cut(ipv4(6, syn + "5002ffff00000000"), 14 + 20 + 10),
                // header lengths of 12 and of 60 in a 20-byte segment
                ipv4(6, syn + "3002ffff00000000"),
                ipv4(6, syn + "f002ffff00000000"),
                ipv4(6, syn + "8002ffff00000000" + "0101080a0000000100000002"),
                // TCP-AO whose MAC the capture cuts after two of its bytes
                cut(ipv4(6, syn + "8010ffff00000000" + "1d0c3030" + "3030303030303030"), 14 + 20 + 20 + 6));
        compareAll(frames, "segments");
    }

    @Test
    void veryVerboseNumbersEverySegment() throws Exception {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
        String ports = "04d20050";
        List<Frame> frames = List.of(
                ipv4(6, ports + "00000001" + "00000000" + "5002ffff00000000"),
                ipv4(6, "005004d2" + "00000064" + "00000002" + "5012ffff00000000"),
                // a pure ACK: -vv numbers it, -v does not
                ipv4(6, ports + "00000002" + "00000065" + "5010ffff00000000"),
                ipv4(6, ports + "00000002" + "00000065" + "5018ffff00000000" + "68656c6c6f"));
        compareAll(frames, "acks", List.of(List.of("-nv"), List.of("-nvv"), List.of("-nvvv"), List.of("-nvvS")));
    }

    @Test
    void dnsSectionsEndWhereTcpdumpStops() throws Exception {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
        String name = "03777777077463706475" + "6d70036f726700";
        String question = name + "00010001";
        String answer = "c00c" + "00010001" + "00000e10" + "0004" + "c08b2e42";
        // 300 one-byte labels: tcpdump walks a name of any number of labels
        String longName = "0161".repeat(300) + "00";
        List<Frame> frames = List.of(
                // a response with three questions and two answers, the capture ending inside the second answer
                cut(udp(53, 43966, 0, "59348580" + "0003000200000000" + question + question + question + answer
                        + answer), 14 + 20 + 8 + 12 + 3 * 21 + 16 + 6),
                // a response whose two questions have that long name; its answer is not captured at all
                udp(53, 43966, 0, "59348580" + "0002000100000000" + longName + "00010001" + longName
                        + "00010001"));
        compareAll(frames, "dns", List.of(List.of("-n"), List.of("-nv")));
    }

    @Test
    void quietNamesAnEtherTypeAsTcpdumpDoes() throws Exception {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
        HexFormat hex = HexFormat.of();
        byte[] unknown = hex.parseHex("303030303030" + "303030303030" + "3030" + "3030303030303030");
        byte[] arp = hex.parseHex("ffffffffffff" + "000000000001" + "0806" + "0001080006040001" + "000000000001"
                + "0a000001" + "000000000000" + "0a000002");
        compareAll(List.of(new Frame(unknown, unknown.length), new Frame(arp, arp.length)), "ethertypes",
                List.of(List.of("-nq"), List.of("-nqe"), List.of("-ne"), List.of("-n")));
    }

    private void compareAll(List<Frame> frames, String what) throws Exception {
        compareAll(frames, what, List.of(List.of("-n"), List.of("-nv"), List.of("-nq")));
    }

    private void compareAll(List<Frame> frames, String what, List<List<String>> flagSets) throws Exception {
        Path file = dir.resolve(what + ".pcap");
        Files.write(file, pcap(frames));
        for (List<String> flags : flagSets) {
            TrawlRunner.assertSameAsTcpdump(file.toString(), flags, what);
        }
    }

    /** {@code f} with only its first {@code captured} bytes captured. */
    private static Frame cut(Frame f, int captured) {
        return new Frame(java.util.Arrays.copyOf(f.bytes(), captured), f.wire());
    }

    /** One frame: its bytes as captured and its length on the wire. */
    private record Frame(byte[] bytes, int wire) {
    }

    private static String hex(String ascii) {
        return HexFormat.of().formatHex(ascii.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** A UDP datagram in IPv4 and Ethernet; {@code udpLength} 0 means the true length. */
    private static Frame udp(int sport, int dport, int udpLength, String payload) {
        int length = udpLength == 0 ? 8 + payload.length() / 2 : udpLength;
        return ipv4(17, "%04x%04x%04x0000".formatted(sport, dport, length) + payload);
    }

    private static Frame ipv4(int protocol, String payload) {
        int total = 20 + payload.length() / 2;
        byte[] b = HexFormat.of().parseHex("000000000002" + "000000000001" + "0800"
                + "4500%04x0000400040%02x0000".formatted(total, protocol) + "0a000001" + "0a000002" + payload);
        return new Frame(b, b.length);
    }

    private static byte[] pcap(List<Frame> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        out.writeBytes(header.array());
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            record.putInt(1_700_000_000 + i).putInt(250_000).putInt(f.bytes().length).putInt(f.wire());
            out.writeBytes(record.array());
            out.writeBytes(f.bytes());
        }
        return out.toByteArray();
    }
}
