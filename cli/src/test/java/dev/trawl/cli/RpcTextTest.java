package dev.trawl.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The text of ONC RPC with NFS, of Rx with AFS, and of lwres against tcpdump's: the corpus's AFS, NFS and lwres
 * captures, and packets built here: NFS version 3 calls (getattr, lookup, read, write, access, readdirplus) over
 * UDP and TCP with replies that follow them (attributes at {@code -v} and {@code -vv}), a reply whose call was not
 * seen, a denied reply, a call cut short; Rx ACKs with acknowledged and missing runs, an AFS call cut inside its
 * arguments, an abort answering a call; lwres requests and responses. Each file is printed by tcpdump and by
 * trawl with the same flags, and the lines must be equal.
 */
class RpcTextTest extends TcpdumpComparison {
    private static final int LINKTYPE_IPV4 = 228;
    private static final String CLIENT = "0a000001";
    private static final String SERVER = "0a000002";
    private static final String AUTH_UNIX = "00000001" + "00000014" + "00000000".repeat(5);
    private static final String FH = "00000020" + "00010002000000000000000c" + "0000000a" + "ff".repeat(16);

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-nvv", "-nvvv", "-nq", "-nX"})
    void corpusCapturesPrintAsTcpdumpPrintsThem(String flags) throws Exception {
        for (String name : List.of("afs.pcap", "lwres_with_extra.pcap", "nfs-cannot-pad-32-bit.pcap",
                "unaligned-nfs-1.pcap")) {
            Path file = TrawlRunner.capture(name);
            assumeTrue(Files.exists(file), "the corpus has no " + name);
            LinkLayerTextTest.assertPrintedAsTcpdump(flags, List.of(file));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-nvv", "-nq"})
    void nfsCallsAndRepliesPrintAsTcpdumpPrintsThem(String flags) throws Exception {
        String fattr = "00000001" + "000081a4" + "00000001" + "000003e8" + "000003e8" + "0000000000001000"
            + "0000000000001000" + "0000000000000000" + "000000000000abcd" + "0000000000000042"
            + "5b7f0000000f4240".repeat(3);
        String ok = "00000001" + "00000000" + "00000000" + "00000000";
        assertSame(flags, capture("nfs-udp",
                udp(800, 2049, call(1, 1, FH)),
                udp(2049, 800, reply(1) + "00000000" + fattr),
                udp(800, 2049, call(2, 3, FH + "00000005" + "68656c6c6f000000")),
                udp(2049, 800, reply(2) + "00000002" + "00000000"),
                udp(800, 2049, call(3, 6, FH + "0000000000001000" + "00002000")),
                udp(2049, 800, reply(3) + "00000000" + "00000001" + fattr + "00000200" + "00000001"),
                udp(800, 2049, call(4, 7, FH + "0000000000000000" + "00000003" + "00000002" + "00000003" + "616263")),
                udp(2049, 800, reply(4) + "00000000" + "00000001" + "0000000000000000" + "00000001" + "00000000"
                        + "00000001" + "00000000" + ok + fattr + "00000003" + "00000002" + "0000000000851b4a"),
                udp(800, 2049, call(5, 4, FH + "0000001f")),
                udp(800, 2049, call(6, 17, FH + "0000000000000000" + "0102030405060708" + "00001000" + "00008000")),
                udp(2049, 800, reply(99) + "00000000" + "00000000"),
                udp(2049, 800, "00000007" + "00000001" + "00000001" + "00000001" + "00000002"),
                udp(800, 2049, call(8, 1, "").substring(0, 40))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-nvv"})
    void nfsOverTcpPrintsAsTcpdumpPrintsIt(String flags) throws Exception {
        String sunos5 = "00000020" + "00800001" + "00000002" + "000a0000" + "00001234" + "00".repeat(16);
        String request = call(9, 1, sunos5);
        String response = reply(9) + "00000046";
        assertSame(flags, capture("nfs-tcp",
                tcp(900, 2049, mark(request) + request),
                tcp(2049, 900, mark(response) + response)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-nvv", "-nvvv", "-nX"})
    void rxAndAfsPrintAsTcpdumpPrintsThem(String flags) throws Exception {
        String ack = "0004" + "0000" + "00000005" + "00000004" + "00000009" + "08" + "07" + "01010001000101" + "000000"
            + "000005dc" + "000005dc" + "00000020";
        assertSame(flags, capture("rx",
                udp(7001, 7000, rx(5, 1, 1, 1, "00000082" + "000000010000000200000003" + "00000000" + "00001000")),
                udp(7000, 7001, rx(5, 1, 1, 0, "00000000")),
                udp(7001, 7000, rx(6, 1, 1, 1, "00000084" + "00000001")),
                udp(7000, 7001, rx(6, 1, 4, 0, "00000066")),
                udp(7001, 7000, rx(7, 0, 2, 1, ack)),
                udp(7001, 7003, rx(8, 1, 1, 1, "000001f8" + "00000009" + "726f6f742e63656c6c000000")),
                udp(7001, 7002, rx(9, 1, 1, 1, "000001f9" + "00000002" + "00000001")),
                udp(7001, 7000, rx(10, 1, 1, 1, "00000082" + "00000001")),
                udp(7001, 7000, rx(11, 1, 1, 1, "0000008d" + "00000001000000020000000300000004" + "6162")),
                udp(7001, 7000, "0000")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n", "-nv", "-nvv", "-nvvv"})
    void lwresPrintsAsTcpdumpPrintsIt(String flags) throws Exception {
        String gabn = "00000000" + "00000003" + "0007" + "6578616d706c6500";
        String addrs = "00000000" + "0000" + "0001" + "0007" + "6578616d706c6500"
            + "00000001" + "0004" + "c0000201";
        assertSame(flags, capture("lwres",
                udp(1234, 921, lwres(0, 0x00010001, gabn)),
                udp(921, 1234, lwres(1, 0x00010001, addrs)),
                udp(1234, 921, lwres(0, 0x00010002, "00000000" + "00000001" + "0004" + "c0000201")),
                udp(1234, 921, lwres(0, 0x00010001, gabn.substring(0, 12)))));
    }

    private static String call(int xid, int proc, String arguments) {
        return hex32(xid) + "00000000" + "00000002" + "000186a3" + "00000003" + hex32(proc) + AUTH_UNIX
            + "0000000000000000" + arguments;
    }

    private static String reply(int xid) {
        return hex32(xid) + "00000001" + "00000000" + "0000000000000000" + "00000000";
    }

    private static String rx(int call, int seq, int type, int flags, String body) {
        return "12345678" + "abcdef00" + hex32(call) + hex32(seq) + hex32(call + 100) + String.format("%02x", type)
            + String.format("%02x", flags) + "00" + "02" + "0000" + "0001" + body;
    }

    private static String lwres(int flags, int opcode, String body) {
        int length = 28 + body.length() / 2;
        return hex32(length) + "0000" + String.format("%04x", flags) + "00000011" + hex32(opcode) + "00000000"
            + "00001000" + "0000" + "0000" + body;
    }

    private static String mark(String message) {
        return hex32(0x8000_0000 | message.length() / 2);
    }

    private static String udp(int sport, int dport, String payload) {
        int length = 8 + payload.length() / 2;
        return ipv4(17, length, fromServer(sport, dport)) + String.format("%04x%04x%04x", sport, dport, length) + "0000" + payload;
    }

    private static String tcp(int sport, int dport, String payload) {
        return ipv4(6, 20 + payload.length() / 2, fromServer(sport, dport)) + String.format("%04x%04x", sport, dport) + "00000100"
            + "00000200" + "5018" + "2000" + "0000" + "0000" + payload;
    }

    /** Whether a packet between these ports goes from the server to the client (the addresses swap). */
    private static boolean fromServer(int sport, int dport) {
        return sport == 2049 || sport == 921 || sport == 7000 && dport == 7001;
    }

    private static String ipv4(int protocol, int payload, boolean fromServer) {
        return "4500" + String.format("%04x", 20 + payload) + "00010000" + "40" + String.format("%02x", protocol)
            + "0000" + (fromServer ? SERVER + CLIENT : CLIENT + SERVER);
    }

    private static String hex32(long v) {
        return String.format("%08x", v & 0xFFFF_FFFFL);
    }

    private void assertSame(String flags, Path file) throws Exception {
        LinkLayerTextTest.assertPrintedAsTcpdump(flags, List.of(file));
        // the built packets must reach the printers under test, not only agree
        String text = TrawlRunner.external(List.of("tcpdump", flags, "-r", file.toString()));
        String expected = switch (file.getFileName().toString()) {
            case "nfs-udp.pcap" -> "NFS reply xid 4 reply ok";
            case "nfs-tcp.pcap" -> ": NFS reply xid 9 reply ok";
            case "rx.pcap" -> "fs reply fetch-data";
            default -> "lwres";
        };
        assertTrue(flags.contains("q") || text.contains(expected), text);
    }

    private Path capture(String name, String... packets) throws Exception {
        return LinkLayerTextTest.capture(dir, name, LINKTYPE_IPV4, packets);
    }
}
