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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * BGP, OpenFlow and RADIUS text against tcpdump's: a capture built here holds a segment of BGP messages that
 * exercise the OPEN's capabilities, the UPDATE's attributes and address families, NOTIFICATION and
 * ROUTE-REFRESH; corpus captures hold RADIUS and OpenFlow. Every line must be tcpdump's.
 */
class BgpTextTest {
    private static final HexFormat HEX = HexFormat.of();

    /** Compares trawl's lines with tcpdump's; returns how many tcpdump printed. */
    static int compare(Path file, String... flags) throws Exception {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
        List<String> cmd = new ArrayList<>(List.of("tcpdump"));
        cmd.addAll(List.of(flags));
        cmd.addAll(List.of("-r", file.toString()));
        List<String> expected = TrawlRunner.external(cmd).lines().toList();
        List<String> args = new ArrayList<>(List.of(flags));
        args.addAll(List.of("-r", file.toString()));
        List<String> actual = TrawlRunner.run(args.toArray(String[]::new)).lines();
        assertTrue(!expected.isEmpty(), "tcpdump printed nothing");
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            assertEquals(i < expected.size() ? expected.get(i) : "<none>", i < actual.size() ? actual.get(i) : "<none>",
                    file.getFileName() + " " + List.of(flags) + " line " + (i + 1));
        }
        return expected.size();
    }

    @Test
    void bgpMessagesPrintAsTcpdumpPrintsThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bgp.pcap");
        Files.write(file, pcap(tcpSegment(bgpMessages())));
        compare(file, "-n");
        // every message, attribute and prefix is a line of its own
        assertTrue(compare(file, "-nv") > 40, "tcpdump decoded the messages");
        compare(file, "-nvv");
    }

    @Test
    void radiusAttributesPrintAsTcpdumpPrintsThem() throws Exception {
        compare(TrawlRunner.capture("RADIUS.pcap"), "-nv");
    }

    @Test
    void openFlowHeadersPrintAsTcpdumpPrintsThem() throws Exception {
        compare(TrawlRunner.capture("of13_ericsson.pcapng"), "-n");
    }

    private static byte[] message(int type, String body) {
        byte[] b = HEX.parseHex(body);
        ByteBuffer m = ByteBuffer.allocate(19 + b.length);
        for (int i = 0; i < 16; i++) {
            m.put((byte) 0xff);
        }
        m.putShort((short) (19 + b.length)).put((byte) type).put(b);
        return m.array();
    }

    /** An attribute: flags, type, a one-byte length and the value. */
    private static String attr(int flags, int type, String value) {
        return String.format("%02x%02x%02x", flags, type, value.length() / 2) + value;
    }

    private static byte[] bgpMessages() {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        // OPEN: AS 65001, hold time 90, id 10.0.0.1; capabilities MP IPv4 unicast, route refresh, graceful
        // restart (IPv4 unicast preserved), 4-byte AS 4200000000, add-path IPv6 unicast both, an unknown one
        String caps = "010400010001" + "0200" + "4006807800010180" + "4104fa56ea00" + "450400020103" + "4902abcd";
        String open = "04fde9005a0a000001" + String.format("%02x", caps.length() / 2 + 2) + "02"
                + String.format("%02x", caps.length() / 2) + caps;
        s.writeBytes(message(1, open));
        String attrs = attr(0x40, 1, "00")
                + attr(0x40, 2, "0202fde9fdea" + "010200010002")
                + attr(0x40, 3, "0a000001")
                + attr(0x80, 4, "00000064")
                + attr(0x40, 5, "000000c8")
                + attr(0x40, 6, "")
                + attr(0xc0, 7, "fde90a000002")
                + attr(0xc0, 8, "fde90001ffffff01")
                + attr(0x80, 9, "0a000003")
                + attr(0x80, 10, "0a0000040a000005")
                + attr(0xc0, 16, "0002fde900000064" + "01020a0000010007" + "4004fde94b3ebc20")
                + attr(0xc0, 32, "0000fde90000000100000002" + "0000fdea0000000300000004")
                + attr(0x80, 14, "00020110" + "20010db8000000000000000000000001" + "00" + "3020010db80001"
                        + "4020010db800020000")
                + attr(0x80, 15, "000180" + "70" + "000641" + "0000fde900000007" + "0a0101")
                + attr(0xc0, 99, "010203");
        String update = "0003100a01" + String.format("%04x", attrs.length() / 2) + attrs + "18c0a800" + "190a020380";
        s.writeBytes(message(2, update));
        s.writeBytes(message(3, "06020b6d61696e74656e616e6365"));
        s.writeBytes(message(5, "00010001"));
        s.writeBytes(message(4, ""));
        return s.toByteArray();
    }

    private static byte[] tcpSegment(byte[] payload) {
        return tcpSegment(179, payload);
    }

    /** An Ethernet frame of an IPv4 TCP segment from 10.0.0.1 port 50123 to 10.0.0.2 {@code port}. */
    static byte[] tcpSegment(int port, byte[] payload) {
        int ipLength = 20 + 20 + payload.length;
        ByteBuffer f = ByteBuffer.allocate(14 + ipLength);
        f.put(HEX.parseHex("0200000000020200000000010800"));
        int ip = f.position();
        f.put(HEX.parseHex("4500")).putShort((short) ipLength).put(HEX.parseHex("1234400040060000"))
                .put(HEX.parseHex("0a0000010a000002"));
        f.putShort(ip + 10, (short) checksum(f.array(), ip, 20, 0));
        int tcp = f.position();
        f.putShort((short) 50123).putShort((short) port).putInt(1000).putInt(2000)
                .put(HEX.parseHex("5018ffff00000000")).put(payload);
        long pseudo = 0x0a00 + 0x0001 + 0x0a00 + 0x0002 + 6 + 20 + payload.length;
        f.putShort(tcp + 16, (short) checksum(f.array(), tcp, 20 + payload.length, pseudo));
        return f.array();
    }

    static int checksum(byte[] b, int off, int len, long sum) {
        for (int i = 0; i < len; i += 2) {
            sum += (b[off + i] & 0xff) << 8 | (i + 1 < len ? b[off + i + 1] & 0xff : 0);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }

    private static byte[] pcap(byte[] frame) {
        ByteBuffer b = ByteBuffer.allocate(24 + 16 + frame.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        b.putInt(1_700_000_000).putInt(0).putInt(frame.length).putInt(frame.length).put(frame);
        return b.array();
    }
}
