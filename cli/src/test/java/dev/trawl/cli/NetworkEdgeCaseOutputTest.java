package dev.trawl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * trawl's text against tcpdump's on packets built here that the corpus lacks: IPv6 headers stating no payload
 * (a TCP segmentation offload send), no next header, ICMPv6 node information and router renumbering, PTP, and a
 * timestamp past what tcpdump can convert.
 */
class NetworkEdgeCaseOutputTest {
    private static final String SRC6 = "20010db8000000000000000000000001";
    private static final String DST6 = "20010db8000000000000000000000002";

    @TempDir
    Path dir;

    @Test
    void edgeCasesPrintAsTcpdumpPrintsThem() throws Exception {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
        List<byte[]> packets = List.of(
                // TCP after an IPv6 header stating a payload length of 0 and no jumbo option
                ipv6(6, 0, "12340050000000010000000050027fff00000000"),
                // the same with UDP
                ipv6(17, 0, "d00d12b5000c000001020304"),
                ipv6(59, 4, "00000000"),
                // a node information query for node addresses, subject an IPv6 address
                ipv6(58, 32, "8b000000" + "00030002" + "0102030405060708" + DST6),
                // router renumbering: a command with one match prefix and one use prefix
                ipv6(58, 72, "8a000000" + "00000007" + "00100000" + "00000000"
                        + "01070030" + "00800000" + "fec00000000000000000000000000000"
                        + "30100000" + "00278d00" + "00093a80" + "00000000" + "3ffe0501fffe00000000000000000000"),
                // PTP version 2 delay request over UDP
                ipv4(17, "013f013f0034" + "0000" + "0102002c" + "00000000" + "0000000000000000" + "00000000"
                        + "0011223344556677" + "0001" + "0084" + "017f" + "00000000000000000000"));
        Path file = dir.resolve("edge.pcap");
        Files.write(file, pcap(packets));
        for (List<String> flags : List.of(List.of("-n"), List.of("-nv"), List.of("-nvv"), List.of("-tt", "-n"))) {
            compare(file, flags);
        }
    }

    private static void compare(Path file, List<String> flags) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tcpdump"));
        cmd.addAll(flags);
        cmd.addAll(List.of("-r", file.toString()));
        List<String> expected = TrawlRunner.external(cmd).lines().toList();
        List<String> args = new ArrayList<>(flags);
        args.addAll(List.of("-r", file.toString()));
        List<String> actual = TrawlRunner.run(args.toArray(String[]::new)).lines();
        assertEquals(expected.size(), actual.size(), flags + ": line count");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), flags + " line " + (i + 1));
        }
    }

    private static byte[] ipv6(int nextHeader, int payloadLength, String payload) {
        return ethernet("86dd", "60000000" + "%04x%02x40".formatted(payloadLength, nextHeader) + SRC6 + DST6 + payload);
    }

    private static byte[] ipv4(int protocol, String payload) {
        int total = 20 + payload.length() / 2;
        // version 4, header length 20, no checksum (tcpdump and trawl both report it with -v)
        return ethernet("0800", "4500%04x0000400040%02x0000".formatted(total, protocol) + "0a000001" + "0a000002"
                + payload);
    }

    private static byte[] ethernet(String type, String rest) {
        return HexFormat.of().parseHex("000000000002" + "000000000001" + type + rest);
    }

    /** A pcap file of Ethernet frames, the last stamped past 2038-01-19, which tcpdump cannot convert. */
    private static byte[] pcap(List<byte[]> packets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        out.writeBytes(header.array());
        List<byte[]> all = new ArrayList<>(packets);
        all.add(packets.get(2));
        for (int i = 0; i < all.size(); i++) {
            byte[] p = all.get(i);
            long seconds = i == all.size() - 1 ? 0x8000_0005L : 1_700_000_000L + i;
            ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            record.putInt((int) seconds).putInt(250_000).putInt(p.length).putInt(p.length);
            out.writeBytes(record.array());
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
