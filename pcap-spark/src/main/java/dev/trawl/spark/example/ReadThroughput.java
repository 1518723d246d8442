package dev.trawl.spark.example;

import dev.trawl.pcap.EtherType;
import dev.trawl.pcap.IpProtocol;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
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
            bytes += generate(dir.resolve("capture-" + i + ".pcap"), packets, i);
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

    private static long generate(Path file, int count, long seed) throws IOException {
        Random random = new Random(seed);
        int[] sizes = {64, 64, 64, 64, 64, 64, 64, 576, 576, 576, 1500};
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
            out.write(header.array());
            byte[] frame = new byte[16 + 1500];
            for (int i = 0; i < count; i++) {
                int size = sizes[random.nextInt(sizes.length)];
                ByteBuffer p = ByteBuffer.wrap(frame);
                p.order(ByteOrder.LITTLE_ENDIAN).putInt(1_700_000_000 + i / 1000).putInt(i % 1000 * 1000).putInt(size)
                        .putInt(size);
                p.order(ByteOrder.BIG_ENDIAN).putLong(0x0001020304050001L).putInt(0x02030406)
                        .putShort((short) EtherType.IPV4.value());
                p.put((byte) 0x45).put((byte) 0).putShort((short) (size - 14)).putInt(0).put((byte) 64)
                        .put((byte) IpProtocol.UDP.value())
                        .putShort((short) 0).putInt(0x0a000000 | random.nextInt(256)).putInt(0x0a000100);
                p.putShort((short) (1024 + random.nextInt(50000))).putShort((short) 53).putShort((short) (size - 34))
                        .putShort((short) 0);
                out.write(frame, 0, 16 + size);
            }
        }
        return Files.size(file);
    }
}
