package dev.trawl.cli;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ForCES in SCTP, OpenFlow 1.3 message bodies, the BCM-LI shim and Linux vsock monitor frames against tcpdump's
 * text: the corpus captures, and packets built here, well formed, malformed (lengths that disagree, TLVs of the
 * wrong kind, unknown types) and cut short by the snapshot length. Each file is printed by tcpdump and by trawl
 * with the same flags, and the lines must be equal.
 */
class ForcesOpenFlowVsockTextTest extends TcpdumpComparison {
    private static final HexFormat HEX = HexFormat.of();
    private static final int LINKTYPE_RAW = 101;
    private static final int LINKTYPE_VSOCK = 271;
    private static final String SRC = "0a000001";
    private static final String DST = "0a000002";

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-nvv", "-nvvv", "-nvvvv", "-nX"})
    void forcesCorpusCapturePrintsAsTcpdumpPrintsIt(String flags) throws Exception {
        TrawlRunner.assertSameAsTcpdump(TrawlRunner.capture("forces1.pcap").toString(), List.of(flags),
                "forces1.pcap");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-nvv", "-nvvv"})
    void openFlow13CorpusCapturePrintsAsTcpdumpPrintsIt(String flags) throws Exception {
        TrawlRunner.assertSameAsTcpdump(TrawlRunner.capture("of13_ericsson.pcapng").toString(), List.of(flags),
                "of13_ericsson.pcapng");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-nvv", "-nvvv", "-nvvvv"})
    void forcesMessagesWellFormedMalformedAndCutShortPrintAsTcpdumpPrintsThem(String flags) throws Exception {
        String flagsWord = "f8400000";
        String header = "0000000200000000000000000000000f" + flagsWord;
        // a config message: LFB selector, a SET operation, path data with one ID and full data
        String fullData = "0112" + "0008" + "0000000a";
        String pathData = "0110" + "0014" + "0000" + "0001" + "00000001" + fullData;
        String set = "0001" + "0018" + pathData;
        String lfb = "1000" + "0024" + "00000003" + "00000001" + set;
        String config = forces(3, "40000001", "00000002", lfb);
        // a config response: a SETRESP operation whose path data holds a result
        String result = "0114" + "0008" + "00000000";
        String response = forces(0x13, "00000002", "40000001",
                "1000" + "0024" + "00000003" + "00000001" + "0003" + "0018" + "0110" + "0014" + "0000" + "0001"
                        + "00000002" + result);
        // a query whose operation is not allowed in it, and one whose path data has a reserved result code
        String badOperation = forces(4, "40000001", "00000002",
                "1000" + "0018" + "00000003" + "00000001" + "0001" + "000c" + "00000000" + "00000000");
        String badResult = forces(0x13, "00000002", "40000001",
                "1000" + "0024" + "00000003" + "00000001" + "0003" + "0018" + "0110" + "0014" + "0000" + "0001"
                        + "00000002" + "0114" + "0008" + "20000000");
        String teardown = forces(2, "40000001", "00000002", "0011" + "0008" + "00000001");
        String setupResponse = forces(0x11, "40000001", "00000002", "0010" + "0008" + "00000000");
        String heartbeatWithTlv = forces(0xf, "40000001", "00000002", "0010" + "0008" + "00000000");
        String redirect = forces(6, "00000002", "40000001",
                "0001" + "001c" + "0115" + "0010" + "00000001" + "00000008" + "0000" + "0116" + "0008" + "abcdef01");
        String lengthMismatch = "10" + "0f" + "0010" + header;
        String unknownType = "10" + "08" + "0006" + header;
        String reservedType = "10" + "12" + "0006" + header;
        Path file = raw("forces",
                packet(sctp(6704, 40000, 0, config)),
                packet(sctp(40000, 6704, 0, response)),
                packet(sctp(6704, 40000, 0, badOperation)),
                packet(sctp(40000, 6704, 0, badResult)),
                packet(sctp(6705, 40000, 0, teardown)),
                packet(sctp(40000, 6705, 0, setupResponse)),
                packet(sctp(6706, 40000, 0, heartbeatWithTlv)),
                packet(sctp(1234, 5678, 21, redirect)),
                packet(sctp(6704, 40000, 0, lengthMismatch)),
                packet(sctp(6704, 40000, 0, unknownType)),
                packet(sctp(6704, 40000, 0, reservedType)),
                cut(sctp(6704, 40000, 0, config), 20 + 12 + 16 + 30),
                cut(sctp(6704, 40000, 0, config), 20 + 12 + 16 + 10));
        LinkLayerTextTest.assertPrintedAsTcpdump(flags, List.of(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-nvv"})
    void openFlow13BodiesPrintAsTcpdumpPrintsThem(String flags) throws Exception {
        String hello = of13(0, "0001" + "0008" + "00000011");
        String bogusHello = of13(0, "0001" + "000c" + "0000001100000000" + "0002" + "0003");
        String error = of13(1, "ffff" + "0001" + "cafe");
        String badCode = of13(1, "0003" + "0040" + "00");
        String experimenter = of13(4, "00d0f0db" + "00000065" + "0102");
        String features = of13(6, "0000000000000001" + "00000100" + "40" + "00" + "0000" + "8000014f" + "00000000");
        String config = of13(9, "0003" + "0080");
        String portStatus = of13(12, "07" + "00000000000000" + port());
        String portMod = of13(16, "fffffffe" + "00000000" + "0a0b0c0d0e0f" + "0000" + "00000041" + "00000041"
                + "0001080a" + "00000000");
        String tableMod = of13(17, "fe" + "000000" + "00000003");
        String queue = of13(22, "fffffffd" + "00000000");
        String role = of13(24, "00000005" + "00000000" + "0000000000000007");
        String async = of13(28, "00000003" + "00000009" + "00000007" + "00000000" + "00000001" + "00000002");
        String invalid = of13(6, "00");
        Path file = raw("openflow13",
                packet(tcp(hello + bogusHello + error + badCode)),
                packet(tcp(experimenter + features + config)),
                packet(tcp(portStatus + portMod)),
                packet(tcp(tableMod + queue + role + async + invalid)),
                cut(tcp(portStatus), 20 + 20 + 8 + 40));
        LinkLayerTextTest.assertPrintedAsTcpdump(flags, List.of(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-nvv", "-ne"})
    void bcmLiShimPrintsTheFrameItCarriesAsTcpdumpDoes(String flags) throws Exception {
        String innerUdp = ipv4(17, "0400003500080000");
        String innerIpv6 = "60000000" + "0008" + "11" + "40" + "20010db8000000000000000000000001"
                + "20010db8000000000000000000000002" + "0400003500080000";
        String ethernet = "aa0004000204" + "aa0004000104" + "0800" + innerUdp;
        Path file = raw("bcm-li",
                packet(ipv4(17, udp(49152, 49153, shim(5) + innerUdp))),
                packet(ipv4(17, udp(49152, 49153, shim(6) + innerIpv6))),
                packet(ipv4(17, udp(49152, 49153, shim(7) + ethernet))),
                packet(ipv4(17, udp(49152, 49153, shim(4) + innerUdp))),
                packet(ipv4(17, udp(49152, 49153, shim(4) + "ff00"))),
                packet(ipv4(17, udp(49152, 49153, shim(2) + innerUdp))),
                cut(ipv4(17, udp(49152, 49153, shim(5) + innerUdp)), 20 + 8 + 4 + 10));
        LinkLayerTextTest.assertPrintedAsTcpdump(flags, List.of(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-nvv", "-ne", "-nx"})
    void vsockFramesPrintAsTcpdumpPrintsThem(String flags) throws Exception {
        String virtio = "0300000000000000" + "0200000000000000" + "00040000" + "d2040000" + "06000000" + "0100"
                + "0500" + "00000000" + "00000400" + "00000000";
        Path file = write("vsock", LINKTYPE_VSOCK,
                packet(vsock(4, 2) + virtio + "48656c6c6f0a"),
                packet(vsock(1, 2) + virtio),
                packet(vsock(3, 1)),
                packet(vsock(9, 7)),
                packet(vsock(4, 2) + virtio.substring(0, 40)),
                packet(vsock(4, 2).substring(0, 40)));
        LinkLayerTextTest.assertPrintedAsTcpdump(flags, List.of(file));
    }

    /** A vsock monitor header from CID 3 port 1024 to CID 2 port 1234, little-endian. */
    private static String vsock(int op, int transport) {
        return "0300000000000000" + "0200000000000000" + "00040000" + "d2040000" + le16(op) + le16(transport)
                + le16(transport == 2 ? 44 : 0) + "0000";
    }

    private static String le16(int v) {
        return String.format("%02x%02x", v & 0xff, v >> 8);
    }

    private static String shim(int type) {
        long shim = 3L << 29 | (long) type << 25 | 2L << 22 | 66666;
        return String.format("%08x", shim);
    }

    private static String forces(int type, String source, String destination, String tlvs) {
        int length = 24 + tlvs.length() / 2;
        return "10" + String.format("%02x%04x", type, length / 4) + source + destination + "0000000000000001"
                + "f8400000" + tlvs;
    }

    private static String of13(int type, String body) {
        return "04" + String.format("%02x%04x", type, 8 + body.length() / 2) + "00000001" + body;
    }

    private static String port() {
        return "00000002" + "00000000" + "ca029fafe91c" + "0000" + "7665746830" + "00".repeat(11)
                + "00000041" + "00000004" + "0000082a" + "00000000" + "00000000" + "00000000" + "002625a0"
                + "00989680";
    }

    private static String sctp(int sport, int dport, int ppid, String payload) {
        int chunk = 16 + payload.length() / 2;
        String pad = "00".repeat((4 - chunk % 4) % 4);
        return ipv4(132, String.format("%04x%04x", sport, dport) + "00000001" + "00000000" + "0003"
                + String.format("%04x", chunk) + "00000001" + "0000" + "0000" + String.format("%08x", ppid)
                + payload + pad);
    }

    private static String tcp(String payload) {
        return ipv4(6, "9c40" + "19fd" + "00000001" + "00000001" + "5018" + "ffff" + "0000" + "0000" + payload);
    }

    private static String udp(int sport, int dport, String payload) {
        return String.format("%04x%04x%04x", sport, dport, 8 + payload.length() / 2) + "0000" + payload;
    }

    /** An IPv4 header with a correct checksum before {@code payload}. */
    private static String ipv4(int protocol, String payload) {
        byte[] h = HEX.parseHex("4500" + String.format("%04x", 20 + payload.length() / 2) + "00014000" + "40"
                + String.format("%02x", protocol) + "0000" + SRC + DST);
        long sum = 0;
        for (int i = 0; i < h.length; i += 2) {
            sum += (h[i] & 0xff) << 8 | h[i + 1] & 0xff;
        }
        while (sum > 0xffff) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        int checksum = (int) ~sum & 0xffff;
        h[10] = (byte) (checksum >> 8);
        h[11] = (byte) checksum;
        return HEX.formatHex(h) + payload;
    }

    private record Frame(byte[] data, int wireLength) {
    }

    private static Frame packet(String hex) {
        byte[] data = HEX.parseHex(hex);
        return new Frame(data, data.length);
    }

    /** A frame captured only up to {@code captured} bytes. */
    private static Frame cut(String hex, int captured) {
        byte[] data = HEX.parseHex(hex);
        return new Frame(java.util.Arrays.copyOf(data, captured), data.length);
    }

    private Path raw(String name, Frame... frames) throws Exception {
        return write(name, LINKTYPE_RAW, frames);
    }

    private Path write(String name, int linkType, Frame... frames) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535)
                .putInt(linkType);
        out.write(header.array());
        int second = 1_000_000;
        for (Frame frame : frames) {
            ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            record.putInt(second++).putInt(0).putInt(frame.data().length).putInt(frame.wireLength());
            out.write(record.array());
            out.write(frame.data());
        }
        return Files.write(dir.resolve(name + ".pcap"), out.toByteArray());
    }
}
