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
 * trawl's PIM, IGMP and multicast traceroute text against tcpdump's, line by line: the corpus's PIM
 * assortment (version 2 over IPv4 and IPv6, every message type, Registers with the packet they carry) with
 * {@code -v} and {@code -vv}, and packets built here that it lacks: PIM version 1 inside IGMP, State Refresh,
 * DF election, RFC 2117's address encoding, Hello options dumped as hex, and traceroute queries.
 */
class PimTextTest {
    @TempDir
    Path dir;

    @Test
    void corpusPimMatchesTcpdump() throws Exception {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
        String file = TrawlRunner.capture("pim-packet-assortment.pcap").toString();
        for (List<String> flags : List.of(List.of("-n"), List.of("-nv"), List.of("-nvv"))) {
            TrawlRunner.assertSameAsTcpdump(file, flags, "pim-packet-assortment.pcap");
        }
    }

    @Test
    void builtMessagesMatchTcpdump() throws Exception {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
        List<byte[]> packets = List.of(
                // PIM version 1 in IGMP: a sparse-mode query, holding 105 s
                ipv4(2, "14000000" + "10000000" + "10000069"),
                // a Register carrying an IP header, a Register-Stop, an RP-reachable and an Assert
                ipv4(2, "14010000" + "10000000" + "4500001400000000" + "40110000" + "c0a80001" + "e0010203"),
                ipv4(2, "14020000" + "10000000" + "e0010203" + "c0a80001"),
                ipv4(2, "14040000" + "10000000" + "e0010203" + "ffffffff" + "0a000005" + "000000b4"),
                ipv4(2, "14050000" + "10000000" + "0a000001" + "ffffff00" + "e0010203" + "80000064" + "0000000a"),
                // a Join/Prune of one source, on one line, and a version 2 Graft of two groups
                ipv4(2, "14030000" + "10000000" + "0a000002" + "000000b4" + "00000001" + "e0010203" + "ffffffff"
                        + "00010000" + "01e0" + "0a000009"),
                ipv4(2, "14060000" + "20000000" + "0a000002" + "000000d2" + "00000002"
                        + "e0010203" + "ffffff00" + "00010001" + "0120" + "0a000009" + "00a0" + "0a00000a"
                        + "e0040506" + "ffffffff" + "00000001" + "0160" + "0a00000b"),
                // multicast traceroute: a query answered to a group, a response, and one too short
                ipv4(2, "1f000000" + "e0010203" + "ac102801" + "ac101401" + "e0000005" + "40000007"),
                ipv4(2, "1e000000" + "e0010203" + "ac102801" + "ac101401" + "0a000005" + "40000008"),
                ipv4(2, "1f000000" + "e0010203" + "ac102801"),
                // PIM version 2: State Refresh, a DF election backoff, an Assert in RFC 2117's encoding
                ipv4(103, "29000000" + "01000a000001" + "01000020e0010203" + "01000a000002" + "003c0000"),
                ipv4(103, "2a300000" + "01000a000001" + "00000064" + "0000000a" + "01000a000002" + "00000032"
                        + "00000005" + "00c80000"),
                ipv4(103, "25040000" + "0020e0010203" + "0a000001" + "80000000" + "00000001"),
                // a Hello with a LAN prune delay, an address list and an option of no known kind
                ipv4(103, "20000000" + "000100020069" + "0002000480010bb8" + "0018000601000a000063"
                        + "00630002abcd"));
        Path file = dir.resolve("pim.pcap");
        Files.write(file, pcap(packets));
        for (List<String> flags : List.of(List.of("-n"), List.of("-nv"), List.of("-nvv"))) {
            TrawlRunner.assertSameAsTcpdump(file.toString(), flags, "built PIM and IGMP");
        }
    }

    private static byte[] ipv4(int protocol, String payload) {
        int total = 20 + payload.length() / 2;
        // TTL 1, no header checksum: tcpdump and trawl both report that with -v
        return HexFormat.of().parseHex("01005e000001" + "000000000001" + "0800"
                + "4500%04x00000000%02x%02x0000".formatted(total, 1, protocol) + "0a000001" + "e0000001" + payload);
    }

    private static byte[] pcap(List<byte[]> packets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        out.writeBytes(header.array());
        for (int i = 0; i < packets.size(); i++) {
            byte[] p = packets.get(i);
            ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            record.putInt(1_700_000_000 + i).putInt(0).putInt(p.length).putInt(p.length);
            out.writeBytes(record.array());
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
