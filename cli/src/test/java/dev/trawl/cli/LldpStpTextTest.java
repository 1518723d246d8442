package dev.trawl.cli;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * LLDP and spanning tree text against tcpdump's: the corpus captures that hold them, and frames built here
 * with every record tcpdump decodes (chassis and port id subtypes, management addresses of each family with
 * an OID, the IEEE 802.1 records with the data centre bridging ones, IEEE 802.3's, IANA's MUD URL, the LLDP-MED
 * records, DCBX sub-records, unknown organisations and subtypes), records cut short in length or capture, and
 * MSTP BPDUs with MSTI records, a timer on a rounding tie, and BPDUs cut by the capture; and Cisco's VTP
 * messages over SNAP and VQP queries over UDP.
 */
class LldpStpTextTest extends TcpdumpComparison {
    private static final HexFormat HEX = HexFormat.of();
    private static final String LLDP_HEADER = "0180c200000e" + "020000000001" + "88cc";
    private static final String END = tlv(0, "");

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-nvv"})
    void corpusCapturesPrintAsTcpdumpPrintsThem(String flags) throws Exception {
        for (String capture : List.of("LLDP_and_CDP.pcap", "802.1D_spanning_tree.pcap")) {
            TrawlRunner.assertSameAsTcpdump(TrawlRunner.capture(capture).toString(), List.of(flags), capture);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-nvv"})
    void lldpRecordsPrintAsTcpdumpPrintsThem(String flags) throws Exception {
        String basic = LLDP_HEADER + tlv(1, "04" + "020000000001") + tlv(2, "05" + text("eth0")) + tlv(3, "0078")
                + tlv(4, text("uplink")) + tlv(5, text("sw1")) + tlv(6, text("Switch OS 1.0\u0001"))
                + tlv(7, "00140014") + tlv(8, "05" + "01" + "c0000201" + "02" + "00000003" + "00")
                + tlv(8, "11" + "02" + "20010db8000000000000000000000001" + "03" + "00000007" + "08"
                        + text("1.3.6.1."))
                + tlv(8, "07" + "06" + "020000000001" + "09" + "00000001") + tlv(1, "05" + "01" + "0a000001")
                + tlv(1, "05" + "07" + "0102") + tlv(2, "07" + text("p1")) + tlv(2, "09abcd") + tlv(9, "0102")
                + END;
        String ieee8021 = LLDP_HEADER + org("0080c2", "01", "0064") + org("0080c2", "02", "06" + "0064")
                + org("0080c2", "03", "0064" + "04" + text("test")) + org("0080c2", "04", "02" + "8809")
                + org("0080c2", "07", "03" + "00000064") + org("0080c2", "08", "a55a")
                + org("0080c2", "09", "c3" + "12345678" + "0a1e000000002828" + "0002000000020000")
                + org("0080c2", "0a", "00" + "01234567" + "6400000000000000" + "0200000000000000")
                + org("0080c2", "0b", "d818") + org("0080c2", "0c", "00" + "8c0cbc" + "610050")
                + org("0080c2", "0c", "00" + "8c0c") + org("0080c2", "0d", "070df45f7f")
                + org("0080c2", "0e", "80" + "00" + "0003" + "001002" + "002003")
                + org("0080c2", "63", "0102") + tlv(127, "0080c2") + org("0080c2", "03", "0064" + "09" + "41")
                + END;
        String dcbx = tlv(0x01, "0000" + "00000001" + "00000002")
                + tlv(0x02, "0000e0" + "00" + "01234567" + "0c0c0c0c0c0c0c28" + "08")
                + tlv(0x03, "0000c000" + "08" + "08") + tlv(0x04, "0000a000" + "8906" + "c01b21" + "08")
                + tlv(0x05, "abcd") + "0000";
        String others = LLDP_HEADER + org("00120f", "01", "03" + "6c01" + "001e")
                + org("00120f", "01", "00" + "8000" + "0063") + org("00120f", "02", "07" + "01" + "03")
                + org("00120f", "03", "01" + "00000005") + org("00120f", "04", "05ee") + org("00120f", "09", "00")
                + org("00005e", "01", text("https://example.com/mud")) + org("00005e", "02", "01020304")
                + org("0012bb", "01", "0033" + "03") + org("0012bb", "02", "01" + "20c8ae")
                + org("0012bb", "03", "02" + "0d" + "02" + text("US") + "03" + "04" + text("Town") + "06" + "02"
                        + text("Rd") + "00")
                + org("0012bb", "03", "01" + "4c12345678" + "90abcdef01" + "1340001234" + "01")
                + org("0012bb", "03", "03" + text("911")) + org("0012bb", "03", "07" + "aabb")
                + org("0012bb", "04", "51" + "00c8") + org("0012bb", "04", "62" + "0500")
                + org("0012bb", "05", text("1.0")) + org("0012bb", "0b", text("A1")) + org("0012bb", "20", "00")
                + org("001b21", "02", dcbx) + org("001b21", "01", "0000") + org("aabbcc", "01", "02") + END;
        String cutCapture = LLDP_HEADER + tlv(1, "04" + "020000000001") + tlv(5, text("a-long-system-name"));
        String badOid = LLDP_HEADER + tlv(8, "05" + "01" + "c0000201" + "02" + "00000003" + "09" + "41") + END;
        String shortTtl = LLDP_HEADER + tlv(3, "00") + END;
        String zeroLength = LLDP_HEADER + tlv(4, "") + tlv(5, text("never"));
        Path file = capture("lldp", new Frame(basic), new Frame(ieee8021), new Frame(others),
                new Frame(cutCapture, cutCapture.length() / 2 - 6), new Frame(badOid), new Frame(shortTtl),
                new Frame(zeroLength));
        assertSame(flags, file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv"})
    void spanningTreeBpdusPrintAsTcpdumpPrintsThem(String flags) throws Exception {
        String fixed = "0000" + "03" + "02" + "7c" + "0000001f27b47d80" + "00030d40" + "8000001646b58c80"
                + "8012" + "0100" + "1400" + "0200" + "0f00" + "00" + "0060" + "00"
                + HEX.formatHex(pad("Brewery", 32)) + "0000" + "9357ebb7a8d74dd5fef4f2bab50531aa" + "00030d40"
                + "8000001ef705a880" + "14";
        String mstis = "f0" + "6001001ef705a880" + "00000000" + "60" + "80" + "14"
                + "e8" + "8002001646b58c80" + "00030d40" + "80" + "80" + "14";
        String mstp = bpdu(fixed + mstis);
        String config = bpdu("0000" + "00" + "00" + "81" + "8000000000000001" + "00000004" + "8000000000000002"
                + "8001" + "0020" + "1400" + "0200" + "0f00");
        String rapid = bpdu("0000" + "02" + "02" + "3c" + "8000000000000001" + "00000004" + "8000000000000002"
                + "8001" + "0060" + "1400" + "01a0" + "0f00" + "00");
        Path file = capture("stp", new Frame(mstp), new Frame(mstp, 14 + 3 + 90), new Frame(mstp, 14 + 3 + 60),
                new Frame(config), new Frame(config, 14 + 3 + 20), new Frame(rapid), new Frame(bpdu("0000")));
        assertSame(flags, file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-nvv"})
    void vtpAndVqpPrintAsTcpdumpPrintsThem(String flags) throws Exception {
        String domain = HEX.formatHex(pad("cisco", 32));
        String summary = snap("01" + "01" + "01" + "05" + domain + "00000007" + "c0000201"
                + text("930301000000") + "00112233445566778899aabbccddeeff");
        String vlan = "1c" + "00" + "01" + "07" + "0001" + "05dc" + "000186a1" + text("default") + "00"
                + "0601" + "0001" + "0301" + "0002";
        String odd = "18" + "01" + "09" + "02" + "0064" + "1000" + "000186a4" + text("v1") + "0000"
                + "0501" + "0003" + "0902" + "0001";
        String subset = snap("01" + "02" + "01" + "05" + domain + "00000007" + vlan + odd);
        String request = snap("01" + "03" + "00" + "05" + domain + "00000001");
        String badDomain = snap("01" + "01" + "00" + "00" + HEX.formatHex(new byte[32]) + "00000001" + "c0000201");
        String join = snap("01040000");
        String joinRequest = udp("01" + "01" + "00" + "02" + "00000001" + "00000c01" + "0004" + "c0000201"
                + "00000c02" + "0004" + text("Fa01"));
        String response = udp("01" + "02" + "03" + "02" + "00000001" + "00000c03" + "0007" + text("default")
                + "00000c08" + "0006" + "020000000001");
        String unknown = udp("01" + "07" + "00" + "02" + "00000002" + "00000c07" + "0002" + "abcd" + "00000c06"
                + "0005" + "0102030405");
        String version = udp("02" + "01" + "00" + "00" + "00000001");
        Path file = capture("vtp", new Frame(summary), new Frame(subset), new Frame(request), new Frame(badDomain),
                new Frame(join), new Frame(joinRequest), new Frame(response), new Frame(unknown), new Frame(version),
                new Frame(joinRequest, joinRequest.length() / 2 - 8));
        assertSame(flags, file);
    }

    private void assertSame(String flags, Path file) throws Exception {
        String tcpdump = TrawlRunner.external(List.of("tcpdump", flags, "-r", file.toString()));
        TrawlRunner.Result trawl = TrawlRunner.run(flags, "-r", file.toString());
        assertEquals(0, trawl.status(), trawl.stderr());
        assertEquals(tcpdump.lines().toList(), trawl.lines(), file.getFileName() + " with " + flags);
    }

    /** An 802.3 frame to the bridge group address with an LLC header for spanning tree and {@code body}. */
    private static String bpdu(String body) {
        int length = 3 + body.length() / 2;
        return "0180c2000000" + "020000000002" + String.format("%04x", length) + "424203" + body;
    }

    /** An 802.3 frame with SNAP for Cisco's protocol 0x2003 (VTP) and {@code body}. */
    private static String snap(String body) {
        int length = 8 + body.length() / 2;
        return "01000ccccccc" + "020000000002" + String.format("%04x", length) + "aaaa03" + "00000c" + "2003" + body;
    }

    /** An Ethernet frame with IPv4 and UDP from and to port 1589 around {@code payload}. */
    private static String udp(String payload) {
        int udpLength = 8 + payload.length() / 2;
        String ip = "4500" + String.format("%04x", 20 + udpLength) + "00010000" + "4011" + "0000" + "c0000201"
                + "c0000202";
        byte[] header = HEX.parseHex(ip);
        int sum = 0;
        for (int i = 0; i < header.length; i += 2) {
            sum += (header[i] & 0xff) << 8 | header[i + 1] & 0xff;
        }
        sum = (sum & 0xffff) + (sum >>> 16);
        sum = (sum & 0xffff) + (sum >>> 16);
        ip = ip.substring(0, 20) + String.format("%04x", ~sum & 0xffff) + ip.substring(24);
        return "020000000002" + "020000000001" + "0800" + ip + "06350635" + String.format("%04x", udpLength) + "0000"
                + payload;
    }

    private static String tlv(int type, String value) {
        return String.format("%04x", type << 9 | value.length() / 2) + value;
    }

    private static String org(String oui, String subtype, String value) {
        return tlv(127, oui + subtype + value);
    }

    private static String text(String s) {
        return HEX.formatHex(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] pad(String s, int n) {
        byte[] b = new byte[n];
        byte[] t = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, b, 0, t.length);
        return b;
    }

    /** A frame and how many of its bytes were captured. */
    private record Frame(String hex, int captured) {
        Frame(String hex) {
            this(hex, hex.length() / 2);
        }
    }

    private Path capture(String name, Frame... frames) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535)
                .putInt(1);
        out.write(header.array());
        int second = 1_000_000;
        for (Frame frame : frames) {
            byte[] data = HEX.parseHex(frame.hex());
            ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            record.putInt(second++).putInt(0).putInt(frame.captured()).putInt(data.length);
            out.write(record.array());
            out.write(data, 0, frame.captured());
        }
        return Files.write(dir.resolve(name + ".pcap"), out.toByteArray());
    }
}
