package dev.trawl.bench.run;

import dev.trawl.bench.capture.BarePanamaBenchmark;
import dev.trawl.bench.capture.CaptureBenchmark;
import dev.trawl.bench.capture.Pcap4jDirectBenchmark;
import dev.trawl.bench.capture.PcapngBenchmark;
import dev.trawl.bench.data.DataSet;
import dev.trawl.bench.data.DataSets;
import dev.trawl.bench.data.Scale;
import dev.trawl.bench.filter.FilterBenchmark;
import dev.trawl.bench.live.LiveHarness;
import dev.trawl.bench.report.ReportWriter;
import dev.trawl.bench.report.RunRecord;
import dev.trawl.bench.spark.SparkThroughput;
import dev.trawl.bench.tools.ToolComparison;
import dev.trawl.pcap.Backend;
import dev.trawl.pcap.BackendInfo;
import dev.trawl.pcap.Capability;
import dev.trawl.pcap.FilterSpec;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.PcapException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.runner.RunnerException;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One whole benchmark run: generates the data, builds and runs the C baseline, runs the JMH benchmarks for
 * every backend that works here, runs the live-capture harness, and writes the report. What cannot run
 * (a backend missing, no root for the live part) is noted in the report rather than failing the run.
 */
public final class BenchmarkRun {
    /** Every backend the offline part covers, in display order. */
    public static final List<String> BACKENDS = List.of("java", "jna", "panama", "pcap4j");
    /**
     * The capturers of the live part, in display order: a backend reading with dispatch, or with the call after
     * the colon. ({@code afpacket} reads files with the {@code java} codec, so the offline part leaves it out.)
     */
    public static final List<String> LIVE_CAPTURERS = List.of("afpacket", "afpacket:next", "afpacket:loop", "panama",
            "jna", "pcap4j");
    /**
     * Checksums of each packet a fanout reader does beside decoding it: about 4 µs on a 2020s core, so that one
     * reader (about 250,000 packets/s) cannot keep up with the sender (about 600,000 frames/s on a veth pair).
     */
    static final int FANOUT_WORK = 300;
    /** The backends {@link PcapngBenchmark} measures, when available. */
    static final List<String> PCAPNG_BACKENDS = List.of("java", "jna", "panama");
    /** Where the decode benchmarks live; they are run when the class is present. */
    static final String DECODE_BENCHMARKS = "dev.trawl.bench.decode.DecodeBenchmark";
    static final String PCAP4J_DECODE_BENCHMARKS = "dev.trawl.bench.decode.Pcap4jDecodeBenchmark";
    static final String DECODE_FLOOR_BENCHMARKS = "dev.trawl.bench.decode.DecodeFloorBenchmark";
    static final String DISPLAY_FILTER_BENCHMARKS = "dev.trawl.bench.decode.DisplayFilterBenchmark";
    static final String PROJECTION_BENCHMARKS = "dev.trawl.bench.decode.ProjectionBenchmark";

    /** Every part of a full run, in the order they run. */
    public static final List<String> PARTS = List.of("c", "capture", "pcap4j", "filter", "decode", "live", "tools",
            "spark");
    /** The run's record beside its report: a run of some parts keeps the other parts' figures from it. */
    public static final String RECORD = "results.tsv";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Scale scale;
    private final Path work;
    private final Path out;
    private final Set<String> families;
    private final RunRecord record = new RunRecord();

    /**
     * @param families which parts to run: any of {@code c, capture, pcap4j, filter, decode, live, tools, spark}
     */
    public BenchmarkRun(Scale scale, Path work, Path out, Set<String> families) {
        this.scale = scale;
        this.work = work;
        this.out = out;
        this.families = families;
    }

    /** The record being filled. */
    public RunRecord record() {
        return record;
    }

    /** Runs everything asked for and writes the report; returns the record. */
    public RunRecord run() throws IOException, InterruptedException, RunnerException {
        Files.createDirectories(work);
        Map<String, String> env = record.environment();
        env.put("date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        env.put("scale", scale.name().toLowerCase(Locale.ROOT));
        Environment.describe(env);
        env.put("load average at start", Environment.loadAverage());
        env.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        env.put("libpcap", "unknown");

        progress("generating data (" + env.get("scale") + ")");
        Path dataDir = work.resolve("data");
        List<DataSet> sets = DataSets.generate(dataDir, scale);
        for (DataSet set : sets) {
            env.put("data " + set.name(), String.format(Locale.ROOT, "%,d packets, mean %.0f bytes, %,d match the "
                    + "filter; pcap4j and the pcap4j backend read its first %,d", set.packets(), set.meanLength(),
                    set.matched(), set.headOrSelf().packets()));
        }
        List<DataSet> pcapng = DataSets.loadPcapng(dataDir);
        for (DataSet set : pcapng) {
            env.put("data " + set.name(), String.format(Locale.ROOT, "the same %,d packets as pcapng (one section, "
                    + "one Ethernet interface, Enhanced Packet Blocks, microsecond timestamps)", set.packets()));
        }
        env.put("filter", DataSets.FILTER);
        env.put("jmh settings", switch (scale) {
            case FULL -> "1 fork per benchmark, 3 x 0.5 s warm-up, 8 x 0.5 s measurement, -prof gc";
            case QUICK -> "in-process, 1 x 0.3 s warm-up, 2 x 0.3 s measurement, -prof gc";
            case SMOKE -> "in-process, 1 x 50 ms measurement, -prof gc";
        });

        NativeTools tools = null;
        try {
            progress("building the C programs");
            tools = NativeTools.build(work);
            CBaseline.writeProgram(tools, dataDir);
        } catch (IOException e) {
            record.notes().add("C baseline and live capture not run: " + e.getMessage());
        }
        if (tools != null && families.contains("c")) {
            progress("C libpcap baseline");
            CBaseline c = new CBaseline();
            record.results().addAll(c.run(tools, sets, scale));
            record.results().addAll(c.runNext(tools, pcapng, scale));
            env.put("libpcap", c.libraryVersion());
        }

        Map<String, Backend> backends = availableBackends();
        JmhRun jmh = new JmhRun(scale, dataDir, work);
        if (families.contains("capture")) {
            for (Map.Entry<String, Backend> entry : backends.entrySet()) {
                String[] filters = filterWorks(entry.getValue()) ? new String[] {"none", "filtered"}
                        : new String[] {"none"};
                if (filters.length == 1) {
                    record.notes().add("backend " + entry.getKey() + " cannot compile filters here; filtered "
                            + "benchmarks not run for it");
                }
                record.results().addAll(jmh.run(CaptureBenchmark.class,
                        params("backend", new String[] {entry.getKey()}, "filter", filters),
                        benchmarks(CaptureBenchmark.class) * 2 * filters.length, this::progress));
            }
            if (backends.containsKey("panama")) {
                record.results().addAll(jmh.run(BarePanamaBenchmark.class, Map.of(),
                        benchmarks(BarePanamaBenchmark.class) * 2, this::progress));
            }
            String[] pcapngBackends = PCAPNG_BACKENDS.stream().filter(backends::containsKey).toArray(String[]::new);
            if (pcapngBackends.length > 0 && !pcapng.isEmpty()) {
                record.results().addAll(jmh.run(PcapngBenchmark.class, Map.of("backend", pcapngBackends),
                        benchmarks(PcapngBenchmark.class) * pcapngBackends.length * pcapng.size(), this::progress));
            }
        }
        if (families.contains("pcap4j")) {
            record.results().addAll(jmh.run(Pcap4jDirectBenchmark.class, Map.of(),
                    benchmarks(Pcap4jDirectBenchmark.class) * 4, this::progress));
        }
        if (families.contains("filter") && Files.exists(dataDir.resolve(CBaseline.PROGRAM_FILE))) {
            record.results().addAll(jmh.run(FilterBenchmark.class, Map.of(), benchmarks(FilterBenchmark.class) * 2,
                    this::progress));
        }
        if (families.contains("decode")) {
            for (String name : List.of(DECODE_BENCHMARKS, PROJECTION_BENCHMARKS, DECODE_FLOOR_BENCHMARKS,
                    PCAP4J_DECODE_BENCHMARKS, DISPLAY_FILTER_BENCHMARKS)) {
                Optional<Class<?>> type = load(name);
                if (type.isPresent()) {
                    record.results().addAll(jmh.run(type.get(), Map.of(), benchmarks(type.get()), this::progress));
                } else {
                    record.notes().add("decode benchmark " + name + " is not built yet");
                }
            }
        }
        env.put("jdk", jmh.jdk());
        record.notes().addAll(jmh.failures());

        if (families.contains("live")) {
            String why = tools == null ? "the C programs could not be built" : LiveHarness.unavailableReason();
            if (why != null) {
                record.notes().add("live capture not run: " + why);
            } else {
                List<String> live = new ArrayList<>();
                for (String capturer : LIVE_CAPTURERS) {
                    String name = capturer.split(":")[0];
                    Optional<BackendInfo> info = Pcap.backends().stream().filter(i -> i.name().equals(name)).findFirst();
                    if (info.isPresent() && info.get().available()
                            && info.get().backend().orElseThrow().supports(Capability.LIVE_CAPTURE)) {
                        live.add(capturer);
                    } else if (!capturer.contains(":")) {
                        record.notes().add("live capture with " + name + " not run: " + info.map(BackendInfo::problem)
                                .orElse("not installed"));
                    }
                }
                long frames = switch (scale) {
                    case FULL -> 1_000_000;
                    case QUICK -> 200_000;
                    case SMOKE -> 20_000;
                };
                LiveHarness.Results results = new LiveHarness(tools, work.resolve("live.log"))
                        .run(live, frames, frames / 2, FANOUT_WORK, this::progress);
                record.live().addAll(results.captures());
                record.fanout().addAll(results.fanout());
            }
        }
        if (families.contains("tools")) {
            Path trawl = Path.of("trawl").toAbsolutePath();
            String why = ToolComparison.unavailableReason(trawl);
            if (why != null) {
                record.notes().add("tools part not run: " + why);
            } else {
                record.tools().addAll(new ToolComparison(work, this::progress).run(scale, trawl));
            }
        }
        if (families.contains("spark")) {
            String why = SparkThroughput.unavailableReason();
            if (why != null) {
                record.notes().add("Spark part not run: " + why);
            } else {
                try {
                    record.spark().addAll(new SparkThroughput(work, this::progress).run(scale));
                } catch (IOException e) {
                    record.notes().add("Spark part failed: " + e.getMessage());
                }
            }
        }
        env.put("load average at end", Environment.loadAverage());
        Path kept = out.resolve(RECORD);
        if (!families.containsAll(PARTS) && Files.exists(kept)) {
            record.keepPartsFrom(RunRecord.load(kept), families);
        }
        record.save(work.resolve(RECORD));
        Files.createDirectories(out); // a first run into a new directory has no record to keep yet
        record.save(kept);
        ReportWriter.write(record, out);
        progress("report written to " + out.resolve(ReportWriter.MARKDOWN));
        return record;
    }

    private Map<String, Backend> availableBackends() {
        Map<String, Backend> available = new LinkedHashMap<>();
        List<BackendInfo> installed = Pcap.backends();
        StringBuilder summary = new StringBuilder();
        for (String name : BACKENDS) {
            Optional<BackendInfo> info = installed.stream().filter(i -> i.name().equals(name)).findFirst();
            if (info.isEmpty()) {
                record.notes().add("backend " + name + " is not installed; its benchmarks were not run");
            } else if (!info.get().available()) {
                record.notes().add("backend " + name + " is unavailable: " + info.get().problem());
            } else {
                available.put(name, info.get().backend().orElseThrow());
                summary.append(summary.isEmpty() ? "" : "; ").append(name).append(": ")
                        .append(info.get().backend().orElseThrow().libraryVersion());
            }
        }
        record.environment().put("backends", summary.isEmpty() ? "none" : summary.toString());
        return available;
    }

    private static boolean filterWorks(Backend backend) {
        try {
            backend.compileFilter(FilterSpec.of(DataSets.FILTER, LinkType.ETHERNET));
            return true;
        } catch (PcapException | RuntimeException e) {
            return false;
        }
    }

    private static Map<String, String[]> params(String k1, String[] v1, String k2, String[] v2) {
        Map<String, String[]> params = new LinkedHashMap<>();
        params.put(k1, v1);
        params.put(k2, v2);
        return params;
    }

    /** The number of {@code @Benchmark} methods of a class, times its data sets where it has a data param. */
    static int benchmarks(Class<?> type) {
        int count = 0;
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(Benchmark.class)) {
                count++;
            }
        }
        return count;
    }

    private static Optional<Class<?>> load(String name) {
        try {
            return Optional.of(Class.forName(name));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    private void progress(String message) {
        System.err.println("[" + LocalTime.now().format(CLOCK) + "] " + message);
    }
}
