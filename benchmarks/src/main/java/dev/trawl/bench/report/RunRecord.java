package dev.trawl.bench.report;

import dev.trawl.bench.live.FanoutResult;
import dev.trawl.bench.live.LiveResult;

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

    /** Facts about the machine and software, in display order. */
    public Map<String, String> environment() {
        return environment;
    }

    /** What did not run, and why. */
    public List<String> notes() {
        return notes;
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
