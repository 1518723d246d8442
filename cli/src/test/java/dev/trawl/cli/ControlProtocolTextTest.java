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
 * The text of small control protocols against tcpdump's, line by line: LISP Map-Register (corpus), OLSR with
 * {@code -v} (corpus), AHCP (the corpus's Babel capture), and captures built here of HNCP with every TLV kind,
 * RPL messages in ICMPv6, AODV, Zephyr, the LBL whiteboard and Kerberos, whole and cut short.
 */
class ControlProtocolTextTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String V6_SOURCE = "fe800000000000000216 3eff fe11 3424".replace(" ", "");
    private static final String V6_DESTINATION = "ff020000000000000000000000000001";

    @Test
    void lispMapRegisterMatchesTcpdump() throws Exception {
        Path file = TrawlRunner.capture("lisp_eid_register.pcap");
        BgpTextTest.compare(file, "-n");
        assertTrue(BgpTextTest.compare(file, "-nv") > 20, "tcpdump printed the records");
    }

    @Test
    void olsrMessagesMatchTcpdump() throws Exception {
        assertTrue(BgpTextTest.compare(TrawlRunner.capture("OLSRv1_HNA_sgw_1.pcap"), "-nv") > 10,
                "tcpdump printed the messages");
    }

    @Test
    void ahcpMatchesTcpdump() throws Exception {
        Path file = TrawlRunner.capture("babel.pcap");
        BgpTextTest.compare(file, "-n", "udp port 5359");
        BgpTextTest.compare(file, "-nv", "udp port 5359");
        BgpTextTest.compare(file, "-nvv", "udp port 5359");
    }

    @Test
    void hncpMatchesTcpdump(@TempDir Path dir) throws Exception {
        String nested = tlv(8, "6169ed630000000100000002")
                + tlv(32, "00001234686e637064")
                + tlv(33, tlv(34, "0000138800000bb82020010db8"))
                + tlv(37, "060408080808")
                + tlv(38, "0017001020010db8000000000000000000000001")
                + tlv(35, "000000030f3020010db80001")
                + tlv(36, "0000000300000000000000000000ffffc0a80101")
                + tlv(39, "20010db800000000000000000000000105" + "04686f6d6500")
                + tlv(40, "04686f6d6500")
                + tlv(41, "20010db800000000000000000000000106726f75746572")
                + tlv(43, "00")
                + tlv(9, "0000000100007530")
                + tlv(100, "");
        String state = tlv(3, "31da78d203000000") + tlv(4, "2ae5f77255200bcc")
                + tlv(5, "31da78d20000001300027158800088c8e0714638" + nested);
        byte[] whole = HEX.parseHex(state);
        Path file = write(dir, "hncp.pcap",
                ipv6Udp(8231, 8231, HEX.parseHex(tlv(1, "") + tlv(2, "31da78d2"))),
                ipv6Udp(8231, 8231, whole),
                cut(ipv6Udp(8231, 8231, whole), 48 + 60));
        for (String flags : List.of("-n", "-nv", "-nvv")) {
            BgpTextTest.compare(file, flags);
        }
    }

    @Test
    void rplMatchesTcpdump(@TempDir Path dir) throws Exception {
        String dagid = "20010db8000000000000000000000001";
        Path file = write(dir, "rpl.pcap",
                ipv6Icmp(155, 0, "0000"),
                ipv6Icmp(155, 1, "0102010088050000" + dagid + "00" + "010100" + "040e" + "00".repeat(14)),
                ipv6Icmp(155, 2, "01c00007" + dagid + "0512" + "0080" + dagid),
                ipv6Icmp(155, 2, "01000009" + "0d00" + "800d" + "0d".repeat(13)),
                ipv6Icmp(155, 3, "01800700" + dagid),
                ipv6Icmp(155, 0x80, "0000"),
                cut(ipv6Icmp(155, 2, "01c00007" + dagid), 14 + 40 + 12));
        for (String flags : List.of("-n", "-nv", "-nvv")) {
            BgpTextTest.compare(file, flags);
        }
    }

    @Test
    void aodvZephyrWhiteboardAndKerberosMatchTcpdump(@TempDir Path dir) throws Exception {
        String zephyr = String.join("\0", "ZEPH0.2", "1d", "2", "uid", "port", "0", "0", "", "MESSAGE",
                "personal", "", "bob@ATHENA", "alice@ATHENA", "format", "0", "0", "uid") + "\0";
        byte[] krb4 = ("\u0004\u0002alice\0\0ATHENA\0\0\0\0\0\u0088krbtgt\0ATHENA\0")
                .getBytes(StandardCharsets.ISO_8859_1);
        Path file = write(dir, "udp.pcap",
                ipv4Udp(654, 654, hex("01000002 00000007 0a000001 00000005 0a000002 00000009 0104 000003e8")),
                ipv4Udp(654, 654, hex("02400003 0a000001 00000005 0a000002 000007d0")),
                ipv4Udp(654, 654, hex("03800002 0a000003 00000004 0a000004 00000005")),
                ipv4Udp(654, 654, hex("0300000a 0a000003")),
                ipv4Udp(2104, 2104, zephyr.getBytes(StandardCharsets.ISO_8859_1)),
                ipv4Udp(2104, 2104, "ZEPH0.2\0".getBytes(StandardCharsets.ISO_8859_1)),
                ipv4Udp(5000, 4567, HEX.parseHex("0a000001000000000001070100000001000000010a0000020000000301000000"
                        + "0a00000300000004")),
                ipv4Udp(5000, 4567, HEX.parseHex("0a0000010000000000010200")),
                ipv4Udp(1024, 88, krb4),
                cut(ipv4Udp(1024, 88, krb4), 14 + 28 + 12),
                ipv4Udp(1024, 88, hex("0203")),
                ipv4Udp(1024, 88, hex("6a03")));
        for (String flags : List.of("-n", "-nv")) {
            BgpTextTest.compare(file, flags);
        }
    }

    /** An HNCP TLV: type, body length and the body padded to four bytes. */
    private static String tlv(int type, String body) {
        int length = body.length() / 2;
        return String.format("%04x%04x", type, length) + body + "00".repeat((4 - length % 4) % 4);
    }

    private static byte[] hex(String spaced) {
        return HEX.parseHex(spaced.replace(" ", ""));
    }

    /** A frame and how much of it was captured. */
    private record Frame(byte[] data, int captured) {
    }

    private static Frame cut(byte[] frame, int captured) {
        return new Frame(frame, captured);
    }

    private static byte[] ipv4Udp(int source, int destination, byte[] payload) {
        int ipLength = 20 + 8 + payload.length;
        ByteBuffer f = ByteBuffer.allocate(14 + ipLength);
        f.put(HEX.parseHex("0200000000020200000000010800"));
        int ip = f.position();
        f.put(HEX.parseHex("4500")).putShort((short) ipLength).put(HEX.parseHex("1234000040110000"))
                .put(HEX.parseHex("0a0000010a000002"));
        f.putShort(ip + 10, (short) BgpTextTest.checksum(f.array(), ip, 20, 0));
        int udp = f.position();
        f.putShort((short) source).putShort((short) destination).putShort((short) (8 + payload.length))
                .putShort((short) 0).put(payload);
        long pseudo = 0x0a00 + 0x0001 + 0x0a00 + 0x0002 + 17 + 8 + payload.length;
        f.putShort(udp + 6, (short) BgpTextTest.checksum(f.array(), udp, 8 + payload.length, pseudo));
        return f.array();
    }

    private static byte[] ipv6Udp(int source, int destination, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.putShort((short) source).putShort((short) destination).putShort((short) (8 + payload.length))
                .putShort((short) 0).put(payload);
        return ipv6(17, b.array(), 6);
    }

    private static byte[] ipv6Icmp(int type, int code, String body) {
        byte[] b = HEX.parseHex(String.format("%02x%02x0000", type, code) + body);
        return ipv6(58, b, 2);
    }

    /** An IPv6 frame carrying {@code payload} of protocol {@code next}, its checksum at {@code checksumAt}. */
    private static byte[] ipv6(int next, byte[] payload, int checksumAt) {
        ByteBuffer f = ByteBuffer.allocate(14 + 40 + payload.length);
        f.put(HEX.parseHex("33330000000102000000000186dd"));
        f.put(HEX.parseHex("60000000")).putShort((short) payload.length).put((byte) next).put((byte) 64)
                .put(HEX.parseHex(V6_SOURCE)).put(HEX.parseHex(V6_DESTINATION));
        int start = f.position();
        f.put(payload);
        long pseudo = payload.length + next;
        byte[] a = f.array();
        for (int i = 14 + 8; i < 14 + 40; i += 2) {
            pseudo += (a[i] & 0xff) << 8 | (a[i + 1] & 0xff);
        }
        f.putShort(start + checksumAt, (short) BgpTextTest.checksum(a, start, payload.length, pseudo));
        return a;
    }

    /** Writes a pcap file of Ethernet frames: byte arrays captured whole, or {@link Frame}s cut short. */
    private static Path write(Path dir, String name, Object... frames) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        out.write(h.array());
        int second = 1_700_000_000;
        for (Object o : frames) {
            Frame frame = o instanceof Frame cutShort ? cutShort : new Frame((byte[]) o, ((byte[]) o).length);
            ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            r.putInt(second++).putInt(0).putInt(frame.captured()).putInt(frame.data().length);
            out.write(r.array());
            out.write(frame.data(), 0, frame.captured());
        }
        Path file = dir.resolve(name);
        Files.write(file, out.toByteArray());
        return file;
    }
}
