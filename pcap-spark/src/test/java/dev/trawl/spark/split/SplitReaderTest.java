package dev.trawl.spark.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.tck.CraftedCaptures;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.file.CaptureCursor;
import dev.trawl.pcap.tck.TestCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SplitReaderTest {

    /** One record's identity: where it is and what it holds. */
    record Row(long offset, long seconds, int nanos, int caplen, int len, int linkType, int iface, int hash) {
    }

    static Stream<Path> captures() throws IOException {
        try (Stream<Path> files = Files.list(TestCorpus.captures())) {
            return files.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng")).sorted()
                    .toList().stream();
        }
    }

    /** Opens a file as a Hadoop file is opened: through positioned reads. */
    static SplitReader.Opener source(Path file) {
        return () -> {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            return CaptureCursor.open(new CaptureCursor.Source() {
                @Override
                public int read(long position, byte[] target, int offset, int length) throws IOException {
                    return channel.read(ByteBuffer.wrap(target, offset, length), position);
                }

                @Override
                public void close() throws IOException {
                    channel.close();
                }
            }, channel.size(), file.getFileName().toString());
        };
    }

    static List<Row> read(Path file, MalformedPolicy policy) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (SplitReader reader = SplitReader.open(source(file), Split.whole(Files.size(file)), policy)) {
            CaptureRecord r = new CaptureRecord();
            while (reader.next(r)) {
                rows.add(new Row(r.offset, r.seconds, r.nanos, r.capturedLength, r.originalLength, r.linkType,
                        r.interfaceId, Arrays.hashCode(Arrays.copyOf(r.data, r.capturedLength))));
            }
        }
        return rows;
    }

    /** Seeds the split sizes: different in every run, printed with any failure. */
    private static final long SEED = Long.getLong("trawl.splitSeed", System.nanoTime());

    /**
     * Every corpus capture, damaged ones included, reads the same in splits of random sizes as in one piece, under
     * every malformed-record policy: the same records in order, the same count, the same failure.
     */
    @ParameterizedTest
    @MethodSource("captures")
    void splitReadsReturnExactlyTheSequentialRecords(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Random random = new Random(SEED ^ file.getFileName().hashCode());
        long[] sizes = new long[4];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = 64 + random.nextInt(i < 2 ? 400 : 4000);
        }
        SplitEquivalenceTest.assertSplitsReadSequentially(file.getFileName() + " (seed " + SEED + ")", bytes, sizes);
    }

    @Test
    void sequentialReadAgreesWithTsharkOnAWellFormedCapture() throws IOException {
        Path file = TestCorpus.capture("dns_udp.pcap");
        List<Row> rows = read(file, MalformedPolicy.FAIL);
        List<String> expected = Files.readAllLines(
                TestCorpus.file("expected/dns_udp.pcap.tsv")).subList(1, 3);
        assertEquals(expected.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] f = expected.get(i).split("\t", -1);
            Row r = rows.get(i);
            assertEquals(f[1], r.seconds() + "." + String.format("%09d", r.nanos()));
            assertEquals(Integer.parseInt(f[2]), r.len());
            assertEquals(Integer.parseInt(f[3]), r.caplen());
        }
    }

    /**
     * Records whose lengths and times a damaged file states come out as the built-in codec (held to tcpdump by
     * the conformance kit) delivers them: a fraction out of range carried as libpcap delivers it, lengths as
     * stated (a wire length of 2^31 or more as 2^31 - 1, which the int column can hold).
     */
    @Test
    void damagedRecordsReadAsTheCodecReadsThem(@TempDir Path dir) throws Exception {
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            for (boolean nanos : new boolean[] {false, true}) {
                Path file = Files.write(dir.resolve("damaged.pcap"),
                        CraftedCaptures.pcap(CraftedCaptures.damagedRecords(), order, nanos));
                List<String> expected = new ArrayList<>();
                try (OfflineHandle h = Pcap.backend("java").openOffline(file,
                        OfflineOptions.of(TimestampPrecision.NANO))) {
                    while (h.next() == ReadStatus.PACKET) {
                        Packet p = h.packet();
                        expected.add(p.timestampSeconds() + "." + p.timestampNanos() + " caplen=" + p.capturedLength()
                                + " len=" + Math.min(Integer.toUnsignedLong(p.originalLength()), Integer.MAX_VALUE));
                    }
                }
                List<String> rows = read(file, MalformedPolicy.FAIL).stream()
                        .map(r -> r.seconds() + "." + r.nanos() + " caplen=" + r.caplen() + " len=" + r.len()).toList();
                assertEquals(expected, rows, order + (nanos ? " nanoseconds" : " microseconds"));
            }
        }
    }

    @Test
    void truncatedRecordFailsWithItsOffsetOrIsSkippedAndCounted(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cut.pcap");
        byte[] whole = Files.readAllBytes(TestCorpus.capture("dns_udp.pcap"));
        Files.write(file, Arrays.copyOf(whole, whole.length - 10));
        MalformedCaptureException e = assertThrows(MalformedCaptureException.class,
                () -> read(file, MalformedPolicy.FAIL));
        assertTrue(e.getMessage().contains("truncated dump file"), e.getMessage());
        assertEquals(24 + 16 + 98, e.offset());
        try (SplitReader reader = SplitReader.open(source(file), Split.whole(Files.size(file)), MalformedPolicy.SKIP)) {
            CaptureRecord r = new CaptureRecord();
            int count = 0;
            while (reader.next(r)) {
                count++;
            }
            assertEquals(1, count);
            assertEquals(1, reader.malformedRecords());
        }
    }

    @Test
    void skipResynchronisesAfterACorruptRecordInTheMiddle(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("corrupt.pcap");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header());
        for (int i = 0; i < 40; i++) {
            out.write(record(1_700_000_000 + i, i * 1000, 60 + i));
        }
        byte[] bytes = out.toByteArray();
        int tenth = 24; // the offset of record 10 (zero-based)
        for (int i = 0; i < 10; i++) {
            tenth += 16 + 60 + i;
        }
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(tenth + 8, 0x7fffffff); // absurd caplen
        Files.write(file, bytes);
        try (SplitReader reader = SplitReader.open(source(file), Split.whole(Files.size(file)), MalformedPolicy.SKIP)) {
            CaptureRecord r = new CaptureRecord();
            List<Long> seconds = new ArrayList<>();
            while (reader.next(r)) {
                seconds.add(r.seconds - 1_700_000_000L);
            }
            assertEquals(39, seconds.size(), seconds.toString());
            assertTrue(!seconds.contains(10L) && seconds.contains(11L), seconds.toString());
            assertEquals(1, reader.malformedRecords());
        }
    }

    private static byte[] header() {
        return CraftedCaptures.pcapHeader(ByteOrder.LITTLE_ENDIAN, false, 65535, 1);
    }

    private static byte[] record(int seconds, int micros, int length) {
        ByteBuffer b = ByteBuffer.allocate(16 + length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(seconds).putInt(micros).putInt(length).putInt(length);
        for (int i = 0; i < length; i++) {
            b.put((byte) (i * 7 + seconds));
        }
        return b.array();
    }
}
