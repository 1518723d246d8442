package dev.trawl.bench.report;

import dev.trawl.bench.tools.ToolComparison;
import dev.trawl.bench.tools.ToolResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The targets of the tools part: for each question that has one, how many times faster the whole {@code trawl}
 * process is than the tool it is compared with (best wall times of one run), with the same output where the
 * outputs must be the same.
 */
final class ToolTargets {
    private ToolTargets() {
    }

    static List<Target.Check> check(RunRecord run) {
        List<Target.Check> checks = new ArrayList<>();
        for (ToolComparison.Job job : ToolComparison.JOBS) {
            if (Double.isNaN(job.target())) {
                continue;
            }
            boolean identical = !job.reference().equals("tcpdump");
            Target target = new Target(String.format(Locale.ROOT, "trawl %s at least %.0fx faster than %s (whole "
                    + "process, same file%s)", job.name(), job.target(), job.reference(),
                    identical ? ", same output" : ""), "tools " + job.name(), "tools " + job.reference(),
                    1 / job.target(), false);
            ToolResult trawl = find(run, job.name(), "trawl");
            ToolResult other = find(run, job.name(), job.reference());
            if (trawl == null || other == null || !trawl.ran() || !other.ran()) {
                checks.add(new Target.Check(target, Target.Status.NO_DATA, Double.NaN, "not measured"));
                continue;
            }
            double speedUp = other.wallSeconds() / trawl.wallSeconds();
            boolean met = speedUp >= job.target() && (!identical || trawl.sameOutput().equals("yes"));
            checks.add(new Target.Check(target, met ? Target.Status.MET : Target.Status.NOT_MET, speedUp,
                    String.format(Locale.ROOT, "%.2f s vs %.2f s wall = %.1fx (at least %.0fx); CPU %.2f s vs %.2f s "
                            + "= %.1fx; %,d packets%s", trawl.wallSeconds(), other.wallSeconds(), speedUp,
                            job.target(), trawl.cpuSeconds(), other.cpuSeconds(),
                            other.cpuSeconds() / trawl.cpuSeconds(), trawl.packets(),
                            identical ? "; same output: " + trawl.sameOutput() : "")));
        }
        return checks;
    }

    static ToolResult find(RunRecord run, String job, String tool) {
        return run.tools().stream().filter(t -> t.job().equals(job) && t.tool().equals(tool)).findFirst()
                .orElse(null);
    }
}
