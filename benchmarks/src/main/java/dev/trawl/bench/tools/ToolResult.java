package dev.trawl.bench.tools;

/**
 * One command of the tools part, run as a whole process over the part's capture: the {@code trawl} tool, or the
 * tool it is compared with ({@code tshark}, {@code tcpdump}) asked the same question.
 *
 * @param job what is asked, as the report names it ({@code fields}, {@code conv,tcp}, ...)
 * @param tool {@code trawl}, {@code tshark} or {@code tcpdump}
 * @param packets packets in the capture
 * @param wallSeconds the fastest run's wall time, start of the process to its exit
 * @param cpuSeconds that run's CPU time (user and system, the process and its threads)
 * @param peakKilobytes the largest resident set of any run
 * @param runs the runs timed
 * @param sameOutput for {@code trawl}: whether its output was byte for byte the other tool's; empty for the other
 *     tool, or when they were not compared
 * @param note why it was not measured, or empty
 */
public record ToolResult(String job, String tool, long packets, double wallSeconds, double cpuSeconds,
        long peakKilobytes, int runs, String sameOutput, String note) {
    /** Whether the command ran. */
    public boolean ran() {
        return runs > 0;
    }
}
