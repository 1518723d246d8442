package dev.trawl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.DumpOptions;
import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.EtherType;
import dev.trawl.pcap.IpProtocol;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.tck.CraftedCaptures;
import dev.trawl.pcap.tck.TestCorpus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads captures through Spark under local[2] and compares with the plain pcap-api reader. */
class PcapDataSourceTest {
    private static SparkSession spark;
    private static Backend plain;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws PcapException {
        spark = SparkSession.builder().master("local[2]").appName("pcap-spark-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        plain = Pcap.backend("java");
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** A packet as the plain reader sees it: time, lengths and a hash of the bytes. */
    record Pkt(long seconds, int nanos, int caplen, int len, int hash) {
    }

    private static List<Pkt> plainRead(Path file) throws PcapException {
        List<Pkt> packets = new ArrayList<>();
        try (OfflineHandle h = plain.openOffline(file, OfflineOptions.of(TimestampPrecision.NANO))) {
            while (h.next() == ReadStatus.PACKET) {
                Packet p = h.packet();
                packets.add(new Pkt(p.timestampSeconds(), p.timestampNanos(), p.capturedLength(), p.originalLength(),
                        Arrays.hashCode(p.copy().bytes())));
            }
        }
        return packets;
    }

    private static List<Pkt> sparkRead(Path file, long splitSize) {
        Dataset<Row> rows = spark.read().format("pcap").option("splitSize", splitSize).option("decode", "false")
                .load(file.toString()).orderBy("offset");
        List<Pkt> packets = new ArrayList<>();
        for (Row r : rows.collectAsList()) {
            packets.add(pkt(r));
        }
        return packets;
    }

    private static Pkt pkt(Row r) {
        java.sql.Timestamp ts = r.getAs("timestamp");
        return new Pkt(Math.floorDiv(ts.getTime(), 1000L), r.<Integer>getAs("nanos"), r.<Integer>getAs("caplen"),
                r.<Integer>getAs("len"), Arrays.hashCode((byte[]) r.getAs("data")));
    }

    /**
     * Reads the whole corpus in one job per split size (one of them random) and compares each file with the plain
     * reader. Files the plain reader cannot read are left to the malformed-record tests.
     */
    @Test
    void everyReadableCorpusCaptureSplitsIntoTheSamePacketsAsASequentialRead() throws IOException {
        Map<String, List<Pkt>> expected = new TreeMap<>();
        List<String> unreadable = new ArrayList<>();
        try (var files = Files.list(TestCorpus.captures())) {
            for (Path file : files.filter(p -> p.toString().matches(".*\\.pcap(ng)?$")).sorted().toList()) {
                try {
                    expected.put(file.getFileName().toString(), plainRead(file));
                } catch (PcapException e) {
                    unreadable.add(file.getFileName().toString());
                }
            }
        }
        // Splits of 64 to 4,000 bytes on every file are covered without Spark by SplitReaderTest; here one job
        // per size keeps the task count (file bytes / split size, each split planned and read) near 1,500.
        long random = 4096 + new Random().nextInt(32_768);
        System.out.println("pcap-spark: corpus split every 8192 and " + random + " bytes");
        for (long splitSize : new long[] {8192, random}) {
            Map<String, List<Pkt>> actual = new TreeMap<>();
            Dataset<Row> rows = spark.read().format("pcap").option("splitSize", splitSize).option("decode", "false")
                    .option("malformed", "stop").load(TestCorpus.captures().resolve("*.pcap*").toString())
                    .orderBy("file", "offset");
            for (Row r : rows.collectAsList()) {
                String name = Path.of(r.<String>getAs("file").replaceFirst("^file:", "")).getFileName().toString();
                actual.computeIfAbsent(name, k -> new ArrayList<>()).add(pkt(r));
            }
            for (Map.Entry<String, List<Pkt>> e : expected.entrySet()) {
                assertEquals(e.getValue(), actual.getOrDefault(e.getKey(), List.of()),
                        e.getKey() + " split every " + splitSize + " bytes");
            }
        }
        System.out.println("pcap-spark: " + expected.size() + " captures compared; not readable sequentially: "
                + unreadable);
        assertTrue(expected.size() > 150, "compared only " + expected.size());
    }

    @Test
    void largeGeneratedFileSplitsWithoutLossOrDuplicates() throws IOException {
        Path file = generate(dir.resolve("large.pcap"), 150_000, 7);
        List<Pkt> expected = plainRead(file);
        Dataset<Row> rows = spark.read().format("pcap").option("splitSize", 1 << 20).load(file.toString());
        assertTrue(rows.rdd().getNumPartitions() > 4);
        assertEquals(expected.size(), rows.count());
        assertEquals(expected, sparkRead(file, 1 << 20));
    }

    @Test
    void aPcapngFileOfSeveralSectionsSplitsIntoTheSamePackets() throws IOException {
        // three captures written as pcapng and concatenated, as cat does: three sections
        Path file = dir.resolve("sections.pcapng");
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int seed = 0; seed < 3; seed++) {
                Path part = dir.resolve("section-" + seed + ".pcapng");
                DumpOptions pcapng = DumpOptions.builder().format(CaptureFormat.PCAPNG).build();
                try (OfflineHandle in = plain.openOffline(generate(dir.resolve("section.pcap"), 2_000, seed));
                        Dumper dumper = plain.openDumper(part, LinkType.ETHERNET, 65535, pcapng)) {
                    while (in.next() == ReadStatus.PACKET) {
                        dumper.write(in.packet());
                    }
                }
                out.write(Files.readAllBytes(part));
            }
        }
        List<Pkt> expected = plainRead(file);
        assertEquals(6_000, expected.size());
        assertEquals(expected, sparkRead(file, 64 << 10));
    }

    @Test
    void gzipFilesAreReadWhole() throws IOException {
        Path file = generate(dir.resolve("small.pcap"), 2_000, 3);
        Path gz = dir.resolve("small.pcap.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(file));
        }
        assertEquals(plainRead(file), sparkRead(gz, 256));
    }

    @Test
    void malformedRecordsFailSkipOrStopAsTheOptionSays() throws IOException {
        Path file = generate(dir.resolve("bad.pcap"), 1_000, 5);
        byte[] bytes = Files.readAllBytes(file);
        int at = 24;
        for (int i = 0; i < 500; i++) {
            at += 16 + ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(at + 8);
        }
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(at + 8, 0x7ffffff0);
        Path bad = dir.resolve("bad-501.pcap");
        Files.write(bad, bytes);
        long random = 2_000 + new Random().nextInt(40_000);
        for (long splitSize : new long[] {PcapOptions.DEFAULT_SPLIT_SIZE, random}) {
            String what = "split every " + splitSize + " bytes";
            Exception failure = assertThrows(Exception.class, () -> spark.read().format("pcap")
                    .option("splitSize", splitSize).load(bad.toString()).count(), what);
            // the offset of its caplen field
            assertTrue(rootMessage(failure).contains("offset " + (at + 8)), what + ": " + rootMessage(failure));
            assertEquals(999, spark.read().format("pcap").option("splitSize", splitSize).option("malformed", "skip")
                    .load(bad.toString()).count(), what);
            assertEquals(500, spark.read().format("pcap").option("splitSize", splitSize).option("malformed", "stop")
                    .load(bad.toString()).count(), what);
        }
    }

    @Test
    void decodedColumnsAndPushedFiltersAnswerLikeThePlainReader() throws IOException {
        Path file = generate(dir.resolve("query.pcap"), 20_000, 11);
        Dataset<Row> packets = spark.read().format("pcap").option("splitSize", 100_000).load(file.toString());
        packets.createOrReplaceTempView("packets");

        // Top talkers: bytes per source address.
        Map<String, Long> talkers = new TreeMap<>();
        for (Row r : spark.sql("SELECT src, SUM(len) AS bytes FROM packets WHERE src IS NOT NULL GROUP BY src")
                .collectAsList()) {
            talkers.put(r.getString(0), r.getLong(1));
        }
        // Bytes per destination port per minute, with a pushed filter on the port.
        Map<String, Long> perPort = new TreeMap<>();
        for (Row r : spark.sql("SELECT dst_port, CAST(unix_seconds(timestamp) / 60 AS BIGINT) AS minute, SUM(len) "
                + "FROM packets WHERE dst_port >= 1000 AND protocol = 17 GROUP BY dst_port, minute").collectAsList()) {
            perPort.put(r.getInt(0) + "@" + r.getLong(1), r.getLong(2));
        }

        Map<String, Long> expectedTalkers = new TreeMap<>();
        Map<String, Long> expectedPerPort = new TreeMap<>();
        try (OfflineHandle h = plain.openOffline(file)) {
            while (h.next() == ReadStatus.PACKET) {
                Packet p = h.packet();
                ByteBuffer b = p.data();
                int base = b.position();
                String src = (b.get(base + 26) & 0xff) + "." + (b.get(base + 27) & 0xff) + "."
                        + (b.get(base + 28) & 0xff) + "." + (b.get(base + 29) & 0xff);
                expectedTalkers.merge(src, (long) p.originalLength(), Long::sum);
                int protocol = b.get(base + 23) & 0xff;
                int dstPort = b.getShort(base + 36) & 0xffff;
                if (protocol == IpProtocol.UDP.value() && dstPort >= 1000) {
                    expectedPerPort.merge(dstPort + "@" + p.timestampSeconds() / 60, (long) p.originalLength(), Long::sum);
                }
            }
        }
        assertEquals(expectedTalkers, talkers);
        assertEquals(expectedPerPort, perPort);
        assertFalse(perPort.isEmpty());
    }

    @Test
    void bpfFilterOptionRunsOnTheExecutors() throws IOException {
        Path file = generate(dir.resolve("filtered.pcap"), 5_000, 13);
        long udp = spark.read().format("pcap").load(file.toString()).where("protocol = 17").count();
        long filtered = spark.read().format("pcap").option("filter", "udp").load(file.toString()).count();
        assertEquals(udp, filtered);
        assertTrue(udp > 0 && udp < 5_000);
    }

    @Test
    void badOptionsFailWithAMessageNamingTheOption() {
        Exception e = assertThrows(Exception.class,
                () -> spark.read().format("pcap").option("malformed", "ignore").load(dir.toString()).count());
        assertTrue(rootMessage(e).contains("malformed"), rootMessage(e));
    }

    @Test
    void aFilterSyntaxErrorFailsAtLoadWithACaretUnderIt() {
        // load() alone, no action: no task runs. The message is the one trawl prints with the java filter engine.
        Exception inferred = assertThrows(Exception.class,
                () -> spark.read().format("pcap").option("filter", "tcp port").load(dir.toString()));
        assertTrue(rootMessage(inferred).contains("option 'filter': bad filter: syntax error: unexpected end of "
                + "expression, expected a host name, address, number or port\ntcp port\n        ^"),
                rootMessage(inferred));
        Exception open = assertThrows(Exception.class,
                () -> spark.read().format("pcap").option("filter", "host (").load(dir.toString()));
        assertTrue(rootMessage(open).contains("host (\n      ^"), rootMessage(open));
    }

    private static String rootMessage(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append(" | ");
        }
        return all.toString();
    }

    /** Writes Ethernet/IPv4/TCP-or-UDP packets of mixed sizes, ports and sources, one per 10 ms. */
    static Path generate(Path file, int count, long seed) throws IOException {
        Random random = new Random(seed);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(CraftedCaptures.pcapHeader(ByteOrder.LITTLE_ENDIAN, false, 65535, 1));
            int[] sizes = {64, 64, 64, 64, 64, 64, 64, 576, 576, 576, 1500};
            for (int i = 0; i < count; i++) {
                int size = sizes[random.nextInt(sizes.length)];
                boolean udp = random.nextBoolean();
                ByteBuffer p = ByteBuffer.allocate(16 + size);
                p.order(ByteOrder.LITTLE_ENDIAN).putInt(1_700_000_000 + i / 100).putInt(i % 100 * 10_000)
                        .putInt(size).putInt(size);
                p.order(ByteOrder.BIG_ENDIAN);
                p.put(new byte[] {0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 6}).putShort((short) EtherType.IPV4.value());
                p.put((byte) 0x45).put((byte) 0).putShort((short) (size - 14)).putInt(0).put((byte) 64)
                        .put((byte) (udp ? IpProtocol.UDP : IpProtocol.TCP).value()).putShort((short) 0);
                p.putInt(0x0a000000 | random.nextInt(16)).putInt(0x0a000100 | random.nextInt(4));
                p.putShort((short) (1024 + random.nextInt(50000))).putShort((short) (udp ? 53 + random.nextInt(3) * 1000 : 443));
                if (udp) {
                    p.putShort((short) (size - 34)).putShort((short) 0);
                } else {
                    p.putInt(random.nextInt()).putInt(random.nextInt()).put((byte) 0x50).put((byte) 0x18)
                            .putShort((short) 8192).putInt(0);
                }
                p.position(p.capacity());
                out.write(p.array());
            }
        }
        return file;
    }
}
