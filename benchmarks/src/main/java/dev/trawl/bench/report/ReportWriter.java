package dev.trawl.bench.report;

import dev.trawl.bench.live.FanoutResult;
import dev.trawl.bench.live.LiveResult;
import dev.trawl.bench.spark.SparkResult;
import dev.trawl.bench.tools.ToolResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a run's report: {@value #MARKDOWN} for people, {@value #JSON} for programs, and {@value #CHART}.
 * Every figure is in nanoseconds per packet; every ratio divides a result by its baseline from the same run.
 */
public final class ReportWriter {
    public static final String MARKDOWN = "RESULTS.md";
    public static final String JSON = "results.json";
    public static final String CHART = "results.svg";

    private ReportWriter() {
    }

    /** Writes the three files into a directory. */
    public static void write(RunRecord run, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Target.Check> checks = new ArrayList<>();
        for (Target target : Target.all()) {
            checks.add(target.check(run));
        }
        checks.addAll(LiveTargets.check(run));
        checks.addAll(ToolTargets.check(run));
        Files.writeString(dir.resolve(CHART), SvgChart.draw(run));
        Files.writeString(dir.resolve(JSON), json(run, checks));
        Files.writeString(dir.resolve(MARKDOWN), markdown(run, checks));
    }

    static double ratio(RunRecord run, Result r, String baselineKey) {
        if (baselineKey == null) {
            return Double.NaN;
        }
        Result b = run.find(baselineKey);
        return b == null || b.bestNsPerPacket() <= 0 ? Double.NaN : r.bestNsPerPacket() / b.bestNsPerPacket();
    }

    static String json(RunRecord run, List<Target.Check> checks) {
        Json j = new Json().begin('{');
        j.field("unit", "ns/packet");
        j.key("environment").begin('{');
        run.environment().forEach(j::field);
        j.end('}');
        j.key("results").begin('[');
        for (Result r : run.results()) {
            j.begin('{').field("family", r.family()).field("subject", r.subject()).field("operation", r.operation())
                    .field("data", r.data()).field("filter", r.filter()).field("nsPerPacket", r.nsPerPacket())
                    .field("errorNsPerPacket", r.errorNsPerPacket()).field("bestNsPerPacket", r.bestNsPerPacket())
                    .field("bytesPerPacket", r.bytesPerPacket())
                    .field("samples", r.samples()).field("ratioToC", ratio(run, r, Baselines.c(r)))
                    .field("ratioToPcap4jRaw", ratio(run, r, Baselines.pcap4j(r))).end('}');
        }
        j.end(']');
        j.key("targets").begin('[');
        for (Target.Check c : checks) {
            j.begin('{').field("target", c.target().text()).field("status", c.status().name())
                    .field("ratio", c.ratio()).field("limit", c.target().limit()).field("detail", c.detail()).end('}');
        }
        j.end(']');
        j.key("live").begin('[');
        for (LiveResult l : run.live()) {
            j.begin('{').field("capturer", l.capturer()).field("sent", l.sent())
                    .field("sendRatePerSecond", l.sendRate()).field("delivered", l.delivered())
                    .field("statsReceived", l.statsReceived()).field("statsDropped", l.statsDropped())
                    .field("statsInterfaceDropped", l.statsInterfaceDropped()).field("cpuNanos", l.cpuNanos())
                    .field("cpuNsPerPacket", l.cpuNanosPerPacket()).field("allocatedBytes", l.allocatedBytes())
                    .field("bytesPerPacket", l.bytesPerPacket()).field("note", l.note()).end('}');
        }
        j.end(']');
        j.key("fanout").begin('[');
        for (FanoutResult f : run.fanout()) {
            j.begin('{').field("readers", f.readers()).field("mode", f.mode()).field("sent", f.sent())
                    .field("sendRatePerSecond", f.sendRate()).field("handled", f.handled())
                    .field("perReader", f.perReader().toString()).field("unique", f.unique())
                    .field("duplicates", f.duplicates()).field("dropped", f.dropped())
                    .field("readerCpuNsPerPacket", f.cpuNanosPerPacket()).field("activeNanos", f.activeNanos())
                    .field("handledPerSecond", f.handledPerSecond()).field("note", f.note()).end('}');
        }
        j.end(']');
        j.key("tools").begin('[');
        for (ToolResult t : run.tools()) {
            j.begin('{').field("job", t.job()).field("tool", t.tool()).field("packets", t.packets())
                    .field("wallSeconds", t.wallSeconds()).field("cpuSeconds", t.cpuSeconds())
                    .field("peakKilobytes", t.peakKilobytes()).field("runs", t.runs())
                    .field("sameOutput", t.sameOutput()).field("note", t.note()).end('}');
        }
        j.end(']');
        j.key("spark").begin('[');
        for (SparkResult r : run.spark()) {
            j.begin('{').field("format", r.format()).field("cores", r.cores()).field("splitSize", r.splitSize())
                    .field("query", r.query()).field("seconds", r.seconds()).field("bytes", r.bytes())
                    .field("rows", r.rows()).field("megabytesPerSecond", r.megabytesPerSecond())
                    .field("rowsPerSecond", r.rowsPerSecond()).end('}');
        }
        j.end(']');
        j.key("notes").begin('[');
        for (String note : run.notes()) {
            j.value(note);
        }
        j.end(']');
        return j.end('}') + "\n";
    }

    static String markdown(RunRecord run, List<Target.Check> checks) {
        StringBuilder md = new StringBuilder();
        Map<String, String> env = run.environment();
        md.append("# trawl benchmark results\n\n");
        md.append("Written by `scripts/bench` (").append(env.getOrDefault("scale", "?")).append(" run, ")
                .append(env.getOrDefault("date", "?")).append("). **Every figure is nanoseconds per packet** ")
                .append("(lower is better): a capture benchmark times whole passes over a generated file ")
                .append("(open, read every packet, close) and divides by the packets in the file, filtered or not; ")
                .append("decode and filter benchmarks time packets already in memory. `±` is the half-width of ")
                .append("the 99.9% confidence interval of the mean; **best** is the fastest iteration (JMH) or ")
                .append("repetition (C); B/pkt is heap allocation per packet (JMH `-prof gc`). ")
                .append("**Ratios, targets and the chart use the best figures of both sides**: other load on the ")
                .append("machine only ever slows an iteration down, so the best iterations compare the code, ")
                .append("the means also the machine's load (see the load averages below). ")
                .append("Ratios divide by a baseline measured in the same run: **xC** by the C libpcap loop doing ")
                .append("the same job (pcap_next_ex for next and copy, pcap_dispatch, pcap_loop, ")
                .append("pcap_offline_filter), **xpcap4j** by pcap4j used directly (getNextRawPacketEx for next ")
                .append("and copy, loop with a RawPacketListener for dispatch and loop, its own decoding for decode). ")
                .append("pcap4j and the pcap4j backend, at microseconds per packet, read the first packets of each ")
                .append("file only (see the data rows below). Reproduce with `scripts/bench`; see benchmarks/README.md.\n\n");
        md.append("## Environment\n\n| | |\n|---|---|\n");
        env.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n"));
        long met = checks.stream().filter(c -> c.status() == Target.Status.MET).count();
        long notMet = checks.stream().filter(c -> c.status() == Target.Status.NOT_MET).count();
        md.append("\n## Targets\n\n").append(met).append(" of ").append(checks.size()).append(" targets met, ")
                .append(notMet).append(" not met, ").append(checks.size() - met - notMet)
                .append(" without data. Ratios compare best iterations.\n\n| target | result | measured |\n|---|---|---|\n");
        for (Target.Check c : checks) {
            String status = switch (c.status()) {
                case MET -> "met";
                case NOT_MET -> "**NOT MET**";
                case NO_DATA -> "**no data**";
            };
            md.append("| ").append(c.target().text()).append(" | ").append(status).append(" | ")
                    .append(c.detail()).append(" |\n");
        }
        md.append("\n![ns per packet for every provider and baseline](").append(CHART).append(")\n");
        for (String data : List.of("small", "mix")) {
            md.append("\n## Offline capture: ").append(data.equals("small")
                    ? "64-byte frames (`small`)" : "IMIX-like mix (`mix`)").append("\n\n");
            table(md, run, r -> r.data().equals(data)
                    && (r.family().equals("capture") || r.family().equals("pcap4j")
                    || (r.family().equals("c") && !r.operation().equals("c_offline_filter"))));
        }
        md.append("\n## Offline capture: pcapng (`small-pcapng`, `mix-pcapng`)\n\nThe same packets as `small` and "
                + "`mix`, with the same timestamps, in pcapng files (one section, one Ethernet interface, Enhanced "
                + "Packet Blocks, microsecond timestamps) written by the benchmark's own writer; zero-copy `next` "
                + "only. xC divides by C pcap_next_ex over the same pcapng file.\n\n");
        table(md, run, r -> r.data().endsWith("-pcapng")
                && (r.family().equals("capture") || r.family().equals("c")));
        md.append("\n## Decode\n\n");
        table(md, run, r -> r.family().equals("decode"));
        md.append("\n## Filter interpreter\n\nlibpcap's compiled program for the benchmark filter, run on packets "
                + "held in memory.\n\n");
        table(md, run, r -> r.family().equals("filter")
                || (r.family().equals("c") && r.operation().equals("c_offline_filter")));
        md.append("\n## Live capture\n\n64-byte frames sent at full speed (sendmmsg on a raw packet socket) into "
                + "one end of a veth pair joining two private network namespaces; captured on the other end "
                + "(snaplen 262144, "
                + "promiscuous, 100 ms timeout, 8 MiB buffer, dispatch in a loop; `afpacket next` and `afpacket loop` "
                + "read with those calls instead). Each capturer first takes a warm-up burst of half as many frames "
                + "that is not counted, so that a JVM has compiled its reading path, as in a capture that has been "
                + "running for a while. CPU is the capturing thread's CPU time per delivered packet; "
                + "B/packet the heap it allocated per packet (the JVM's thread allocation counter).\n\n");
        md.append("| capturer | sent | send rate (frames/s) | delivered | ps_recv | ps_drop | ps_ifdrop | CPU ns/packet "
                + "| xC | B/packet | note |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        LiveResult c = run.live().stream().filter(l -> l.capturer().equals("libpcap") && l.ran()).findFirst()
                .orElse(null);
        for (LiveResult l : run.live()) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %d | %d | %d | %d | %s | %s | %s | %s |%n",
                    l.capturer(), l.sent(),
                    Double.isNaN(l.sendRate()) ? "-" : String.format(Locale.ROOT, "%,.0f", l.sendRate()),
                    l.delivered(), l.statsReceived(), l.statsDropped(), l.statsInterfaceDropped(),
                    num(l.cpuNanosPerPacket()),
                    ratioText(c == null ? Double.NaN : l.cpuNanosPerPacket() / c.cpuNanosPerPacket()),
                    num(l.bytesPerPacket()), l.note() == null ? "" : l.note()));
        }
        if (run.live().isEmpty()) {
            md.append("| (not run) | | | | | | | | | | |\n");
        }
        md.append("\n## Live capture: fanout\n\nNumbered 64-byte frames of 256 flows (UDP source ports), sent at full "
                + "speed as above to `afpacket` readers sharing one fanout group (hash mode), one thread each, after "
                + "an uncounted warm-up burst; every reader decodes each packet and checksums it a fixed number of "
                + "times, so that one reader cannot keep up. Handled is what the readers' handlers got; twice counts "
                + "frames two readers got; reader CPU is the readers' CPU time per packet handled. The readers compete "
                + "with the sender for the machine's cores, which the send rate shows: readers that slow the sender "
                + "have longer to work, so handled per second (from the first packet handled to the last) compares "
                + "the groups' speed.\n\n");
        md.append("| readers | sent | send rate (frames/s) | handled per reader | handled | x one reader | handled/s "
                + "| x one reader | unique | twice | ps_drop | reader CPU ns/packet | note |\n"
                + "|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        FanoutResult single = run.fanout().stream().filter(f -> f.readers() == 1 && f.ran()).findFirst().orElse(null);
        for (FanoutResult f : run.fanout()) {
            md.append(String.format(Locale.ROOT, "| %d | %d | %s | %s | %d | %s | %s | %s | %d | %d | %d | %s | %s |%n",
                    f.readers(), f.sent(),
                    Double.isNaN(f.sendRate()) ? "-" : String.format(Locale.ROOT, "%,.0f", f.sendRate()),
                    f.perReader().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" + ")),
                    f.handled(), ratioText(single == null || single.handled() == 0 ? Double.NaN
                            : (double) f.handled() / single.handled()),
                    Double.isNaN(f.handledPerSecond()) ? "-" : String.format(Locale.ROOT, "%,.0f", f.handledPerSecond()),
                    ratioText(single == null ? Double.NaN : f.handledPerSecond() / single.handledPerSecond()),
                    f.unique(), f.duplicates(), f.dropped(), num(f.cpuNanosPerPacket()), f.note() == null ? "" : f.note()));
        }
        if (run.fanout().isEmpty()) {
            md.append("| (not run) | | | | | | | | | | | | |\n");
        }
        tools(md, run);
        spark(md, run);
        if (!run.notes().isEmpty()) {
            md.append("\n## Notes\n\n");
            for (String note : run.notes()) {
                md.append("- ").append(note).append('\n');
            }
        }
        return md.toString();
    }

    /** The subject of {@code BarePanamaBenchmark}: no API, the floor under the Panama backend. */
    public static final String BARE_PANAMA = "bare-panama";
    /** The subject of a decode {@code *FloorBenchmark}: the same fields read by hand, the floor under a decoder. */
    public static final String FLOOR = "floor";
    /** How the class name of a floor benchmark ends. */
    public static final String FLOOR_CLASS_SUFFIX = "FloorBenchmark";

    private static void table(StringBuilder md, RunRecord run, java.util.function.Predicate<Result> which) {
        md.append("| benchmark | data | filter | ns/packet | ± | best | B/pkt | xC | xpcap4j |\n"
                + "|---|---|---|---:|---:|---:|---:|---:|---:|\n");
        int rows = 0;
        List<Result> sorted = new ArrayList<>(run.results());
        sorted.sort(Ordering.RESULTS);
        for (Result r : sorted) {
            if (which.test(r)) {
                rows++;
                md.append(String.format(Locale.ROOT, "| %s %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                        r.family().equals("c") ? "C libpcap" : r.family().equals("pcap4j") ? "pcap4j direct"
                                : r.subject().equals(BARE_PANAMA) ? "floor: bare java.lang.foreign"
                                : r.subject().equals(FLOOR) ? "floor: fields read by hand"
                                : r.family().equals("capture") ? "trawl " + r.subject() : r.subject(),
                        r.operation(), r.data(), r.filter(), num(r.nsPerPacket()), num(r.errorNsPerPacket()),
                        num(r.bestNsPerPacket()),
                        num(r.bytesPerPacket()), ratioText(ratio(run, r, Baselines.c(r))),
                        ratioText(ratio(run, r, Baselines.pcap4j(r)))));
            }
        }
        if (rows == 0) {
            md.append("| (not measured) | | | | | | | | |\n");
        }
    }

    private static void tools(StringBuilder md, RunRecord run) {
        md.append("\n## The tool beside tshark and tcpdump\n\nThe `trawl` tool and `tshark` (or `tcpdump`) asked the "
                + "same question about the same generated capture of the mix, each a whole process from start to "
                + "exit (`/usr/bin/time`): best wall time of the timed runs, which alternate between the two, its CPU "
                + "time, and the largest resident set. \"same output\" compares trawl's output with the other "
                + "tool's byte for byte. The mix's hosts all lie in 10.0.0.0/16, where tcpdump's table of address "
                + "texts keeps every address in one chain; \"hosts spread\" asks the same of the same packets with "
                + "their hosts spread over the address space, and holds the text target.\n\n");
        md.append("| question | arguments | tool | packets | wall s | CPU s | µs/packet (wall) | peak RSS MB | x other "
                + "(wall) | x other (CPU) | same output | note |\n|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (dev.trawl.bench.tools.ToolComparison.Job job : dev.trawl.bench.tools.ToolComparison.JOBS) {
            ToolResult trawl = ToolTargets.find(run, job.name(), "trawl");
            ToolResult other = ToolTargets.find(run, job.name(), job.reference());
            for (ToolResult t : java.util.Arrays.asList(trawl, other)) {
                if (t == null) {
                    continue;
                }
                boolean mine = t == trawl && other != null && other.ran() && t.ran();
                md.append(String.format(Locale.ROOT, "| %s | `%s` | %s | %,d | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                        job.name(), String.join(" ", job.arguments()).replace("|", "\\|"), t.tool(), t.packets(),
                        t.ran() ? num(t.wallSeconds()) : "-", t.ran() ? num(t.cpuSeconds()) : "-",
                        t.ran() ? num(t.wallSeconds() * 1e6 / t.packets()) : "-",
                        t.ran() ? String.format(Locale.ROOT, "%.0f", t.peakKilobytes() / 1024.0) : "-",
                        mine ? ratioText(other.wallSeconds() / t.wallSeconds()) : "",
                        mine ? ratioText(other.cpuSeconds() / t.cpuSeconds()) : "", t.sameOutput(), t.note()));
            }
        }
        if (run.tools().isEmpty()) {
            md.append("| (not run) | | | | | | | | | | | |\n");
        }
    }

    private static void spark(StringBuilder md, RunRecord run) {
        md.append("\n## Spark data source\n\nThe `pcap` data source of pcap-spark on a generated pcap and pcapng file "
                + "of IMIX-like Ethernet/IPv4/UDP packets from 256 sources, in the page cache, Spark `local[n]`: "
                + "`count()` and `groupBy(src).sum(len)`, split (64 MiB) and one task per file. \"planning "
                + "included\" is a first query over the file, which plans its splits (about one extra pass); the "
                + "other rows reuse the plan. Best of 3 runs. The last rows answer the same `groupBy` without "
                + "Spark, as `trawl -r FILE -T fields -e ip.src -e frame.len | awk | sort`, whole pipeline.\n\n");
        md.append("| format | cores | splits | query | seconds | MB/s | MB/s per core | rows/s |\n"
                + "|---|---:|---|---|---:|---:|---:|---:|\n");
        for (SparkResult r : run.spark()) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %.2f | %,.0f | %,.0f | %,.0f |%n", r.format(),
                    r.cores(), r.query().equals(SparkResult.PIPELINE) ? "-" : r.splitSize() == 0 ? "one task per file"
                            : (r.splitSize() >> 20) + " MiB", r.query().replace("|", "\\|"), r.seconds(), r.megabytesPerSecond(),
                    r.megabytesPerSecond() / r.cores(), r.rowsPerSecond()));
        }
        if (run.spark().isEmpty()) {
            md.append("| (not run) | | | | | | | |\n");
        }
    }

    private static String num(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : "%.2f", value);
    }

    private static String ratioText(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2fx", value);
    }
}
