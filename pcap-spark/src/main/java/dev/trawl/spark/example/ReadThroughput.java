package dev.trawl.spark.example;

import dev.trawl.pcap.CaptureFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Measures the {@code pcap} source on one generated file per format (pcap and pcapng, at least the size asked
 * for): {@code count()} and {@code groupBy(src).sum(len)}, on 1 and on 2 cores, split and as one task per file,
 * side by side in one run. The first {@code count()} of each setting includes planning the splits (the probe
 * job); plans are then kept by the driver, so the later queries show reading alone. Each figure is the best of
 * {@value #RUNS} runs. The files are written to a temporary directory and deleted, or to the directory given, and
 * kept there (to time other tools on them). With {@code --tsv FILE} each measurement is also written to FILE as a
 * tab-separated line (format, cores, split size in bytes or 0 for one task per file, query, seconds, file bytes,
 * rows), which the benchmark report reads.
 * <pre>scripts/spark-example --throughput [--tsv FILE] [megabytes] [splitSize] [cores,...] [directory]</pre>
 */
public final class ReadThroughput {
    /** How many times each query runs. */
    static final int RUNS = 3;
    /** Where measurements go as tab-separated lines, or {@code null}. */
    private static Path tsv;

    private ReadThroughput() {
    }

    public static void main(String[] arguments) throws IOException {
        List<String> list = new ArrayList<>(List.of(arguments));
        int tsvAt = list.indexOf("--tsv");
        if (tsvAt >= 0) {
            if (tsvAt + 1 >= list.size()) {
                throw new IllegalArgumentException("--tsv needs a file name");
            }
            tsv = Path.of(list.remove(tsvAt + 1));
            list.remove(tsvAt);
            Files.deleteIfExists(tsv);
        }
        String[] args = list.toArray(String[]::new);
        long megabytes = args.length > 0 ? Long.parseLong(args[0]) : 512;
        long splitSize = args.length > 1 ? Long.parseLong(args[1]) : 64L << 20;
        String[] coreCounts = (args.length > 2 ? args[2] : "1,2").split(",");
        boolean keep = args.length > 3;
        Path dir = keep ? Files.createDirectories(Path.of(args[3])) : Files.createTempDirectory("trawl-spark-bench");
        try {
            int packets = (int) (megabytes * 1_000_000 / 330); // about 330 bytes a packet, headers included
            for (CaptureFormat format : List.of(CaptureFormat.PCAP, CaptureFormat.PCAPNG)) {
                Path file = dir.resolve("capture." + format.name().toLowerCase());
                long bytes = SyntheticCapture.write(file, format, packets, 1);
                System.out.printf("%s: %d packets, %.1f MB%n", file.getFileName(), packets, bytes / 1e6);
                System.out.printf("%-7s %5s %-18s %-26s %8s %10s %14s %12s%n", "format", "cores", "splits",
                        "query", "seconds", "MB/s", "MB/s per core", "rows/s");
                for (String cores : coreCounts) {
                    measure(file, bytes, packets, format, Integer.parseInt(cores.trim()), splitSize);
                }
            }
        } finally {
            if (!keep) {
                try (var paths = Files.list(dir)) {
                    for (Path p : paths.toList()) {
                        Files.delete(p);
                    }
                }
                Files.delete(dir);
            }
        }
    }

    private static void measure(Path file, long bytes, int packets, CaptureFormat format, int cores, long splitSize) {
        SparkSession spark = SparkSession.builder().appName("trawl read throughput").master("local[" + cores + "]")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", cores).getOrCreate();
        try {
            for (long size : new long[] {splitSize, Long.MAX_VALUE / 2}) {
                String splits = size == splitSize ? "split " + (size >> 20) + " MiB" : "one task per file";
                Dataset<Row> rows = spark.read().format("pcap").option("splitSize", size).load(file.toString());
                warm(rows);
                Object[][] queries = {
                    {"count, planning included", (ToLongFunction<Dataset<Row>>) Dataset::count},
                    {"count", (ToLongFunction<Dataset<Row>>) Dataset::count},
                    {"groupBy(src).sum(len)", (ToLongFunction<Dataset<Row>>) r -> r.groupBy("src").sum("len")
                            .collectAsList().size()},
                };
                for (Object[] q : queries) {
                    @SuppressWarnings("unchecked")
                    ToLongFunction<Dataset<Row>> query = (ToLongFunction<Dataset<Row>>) q[1];
                    double seconds = Double.MAX_VALUE;
                    for (int run = 0; run < RUNS; run++) {
                        if (q[0].toString().contains("planning")) {
                            touch(file);
                        }
                        Dataset<Row> fresh = spark.read().format("pcap").option("splitSize", size)
                                .load(file.toString());
                        long start = System.nanoTime();
                        query.applyAsLong(fresh);
                        seconds = Math.min(seconds, (System.nanoTime() - start) / 1e9);
                    }
                    System.out.printf("%-7s %5d %-18s %-26s %8.2f %10.1f %14.1f %12.0f%n",
                            format.name().toLowerCase(), cores, splits, q[0], seconds, bytes / 1e6 / seconds,
                            bytes / 1e6 / seconds / cores, packets / seconds);
                    record(format, cores, size == splitSize ? size : 0, q[0].toString(), seconds, bytes, packets);
                }
            }
        } finally {
            spark.stop();
        }
    }

    private static void record(CaptureFormat format, int cores, long splitSize, String query, double seconds,
            long bytes, int packets) {
        if (tsv == null) {
            return;
        }
        String line = String.join("\t", format.name().toLowerCase(), Integer.toString(cores), Long.toString(splitSize),
                query, Double.toString(seconds), Long.toString(bytes), Integer.toString(packets)) + "\n";
        try {
            Files.writeString(tsv, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a query once so that class loading and JIT compilation are not measured. */
    private static void warm(Dataset<Row> rows) {
        rows.groupBy("src").sum("len").collectAsList();
    }

    /** Gives the file a new modification time, so that the next query plans it again. */
    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 1000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
