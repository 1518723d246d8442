package dev.trawl.bench;

import dev.trawl.bench.data.Scale;
import dev.trawl.bench.live.FanoutCaptureMain;
import dev.trawl.bench.live.LiveCaptureMain;
import dev.trawl.bench.report.ReportWriter;
import dev.trawl.bench.report.RunRecord;
import dev.trawl.bench.run.BenchmarkRun;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The benchmark jar's entry point.
 * <pre>
 * run [--scale full|quick|smoke] [--work DIR] [--out DIR] [--only c,capture,pcap4j,filter,decode,live,tools,spark]
 *     generate data, run everything, write RESULTS.md, results.json and results.svg into --out
 * report [--work DIR] [--out DIR]
 *     write the report again from the results a run saved in --work
 * live-capture BACKEND[:next|:loop] DEVICE EXPECTED IDLE_MS DEADLINE_MS
 *     one capturer of the live benchmark (run by the harness inside its network namespace)
 * fanout-capture DEVICE READERS GROUP MODE EXPECTED IDLE_MS DEADLINE_MS WORK
 *     a fanout group of afpacket readers, each working on every packet (run by the harness)
 * generate-mix DIR PACKETS
 *     write DIR/mix.pcap (and its head and pcapng twin) with PACKETS packets of the mix (scripts/bench-fields)
 * </pre>
 * Plain JMH is available too: {@code java -cp trawl-benchmarks.jar org.openjdk.jmh.Main -h} (set
 * {@code -Dtrawl.bench.data} to a directory made by a run).
 */
public final class Main {
    private static final List<String> FAMILIES = BenchmarkRun.PARTS;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "run" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "run" -> run(rest);
            case "report" -> report(rest);
            case "live-capture" -> LiveCaptureMain.main(rest);
            case "fanout-capture" -> FanoutCaptureMain.main(rest);
            case "generate-mix" -> {
                if (rest.length != 2) {
                    usage("generate-mix needs DIR PACKETS");
                }
                System.out.println(dev.trawl.bench.data.DataSets.generateMix(Path.of(rest[0]),
                        Integer.parseInt(rest[1])).file());
            }
            default -> usage("unknown command '" + command + "'");
        }
    }

    private static void run(String[] args) throws Exception {
        Scale scale = Scale.FULL;
        Path work = Path.of("benchmarks", "target", "bench");
        Path out = Path.of("benchmarks");
        Set<String> families = new LinkedHashSet<>(FAMILIES);
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--scale" -> scale = Scale.parse(need(args[i], value));
                case "--work" -> work = Path.of(need(args[i], value));
                case "--out" -> out = Path.of(need(args[i], value));
                case "--only" -> {
                    families.clear();
                    for (String family : need(args[i], value).split(",")) {
                        if (!FAMILIES.contains(family)) {
                            usage("unknown part '" + family + "'; parts: " + FAMILIES);
                        }
                        families.add(family);
                    }
                }
                default -> usage("unknown option '" + args[i] + "'");
            }
            i++;
        }
        new BenchmarkRun(scale, work, out, families).run();
    }

    private static void report(String[] args) throws Exception {
        Path record = null;
        Path out = Path.of("benchmarks");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--work" -> record = Path.of(args[i + 1], BenchmarkRun.RECORD);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> usage("unknown option '" + args[i] + "'");
            }
        }
        ReportWriter.write(RunRecord.load(record != null ? record : out.resolve(BenchmarkRun.RECORD)), out);
    }

    private static String need(String option, String value) {
        if (value == null) {
            usage(option + " needs a value");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println("trawl-benchmarks: " + problem);
        System.err.println("usage: run [--scale full|quick|smoke] [--work DIR] [--out DIR] [--only PARTS]");
        System.err.println("       report [--work DIR] [--out DIR]");
        System.err.println("       live-capture BACKEND[:next|:loop] DEVICE EXPECTED IDLE_MS DEADLINE_MS");
        System.err.println("       fanout-capture DEVICE READERS GROUP MODE EXPECTED IDLE_MS DEADLINE_MS WORK");
        System.exit(2);
    }
}
