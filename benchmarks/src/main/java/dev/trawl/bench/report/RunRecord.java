package dev.trawl.bench.report;

import dev.trawl.bench.live.FanoutResult;
import dev.trawl.bench.live.LiveResult;
import dev.trawl.bench.spark.SparkResult;
import dev.trawl.bench.tools.ToolResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one benchmark run produced: the per-packet results, the live-capture results, the environment
 * and notes. Saved as a tab-separated file so that the report can be written again without running again.
 * Mutable while the run collects; not thread-safe.
 */
public final class RunRecord {
    private final List<Result> results = new ArrayList<>();
    private final List<LiveResult> live = new ArrayList<>();
    private final List<FanoutResult> fanout = new ArrayList<>();
    private final List<SparkResult> spark = new ArrayList<>();
    private final List<ToolResult> tools = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    public List<Result> results() {
        return results;
    }

    public List<LiveResult> live() {
        return live;
    }

    /** The fanout groups of the live part. */
    public List<FanoutResult> fanout() {
        return fanout;
    }

    /** The Spark data source's queries and the pipeline beside them. */
    public List<SparkResult> spark() {
        return spark;
    }

    /** The trawl tool beside tshark and tcpdump, whole processes. */
    public List<ToolResult> tools() {
        return tools;
    }

    /** Facts about the machine and software, in display order. */
    public Map<String, String> environment() {
        return environment;
    }

    /** What did not run, and why. */
    public List<String> notes() {
        return notes;
    }

    /**
     * Takes from an earlier run everything of the parts this run did not run, so that a run of some parts
     * ({@code --only}) updates a full report instead of replacing it. The report says which parts are older.
     *
     * @param earlier the earlier run's record
     * @param ran the parts this run ran
     */
    public void keepPartsFrom(RunRecord earlier, java.util.Set<String> ran) {
        java.util.Set<String> kept = new java.util.TreeSet<>();
        for (Result r : earlier.results) {
            if (!ran.contains(r.family())) {
                results.add(r);
                kept.add(r.family());
            }
        }
        if (!ran.contains("live") && !(earlier.live.isEmpty() && earlier.fanout.isEmpty())) {
            live.addAll(earlier.live);
            fanout.addAll(earlier.fanout);
            kept.add("live");
        }
        if (!ran.contains("tools") && !earlier.tools.isEmpty()) {
            tools.addAll(earlier.tools);
            kept.add("tools");
        }
        if (!ran.contains("spark") && !earlier.spark.isEmpty()) {
            spark.addAll(earlier.spark);
            kept.add("spark");
        }
        if (!kept.isEmpty()) {
            // what this run did not learn (the library version is found by the C part) comes from the earlier one
            earlier.environment.forEach((k, v) -> environment.merge(k, v, (mine, theirs) -> mine.equals("unknown")
                    ? theirs : mine));
            environment.put("parts from an earlier run", String.join(", ", kept) + " (run of "
                    + earlier.environment.getOrDefault("date", "unknown date") + ", load average "
                    + earlier.environment.getOrDefault("load average at start", "?") + " at its start)");
        }
    }

    /** The result with this key, or {@code null}. */
    public Result find(String key) {
        for (Result r : results) {
            if (r.key().equals(key)) {
                return r;
            }
        }
        return null;
    }

    /** Writes the record as tab-separated lines. */
    public void save(Path file) throws IOException {
        StringBuilder out = new StringBuilder();
        environment.forEach((k, v) -> out.append(String.join("\t", "env", k, clean(v))).append('\n'));
        for (Result r : results) {
            out.append(String.join("\t", "result", r.family(), r.subject(), r.operation(), r.data(), r.filter(),
                    Double.toString(r.nsPerPacket()), Double.toString(r.errorNsPerPacket()),
                    Double.toString(r.bestNsPerPacket()),
                    Double.toString(r.bytesPerPacket()), Integer.toString(r.samples()))).append('\n');
        }
        for (LiveResult l : live) {
            out.append(String.join("\t", "live", l.capturer(), Long.toString(l.sent()), Long.toString(l.sendNanos()),
                    Long.toString(l.delivered()),
                    Long.toString(l.statsReceived()), Long.toString(l.statsDropped()),
                    Long.toString(l.statsInterfaceDropped()), Long.toString(l.cpuNanos()), clean(l.note()),
                    Long.toString(l.allocatedBytes()))).append('\n');
        }
        for (FanoutResult f : fanout) {
            out.append(String.join("\t", "fanout", Integer.toString(f.readers()), f.mode(), Long.toString(f.sent()),
                    Long.toString(f.sendNanos()), String.join(",", f.perReader().stream().map(String::valueOf).toList()),
                    Long.toString(f.unique()), Long.toString(f.duplicates()), Long.toString(f.dropped()),
                    Double.toString(f.cpuNanosPerPacket()), clean(f.note()), Long.toString(f.activeNanos())))
                    .append('\n');
        }
        for (SparkResult r : spark) {
            out.append(String.join("\t", "spark", r.format(), Integer.toString(r.cores()), Long.toString(r.splitSize()),
                    clean(r.query()), Double.toString(r.seconds()), Long.toString(r.bytes()), Long.toString(r.rows())))
                    .append('\n');
        }
        for (ToolResult t : tools) {
            out.append(String.join("\t", "tool", clean(t.job()), t.tool(), Long.toString(t.packets()),
                    Double.toString(t.wallSeconds()), Double.toString(t.cpuSeconds()), Long.toString(t.peakKilobytes()),
                    Integer.toString(t.runs()), t.sameOutput(), clean(t.note()))).append('\n');
        }
        for (String note : notes) {
            out.append("note\t").append(clean(note)).append('\n');
        }
        Files.writeString(file, out);
    }

    /** Reads a record written by {@link #save}. */
    public static RunRecord load(Path file) throws IOException {
        RunRecord record = new RunRecord();
        int number = 0;
        for (String line : Files.readAllLines(file)) {
            number++;
            String[] f = line.split("\t", -1);
            try {
                switch (f[0]) {
                    case "env" -> record.environment.put(f[1], f[2]);
                    case "result" -> record.results.add(new Result(f[1], f[2], f[3], f[4], f[5],
                            Double.parseDouble(f[6]), Double.parseDouble(f[7]), Double.parseDouble(f[8]),
                            Double.parseDouble(f[9]), Integer.parseInt(f[10])));
                    case "live" -> record.live.add(new LiveResult(f[1], Long.parseLong(f[2]), Long.parseLong(f[3]),
                            Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]),
                            Long.parseLong(f[8]), f.length > 10 ? Long.parseLong(f[10]) : -1, f[9]));
                    case "fanout" -> record.fanout.add(new FanoutResult(Integer.parseInt(f[1]), f[2],
                            Long.parseLong(f[3]), Long.parseLong(f[4]), f[5].isEmpty() ? List.of()
                            : java.util.Arrays.stream(f[5].split(",")).map(Long::valueOf).toList(),
                            Long.parseLong(f[6]), Long.parseLong(f[7]), Long.parseLong(f[8]),
                            Double.parseDouble(f[9]), f.length > 11 ? Long.parseLong(f[11]) : 0, f[10]));
                    case "spark" -> record.spark.add(new SparkResult(f[1], Integer.parseInt(f[2]), Long.parseLong(f[3]),
                            f[4], Double.parseDouble(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7])));
                    case "tool" -> record.tools.add(new ToolResult(f[1], f[2], Long.parseLong(f[3]),
                            Double.parseDouble(f[4]), Double.parseDouble(f[5]), Long.parseLong(f[6]),
                            Integer.parseInt(f[7]), f[8], f[9]));
                    case "note" -> record.notes.add(f[1]);
                    default -> {
                        if (!line.isBlank()) {
                            throw new IOException("unknown record type '" + f[0] + "'");
                        }
                    }
                }
            } catch (RuntimeException e) {
                throw new IOException(file + ":" + number + ": malformed line: " + e.getMessage(), e);
            }
        }
        return record;
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace('\t', ' ').replace('\n', ' ');
    }
}
