package dev.trawl.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A ratchet on how much of tcpdump's text trawl prints identically: for every corpus capture and each flag set
 * of {@link #FLAG_SETS}, the share of tcpdump's lines that trawl prints the same at the same position. tcpdump
 * runs at test time as the oracle. The test fails when a file's share drops below the value kept in
 * {@code tcpdump-agreement.tsv} beside this test's resources; it prints the values that rose, and writes the whole
 * measured table to {@code target/tcpdump-agreement.tsv} (to copy over the ratchet) and
 * {@code target/tcpdump-agreement.md} (the table the tool's README links to).
 */
class TcpdumpAgreementTest {
    /** The flag sets measured, each one tcpdump and trawl command line prefix. */
    static final List<String> FLAG_SETS = List.of("-n", "-nv", "-ne", "-nq", "-nt", "-nx");
    private static final String RATCHET = "/tcpdump-agreement.tsv";
    /** Below this difference two shares are the same (the file keeps four decimals). */
    private static final double EPSILON = 0.00005;

    @Test
    void noCaptureAgreesWithTcpdumpLessThanItsRatchet() throws Exception {
        assertTrue(TrawlRunner.onPath("tcpdump"), "tcpdump is not installed: apt-get install tcpdump");
        Map<String, Double> ratchet = readRatchet();
        List<Path> captures = captures();
        assertTrue(!captures.isEmpty(), "no captures under " + TrawlRunner.corpus());
        Map<String, Double> measured = new TreeMap<>();
        List<String> dropped = new ArrayList<>();
        List<String> raised = new ArrayList<>();
        for (String flags : FLAG_SETS) {
            for (Path capture : captures) {
                String key = flags + "\t" + capture.getFileName();
                double share = agreement(flags, capture);
                measured.put(key, share);
                Double floor = ratchet.get(key);
                if (floor != null && share < floor - EPSILON) {
                    dropped.add(String.format(Locale.ROOT, "%s: %.4f < ratchet %.4f", key.replace('\t', ' '), share,
                            floor));
                } else if (floor == null || share > floor + EPSILON) {
                    raised.add(String.format(Locale.ROOT, "%s\t%.4f", key, share));
                }
            }
        }
        writeTables(measured, captures);
        if (!raised.isEmpty()) {
            System.out.println("tcpdump agreement rose (or is new) for " + raised.size()
                    + " file and flag pairs; copy target/tcpdump-agreement.tsv over src/test/resources"
                    + RATCHET + " to raise the ratchet:\n" + String.join("\n", raised));
        }
        assertTrue(dropped.isEmpty(), "tcpdump agreement dropped below the ratchet:\n" + String.join("\n", dropped));
    }

    /** The share of tcpdump's lines for {@code capture} that trawl prints identically at the same position. */
    static double agreement(String flags, Path capture) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tcpdump", flags, "-r", capture.toString()));
        List<String> expected = TrawlRunner.external(command).lines().toList();
        List<String> actual = TrawlRunner.run(flags, "-r", capture.toString()).lines();
        if (expected.isEmpty()) {
            return 1.0;
        }
        int same = 0;
        for (int i = 0; i < expected.size() && i < actual.size(); i++) {
            if (expected.get(i).equals(actual.get(i))) {
                same++;
            }
        }
        return (double) same / expected.size();
    }

    private static List<Path> captures() throws IOException {
        Path dir = TrawlRunner.corpus().resolve("captures");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.endsWith(".pcap") || name.endsWith(".pcapng");
            }).sorted().toList();
        }
    }

    private static Map<String, Double> readRatchet() throws IOException {
        Map<String, Double> ratchet = new TreeMap<>();
        try (InputStream in = TcpdumpAgreementTest.class.getResourceAsStream(RATCHET)) {
            if (in == null) {
                return ratchet;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                ratchet.put(parts[0] + "\t" + parts[1], Double.parseDouble(parts[2]));
            }
        }
        return ratchet;
    }

    private static void writeTables(Map<String, Double> measured, List<Path> captures) throws IOException {
        Path target = Path.of("target");
        Files.createDirectories(target);
        StringBuilder tsv = new StringBuilder("# flags\tcapture\tshare of tcpdump's lines printed identically\n");
        measured.forEach((key, share) -> tsv.append(key).append('\t')
                .append(String.format(Locale.ROOT, "%.4f", share)).append('\n'));
        Files.writeString(target.resolve("tcpdump-agreement.tsv"), tsv);
        StringBuilder md = new StringBuilder("| capture |");
        for (String flags : FLAG_SETS) {
            md.append(" `").append(flags).append("` |");
        }
        md.append("\n|---|");
        md.append("---:|".repeat(FLAG_SETS.size())).append('\n');
        double[] sums = new double[FLAG_SETS.size()];
        for (Path capture : captures) {
            md.append("| ").append(capture.getFileName()).append(" |");
            for (int k = 0; k < FLAG_SETS.size(); k++) {
                double share = measured.get(FLAG_SETS.get(k) + "\t" + capture.getFileName());
                sums[k] += share;
                md.append(String.format(Locale.ROOT, " %.1f%% |", 100 * share));
            }
            md.append('\n');
        }
        md.append("| **mean** |");
        for (double sum : sums) {
            md.append(String.format(Locale.ROOT, " **%.1f%%** |", 100 * sum / captures.size()));
        }
        md.append('\n');
        Files.writeString(target.resolve("tcpdump-agreement.md"), md);
    }
}
