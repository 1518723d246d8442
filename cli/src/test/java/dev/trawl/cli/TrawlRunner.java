package dev.trawl.cli;

import dev.trawl.pcap.tck.TestCorpus;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the tool in-process with a real command line, capturing its output, status and messages. */
final class TrawlRunner {
    /** What one run produced. */
    record Result(int status, byte[] stdout, String stderr) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        List<String> lines() {
            return out().lines().toList();
        }
    }

    private TrawlRunner() {
    }

    static Result run(String... args) {
        return runWithInput(new byte[0], args);
    }

    static Result runWithInput(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin);
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Trawl.run(args, in, o, e);
        }
        return new Result(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    /** The shared corpus, where {@link TestCorpus} finds it. */
    static Path corpus() {
        return TestCorpus.root();
    }

    static Path capture(String name) {
        return TestCorpus.capture(name);
    }

    /** Runs an external program (tcpdump, capinfos) and returns its standard output. */
    static String external(List<String> command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(command);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + cmd);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /**
     * Asserts that trawl prints capture {@code file} with {@code flags} line for line as tcpdump does.
     *
     * @param what names the case in a failure message
     */
    static void assertSameAsTcpdump(String file, List<String> flags, String what) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tcpdump"));
        cmd.addAll(flags);
        cmd.addAll(List.of("-r", file));
        List<String> expected = external(cmd).lines().toList();
        List<String> args = new ArrayList<>(flags);
        args.addAll(List.of("-r", file));
        List<String> actual = run(args.toArray(String[]::new)).lines();
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            org.junit.jupiter.api.Assertions.assertEquals(i < expected.size() ? expected.get(i) : "<none>",
                    i < actual.size() ? actual.get(i) : "<none>", what + " " + flags + " line " + (i + 1));
        }
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
