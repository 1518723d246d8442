package dev.trawl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TrawlTest {
    private static byte[] sample() throws IOException {
        try (InputStream in = Trawl.class.getResourceAsStream(Sources.SAMPLE)) {
            return in.readAllBytes();
        }
    }

    @Test
    void noArgumentsPrintsTheBundledSample() {
        TrawlRunner.Result r = TrawlRunner.run();
        assertEquals(0, r.status(), r.stderr());
        List<String> lines = r.lines();
        assertEquals(27, lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.contains("ARP, Request who-has 10.77.0.2 tell 10.77.0.1, length 28")));
        assertTrue(lines.stream().anyMatch(l -> l.endsWith(": 22564 1/0/0 A 10.77.0.2 (45)")));
        assertTrue(r.stderr().contains("reading from file"));
    }

    @Test
    void readsACaptureFromStandardInput() throws IOException {
        TrawlRunner.Result r = TrawlRunner.runWithInput(sample(), "-n", "-r", "-", "-c", "3");
        assertEquals(0, r.status(), r.stderr());
        assertEquals(3, r.lines().size());
        assertTrue(r.lines().get(0).contains("IP6 :: > ff02::16: HBH ICMP6"));
    }

    @Test
    void readsGzipCompressedInputFromStandardInput() throws IOException {
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(gz)) {
            z.write(sample());
        }
        TrawlRunner.Result r = TrawlRunner.runWithInput(gz.toByteArray(), "-n", "-t", "-r", "-", "icmp");
        assertEquals(0, r.status(), r.stderr());
        assertEquals(List.of(
                "IP 10.77.0.1 > 10.77.0.2: ICMP echo request, id 8409, seq 1, length 64",
                "IP 10.77.0.2 > 10.77.0.1: ICMP echo reply, id 8409, seq 1, length 64",
                "IP 10.77.0.1 > 10.77.0.2: ICMP echo request, id 8409, seq 2, length 64",
                "IP 10.77.0.2 > 10.77.0.1: ICMP echo reply, id 8409, seq 2, length 64"), r.lines());
    }

    @Test
    void captureFilterSelectsPacketsWithEitherEngine() {
        for (String engine : List.of("java", "native")) {
            TrawlRunner.Result r = TrawlRunner.run("--filter-engine", engine, "-n", "-t", "-r",
                    TrawlRunner.capture("dns_udp.pcap").toString(), "udp", "and", "dst", "port", "53");
            assertEquals(0, r.status(), engine + ": " + r.stderr());
            assertFalse(r.lines().isEmpty(), engine);
            assertTrue(r.lines().stream().allMatch(l -> l.contains(".53: ")), engine + ": " + r.out());
        }
    }

    @Test
    void writesAFileThatTcpdumpReads(@TempDir Path dir) throws Exception {
        assumeTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed");
        for (String format : List.of("pcap", "pcapng")) {
            Path out = dir.resolve("out." + format);
            TrawlRunner.Result w = TrawlRunner.run("-r", TrawlRunner.capture("dns_tcp.pcap").toString(), "-w",
                    out.toString(), "-F", format, "tcp");
            assertEquals(0, w.status(), w.stderr());
            String ours = TrawlRunner.external(List.of("tcpdump", "-n", "-r", out.toString()));
            String theirs = TrawlRunner.external(List.of("tcpdump", "-n", "-r",
                    TrawlRunner.capture("dns_tcp.pcap").toString(), "tcp"));
            assertEquals(theirs, ours, format);
            assertFalse(ours.isEmpty());
        }
    }

    @Test
    void writesToStandardOutputWithDash() throws Exception {
        TrawlRunner.Result r = TrawlRunner.run("-r", TrawlRunner.capture("dns_udp.pcap").toString(), "-w", "-");
        assertEquals(0, r.status(), r.stderr());
        byte[] original = Files.readAllBytes(TrawlRunner.capture("dns_udp.pcap"));
        TrawlRunner.Result back = TrawlRunner.runWithInput(r.stdout(), "-n", "-r", "-");
        TrawlRunner.Result direct = TrawlRunner.runWithInput(original, "-n", "-r", "-");
        assertEquals(direct.out(), back.out());
    }

    @Test
    void countLimitsThePackets() {
        TrawlRunner.Result r = TrawlRunner.run("-c", "5", "-r", TrawlRunner.capture("dns_tcp.pcap").toString());
        assertEquals(0, r.status());
        assertEquals(5, r.lines().size());
    }

    @Test
    void missingFileIsOneLineAndStatusOne() {
        TrawlRunner.Result r = TrawlRunner.run("-r", "/nonexistent/file.pcap");
        assertEquals(1, r.status());
        assertEquals("trawl: /nonexistent/file.pcap: No such file or directory\n", r.stderr());
    }

    @Test
    void badFilterShowsACaretUnderTheColumnWithEitherEngine() {
        for (String engine : List.of("java", "native")) {
            TrawlRunner.Result r = TrawlRunner.run("--filter-engine", engine, "-r",
                    TrawlRunner.capture("dns_udp.pcap").toString(), "tcp and and port 80");
            assertEquals(1, r.status(), engine);
            List<String> lines = r.stderr().lines().toList();
            assertTrue(lines.get(0).startsWith("trawl: bad filter: "), engine + ": " + r.stderr());
            assertEquals("tcp and and port 80", lines.get(1), engine);
            assertEquals("        ^", lines.get(2), engine);
        }
    }

    @Test
    void directionAndInterfaceFiltersAreRefusedOnAFileAsLibpcapRefusesThem() {
        for (String engine : List.of("java", "native")) {
            TrawlRunner.Result r = TrawlRunner.run("--filter-engine", engine, "-r",
                    TrawlRunner.capture("dns_udp.pcap").toString(), "inbound");
            assertEquals(1, r.status(), engine + ": " + r.stderr());
            assertTrue(r.stderr().startsWith(
                    "trawl: bad filter: inbound/outbound not supported on Ethernet when reading savefiles"),
                    engine + ": " + r.stderr());
        }
        // a Linux cooked capture records the direction: there it filters
        TrawlRunner.Result sll = TrawlRunner.run("-r", TrawlRunner.capture("local-netns-sll-any.pcap").toString(),
                "-c", "1", "outbound");
        assertEquals(0, sll.status(), sll.stderr());
        assertEquals(1, sll.lines().size(), String.join("\n", sll.lines()));
    }

    @Test
    void permissionErrorsNameTheCapability() {
        String text = Errors.message(new dev.trawl.pcap.PermissionDeniedException("eth0: socket: Operation not permitted", -8));
        assertTrue(text.contains("CAP_NET_RAW"), text);
        assertTrue(text.contains("setcap"), text);
    }

    @Test
    void badFilterShowsACaretUnderTheColumn() {
        TrawlRunner.Result r = TrawlRunner.run("--filter-engine", "java", "-r",
                TrawlRunner.capture("dns_udp.pcap").toString(), "tcp", "port", "99999");
        assertEquals(1, r.status());
        assertTrue(r.stderr().startsWith("trawl: bad filter: "), r.stderr());
        assertFalse(r.stderr().contains("\tat "), "no stack trace: " + r.stderr());
    }

    @Test
    void malformedFileReportsTheOffsetAfterPrintingEarlierPackets(@TempDir Path dir) throws IOException {
        byte[] good = Files.readAllBytes(TrawlRunner.capture("dns_udp.pcap"));
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 10);
        Path file = dir.resolve("cut.pcap");
        Files.write(file, cut);
        TrawlRunner.Result r = TrawlRunner.run("--backend", "java", "-n", "-r", file.toString());
        assertEquals(1, r.status());
        assertFalse(r.lines().isEmpty(), "packets before the fault are printed");
        List<String> messages = r.stderr().lines().filter(l -> l.startsWith("trawl:")).toList();
        assertEquals(1, messages.size(), r.stderr());
        assertTrue(messages.get(0).contains("offset"), r.stderr());
        assertTrue(messages.get(0).contains("after 1 packet"), r.stderr());
    }

    @Test
    void unknownOptionIsAUsageError() {
        TrawlRunner.Result r = TrawlRunner.run("--no-such-option");
        assertEquals(2, r.status());
        assertTrue(r.stderr().startsWith("trawl: "));
    }

    @Test
    void helpAndVersionAndCompletionPrint() {
        TrawlRunner.Result help = TrawlRunner.run("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("fields|json|ek"), help.out());
        TrawlRunner.Result version = TrawlRunner.run("--version");
        assertEquals(0, version.status());
        assertTrue(version.out().startsWith("trawl "));
        assertTrue(version.out().contains("backend java"));
        TrawlRunner.Result completion = TrawlRunner.run("--completion");
        assertEquals(0, completion.status());
        assertTrue(completion.out().contains("complete -F"));
    }

    @Test
    void listBackendsNamesEachBackend() {
        TrawlRunner.Result r = TrawlRunner.run("--list-backends");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("java"));
    }

    @Test
    void checkFiltersPrintsOkOrErrorForEachLine() {
        byte[] input = "tcp port 80\nport 70000\nhost 10.0.0.1 and\n".getBytes();
        TrawlRunner.Result r = TrawlRunner.runWithInput(input, "--filter-engine", "java", "--check-filters", "-");
        assertEquals(0, r.status(), r.stderr());
        List<String> lines = r.lines();
        assertEquals(3, lines.size(), r.out());
        assertEquals("OK", lines.get(0));
        assertTrue(lines.get(1).startsWith("ERROR\t"), lines.get(1));
        assertTrue(lines.get(2).startsWith("ERROR\t"), lines.get(2));
    }

    @Test
    void statsAgreesWithCapinfos() throws Exception {
        assumeTrue(TrawlRunner.onPath("capinfos"), "capinfos is not installed");
        for (String capture : List.of("dns_tcp.pcap", "local-netns-lo-nano.pcap", "OSPFv2_Capture_FINAL.pcapng")) {
            String file = TrawlRunner.capture(capture).toString();
            List<String> theirs = TrawlRunner.external(List.of("capinfos", file)).lines().toList();
            TrawlRunner.Result r = TrawlRunner.run("stats", file);
            assertEquals(0, r.status(), r.stderr());
            for (String label : List.of("Number of packets:", "Data size:", "File size:", "Capture duration:",
                    "First packet time:", "Last packet time:", "Average packet size:", "SHA256:",
                    "Strict time order:", "Data byte rate:", "Average packet rate:")) {
                String expected = theirs.stream().filter(l -> l.startsWith(label)).findFirst().orElseThrow();
                String actual = r.lines().stream().filter(l -> l.startsWith(label)).findFirst().orElse("<missing>");
                assertEquals(expected, actual, capture + " " + label);
            }
        }
    }

    @Test
    void statsSummarisesLikeCapinfos() {
        TrawlRunner.Result r = TrawlRunner.run("stats", TrawlRunner.capture("dns_udp.pcap").toString());
        assertEquals(0, r.status(), r.stderr());
        assertTrue(r.out().contains("Number of packets:   "), r.out());
        assertTrue(r.out().contains("SHA256:"));
        assertTrue(r.out().contains("Strict time order:   True"));
    }
}
