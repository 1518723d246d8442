package dev.trawl.bench.run;

import dev.trawl.bench.BenchmarkBase;
import dev.trawl.bench.capture.BarePanamaBenchmark;
import dev.trawl.bench.capture.CaptureBenchmark;
import dev.trawl.bench.capture.Pcap4jDirectBenchmark;
import dev.trawl.bench.capture.PcapngBenchmark;
import dev.trawl.bench.data.DataSet;
import dev.trawl.bench.data.DataSets;
import dev.trawl.bench.data.Scale;
import dev.trawl.bench.report.ReportWriter;
import dev.trawl.bench.report.Result;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Runs JMH benchmark classes with the settings of a {@link Scale}, with the GC profiler on, and turns each
 * result into a per-packet {@link Result}. Full runs fork one JVM per benchmark; quick and smoke runs stay in
 * this JVM to save the start-up time (their numbers are then only indicative).
 */
public final class JmhRun {
    private final Scale scale;
    private final Path dataDir;
    private final Path logDir;
    private final Map<String, DataSet> sets;
    private final List<String> failures = new ArrayList<>();
    private String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");

    /**
     * @param logDir where JMH's own output goes, one file per {@link #run} call
     */
    public JmhRun(Scale scale, Path dataDir, Path logDir) {
        this.scale = scale;
        this.dataDir = dataDir;
        this.logDir = logDir;
        Map<String, DataSet> byName = new java.util.HashMap<>();
        for (DataSet set : DataSets.load(dataDir)) {
            byName.put(set.name(), set);
        }
        for (DataSet set : DataSets.loadPcapng(dataDir)) {
            byName.put(set.name(), set);
        }
        this.sets = byName;
    }

    /** The JVM the benchmarks ran on, as JMH reported it. */
    public String jdk() {
        return jdk;
    }

    /** Benchmarks that produced no result (JMH logged why). */
    public List<String> failures() {
        return failures;
    }

    /**
     * Runs the benchmarks of one class.
     *
     * @param params parameter values to restrict to, by name; unnamed parameters take every declared value
     * @param expected how many parameter combinations times methods should produce results, to detect failures
     */
    public List<Result> run(Class<?> type, Map<String, String[]> params, int expected, Consumer<String> progress)
            throws RunnerException {
        Path log = logDir.resolve("jmh-" + type.getSimpleName()
                + describe(params).replaceAll("[^A-Za-z0-9=,]+", "-").replace("=", "-") + ".log");
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(type.getName()) + "\\.")
                // replaces @Fork's jvmArgsAppend, so it repeats those arguments
                .jvmArgsAppend(BenchmarkBase.NATIVE_ACCESS, BenchmarkBase.HEAP_MIN, BenchmarkBase.HEAP_MAX,
                        "-D" + DataSets.PROPERTY + "=" + dataDir.toAbsolutePath())
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(false)
                .output(log.toString());
        params.forEach(options::param);
        switch (scale) {
            case FULL -> { }
            case QUICK -> options.forks(0).warmupIterations(1).warmupTime(TimeValue.milliseconds(300))
                    .measurementIterations(2).measurementTime(TimeValue.milliseconds(300));
            case SMOKE -> options.forks(0).warmupIterations(0).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(50));
        }
        if (scale != Scale.FULL) {
            System.setProperty(DataSets.PROPERTY, dataDir.toAbsolutePath().toString());
        }
        progress.accept("JMH " + type.getSimpleName() + describe(params));
        Collection<RunResult> runs = new Runner(options.build()).run();
        List<Result> results = new ArrayList<>();
        for (RunResult run : runs) {
            results.add(convert(run));
        }
        if (results.size() < expected) {
            failures.add(type.getSimpleName() + describe(params) + ": " + (expected - results.size())
                    + " of " + expected + " benchmarks failed" + firstFailure(log) + "; see " + log.getFileName());
        }
        return results;
    }

    /** The first exception JMH logged for a failed benchmark, as ": message", or empty. */
    static String firstFailure(Path log) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(log);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).strip().equals("<failure>")) {
                    for (int j = i + 1; j < lines.size(); j++) {
                        String line = lines.get(j).strip();
                        if (!line.isEmpty()) {
                            return ": " + (line.length() > 300 ? line.substring(0, 300) + "..." : line);
                        }
                    }
                }
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // no log: nothing to add
        }
        return "";
    }

    private static String describe(Map<String, String[]> params) {
        StringBuilder text = new StringBuilder();
        params.forEach((k, v) -> text.append(" ").append(k).append('=')
                .append(String.join(",", v)));
        return text.toString();
    }

    private Result convert(RunResult run) {
        BenchmarkParams params = run.getParams();
        jdk = params.getVmName() + " " + params.getJdkVersion() + " (" + params.getVmVersion() + ")";
        String benchmark = params.getBenchmark();
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        String className = benchmark.substring(0, benchmark.lastIndexOf('.'));
        String data = params.getParam("data");
        String filter = params.getParam("filter");
        String family;
        String subject;
        double packetsPerOp;
        if (className.equals(CaptureBenchmark.class.getName())) {
            family = "capture";
            subject = params.getParam("backend");
            packetsPerOp = subject.equals("pcap4j") ? sets.get(data).headOrSelf().packets() : sets.get(data).packets();
        } else if (className.equals(PcapngBenchmark.class.getName())) {
            family = "capture"; // its data names the pcapng twin, which keeps it apart from CaptureBenchmark
            subject = params.getParam("backend");
            packetsPerOp = sets.get(data).packets();
        } else if (className.equals(BarePanamaBenchmark.class.getName())) {
            family = "capture";
            subject = ReportWriter.BARE_PANAMA;
            packetsPerOp = sets.get(data).packets();
        } else if (className.equals(Pcap4jDirectBenchmark.class.getName())) {
            family = "pcap4j";
            subject = "pcap4j";
            packetsPerOp = sets.get(data).headOrSelf().packets();
        } else {
            // decode and filter benchmarks measure per packet already (@OperationsPerInvocation)
            String pkg = className.substring(0, className.lastIndexOf('.'));
            family = pkg.substring(pkg.lastIndexOf('.') + 1);
            String simpleName = className.substring(className.lastIndexOf('.') + 1);
            subject = simpleName.startsWith("Pcap4j") ? "pcap4j"
                    : simpleName.endsWith(ReportWriter.FLOOR_CLASS_SUFFIX) ? ReportWriter.FLOOR : "trawl";
            packetsPerOp = 1;
        }
        double score = run.getPrimaryResult().getScore();
        double error = run.getPrimaryResult().getScoreError();
        double alloc = Double.NaN;
        for (var entry : run.getSecondaryResults().entrySet()) {
            if (entry.getKey().endsWith("gc.alloc.rate.norm")) {
                alloc = entry.getValue().getScore();
            }
        }
        int samples = (int) run.getPrimaryResult().getStatistics().getN();
        if (family.equals("filter")) {
            filter = "filtered"; // the filter benchmarks always run DataSets.FILTER
        }
        return new Result(family, subject, method, data == null ? "-" : data, filter == null ? "none" : filter,
                score / packetsPerOp, error / packetsPerOp,
                run.getPrimaryResult().getStatistics().getMin() / packetsPerOp, alloc / packetsPerOp, samples);
    }
}
