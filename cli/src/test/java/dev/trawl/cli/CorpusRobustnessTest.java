package dev.trawl.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every corpus capture, malformed and fuzzed ones included, through every output mode: the tool ends with
 * status 0, or 1 and a single message, never an internal error or a stack trace.
 */
class CorpusRobustnessTest {
    @Test
    void everyCaptureInEveryModeEndsCleanly() throws IOException {
        List<String> problems = new ArrayList<>();
        List<List<String>> modes = List.of(List.of("-n", "-vv", "-e", "-XX"), List.of("-tttt", "-q"),
                List.of("-T", "json"), List.of("-T", "ek"),
                List.of("-T", "fields", "-e", "frame.protocols", "-e", "dns.qry.name", "-e", "tcp.flags"));
        try (var files = Files.list(TrawlRunner.corpus().resolve("captures"))) {
            for (Path capture : files.sorted().toList()) {
                String name = capture.getFileName().toString();
                if (!name.contains(".pcap")) {
                    continue;
                }
                for (List<String> mode : modes) {
                    List<String> args = new ArrayList<>(List.of("--backend", "java", "-r", capture.toString()));
                    args.addAll(mode);
                    TrawlRunner.Result r = TrawlRunner.run(args.toArray(String[]::new));
                    long messages = r.stderr().lines().filter(l -> l.startsWith("trawl:")).count();
                    boolean clean = (r.status() == 0 && messages == 0) || (r.status() == 1 && messages == 1);
                    if (!clean || r.stderr().contains("internal error") || r.stderr().contains("\tat ")) {
                        problems.add(name + " " + mode + ": status " + r.status() + ": " + r.stderr().trim());
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
