package dev.trawl.decode;

import static dev.trawl.decode.TestPackets.IP_A;
import static dev.trawl.decode.TestPackets.IP_B;
import static dev.trawl.decode.TestPackets.cat;
import static dev.trawl.decode.TestPackets.eth;
import static dev.trawl.decode.TestPackets.hex;
import static dev.trawl.decode.TestPackets.ipv4;
import static dev.trawl.decode.TestPackets.ipv6;
import static dev.trawl.decode.TestPackets.tcp;
import static dev.trawl.decode.TestPackets.u16;
import static dev.trawl.decode.TestPackets.udp;
import static dev.trawl.decode.TestPackets.vlan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trawl.decode.field.FieldPrinter;
import dev.trawl.decode.field.FieldRegistry;
import dev.trawl.pcap.EtherType;
import dev.trawl.pcap.IpProtocol;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Captures cut short by a snapshot length: each frame below is written once for every captured length from
 * 12 bytes to the whole frame, and every field of the expected files must print as the installed tshark
 * prints it. Wireshark reads a header's fixed part before it shows fields and names a protocol the frame
 * carried even when none of its bytes were captured; trawl must agree on each cut. Skipped when tshark is
 * not installed (CI installs it).
 */
class TruncatedHeaderAgreementTest {
    static final List<String> FIELDS = List.of("frame.protocols", "eth.src", "eth.dst", "eth.type", "vlan.id",
            "ip.src", "ip.dst", "ip.proto", "ip.ttl", "ip.len", "ip.flags.mf", "ip.frag_offset", "ipv6.src",
            "ipv6.dst", "ipv6.nxt", "tcp.srcport", "tcp.dstport", "tcp.flags", "tcp.seq_raw", "tcp.ack_raw",
            "tcp.len", "udp.srcport", "udp.dstport", "udp.length", "icmp.type", "icmp.code", "icmpv6.type",
            "icmpv6.code", "dns.id", "dns.qry.name");

    static List<byte[]> frames() {
        byte[] http = "GET / HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] dns = cat(hex("abcd01000001000000000000"), hex("076578616d706c65036f726700"), hex("00010001"));
        byte[] quoted = ipv4(IpProtocol.UDP, IP_B, IP_A, udp(1000, 53, new byte[0]));
        return List.of(
                eth(EtherType.IPV4, ipv4(IpProtocol.TCP, IP_A, IP_B, tcp(40000, 80, 0x11223344L, 0x55667788L, 0x18,
                        new byte[0], http))),
                eth(EtherType.IPV4, ipv4(IpProtocol.UDP, IP_A, IP_B, udp(53000, 53, dns))),
                eth(EtherType.IPV4, ipv4(IpProtocol.ICMP, IP_A, IP_B, cat(hex("0800"), u16(0), u16(1), u16(2),
                        hex("6162636465666768")))),
                eth(EtherType.IPV4, ipv4(IpProtocol.ICMP, IP_A, IP_B, cat(hex("0303"), u16(0), u16(0), u16(0),
                        quoted))),
                eth(EtherType.IPV6, ipv6(IpProtocol.ICMPV6, cat(hex("8000"), u16(0), u16(1), u16(2)))),
                eth(EtherType.VLAN, vlan(100, EtherType.IPV4, ipv4(IpProtocol.UDP, IP_A, IP_B, udp(1000, 53,
                        new byte[0])))),
                eth(EtherType.VLAN, vlan(100, 38, cat(hex("424203"), new byte[35]))), // 802.1Q, then LLC (STP)
                eth(38, cat(hex("424203"), new byte[35]))); // 802.3 with LLC
    }

    @Test
    void everyCutOfEveryHeaderPrintsAsTsharkPrintsIt(@TempDir Path dir) throws Exception {
        assumeTrue(TsharkExtraFieldsTest.tsharkAvailable(), "tshark is not installed");
        List<byte[]> frames = frames();
        List<int[]> cuts = new ArrayList<>(); // frame index, captured length
        List<byte[]> records = new ArrayList<>();
        for (int f = 0; f < frames.size(); f++) {
            for (int cap = 12; cap <= frames.get(f).length; cap++) {
                cuts.add(new int[] {f, cap});
                records.add(frames.get(f));
            }
        }
        Path file = dir.resolve("cuts.pcap");
        TestPackets.writePcap(file, 1, records, cuts.stream().mapToInt(c -> c[1]).toArray());
        List<String> tshark = TsharkExtraFieldsTest.runTshark(file, FIELDS);
        assertEquals(cuts.size(), tshark.size(), "tshark's frame count");
        FieldRegistry registry = FieldRegistry.standard();
        FieldPrinter printer = new FieldPrinter();
        PacketDecoder decoder = new PacketDecoder();
        List<String> disagreements = new ArrayList<>();
        for (int n = 0; n < cuts.size(); n++) {
            byte[] frame = frames.get(cuts.get(n)[0]);
            int cap = cuts.get(n)[1];
            DecodedPacket p = decoder.decode(1, ByteBuffer.wrap(frame, 0, cap).slice(), 0, cap, frame.length,
                    1_700_000_000L + n, 0);
            String[] want = tshark.get(n).split("\t", -1);
            for (int c = 0; c < FIELDS.size(); c++) {
                String expected = c < want.length ? want[c] : "";
                String got = printer.toString(registry.require(FIELDS.get(c)), p);
                if (!expected.equals(got)) {
                    disagreements.add("frame " + cuts.get(n)[0] + " cut at " + cap + " of " + frame.length + ", "
                            + FIELDS.get(c) + ": tshark=[" + expected + "] trawl=[" + got + "]");
                }
            }
        }
        // One known quirk: with exactly two bytes of an HTTP request captured, tshark adds a data layer.
        disagreements.removeIf(d -> d.contains("frame.protocols: tshark=[eth:ethertype:ip:tcp:http:data] "
                + "trawl=[eth:ethertype:ip:tcp:http]"));
        disagreements.stream().limit(30).forEach(d -> System.out.println("  " + d));
        assertEquals(List.of(), disagreements);
    }
}
