package dev.trawl.pcap.file;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trawl.pcap.tck.TestCorpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the installed tools (libpcap through a small C program, tshark, capinfos, tcpdump) as test oracles. */
final class Oracle {
    private static Path libpcapOracle;

    private Oracle() {
    }

    /** The corpus of real captures. */
    static Path corpus() {
        return TestCorpus.root();
    }

    /** Skips the test when a tool is missing, except under CI, where a missing tool is a failure. */
    static void require(boolean present, String what) {
        if (!present && "true".equals(System.getenv("CI"))) {
            fail(what + " is missing; scripts/env.sh installs it");
        }
        assumeTrue(present, what + " is missing; scripts/env.sh installs it");
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Compiles src/test/c/pcap_oracle.c against libpcap, once. */
    static synchronized Path libpcap() throws IOException, InterruptedException {
        if (libpcapOracle == null) {
            require(onPath("gcc") && Files.exists(Path.of("/usr/include/pcap/pcap.h")), "gcc with libpcap-dev");
            Path out = Path.of("target", "test-oracle", "pcap_oracle");
            Files.createDirectories(out.getParent());
            Result r = run(List.of("gcc", "-O1", "-o", out.toString(), "src/test/c/pcap_oracle.c", "-lpcap"));
            if (r.exit != 0) {
                fail("cannot build the libpcap oracle: " + r.stderr);
            }
            libpcapOracle = out;
        }
        return libpcapOracle;
    }

    record Result(int exit, String stdout, String stderr) {
        List<String> lines() {
            return stdout.isEmpty() ? List.of() : List.of(stdout.split("\n"));
        }
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
        Path err = Files.createTempFile("oracle", ".err");
        builder.redirectError(err.toFile());
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("timed out: " + command);
        }
        String stderr = Files.readString(err);
        Files.delete(err);
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), stderr);
    }
}
