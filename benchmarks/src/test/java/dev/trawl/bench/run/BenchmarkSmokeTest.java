package dev.trawl.bench.run;

import dev.trawl.bench.capture.CaptureBenchmark;
import dev.trawl.bench.capture.Pcap4jDirectBenchmark;
import dev.trawl.bench.data.Scale;
import dev.trawl.bench.live.LiveHarness;
import dev.trawl.bench.report.ReportWriter;
import dev.trawl.bench.report.Result;
import dev.trawl.bench.report.RunRecord;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the whole benchmark pipeline at {@link Scale#SMOKE} (tiny files, one short measurement per benchmark,
 * in this JVM): data generation, the C baseline, every benchmark of every backend available here, pcap4j
 * used directly, the filter and decode benchmarks, the live harness when it can run, and the report. The
 * numbers are ignored; what is checked is that every part ran and produced a result. Takes seconds.
 */
class BenchmarkSmokeTest {
    @Test
    void everyBenchmarkRunsAndTheReportIsWritten() throws Exception {
        Path work = Path.of("target", "bench-smoke-test");
        Path out = work.resolve("report");
        RunRecord run = new BenchmarkRun(Scale.SMOKE, work, out,
                Set.of("c", "capture", "pcap4j", "filter", "decode", "live")).run();

        List<String> failures = run.notes().stream().filter(n -> n.contains("failed")).toList();
        assertEquals(List.of(), failures, "benchmarks that failed (see " + work + "/jmh-*.log)");
        assertTrue(run.notes().stream().noneMatch(n -> n.startsWith("C baseline")), run.notes().toString());
        for (String data : List.of("small", "mix")) {
            for (String op : List.of("c_next_ex", "c_dispatch", "c_loop")) {
                assertPresent(run, Result.key("c", "libpcap", op, data, "none"));
                assertPresent(run, Result.key("c", "libpcap", op, data, "filtered"));
            }
            assertPresent(run, Result.key("c", "libpcap", "c_offline_filter", data, "filtered"));
            assertPresent(run, Result.key("filter", "trawl", "interpreter", data, "filtered"));
        }
        for (String data : List.of("small-pcapng", "mix-pcapng")) {
            assertPresent(run, Result.key("c", "libpcap", "c_next_ex", data, "none"));
            assertEquals(1, run.results().stream().filter(r -> r.family().equals("c") && r.data().equals(data))
                    .count(), "only pcap_next_ex runs over the pcapng twins");
        }
        assertEquals(BenchmarkRun.benchmarks(Pcap4jDirectBenchmark.class) * 4,
                run.results().stream().filter(r -> r.family().equals("pcap4j")).count());
        String backends = run.environment().get("backends");
        for (String backend : BenchmarkRun.BACKENDS) {
            if (backends.contains(backend + ":")) {
                long count = run.results().stream()
                        .filter(r -> r.family().equals("capture") && r.subject().equals(backend)).count();
                assertTrue(count >= BenchmarkRun.benchmarks(CaptureBenchmark.class) * 2L,
                        backend + " produced " + count + " results");
            }
        }
        for (String backend : BenchmarkRun.PCAPNG_BACKENDS) {
            if (backends.contains(backend + ":")) {
                for (String data : List.of("small-pcapng", "mix-pcapng")) {
                    assertPresent(run, Result.key("capture", backend, "next", data, "none"));
                }
            }
        }
        if (backends.contains("panama:")) {
            for (String data : List.of("small", "mix")) {
                assertPresent(run, Result.key("capture", ReportWriter.BARE_PANAMA, "next", data, "none"));
            }
        }
        assertTrue(backends.contains("java:"), "the pure-Java provider is always there: " + backends);
        for (Result r : run.results()) {
            assertTrue(r.nsPerPacket() > 0 && Double.isFinite(r.nsPerPacket()), r.toString());
        }

        String why = LiveHarness.unavailableReason();
        if (why == null) {
            assertTrue(run.live().stream().anyMatch(l -> l.capturer().equals("libpcap") && l.delivered() > 0),
                    "the C capturer received nothing: " + run.live());
            run.live().forEach(l -> assertTrue(l.ran() && l.delivered() > 0, l.toString()));
        } else if ("true".equals(System.getenv("CI"))) {
            fail("the live-capture harness must run in CI, but: " + why);
        }

        String md = Files.readString(out.resolve(ReportWriter.MARKDOWN));
        assertTrue(md.contains("## Targets"));
        assertTrue(md.contains("| java zero-copy next <= 0.5x C pcap_next_ex (pcapng, mix) | met |")
                || md.contains("| java zero-copy next <= 0.5x C pcap_next_ex (pcapng, mix) | **NOT MET** |"), md);
        assertTrue(md.contains("## Offline capture: pcapng"), md);
        assertTrue(Files.readString(out.resolve(ReportWriter.JSON)).startsWith("{\"unit\":\"ns/packet\""));
        assertTrue(Files.readString(out.resolve(ReportWriter.CHART)).contains("<svg"));
    }

    private static void assertPresent(RunRecord run, String key) {
        assertTrue(run.find(key) != null, "no result " + key);
    }
}
