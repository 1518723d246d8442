package dev.trawl.bench.run;

import dev.trawl.bench.data.DataSet;
import dev.trawl.bench.data.DataSets;
import dev.trawl.bench.data.Scale;
import dev.trawl.bench.report.Result;
import dev.trawl.bench.report.Statistics;
import dev.trawl.pcap.BpfInstruction;
import dev.trawl.pcap.BpfProgram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the C libpcap baseline ({@code trawl_cbench}) over the generated data and turns its output into
 * {@link Result}s; also asks it for libpcap's compiled form of {@link DataSets#FILTER}, which the Java
 * filter benchmarks run, so that both sides execute the very same program.
 */
public final class CBaseline {
    /** The file in the data directory holding libpcap's program for {@link DataSets#FILTER}. */
    public static final String PROGRAM_FILE = "filter.bpf";

    private String libraryVersion = "unknown";

    /** The version libpcap reported, {@code pcap_lib_version()}. */
    public String libraryVersion() {
        return libraryVersion;
    }

    /** Writes libpcap's optimized program for {@link DataSets#FILTER} on Ethernet into the data directory. */
    public static void writeProgram(NativeTools tools, Path dataDir) throws IOException, InterruptedException {
        String text = NativeTools.run(List.of(tools.program("trawl_cbench").toString(), "compile", DataSets.FILTER), 30);
        parseProgram(text); // refuse to store something the benchmarks could not load
        Files.writeString(dataDir.resolve(PROGRAM_FILE), text);
    }

    /** Reads a program written by {@link #writeProgram}: a count, then "code jt jf k" lines. */
    public static BpfProgram readProgram(Path dataDir) throws IOException {
        return parseProgram(Files.readString(dataDir.resolve(PROGRAM_FILE)));
    }

    static BpfProgram parseProgram(String text) throws IOException {
        String[] lines = text.strip().split("\n");
        try {
            int count = Integer.parseInt(lines[0].strip());
            if (count != lines.length - 1) {
                throw new IOException("program says " + count + " instructions but has " + (lines.length - 1));
            }
            List<BpfInstruction> insns = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].strip().split(" ");
                insns.add(new BpfInstruction(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                        Integer.parseUnsignedInt(f[3])));
            }
            return new BpfProgram(insns);
        } catch (RuntimeException e) {
            throw new IOException("not a BPF program listing: " + e.getMessage(), e);
        }
    }

    /** Runs every measurement of the baseline over each data set. */
    public List<Result> run(NativeTools tools, List<DataSet> sets, Scale scale) throws IOException, InterruptedException {
        List<Result> results = new ArrayList<>();
        for (DataSet set : sets) {
            results.addAll(parse(NativeTools.run(List.of(tools.program("trawl_cbench").toString(), "bench",
                    set.name(), set.file().toString(), Integer.toString(repetitions(scale)),
                    Integer.toString(warmups(scale)), DataSets.FILTER, Integer.toString(DataSets.IN_MEMORY_PACKETS)),
                    600)));
        }
        return results;
    }

    /**
     * Runs only {@code pcap_next_ex} without a filter over each data set: the baseline of the pcapng twins
     * ({@link DataSets#loadPcapng}), whose other passes would tell nothing the pcap files do not.
     */
    public List<Result> runNext(NativeTools tools, List<DataSet> sets, Scale scale)
            throws IOException, InterruptedException {
        List<Result> results = new ArrayList<>();
        for (DataSet set : sets) {
            results.addAll(parse(NativeTools.run(List.of(tools.program("trawl_cbench").toString(), "next",
                    set.name(), set.file().toString(), Integer.toString(repetitions(scale)),
                    Integer.toString(warmups(scale))), 600)));
        }
        return results;
    }

    private static int repetitions(Scale scale) {
        return switch (scale) {
            case FULL -> 15;
            case QUICK -> 5;
            case SMOKE -> 2;
        };
    }

    private static int warmups(Scale scale) {
        return scale == Scale.SMOKE ? 0 : 2;
    }

    /** Parses the baseline's output lines. */
    List<Result> parse(String output) throws IOException {
        List<Result> results = new ArrayList<>();
        for (String line : output.split("\n")) {
            List<String> f = NativeTools.fields(line);
            if (f.get(0).equals("version") && f.size() == 2) {
                libraryVersion = f.get(1);
            } else if (f.get(0).equals("result") && f.size() == 6) {
                double[] values;
                try {
                    values = Arrays.stream(f.get(5).split(",")).mapToDouble(Double::parseDouble).toArray();
                } catch (NumberFormatException e) {
                    throw new IOException("bad C baseline line: " + line, e);
                }
                results.add(new Result("c", "libpcap", f.get(1), f.get(2), f.get(3), Statistics.mean(values),
                        Statistics.error999(values), Arrays.stream(values).min().orElseThrow(), Double.NaN,
                        values.length));
            } else if (!line.isBlank()) {
                throw new IOException("unexpected C baseline line: " + line);
            }
        }
        return results;
    }
}
