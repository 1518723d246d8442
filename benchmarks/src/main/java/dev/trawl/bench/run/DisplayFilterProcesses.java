package dev.trawl.bench.run;

import dev.trawl.bench.data.DataSet;
import dev.trawl.bench.data.DataSets;
import dev.trawl.bench.data.Scale;
import dev.trawl.bench.report.Result;
import dev.trawl.bench.report.Statistics;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code trawl -Y} and {@code tshark -Y} with {@value DataSets#DISPLAY_FILTER}, each as a whole process (start,
 * read, decode, filter, print the matching frame numbers, exit) over the same file, timed by the wall clock
 * and divided by the file's packets. One warm-up run each (which also builds the tool if needed), then the
 * timed runs alternate, so that the machine's load weighs on both alike. Not thread-safe.
 */
final class DisplayFilterProcesses {
    /** The operation both results are filed under. */
    static final String OPERATION = "displayFilterProcess";

    private DisplayFilterProcesses() {
    }

    /**
     * Times both tools over {@code set}; a tool that is missing or fails is left out, with a note saying why.
     *
     * @param trawl the {@code trawl} launcher at the repository's root
     */
    static List<Result> run(DataSet set, Scale scale, Path trawl, List<String> notes)
            throws IOException, InterruptedException {
        List<String> args = List.of("-n", "-r", set.file().toString(), "-Y", DataSets.DISPLAY_FILTER, "-T", "fields",
                "-e", "frame.number");
        List<List<String>> commands = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        if (!Files.isExecutable(trawl)) {
            notes.add("display filter, whole process: " + trawl + " is missing; trawl not timed");
        } else {
            commands.add(command(trawl.toString(), args));
            subjects.add("trawl");
        }
        commands.add(command("tshark", args));
        subjects.add("tshark");
        int repetitions = switch (scale) {
            case FULL -> 5;
            case QUICK -> 2;
            case SMOKE -> 1;
        };
        List<List<Double>> times = new ArrayList<>();
        for (int k = 0; k < commands.size(); k++) {
            times.add(new ArrayList<>());
            String why = runOnce(commands.get(k)) < 0 ? "failed" : null;
            if (why != null) {
                notes.add("display filter, whole process: " + subjects.get(k) + " " + why + "; not timed");
                times.set(k, null);
            }
        }
        for (int r = 0; r < repetitions; r++) {
            for (int k = 0; k < commands.size(); k++) {
                if (times.get(k) != null) {
                    long nanos = runOnce(commands.get(k));
                    times.get(k).add((double) nanos / set.packets());
                }
            }
        }
        List<Result> out = new ArrayList<>();
        for (int k = 0; k < commands.size(); k++) {
            List<Double> t = times.get(k);
            if (t != null && !t.isEmpty()) {
                double best = t.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                out.add(new Result("decode", subjects.get(k), OPERATION, set.name(), "none", Statistics.mean(t.stream().mapToDouble(Double::doubleValue).toArray()),
                        Double.NaN, best, Double.NaN, t.size()));
            }
        }
        return out;
    }

    private static List<String> command(String program, List<String> args) {
        List<String> c = new ArrayList<>();
        c.add(program);
        c.addAll(args);
        return c;
    }

    /** The wall time of one run in nanoseconds, or -1 when the process fails or takes over ten minutes. */
    private static long runOnce(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        long elapsed = System.nanoTime() - start;
        return p.exitValue() == 0 ? elapsed : -1;
    }
}
