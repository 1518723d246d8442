package dev.trawl.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command-line syntax users rely on: each spelling of the same request must give the same output, and each
 * mistake a usage error (status 2) that names the way to the help.
 */
class CommandLineTest {
    private static final String SAMPLE = Path.of("src/main/resources/dev/trawl/cli/sample.pcap").toString();
    private static final String TRY_HELP = "Try 'trawl --help' for the options.";

    private static TrawlRunner.Result ok(String... args) {
        TrawlRunner.Result r = TrawlRunner.run(args);
        assertEquals(0, r.status(), String.join(" ", args) + ": " + r.stderr());
        return r;
    }

    private static void same(String[] expected, String[] actual) {
        assertArrayEquals(ok(expected).stdout(), ok(actual).stdout(), String.join(" ", actual));
    }

    private static void usageError(String... args) {
        TrawlRunner.Result r = TrawlRunner.run(args);
        assertEquals(2, r.status(), String.join(" ", args) + ": " + r.stderr());
        assertTrue(r.stderr().startsWith("trawl: "), r.stderr());
        assertTrue(r.stderr().contains(TRY_HELP), r.stderr());
    }

    @Test
    void valuesAttachedOrSeparate() {
        assertEquals(2, ok("-c", "2", "-r", SAMPLE).lines().size());
        same(new String[] {"-c", "2", "-r", SAMPLE}, new String[] {"-c2", "-r", SAMPLE});
        same(new String[] {"-c", "2", "-r", SAMPLE}, new String[] {"-c", "2", "-r" + SAMPLE});
    }

    @Test
    void clusteredShortOptionsCountAndTakeValues() {
        String[] separate = {"-n", "-n", "-v", "-v", "-c", "3", "-r", SAMPLE};
        same(separate, new String[] {"-nn", "-vv", "-c", "3", "-r", SAMPLE});
        same(separate, new String[] {"-nnvv", "-c3", "-r", SAMPLE});
        same(new String[] {"-n", "-r", SAMPLE, "-c", "3"}, new String[] {"-nr", SAMPLE, "-c", "3"});
        same(new String[] {"-t", "-t", "-t", "-t", "-c", "3", "-r", SAMPLE}, new String[] {"-tttt", "-c", "3", "-r", SAMPLE});
        same(new String[] {"-X", "-X", "-c", "1", "-r", SAMPLE}, new String[] {"-XX", "-c", "1", "-r", SAMPLE});
    }

    @Test
    void expressionWordsMayComeBeforeOptionsAndAfterDoubleDash() {
        String[] plain = {"-r", SAMPLE, "-c", "2", "udp", "port", "53"};
        assertEquals(2, ok(plain).lines().size());
        same(plain, new String[] {"-r", SAMPLE, "udp", "port", "53", "-c", "2"});
        same(plain, new String[] {"-r", SAMPLE, "-c", "2", "--", "udp", "port", "53"});
        same(plain, new String[] {"-r", SAMPLE, "-c", "2", "udp port 53"});
    }

    @Test
    void dashReadsStandardInput() throws IOException {
        byte[] sample = Files.readAllBytes(Path.of(SAMPLE));
        TrawlRunner.Result r = TrawlRunner.runWithInput(sample, "-r", "-", "-c", "4");
        assertEquals(0, r.status(), r.stderr());
        assertArrayEquals(ok("-r", SAMPLE, "-c", "4").stdout(), r.stdout());
    }

    @Test
    void tsharkFieldsWithDashE() {
        String[] fields = {"-r", SAMPLE, "-c", "3", "-T", "fields", "-e", "frame.number", "-e", "ip.src"};
        TrawlRunner.Result r = ok(fields);
        assertEquals(List.of("1", "2", "3"), r.lines().stream().map(l -> l.split("\t", -1)[0]).toList());
        same(fields, new String[] {"-r", SAMPLE, "-c", "3", "-T", "fields", "--field", "frame.number", "--field=ip.src"});
    }

    @Test
    void mistakesAreUsageErrors() {
        usageError("--no-such-option");
        usageError("-r", SAMPLE, "-c");
        usageError("-r", SAMPLE, "-c", "ten");
        usageError("stats");
    }

    @Test
    void helpListsTheOptionsInDeclaredOrder() {
        String help = ok("--help").out();
        assertEquals(help, ok("-h").out());
        // the synopsis comes first; the option list follows the description
        int last = help.indexOf("With no arguments");
        assertTrue(last > 0, help);
        for (String option : List.of("-r=FILE", "-i=IF", "-c=N", "-w=FILE", "-T=fields|json|ek|text", "--backend=NAME",
                "--completion", "-h, --help", "-V, --version")) {
            int at = help.indexOf("  " + option, last);
            assertTrue(at > last, option + " after the previous option in:\n" + help);
            last = at;
        }
        assertTrue(ok("stats", "--help").out().contains("FILE"));
    }

    @Test
    void completionScriptRegistersWithBash() throws IOException, InterruptedException {
        Path script = Files.createTempFile("trawl-completion", ".bash");
        try {
            Files.write(script, ok("--completion").stdout());
            Process p = new ProcessBuilder("bash", "-c", "source \"$1\" && complete -p trawl", "bash", script.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            assertTrue(out.contains("trawl"), out);
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
