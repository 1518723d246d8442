package dev.trawl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OpenFlow 1.0 message bodies against tcpdump's text: segments built here carry switch features with a port,
 * a flow modification with a match and actions, flow statistics, a packet-in, an error, statistics requests, a
 * Big Switch Networks vendor message and messages whose lengths their types do not allow; a last frame is cut
 * short by the capture inside a port description. Every line must be tcpdump's, with {@code -n}, {@code -nv}
 * and {@code -nvv}.
 */
class OpenFlowTextTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void openFlow10BodiesPrintAsTcpdumpPrintsThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("openflow.pcap");
        byte[] whole = BgpTextTest.tcpSegment(6653, messages());
        byte[] invalid = BgpTextTest.tcpSegment(6633, invalidMessages());
        byte[] cut = BgpTextTest.tcpSegment(6633, message(6, featuresReply()));
        Files.write(file, pcap(List.of(whole, invalid, cut), List.of(whole.length, invalid.length, cut.length - 30)));
        BgpTextTest.compare(file, "-n");
        // the bodies add a line per port, match field, action and statistics entry
        assertTrue(BgpTextTest.compare(file, "-nv") > 40, "tcpdump decoded the bodies");
        BgpTextTest.compare(file, "-nvv");
    }

    private static int xid = 0x100;

    private static byte[] message(int type, byte[] body) {
        ByteBuffer m = ByteBuffer.allocate(8 + body.length);
        m.put((byte) 1).put((byte) type).putShort((short) (8 + body.length)).putInt(xid++).put(body);
        return m.array();
    }

    private static byte[] featuresReply() {
        ByteBuffer b = ByteBuffer.allocate(24 + 2 * 48);
        b.putLong(0x0000aabbccddeeffL).putInt(256).put((byte) 2).put(new byte[3]).putInt(0x000000c7).putInt(0x00000fff);
        port(b, 1, "eth1", 0x00000001, 0x00000200);
        port(b, 0xfffe, "local bridge name", 0x00000080, 0x00000301);
        return b.array();
    }

    private static void port(ByteBuffer b, int number, String name, int config, int state) {
        b.putShort((short) number).put(HEX.parseHex("0200000000" + String.format("%02x", number & 0xff)));
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        b.put(n, 0, Math.min(16, n.length)).put(new byte[16 - Math.min(16, n.length)]);
        b.putInt(config).putInt(state).putInt(0x2a0).putInt(0x2bf).putInt(0x3fff).putInt(0);
    }

    /** A match on in_port 3, IPv4 ICMP type 8 from 192.0.2.0/24; the other fields wildcarded. */
    private static byte[] match() {
        int wildcards = 0x2 | 0x4 | 0x8 | 0x80 | 8 << 8 | 32 << 14 | 0x100000 | 0x200000;
        ByteBuffer b = ByteBuffer.allocate(40);
        b.putInt(wildcards).putShort((short) 3).put(new byte[12]).putShort((short) 0xffff).put((byte) 0)
                .put((byte) 0).putShort((short) 0x0800).put((byte) 0).put((byte) 1).putShort((short) 0)
                .put(HEX.parseHex("c0000200")).put(HEX.parseHex("c6336401")).putShort((short) 8).putShort((short) 0);
        return b.array();
    }

    private static byte[] actions() {
        ByteBuffer b = ByteBuffer.allocate(8 + 8 + 16 + 16 + 8 + 8);
        b.putShort((short) 0).putShort((short) 8).putShort((short) 0xfffd).putShort((short) 128);
        b.putShort((short) 1).putShort((short) 8).putShort((short) 10).putShort((short) 0);
        b.putShort((short) 5).putShort((short) 16).put(HEX.parseHex("020000000009")).put(new byte[6]);
        b.putShort((short) 11).putShort((short) 16).putShort((short) 2).put(new byte[6]).putInt(7);
        b.putShort((short) 6).putShort((short) 8).put(HEX.parseHex("0a000001"));
        b.putShort((short) 9).putShort((short) 12).putInt(0); // a length its type does not allow
        return b.array();
    }

    private static byte[] flowMod() {
        ByteBuffer b = ByteBuffer.allocate(64 + actions().length);
        b.put(match()).putLong(0x1234).putShort((short) 0).putShort((short) 30).putShort((short) 0)
                .putShort((short) 100).putInt(-1).putShort((short) 0).putShort((short) 0x0009).put(actions());
        return b.array();
    }

    private static byte[] flowStatsReply() {
        ByteBuffer b = ByteBuffer.allocate(4 + 88 + 8);
        b.putShort((short) 1).putShort((short) 1);
        b.putShort((short) 96).put((byte) 0).put((byte) 0).put(match()).putInt(12).putInt(500).putShort((short) 100)
                .putShort((short) 30).putShort((short) 0).put(new byte[6]).putLong(0x1234).putLong(-2L).putLong(9000);
        b.putShort((short) 0).putShort((short) 8).putShort((short) 0xfffb).putShort((short) 0);
        return b.array();
    }

    private static byte[] messages() {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.writeBytes(message(0, new byte[0]));
        s.writeBytes(message(6, featuresReply()));
        s.writeBytes(message(9, HEX.parseHex("00010080")));
        s.writeBytes(message(14, flowMod()));
        s.writeBytes(message(17, flowStatsReply()));
        s.writeBytes(message(10, HEX.parseHex("ffffffff002a000500" + "00" + "0200000000010200000000020800")));
        s.writeBytes(message(1, HEX.parseHex("00010006" + "01020304")));
        s.writeBytes(message(16, HEX.parseHex("00040000" + "fffe000000000000")));
        s.writeBytes(message(16, HEX.parseHex("00050000" + "0003000000000001")));
        s.writeBytes(message(4, HEX.parseHex("005c16c7" + "00000007" + "6f6b0a")));
        s.writeBytes(message(4, HEX.parseHex("005c16c7" + "00000003" + "01000000")));
        s.writeBytes(message(21, HEX.parseHex("0001000000000000" + "00000001002000000001001000000000" + "01f4000000000000"
                + "0000000000080000")));
        return s.toByteArray();
    }

    private static byte[] invalidMessages() {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.writeBytes(message(9, HEX.parseHex("000100")));
        s.writeBytes(message(16, HEX.parseHex("00000000" + "00")));
        s.writeBytes(message(17, HEX.parseHex("00030000" + "00".repeat(40))));
        s.writeBytes(message(13, HEX.parseHex("ffffffff00010040")));
        return s.toByteArray();
    }

    /** A pcap file of Ethernet frames, each cut to its entry of {@code captured} bytes. */
    static byte[] pcap(List<byte[]> frames, List<Integer> captured) {
        int size = 24;
        for (int i = 0; i < frames.size(); i++) {
            size += 16 + captured.get(i);
        }
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        for (int i = 0; i < frames.size(); i++) {
            b.putInt(1_700_000_000 + i).putInt(0).putInt(captured.get(i)).putInt(frames.get(i).length)
                    .put(frames.get(i), 0, captured.get(i));
        }
        return b.array();
    }
}
