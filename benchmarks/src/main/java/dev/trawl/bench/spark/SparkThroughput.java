package dev.trawl.bench.spark;

import dev.trawl.bench.data.Scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Spark part of a run: the {@code pcap} data source's {@code count()} and {@code groupBy(src).sum(len)} on a
 * generated pcap and pcapng file, on 1 and 2 cores, split and one task per file (pcap-spark's {@code ReadThroughput},
 * run by {@code scripts/spark-example}), and beside it the same {@code groupBy} done as a user without Spark does:
 * {@code trawl -T fields} piped into {@code awk} and {@code sort}, whole pipeline, on the same files. Runs the
 * scripts of the working tree it is started in. Not thread-safe.
 */
public final class SparkThroughput {
    /** The split size of the split rows. */
    static final long SPLIT_SIZE = 64L << 20;
    private static final String AWK = "awk '{b[$1]+=$2} END {for (s in b) print s, b[s]}'";
    private final Path work;
    private final Consumer<String> progress;

    /**
     * @param work a directory for the generated files and logs
     * @param progress where progress lines go
     */
    public SparkThroughput(Path work, Consumer<String> progress) {
        this.work = work;
        this.progress = progress;
    }

    /** Why the part cannot run here, or {@code null} when it can. */
    public static String unavailableReason() {
        if (!Files.isExecutable(Path.of("scripts", "spark-example")) || !Files.isExecutable(Path.of("trawl"))) {
            return "scripts/spark-example and ./trawl are not in the working directory (run from the repository root)";
        }
        return null;
    }

    /** Measures everything; a failure of one step is an {@link IOException} naming its log. */
    public List<SparkResult> run(Scale scale) throws IOException, InterruptedException {
        long megabytes = switch (scale) {
            case FULL -> 512;
            case QUICK -> 64;
            case SMOKE -> 4;
        };
        Path dir = Files.createDirectories(work.resolve("spark"));
        Path tsv = dir.resolve("spark.tsv");
        progress.accept("Spark data source on " + megabytes + " MB files (pcap and pcapng, 1 and 2 cores)");
        shell(dir.resolve("spark.log"), "scripts/spark-example --throughput --tsv " + tsv + " " + megabytes + " "
                + SPLIT_SIZE + " 1,2 " + dir);
        List<SparkResult> results = new ArrayList<>();
        for (String line : Files.readAllLines(tsv)) {
            String[] f = line.split("\t");
            results.add(new SparkResult(f[0], Integer.parseInt(f[1]), Long.parseLong(f[2]), f[3],
                    Double.parseDouble(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6])));
        }
        for (String format : List.of("pcap", "pcapng")) {
            Path file = dir.resolve("capture." + format);
            SparkResult spark = results.stream().filter(r -> r.format().equals(format)).findFirst()
                    .orElseThrow(() -> new IOException("the Spark run measured no " + format + " file; see "
                            + dir.resolve("spark.log")));
            progress.accept("the same groupBy with " + SparkResult.PIPELINE + " (" + format + ")");
            double best = Double.MAX_VALUE;
            for (int run = 0; run < 2; run++) {
                long start = System.nanoTime();
                shell(dir.resolve("pipeline.log"), "./trawl -r " + file + " -T fields -e ip.src -e frame.len | "
                        + AWK + " | sort > /dev/null");
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
            }
            results.add(new SparkResult(format, 1, 0, SparkResult.PIPELINE, best, Files.size(file), spark.rows()));
            Files.delete(file);
        }
        return results;
    }

    private static void shell(Path log, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-o", "pipefail", "-c", command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        int status = process.waitFor();
        if (status != 0) {
            throw new IOException("'" + command + "' failed with status " + status + "; see " + log);
        }
    }
}
