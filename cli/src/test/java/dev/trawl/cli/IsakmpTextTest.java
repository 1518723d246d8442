package dev.trawl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ISAKMP text against tcpdump's: a corpus capture of IKEv1 over ports 500 and 4500 with NAT keepalives and ESP
 * in UDP, and a capture built here whose messages carry every IKEv1 and IKEv2 payload tcpdump decodes, the
 * identity types, notify data and attributes, and messages cut short by the capture. Every line must be
 * tcpdump's.
 */
class IsakmpTextTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void natTraversalCapturePrintsAsTcpdumpPrintsIt() throws Exception {
        Path file = TrawlRunner.capture("isakmp4500.pcap");
        BgpTextTest.compare(file, "-n");
        BgpTextTest.compare(file, "-nv");
        BgpTextTest.compare(file, "-nvv");
    }

    @Test
    void everyPayloadPrintsAsTcpdumpPrintsIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ike.pcap");
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        frames.writeBytes(record(datagram(ikev1Main(), 500), 0));
        frames.writeBytes(record(datagram(ikev1Quick(), 500), 0));
        frames.writeBytes(record(datagram(ikev2Init(), 500), 0));
        frames.writeBytes(record(datagram(ikev2Auth(), 500), 0));
        frames.writeBytes(record(datagram(ikev2Encrypted(), 500), 0));
        // the same messages cut short inside a payload, inside an attribute and inside the header
        frames.writeBytes(record(datagram(ikev1Main(), 500), 120));
        frames.writeBytes(record(datagram(ikev1Quick(), 500), 95));
        frames.writeBytes(record(datagram(ikev2Init(), 500), 100));
        frames.writeBytes(record(datagram(ikev2Auth(), 500), 50));
        ByteArrayOutputStream pcap = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535)
                .putInt(1);
        pcap.writeBytes(header.array());
        pcap.writeBytes(frames.toByteArray());
        Files.write(file, pcap.toByteArray());
        BgpTextTest.compare(file, "-n");
        assertTrue(BgpTextTest.compare(file, "-nv") > 60, "tcpdump decoded the payloads");
        BgpTextTest.compare(file, "-nvv");
        BgpTextTest.compare(file, "-nvvv");
    }

    /** A chain of payloads: type and body pairs; each header names the next payload's type. */
    private static byte[] chain(Object... typesAndBodies) {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        for (int i = 0; i < typesAndBodies.length; i += 2) {
            byte[] body = HEX.parseHex((String) typesAndBodies[i + 1]);
            int next = i + 2 < typesAndBodies.length ? (Integer) typesAndBodies[i + 2] : 0;
            s.write(next);
            s.write(0);
            s.write((body.length + 4) >>> 8);
            s.write(body.length + 4);
            s.writeBytes(body);
        }
        return s.toByteArray();
    }

    private static byte[] message(String cookies, int version, int exchange, int flags, int messageId,
            Object... payloads) {
        byte[] body = chain(payloads);
        ByteBuffer m = ByteBuffer.allocate(28 + body.length);
        m.put(HEX.parseHex(cookies)).put((byte) (payloads.length == 0 ? 0 : (Integer) payloads[0]))
                .put((byte) version).put((byte) exchange).put((byte) flags).putInt(messageId)
                .putInt(28 + body.length).put(body);
        return m.array();
    }

    private static byte[] ikev1Main() {
        String transform = "0101" + "0000" + "80010007" + "800e0080" + "80020002" + "8004000e" + "80030001"
                + "800b0001" + "000c000400015180";
        String proposal = "01010001" + "0000" + String.format("%04x", transform.length() / 2 + 4) + transform;
        String sa = "00000001" + "00000001" + "0000" + String.format("%04x", proposal.length() / 2 + 4)
                + proposal;
        return message("1122334455667788" + "0000000000000000", 0x10, 2, 0, 0,
                1, sa,
                4, "00112233445566778899aabbccddeeff",
                5, "02000000" + "76706e2e6578616d706c65",
                5, "04110035" + "c0a80100ffffff00",
                5, "05000000" + "20010db8000000000000000000000001",
                5, "06000000" + "20010db8000000000000000000000000" + "ffffffffffffffff0000000000000000",
                5, "07000000" + "0a0000010a0000ff",
                5, "0b000000" + "6b657931",
                6, "04" + "3082000130",
                7, "04",
                8, "0102030405060708090a0b0c0d0e0f1011121314",
                9, "a1a2a3a4a5a6a7a8",
                10, "000102030405060708090a0b0c0d0e0f10111213141516",
                11, "00000001" + "0110" + "6002" + "11223344556677889900aabbccddeeff",
                11, "00000001" + "0304" + "6000" + "01020304" + "800b0001" + "000c000400000e10",
                11, "00000001" + "0304" + "6001" + "01020304" + "00000001",
                11, "00000001" + "0100" + "000e" + "0102030405060708090a0b0c0d0e0f101112131415161718191a",
                12, "00000001" + "0304" + "0002" + "0a0b0c0d" + "01020304",
                13, "4048b7d56ebce88525e7de7f00d6c2d3");
    }

    private static byte[] ikev1Quick() {
        String transform = "010c" + "0000" + "80010001" + "80020e10" + "80040001" + "80050002" + "80060100";
        String proposal = "01030401" + "deadbeef" + "0000" + String.format("%04x", transform.length() / 2 + 4)
                + transform;
        String sa = "00000001" + "00000001" + "0000" + String.format("%04x", proposal.length() / 2 + 4)
                + proposal;
        return message("1122334455667788" + "8877665544332211", 0x10, 32, 0, 0x01020304,
                8, "0102030405060708090a0b0c0d0e0f1011121314",
                1, sa,
                10, "000102030405060708090a0b0c0d0e0f",
                5, "01110000" + "c0a80101",
                5, "03000000" + "75736572406578616d706c652e6f7267");
    }

    private static String v2Transform(int type, int id, String attributes) {
        return String.format("%02x00%04x", type, id) + attributes;
    }

    private static byte[] ikev2Init() {
        String[] transforms = {v2Transform(1, 12, "800e0100"), v2Transform(1, 20, ""), v2Transform(2, 2, ""),
            v2Transform(3, 12, ""), v2Transform(4, 14, ""), v2Transform(4, 31, ""), v2Transform(5, 0, "")};
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < transforms.length; i++) {
            t.append(i + 1 < transforms.length ? "03" : "00").append("00")
                    .append(String.format("%04x", transforms[i].length() / 2 + 4)).append(transforms[i]);
        }
        String proposal = "01030407" + "c0ffee01" + t;
        String sa = "0000" + String.format("%04x", proposal.length() / 2 + 4) + proposal;
        return message("a1a2a3a4a5a6a7a8" + "0000000000000000", 0x20, 34, 0x08, 0,
                33, sa,
                34, "000e0000" + "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
                40, "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
                41, "00004004" + "0102030405060708090a0b0c0d0e0f1011121314",
                41, "00004006" + "0102030405060708",
                41, "03044009" + "c0ffee01",
                43, "7374726f6e670a5377616e");
    }

    private static byte[] ikev2Auth() {
        return message("a1a2a3a4a5a6a7a8" + "b1b2b3b4b5b6b7b8", 0x20, 35, 0x08, 1,
                35, "02000000" + "636c69656e742e6578616d706c65",
                36, "01000000" + "c0a80002",
                39, "02000000" + "00112233445566778899aabbccddeeff00112233",
                47, "01000000" + "00010000",
                44, "01000000" + "0700001000000000ffffffff0a0000000a0000ff",
                45, "01000000" + "0700001000000000ffffffff0a0100000a0100ff",
                48, "0101000501",
                41, "00004000",
                42, "030400010a0b0c0d");
    }

    private static byte[] ikev2Encrypted() {
        return message("a1a2a3a4a5a6a7a8" + "b1b2b3b4b5b6b7b8", 0x20, 37, 0x20, 2,
                46, "2400" + "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d");
    }

    private static byte[] datagram(byte[] payload, int port) {
        int ipLength = 20 + 8 + payload.length;
        ByteBuffer f = ByteBuffer.allocate(14 + ipLength);
        f.put(HEX.parseHex("0200000000020200000000010800"));
        int ip = f.position();
        f.put(HEX.parseHex("4500")).putShort((short) ipLength).put(HEX.parseHex("1234400040110000"))
                .put(HEX.parseHex("0a0000010a000002"));
        f.putShort(ip + 10, (short) checksum(f.array(), ip));
        f.putShort((short) port).putShort((short) port).putShort((short) (8 + payload.length)).putShort((short) 0)
                .put(payload);
        return f.array();
    }

    private static int checksum(byte[] b, int off) {
        long sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += (b[off + i] & 0xff) << 8 | b[off + i + 1] & 0xff;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }

    /** A pcap record of the frame, captured whole or cut to {@code captured} bytes past the UDP header. */
    private static byte[] record(byte[] frame, int captured) {
        int caplen = captured == 0 ? frame.length : Math.min(frame.length, 14 + 20 + 8 + captured);
        ByteBuffer b = ByteBuffer.allocate(16 + caplen).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(1_700_000_000).putInt(0).putInt(caplen).putInt(frame.length).put(frame, 0, caplen);
        return b.array();
    }
}
