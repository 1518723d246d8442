package dev.trawl.bench.tools;

import dev.trawl.bench.data.DataSet;
import dev.trawl.bench.data.DataSets;
import dev.trawl.bench.data.Scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The tools part of a run: the {@code trawl} tool beside {@code tshark} and {@code tcpdump} as whole processes
 * (start, read, decode, print, exit) over one generated capture of the benchmark mix, each asked the same
 * question, with wall time, CPU time and peak memory from {@code /usr/bin/time}, and the outputs compared byte for
 * byte. One untimed run of each command first (it also builds the tool when its sources changed); then the
 * timed runs alternate between the two tools, so that the machine's load weighs on both alike. Not thread-safe.
 */
public final class ToolComparison {
    /**
     * One question: the arguments both tools get (after {@code -r FILE}), the tool trawl is compared with, and
     * the least speed-up the report asks of trawl (NaN: none).
     */
    public record Job(String name, String reference, List<String> arguments, double target, boolean spreadHosts) {
        Job(String name, String reference, List<String> arguments, double target) {
            this(name, reference, arguments, target, false);
        }
    }

    /** The questions, in report order. */
    public static final List<Job> JOBS = List.of(
            new Job("fields", "tshark", List.of("-T", "fields", "-e", "frame.number", "-e", "ip.src", "-e", "ip.dst",
                    "-e", "tcp.srcport", "-e", "udp.dstport"), 50),
            new Job("display filter", "tshark", List.of("-Y", DataSets.DISPLAY_FILTER, "-T", "fields", "-e",
                    "frame.number"), Double.NaN),
            new Job("conv,tcp", "tshark", List.of("-q", "-z", "conv,tcp"), 10),
            new Job("stream fields", "tshark", List.of("-T", "fields", "-e", "tcp.stream", "-e",
                    "tcp.analysis.ack_rtt"), 10),
            // tcpdump's address table degrades to a list on the mix's one /16 (DataSets.generateMix): the target
            // is held on the same packets with their hosts spread over the address space
            new Job("text", "tcpdump", List.of(), Double.NaN),
            new Job("text, hosts spread", "tcpdump", List.of(), 5, true));

    private final Path work;
    private final Consumer<String> progress;

    /**
     * @param work a directory for the capture, the outputs and the timings
     * @param progress where progress lines go
     */
    public ToolComparison(Path work, Consumer<String> progress) {
        this.work = work;
        this.progress = progress;
    }

    /** Packets in the capture at each scale. */
    static int packets(Scale scale) {
        return switch (scale) {
            case FULL -> 1_000_000;
            case QUICK -> 100_000;
            case SMOKE -> 5_000;
        };
    }

    /** Runs every job; a tool that is missing or fails leaves a result with a note instead of figures. */
    public List<ToolResult> run(Scale scale, Path trawl) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve("tools"));
        int packets = packets(scale);
        progress.accept("tools: generating a capture of " + packets + " packets of the mix");
        DataSet mix = DataSets.generateMix(dir.resolve("data"), packets);
        DataSet spread = null;
        int runs = switch (scale) {
            case FULL -> 2;
            case QUICK, SMOKE -> 1;
        };
        List<ToolResult> results = new ArrayList<>();
        for (Job job : JOBS) {
            if (job.spreadHosts() && spread == null) {
                progress.accept("tools: generating the same packets with their hosts spread");
                spread = DataSets.generateMix(dir.resolve("data-spread"), packets, true);
            }
            DataSet set = job.spreadHosts() ? spread : mix;
            progress.accept("tools: " + job.name() + ", trawl beside " + job.reference());
            List<List<String>> commands = List.of(command(trawl.toString(), job, set.file()),
                    command(job.reference(), job, set.file()));
            String[] tools = {"trawl", job.reference()};
            Measure[] measured = new Measure[2];
            for (int k = 0; k < 2; k++) {
                measured[k] = new Measure(dir.resolve(slug(job.name()) + "-" + tools[k]));
                measured[k].once(commands.get(k)); // untimed: builds the tool, fills the page cache
            }
            for (int r = 0; r < runs; r++) {
                for (int k = 0; k < 2; k++) {
                    if (measured[k].failure == null) {
                        measured[k].once(commands.get(k));
                    }
                }
            }
            String same = measured[0].failure == null && measured[1].failure == null
                    ? (Files.mismatch(measured[0].output(), measured[1].output()) == -1 ? "yes" : "no") : "";
            for (int k = 0; k < 2; k++) {
                Measure m = measured[k];
                results.add(m.failure != null
                        ? new ToolResult(job.name(), tools[k], set.packets(), Double.NaN, Double.NaN, 0, 0, "",
                                m.failure)
                        : new ToolResult(job.name(), tools[k], set.packets(), m.bestWall, m.bestCpu, m.peak, m.timed,
                                k == 0 ? same : "", ""));
            }
        }
        return results;
    }

    private static String slug(String name) {
        return name.replaceAll("[^a-z0-9]+", "-");
    }

    private static List<String> command(String program, Job job, Path file) {
        List<String> c = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", "TIMES", program, "-n",
                "-r", file.toString()));
        c.addAll(job.arguments());
        return c;
    }

    /** The runs of one command: the best wall time, its CPU time, the largest resident set. */
    private static final class Measure {
        private final Path base;
        String failure;
        double bestWall = Double.MAX_VALUE;
        double bestCpu = Double.NaN;
        long peak;
        int timed = -1; // the first, untimed run does not count

        Measure(Path base) {
            this.base = base;
        }

        Path output() {
            return base.resolveSibling(base.getFileName() + ".out");
        }

        void once(List<String> template) throws IOException, InterruptedException {
            Path times = base.resolveSibling(base.getFileName() + ".time");
            List<String> command = template.stream().map(a -> a.equals("TIMES") ? times.toString() : a).toList();
            Process p = new ProcessBuilder(command).redirectOutput(output().toFile())
                    .redirectError(base.resolveSibling(base.getFileName() + ".err").toFile()).start();
            if (!p.waitFor(20, TimeUnit.MINUTES)) {
                // The command runs under /usr/bin/time: the tool is its child, and must not outlive the run.
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                failure = "took more than 20 minutes";
                return;
            }
            if (p.exitValue() != 0) {
                failure = command.get(5) + " failed with status " + p.exitValue() + " (see "
                        + base.resolveSibling(base.getFileName() + ".err") + ")";
                return;
            }
            String[] f = Files.readString(times).strip().split("\\s+");
            double wall = Double.parseDouble(f[f.length - 4]);
            double cpu = Double.parseDouble(f[f.length - 3]) + Double.parseDouble(f[f.length - 2]);
            peak = Math.max(peak, Long.parseLong(f[f.length - 1]));
            if (++timed > 0 && wall < bestWall) {
                bestWall = wall;
                bestCpu = cpu;
            }
        }
    }

    /** Why the part cannot run here, or {@code null}. */
    public static String unavailableReason(Path trawl) {
        if (!Files.isExecutable(Path.of("/usr/bin/time"))) {
            return "/usr/bin/time is not installed (Debian package time)";
        }
        if (!Files.isExecutable(trawl)) {
            return trawl + " is missing (run from the repository root)";
        }
        return null;
    }
}
