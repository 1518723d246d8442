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
 * RSVP, LMP and LSP ping text against tcpdump's, line by line. Captures built here hold RSVP messages with every
 * object class tcpdump decodes (sessions, hops, IntServ specs with float parameters, routes and their subobjects,
 * fast reroute, generalized UNI, integrity, bundles, a malformed route, a message cut short by the capture) and LMP
 * messages with every object class; corpus captures hold a malformed RSVP object and LSP pings with FEC stacks.
 */
class GmplsTextTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rsvpObjectsPrintAsTcpdumpPrintsThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rsvp.pcap");
        Files.write(file, rsvpCapture());
        BgpTextTest.compare(file, "-n");
        // each object's header and fields are lines of their own
        assertTrue(BgpTextTest.compare(file, "-nv") > 150, "tcpdump decoded the objects");
        BgpTextTest.compare(file, "-nvv");
    }

    @Test
    void malformedRsvpObjectEndsAsInTcpdump() throws Exception {
        Path file = TrawlRunner.capture("rsvp-rsvp_obj_print-oobr.pcap");
        BgpTextTest.compare(file, "-n", "ip proto 46");
        BgpTextTest.compare(file, "-nv", "ip proto 46");
    }

    @Test
    void lmpObjectsPrintAsTcpdumpPrintsThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lmp.pcap");
        Files.write(file, lmpCapture());
        BgpTextTest.compare(file, "-n");
        assertTrue(BgpTextTest.compare(file, "-nv") > 60, "tcpdump decoded the objects");
        BgpTextTest.compare(file, "-nvv");
    }

    @Test
    void ospfOpaqueLsasPrintAsTcpdumpPrintsThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ospf-te.pcap");
        Files.write(file, ospfCapture());
        assertTrue(BgpTextTest.compare(file, "-nv") > 50, "tcpdump decoded the LSAs");
        BgpTextTest.compare(file, "-nvv");
    }

    @Test
    void lspPingTlvsPrintAsTcpdumpPrintsThem() throws Exception {
        Path file = TrawlRunner.capture("lspping-fec-ldp.pcap");
        BgpTextTest.compare(file, "-n");
        assertTrue(BgpTextTest.compare(file, "-nv") > 100, "tcpdump decoded the TLVs");
        // the MPLS-labelled requests hold TCP segments whose -vv text is not this test's subject
        BgpTextTest.compare(file, "-nvv", "udp port 3503");
    }

    /** An RSVP object: its length (header included), class, class type and body. */
    private static String obj(int cls, int ctype, String body) {
        return String.format("%04x%02x%02x", 4 + body.length() / 2, cls, ctype) + body;
    }

    /** An RSVP message: version 1, the flags, type, a checksum, TTL 64 and its length. */
    private static String rsvp(int flags, int type, String objects) {
        return String.format("%02x%02x1234%02x00%04x", 0x10 | flags, type, 64, 8 + objects.length() / 2) + objects;
    }

    private static final String V6A = "20010db8000000000000000000000001";
    private static final String V6B = "20010db8000000000000000000000002";

    private static byte[] rsvpCapture() {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.writeBytes(pcapHeader());
        String path = obj(1, 7, "0a00000100000004" + "0a000002")
                + obj(3, 1, "0a01020198006700")
                + obj(5, 1, "00007530")
                + obj(20, 1, "01080a01020220" + "00" + "81080a01020320" + "01" + "0308010100001234" + "20040001"
                        + "05040000")
                + obj(19, 1, "00000800")
                + obj(207, 7, "070706" + "06" + "74756e6e656c" + "0000")
                + obj(11, 7, "0a0000010000" + "0001")
                + obj(12, 2, "00000007" + "01000006" + "7f000005" + "4cbebc20" + "47000000" + "7f800000"
                        + "00000040" + "000005dc")
                + obj(13, 2, "00000011" + "01000008" + "04000001" + "00000001" + "06000001" + "4cbebc20"
                        + "08000001" + "ffffffff" + "0a000001" + "000005dc" + "02000006" + "85000001" + "00000010"
                        + "86000001" + "00000020" + "c8000001" + "deadbeef" + "05800000")
                + obj(21, 1, "01080a00000120" + "01" + "0308000100000010")
                + obj(205, 1, "07071000" + "4cbebc20" + "00000001" + "00000002" + "00000003")
                + obj(205, 7, "07071000" + "3f9d70a4" + "00000001" + "00000002")
                + obj(63, 7, "0a0000010a000002" + "0a0000030a000004")
                + obj(66, 1, "00000003")
                + obj(200, 1, "deadbeefcafe0000")
                + obj(130, 1, "00000001");
        String resv = obj(1, 1, "0a000002" + "110012" + "34")
                + obj(3, 1, "0a01020198006700")
                + obj(5, 1, "00007530")
                + obj(8, 1, "0000000a")
                + obj(9, 2, "00000007" + "05000006" + "7f000005" + "49742400" + "44fa0000" + "49742400"
                        + "00000040" + "000005dc")
                + obj(10, 7, "0a0000010000" + "0001")
                + obj(10, 1, "0a0000010000" + "1234")
                + obj(16, 1, "00000010" + "00000011")
                + obj(21, 1, "01080a00000220" + "00")
                + obj(15, 1, "0a000003");
        String pathErr = obj(1, 2, V6A + "06" + "00" + "1234")
                + obj(6, 1, "0a000001" + "00" + "18" + "0005")
                + obj(6, 3, "0a000001" + "02" + "1c" + "0003")
                + obj(6, 1, "0a000001" + "00" + "01" + "0002")
                + obj(6, 2, V6A + "00" + "18" + "0009")
                + obj(196, 1, "80000005")
                + obj(36, 1, "00000001" + "00000005" + "00000006")
                + obj(36, 1, "02000000" + "00000010" + "00000020")
                + obj(50, 1, "0a000009")
                + obj(50, 2, V6B)
                + obj(195, 1, "0a00000a")
                + obj(16, 2, "00010203")
                + obj(16, 3, "00000001" + "00000002" + "00000003")
                + obj(19, 2, "00000800" + "80010020" + "00ff0fff")
                + obj(19, 3, "000086dd" + "00000010" + "00000400")
                + obj(19, 4, "08960025")
                + obj(11, 12, "0a0000010000" + "0002" + "0a0000020003" + "0000")
                + obj(10, 3, V6A + "00" + "012345")
                + obj(3, 2, V6B + "00000007")
                + obj(23, 1, "01000005" + "00000010")
                + obj(7, 1, "0a000001");
        String hello = obj(22, 1, "4a44672be86eb75b")
                + obj(131, 1, "0000138800002710")
                + obj(134, 1, "00000107")
                + obj(4, 1, "80000102030405060000000000000001" + "00112233445566778899aabbccddeeff")
                + obj(229, 1, "000801010a000001" + "00140202" + V6A + "00040300" + "001004008000000100000002"
                        + "00000003" + "0008050005000000")
                + obj(204, 1, "00020002" + "0104aabb" + "020601020304" + "0000");
        String bundle = rsvp(0, 20, obj(22, 2, "0000000100000002")) + rsvp(1, 13, obj(24, 1, "00000007"));
        String badRoute = obj(20, 1, "01080a010202180000000000");
        s.writeBytes(rsvpFrame(rsvp(0, 1, path), 0));
        s.writeBytes(rsvpFrame(rsvp(1, 2, resv), 0));
        s.writeBytes(rsvpFrame(rsvp(0, 3, pathErr), 0));
        s.writeBytes(rsvpFrame(rsvp(1, 20, hello), 0));
        s.writeBytes(rsvpFrame(rsvp(0, 12, bundle), 0));
        s.writeBytes(rsvpFrame(rsvp(0, 9, obj(1, 1, "0a00000211001234")), 0));
        s.writeBytes(rsvpFrame(rsvp(0, 1, badRoute + obj(5, 1, "00007530")), 0));
        s.writeBytes(rsvpFrame(rsvp(0, 1, path), 60));
        return s.toByteArray();
    }

    /** An Ethernet frame holding IPv4 with {@code proto} and {@code payload}, as a pcap record. */
    private static byte[] ipFrame(int proto, byte[] payload, int cut) {
        int ipLength = 20 + payload.length;
        ByteBuffer f = ByteBuffer.allocate(14 + ipLength);
        f.put(HEX.parseHex("0200000000020200000000010800"));
        int ip = f.position();
        f.put(HEX.parseHex("45c0")).putShort((short) ipLength).put(HEX.parseHex("1234000001"))
                .put((byte) proto).putShort((short) 0).put(HEX.parseHex("0a0000010a000002"));
        f.putShort(ip + 10, (short) BgpTextTest.checksum(f.array(), ip, 20, 0));
        f.put(payload);
        byte[] frame = f.array();
        int captured = cut > 0 ? cut : frame.length;
        ByteBuffer r = ByteBuffer.allocate(16 + captured).order(ByteOrder.LITTLE_ENDIAN);
        r.putInt(1_700_000_000).putInt(0).putInt(captured).putInt(frame.length).put(frame, 0, captured);
        return r.array();
    }

    private static byte[] rsvpFrame(String message, int cut) {
        return ipFrame(46, HEX.parseHex(message), cut);
    }

    /** An OSPF TLV of a 16-bit type and length, padded to four bytes. */
    private static String tlv(int type, String value) {
        StringBuilder b = new StringBuilder(String.format("%04x%04x", type, value.length() / 2)).append(value);
        while (b.length() % 8 != 0) {
            b.append("00");
        }
        return b.toString();
    }

    /** An opaque LSA of {@code type} (9, 10 or 11) and opaque type, from 10.0.0.1. */
    private static String opaqueLsa(int type, int opaque, String body) {
        return String.format("000102%02x%02x000001", type, opaque) + "0a000001" + "80000001" + "0000"
                + String.format("%04x", 20 + body.length() / 2) + body;
    }

    /**
     * An LS Update with a traffic engineering LSA (a router address, and a link with every sub-TLV tcpdump decodes,
     * a shared risk group among them, after which tcpdump reads the next sub-TLV from the wrong place), a router
     * information LSA, a graceful restart LSA and a TE LSA whose sub-TLV has type 0.
     */
    private static byte[] ospfCapture() {
        String link = tlv(1, "01") + tlv(2, "0a000002") + tlv(3, "0a000003") + tlv(4, "0a000004")
                + tlv(5, "0000000a") + tlv(6, "4cbebc20") + tlv(7, "4b3ebc20") + tlv(8, "4b3ebc20".repeat(8))
                + tlv(9, "00000003") + tlv(11, "0000000100000002") + tlv(14, "0a000000")
                + tlv(15, "01020000" + "4cbebc20".repeat(8)) + tlv(17, "00000000" + "4cbebc20" + "4b3ebc20")
                + tlv(99, "deadbeef") + tlv(16, "0000000100000002") + tlv(3, "0a000005");
        String lsas = opaqueLsa(10, 1, tlv(1, "0a000001") + tlv(2, link))
                + opaqueLsa(10, 4, tlv(1, "00000090"))
                + opaqueLsa(9, 3, tlv(1, "00000078") + tlv(2, "01") + tlv(3, "0a000001"))
                + opaqueLsa(10, 1, tlv(2, "0000000400000000"));
        String body = "00000004" + lsas;
        String ospf = String.format("0204%04x", 24 + body.length() / 2) + "0a000001" + "00000000" + "0000" + "0000"
                + "0000000000000000" + body;
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.writeBytes(pcapHeader());
        s.writeBytes(ipFrame(89, HEX.parseHex(ospf), 0));
        return s.toByteArray();
    }

    /** An LMP object: the class type with the negotiable bit, class, length (header included) and body. */
    private static String lobj(int ctype, int cls, String body) {
        return String.format("%02x%02x%04x", ctype, cls, 4 + body.length() / 2) + body;
    }

    /** An LMP message over UDP port 701, with no UDP checksum. */
    private static byte[] lmpFrame(int flags, int type, String objects) {
        byte[] m = HEX.parseHex(String.format("1000%02x%02x%04x0000", flags, type, 8 + objects.length() / 2)
                + objects);
        ByteBuffer u = ByteBuffer.allocate(8 + m.length);
        u.putShort((short) 701).putShort((short) 701).putShort((short) (8 + m.length)).putShort((short) 0).put(m);
        return ipFrame(17, u.array(), 0);
    }

    /** A pcap file header for Ethernet. */
    private static byte[] pcapHeader() {
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535)
                .putInt(1);
        return header.array();
    }

    private static byte[] lmpCapture() {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.writeBytes(pcapHeader());
        s.writeBytes(lmpFrame(0, 1, lobj(1, 1, "00000005") + lobj(0x81, 5, "00000010") + lobj(1, 2, "0a000001")
                + lobj(0x81, 6, "009601c2") + lobj(1, 99, "0102030405060708") + lobj(1, 3, "0a000002")
                + lobj(3, 3, V6A) + lobj(5, 4, "00000009") + lobj(2, 4, "0a000003")));
        s.writeBytes(lmpFrame(1, 4, lobj(1, 7, "0000000100000002")));
        s.writeBytes(lmpFrame(2, 14, lobj(1, 11, "030000000a0000010a000002")
                + lobj(1, 12, "020000000a0000010a000002" + "010c9605" + "4cbebc20" + "4b3ebc20" + "02080000"
                        + "00000005")
                + lobj(3, 12, "0100000000000010" + "00000011")
                + lobj(3, 11, "010000000000000100000002")
                + lobj(2, 20, "00000028") + lobj(1, 20, "00000003")
                + lobj(1, 12, "00000000")));
        s.writeBytes(lmpFrame(0, 5, lobj(1, 8, "0003000a" + "00000004" + "0800" + "1f40" + "4cbebc20" + "00000007")
                + lobj(1, 9, "00640002") + lobj(1, 10, "00000009")));
        s.writeBytes(lmpFrame(0, 17, lobj(1, 13, "0a000001" + "c0000001" + "0a000002" + "00000007")
                + lobj(3, 13, "00000001" + "40000002") + lobj(3, 14, "0000000100000002")
                + lobj(1, 14, "0a000001")));
        s.writeBytes(lmpFrame(0, 50, lobj(1, 51, "03010000") + lobj(2, 51, "0508030100010002000300040a000001")
                + lobj(3, 51, "0000000300000001") + lobj(4, 51, "00000007") + lobj(5, 51, "00000000")));
        s.writeBytes(lmpFrame(0, 1, lobj(1, 1, "0000000500") + lobj(1, 2, "0a000001")));
        return s.toByteArray();
    }
}
