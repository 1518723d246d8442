package dev.trawl.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code trawl -d EXPR} against libpcap's own listing of each valid corpus expression
 * ({@code filters/bpf/<n>.txt}), through the native backend's compiler and through the java engine.
 */
class FilterDumpTest {
    private record Expression(int n, String text) {
    }

    private static List<Expression> validExpressions() throws IOException {
        List<Expression> all = new ArrayList<>();
        for (String line : Files.readAllLines(TrawlRunner.corpus().resolve("filters/expressions.tsv"))) {
            String[] cols = line.split("\t", -1);
            if (cols[0].equals("n") || !cols[2].equals("1")) {
                continue;
            }
            all.add(new Expression(Integer.parseInt(cols[0]), cols[1]));
        }
        return all;
    }

    private static String expected(int n) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(TrawlRunner.corpus().resolve("filters/bpf/" + n + ".txt"))) {
            if (!line.startsWith("#")) {
                text.append(line).append('\n');
            }
        }
        return text.toString();
    }

    private static List<String> mismatches(String engine) throws IOException {
        List<String> bad = new ArrayList<>();
        for (Expression e : validExpressions()) {
            TrawlRunner.Result r = TrawlRunner.run("--filter-engine", engine, "-y", "EN10MB", "-d", e.text());
            if (r.status() != 0 || !r.out().equals(expected(e.n()))) {
                bad.add(e.n() + ": " + e.text() + (r.status() != 0 ? " -> " + r.stderr().trim() : ""));
            }
        }
        return bad;
    }

    @Test
    @Tag("native")
    void nativeEngineListingMatchesLibpcap() throws IOException {
        List<String> bad = mismatches("native");
        assertEquals(List.of(), bad);
    }

    @Test
    void javaEngineListingMatchesLibpcap() throws IOException {
        List<String> bad = mismatches("java");
        int total = validExpressions().size();
        System.out.printf("java engine -d: %d of %d listings identical to libpcap's%n", total - bad.size(), total);
        // The java compiler is trawl-filter's; the tool's part (printing) is exact, so most must agree.
        assertTrue(bad.size() * 10 < total, "too many differ: " + bad.subList(0, Math.min(10, bad.size())));
    }

    @Test
    void ddAndDddPrintCAndDecimalForms() {
        TrawlRunner.Result dd = TrawlRunner.run("--filter-engine", "java", "-y", "EN10MB", "-dd", "ip");
        assertEquals("{ 0x28, 0, 0, 0x0000000c },\n{ 0x15, 0, 1, 0x00000800 },\n{ 0x6, 0, 0, 0x00040000 },\n"
                + "{ 0x6, 0, 0, 0x00000000 },\n", dd.out());
        TrawlRunner.Result ddd = TrawlRunner.run("--filter-engine", "java", "-y", "EN10MB", "-ddd", "ip");
        assertEquals("4\n40 0 0 12\n21 0 1 2048\n6 0 0 262144\n6 0 0 0\n", ddd.out());
    }

    @Test
    void dumpUsesTheFileLinkType() {
        Path raw = TrawlRunner.capture("LINKTYPE_RAW_ipv4.pcap");
        TrawlRunner.Result r = TrawlRunner.run("--filter-engine", "java", "-r", raw.toString(), "-d", "ip");
        assertEquals(0, r.status(), r.stderr());
        assertTrue(!r.out().contains("[12]"), "raw IP has no Ethernet type field: " + r.out());
    }
}
