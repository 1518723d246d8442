package dev.trawl.spark.example;

import dev.trawl.pcap.CaptureFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Measures read throughput of the {@code pcap} source: the same files read with byte-range splits and with
 * one task per file (a split size larger than any file), side by side in one run.
 * <pre>scripts/spark-example --throughput [files] [packets-per-file]</pre>
 */
public final class ReadThroughput {
    private ReadThroughput() {
    }

    public static void main(String[] args) throws IOException {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int packets = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path dir = Files.createTempDirectory("trawl-spark-bench");
        long bytes = 0;
        for (int i = 0; i < files; i++) {
            bytes += SyntheticCapture.write(dir.resolve("capture-" + i + ".pcap"), CaptureFormat.PCAP, packets, i);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        SparkSession spark = SparkSession.builder().appName("trawl read throughput").master("local[" + cores + "]")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            System.out.printf("%d files, %d packets, %.1f MB, %d cores%n", files, (long) files * packets, bytes / 1e6, cores);
            for (int round = 0; round < 2; round++) {
                for (String mode : new String[] {"split 16 MB", "one task per file"}) {
                    long splitSize = mode.startsWith("split") ? 16L << 20 : Long.MAX_VALUE / 2;
                    long start = System.nanoTime();
                    long count = spark.read().format("pcap").option("splitSize", splitSize).option("decode", "true")
                            .load(dir.toString()).selectExpr("sum(len)", "count(src)", "max(dst_port)")
                            .collectAsList().size();
                    double seconds = (System.nanoTime() - start) / 1e9;
                    if (round == 1) {
                        System.out.printf("%-18s %7.2f s  %8.1f MB/s  %8.1f MB/s per core  (%d)%n", mode, seconds,
                                bytes / 1e6 / seconds, bytes / 1e6 / seconds / cores, count);
                    }
                }
            }
        } finally {
            spark.stop();
            try (var paths = Files.list(dir)) {
                for (Path p : paths.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }
}
