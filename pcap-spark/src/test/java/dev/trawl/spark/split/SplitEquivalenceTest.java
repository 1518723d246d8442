package dev.trawl.spark.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.file.CaptureCursor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A split read is the sequential read: the same rows, in order, once each, and under every malformed-record
 * policy the same rows, counts and failure, whatever the split size, on the valid captures that defeat a
 * boundary search that guesses, and on damaged ones.
 */
class SplitEquivalenceTest {
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN, BE = ByteOrder.BIG_ENDIAN;
    private static final long YEAR = 365L * 24 * 3600;
    private static final long Y2024 = 1_704_067_200L;

    /** One row: where the record is and what it holds. */
    record Row(long offset, long seconds, int nanos, int caplen, int len, int linkType, int iface, int hash) {
    }

    /** What a read returns: the rows, the malformed records counted, and the failure that ended it, if any. */
    record Read(List<Row> rows, long malformed, String failure) {
    }

    /** Counts the bytes the readers read, to check how much of a file each split reads. */
    static final AtomicLong BYTES_READ = new AtomicLong();

    static SplitReader.Opener opener(byte[] file) {
        return () -> CaptureCursor.open((position, target, offset, length) -> {
            int n = (int) Math.min(length, file.length - position);
            System.arraycopy(file, (int) position, target, offset, n);
            BYTES_READ.addAndGet(n);
            return n;
        }, file.length, "test");
    }

    /** Reads {@code file} split every {@code splitSize} bytes, as the data source plans and reads it, in order. */
    static Read read(byte[] file, long splitSize, MalformedPolicy policy) throws IOException {
        List<Split> splits = splitSize >= file.length ? List.of(Split.whole(file.length))
                : SplitPlanner.plan(opener(file), file.length, splitSize);
        List<Row> rows = new ArrayList<>();
        long malformed = 0;
        String failure = null;
        for (Split split : splits) {
            try (SplitReader reader = SplitReader.open(opener(file), split, policy)) {
                CaptureRecord r = new CaptureRecord();
                while (reader.next(r)) {
                    rows.add(row(r));
                }
                malformed += reader.malformedRecords();
            } catch (MalformedCaptureException e) {
                if (failure == null) {
                    failure = e.getMessage();
                }
            }
        }
        return new Read(rows, malformed, failure);
    }

    static Row row(CaptureRecord r) {
        return new Row(r.offset, r.seconds, r.nanos, r.capturedLength, r.originalLength, r.linkType, r.interfaceId,
                Arrays.hashCode(Arrays.copyOf(r.data, r.capturedLength)));
    }

    /** The packets pcap-api's handle reads, as rows without offsets; null if it fails anywhere. */
    static List<Row> handleRead(byte[] file) {
        List<Row> rows = new ArrayList<>();
        try (OfflineHandle h = Pcap.backend("java").openOffline(new ByteArrayInputStream(file),
                OfflineOptions.of(TimestampPrecision.NANO))) {
            while (h.next() == ReadStatus.PACKET) {
                Packet p = h.packet();
                byte[] bytes = p.copy().bytes();
                // the handle reports the stated length as the unsigned field it is; the rows' int column holds
                // 2^31 - 1 at most
                int len = (int) Math.min(Integer.toUnsignedLong(p.originalLength()), Integer.MAX_VALUE);
                rows.add(new Row(0, p.timestampSeconds(), p.timestampNanos(), p.capturedLength(), len, 0,
                        p.interfaceId(), Arrays.hashCode(bytes)));
            }
        } catch (PcapException e) {
            return null;
        }
        return rows;
    }

    static List<Row> withoutOffsetsAndLinkTypes(List<Row> rows) {
        return rows.stream().map(r -> new Row(0, r.seconds(), r.nanos(), r.caplen(), r.len(), 0, r.iface(), r.hash()))
                .toList();
    }

    /** Checks that the file reads the same at each split size as in one piece, under every policy. */
    static void assertSplitsReadSequentially(String what, byte[] file, long... splitSizes) throws IOException {
        for (MalformedPolicy policy : MalformedPolicy.values()) {
            Read whole = read(file, Long.MAX_VALUE / 2, policy);
            if (policy == MalformedPolicy.FAIL && whole.failure() == null) {
                List<Row> handle = handleRead(file);
                if (handle == null) {
                    // libpcap, and so a handle, refuses a pcapng file with no interface when it opens it; tshark
                    // reads it, and so does the cursor: there can be no packet in it.
                    assertEquals(List.of(), whole.rows(), what + ": a file pcap-api refuses holds no packets");
                } else {
                    assertEquals(handle, withoutOffsetsAndLinkTypes(whole.rows()),
                            what + ": one split is pcap-api's read");
                }
            }
            for (long splitSize : splitSizes) {
                Read split = read(file, splitSize, policy);
                if (policy == MalformedPolicy.FAIL && whole.failure() != null) {
                    assertEquals(whole.failure(), split.failure(), what + " split every " + splitSize + " under fail");
                    continue;
                }
                assertEquals(whole.malformed(), split.malformed(), what + ": malformed records counted split every "
                        + splitSize + " under " + policy);
                assertEquals(whole.failure(), split.failure(), what + " split every " + splitSize + " under " + policy);
                if (!whole.rows().equals(split.rows())) {
                    assertEquals(whole.rows().size(), split.rows().size(), what + " split every " + splitSize
                            + " under " + policy + ": " + firstDifference(whole.rows(), split.rows()));
                    assertEquals(whole.rows(), split.rows(), what + " split every " + splitSize + " under " + policy);
                }
            }
        }
    }

    static String firstDifference(List<Row> expected, List<Row> actual) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            Row e = i < expected.size() ? expected.get(i) : null;
            Row a = i < actual.size() ? actual.get(i) : null;
            if (e == null || !e.equals(a)) {
                return "first difference at row " + i + " of " + expected.size() + ": expected " + e + ", got " + a;
            }
        }
        return "none";
    }

    static byte[] frames(Captures.Pcap pcap, Random random, int count, long firstSecond) {
        for (int i = 0; i < count; i++) {
            byte[] frame = Captures.ipv4Udp(random, 60 + random.nextInt(1400));
            pcap.record(firstSecond + i / 100, (i % 100) * 10_000L, frame);
        }
        return pcap.bytes();
    }

    @Test
    void aFirstRecordDatedNineteenSeventy() throws IOException {
        Captures.Pcap pcap = new Captures.Pcap(LE, false, 65535, 1);
        Random random = new Random(1);
        pcap.record(0, 0, Captures.ipv4Udp(random, 100)); // one 4-byte change in an ordinary capture
        byte[] file = frames(pcap, random, 3000, Y2024);
        assertSplitsReadSequentially("first record in 1970", file, 1000, 4096, 65536, 333_333);
    }

    @Test
    void capturesFromThreeYearsAppendedByMergecap(@TempDir Path dir) throws Exception {
        List<String> command = new ArrayList<>(List.of("mergecap", "-a", "-F", "pcap", "-w",
                dir.resolve("merged.pcap").toString()));
        Random random = new Random(2);
        for (int year : new int[] {2015, 2020, 2026}) {
            Captures.Pcap pcap = new Captures.Pcap(LE, false, 65535, 1);
            Path part = dir.resolve(year + ".pcap");
            Files.write(part, frames(pcap, random, 241, Y2024 + (year - 2024) * YEAR));
            command.add(part.toString());
        }
        Process mergecap = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(mergecap.waitFor(60, TimeUnit.SECONDS) && mergecap.exitValue() == 0,
                new String(mergecap.getInputStream().readAllBytes()));
        byte[] file = Files.readAllBytes(dir.resolve("merged.pcap"));
        assertEquals(723, handleRead(file).size());
        assertSplitsReadSequentially("mergecap -a of 2015, 2020 and 2026", file, 65536, 10_000, 4096);
    }

    /** The bytes of an HTTP response that downloads {@code body}. */
    static byte[] httpDownload(byte[] body) {
        return Captures.concat(("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.tcpdump.pcap\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(), body);
    }

    @Test
    void aCaptureOfTheDownloadOfACaptureFile() throws IOException {
        Random random = new Random(3);
        byte[] inner = frames(new Captures.Pcap(LE, false, 65535, 1), random, 400, Y2024 - 3600);
        for (int mss : new int[] {1448, 8960, 65000}) {
            Captures.Pcap outer = new Captures.Pcap(LE, false, 262144, 1);
            int i = 0;
            for (byte[] segment : Captures.tcpSegments(httpDownload(inner), mss)) {
                outer.record(Y2024 + i / 50, (i % 50) * 20_000L, segment);
                i++;
            }
            byte[] file = outer.bytes();
            assertSplitsReadSequentially("download of a capture, MSS " + mss, file, 512, 1500, 4096, 20_000,
                    file.length / 3);
        }
    }

    @Test
    void ipv6AddressesInsidePacketsAreNotRecords() throws IOException {
        Random random = new Random(4);
        Captures.Pcap pcap = new Captures.Pcap(LE, true, 65535, 1);
        for (int i = 0; i < 3000; i++) {
            pcap.record(Y2024 + i, random.nextInt(1_000_000_000), Captures.ipv6Tcp(random, 74 + random.nextInt(200)));
        }
        // The last packet's destination address reads, in the file's byte order, as the header of a record dated
        // 2033 that ends exactly where the file ends.
        byte[] last = Captures.ipv6Tcp(random, 200);
        int after = last.length - 54;
        ByteBuffer.wrap(last, 38, 16).order(LE).putInt((int) (Y2024 + 9 * YEAR)).putInt(123_456).putInt(after)
                .putInt(after);
        int lastAt = pcap.size();
        pcap.record(Y2024 + 3000, 0, last);
        byte[] file = pcap.bytes();
        long[] sizes = new long[24];
        for (int i = 0; i < 4; i++) {
            sizes[i] = 64 + random.nextInt(5000);
        }
        for (int i = 4; i < sizes.length; i++) {
            sizes[i] = lastAt + 16 + 2 * i; // the last split starts inside the last packet, before the address
        }
        assertSplitsReadSequentially("IPv6", file, sizes);
    }

    @Test
    void unusualValidRecordsAreReadWhereverASplitStarts() throws IOException {
        Random random = new Random(5);
        Captures.Pcap pcap = new Captures.Pcap(LE, false, 65535, 1);
        List<Integer> unusual = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            byte[] frame = Captures.ipv4Udp(random, 60 + random.nextInt(200));
            if (i % 20 == 10) {
                unusual.add(pcap.size());
                switch (i / 20 % 3) {
                    case 0 -> pcap.record(Y2024 + i, 0, frame.length, frame.length - 10, frame); // caplen > len
                    case 1 -> pcap.record(Y2024 + i, 1_000_000, frame); // a microsecond field of 1,000,000
                    default -> pcap.record(Y2024 + i, 0, frame.length, 0, frame); // len 0
                }
            } else {
                pcap.record(Y2024 + i, 0, frame);
            }
        }
        byte[] file = pcap.bytes();
        for (int at : unusual) {
            for (int before = 0; before < 40; before += 3) {
                long cut = at - before;
                Read whole = read(file, Long.MAX_VALUE / 2, MalformedPolicy.FAIL);
                Read split = twoSplits(file, cut);
                assertEquals(whole.rows(), split.rows(), "a split starting " + before + " bytes before the record at "
                        + at + ": " + firstDifference(whole.rows(), split.rows()));
            }
        }
    }

    /** Reads {@code file} as two splits, cut at {@code cut}. */
    static Read twoSplits(byte[] file, long cut) throws IOException {
        return read(file, cut, MalformedPolicy.FAIL); // splits of that size: the second starts at the cut
    }

    @Test
    void aTruncatedLastRecordIsTheSameErrorWhereverTheSplitsFall() throws IOException {
        Random random = new Random(6);
        byte[] whole = frames(new Captures.Pcap(LE, false, 65535, 1), random, 300, Y2024);
        byte[] file = Arrays.copyOf(whole, whole.length - 30);
        Read sequential = read(file, Long.MAX_VALUE / 2, MalformedPolicy.FAIL);
        assertNotNull(sequential.failure());
        long[] sizes = new long[30];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = file.length - 100 - 97L * i; // the last split starts among the last records
        }
        assertSplitsReadSequentially("a truncated last record", file, sizes);
    }

    @Test
    void malformedRecordsCountAndStopAlikeAtEverySplitSize() throws IOException {
        Random random = new Random(7);
        byte[] file = frames(new Captures.Pcap(LE, false, 65535, 1), random, 2000, Y2024);
        ByteBuffer b = ByteBuffer.wrap(file).order(LE);
        long at = 24;
        for (int i = 0; i < 2000; i++) {
            if (i % 400 == 123) {
                b.putInt((int) at + 8, 0x7ffffff0); // a captured length no reader accepts
            } else if (i % 400 == 321) {
                b.putInt((int) at + 8, 0x10000); // a captured length that runs into the next records
            }
            long caplen = b.getInt((int) at + 12); // lengths are equal in these records
            at += 16 + caplen;
        }
        long[] sizes = {1000, 4096, 7777, 65536, 100_000};
        assertSplitsReadSequentially("a capture with malformed records", file, sizes);
    }

    /** A pcapng file of about {@code size} bytes: one section, one interface, Ethernet frames. */
    static byte[] pcapng(Random random, int size) {
        return pcapng(random, size, LE);
    }

    /** A pcapng file of about {@code size} bytes in byte order {@code order}. */
    static byte[] pcapng(Random random, int size, ByteOrder order) {
        Captures.Pcapng ng = new Captures.Pcapng().section(order).idb(1, 65535, 9, 0);
        while (ng.size() < size) {
            byte[] frame = Captures.ipv4Udp(random, 60 + random.nextInt(1400));
            ng.epb(0, Y2024 * 1_000_000_000L + ng.size(), frame.length, frame.length, frame);
        }
        return ng.bytes();
    }

    /** Bytes read planning and reading {@code file} in 1 MiB splits, per byte of the file. */
    static double bytesReadPerByte(byte[] file) throws IOException {
        BYTES_READ.set(0);
        Read split = read(file, 1 << 20, MalformedPolicy.FAIL);
        double perByte = (double) BYTES_READ.get() / file.length;
        assertEquals(read(file, Long.MAX_VALUE / 2, MalformedPolicy.FAIL).rows(), split.rows());
        return perByte;
    }

    @Test
    void theSectionsOfAConcatenatedPcapngFileArePlannedWithoutWalkingOnTheDriver() throws IOException {
        Random random = new Random(9);
        for (ByteOrder third : new ByteOrder[] {LE, BE}) {
            byte[] file = Captures.concat(Captures.concat(pcapng(random, 1 << 20), pcapng(random, 1 << 20)),
                    pcapng(random, 1 << 20, third));
            long splitSize = 100_000;
            List<SplitPlanner.Probe> probes = SplitPlanner.probes(file.length, splitSize);
            List<SplitPlanner.Walk> walks = new ArrayList<>();
            for (SplitPlanner.Probe p : probes) {
                walks.add(SplitPlanner.probe(opener(file), p));
            }
            List<SplitPlanner.Probe> again = SplitPlanner.rewalks(probes, walks);
            int rewalked = 0;
            for (int k = 0; k < again.size(); k++) {
                if (again.get(k) != null) {
                    walks.set(k, SplitPlanner.probe(opener(file), again.get(k)));
                    rewalked++;
                }
            }
            // The splits of the second section, and of the third when a guess in the first section's byte order
            // finds its blocks; the driver walks those of a third section in the other byte order.
            int expected = probes.size() * (third == LE ? 2 : 1) / 3 - 1;
            assertTrue(rewalked >= expected, rewalked + " of " + probes.size() + " splits walked again");
            BYTES_READ.set(0);
            List<Split> splits = SplitPlanner.stitch(opener(file), probes, walks);
            if (third == LE) {
                assertEquals(0, BYTES_READ.get(), "bytes the driver read to put the walks together");
            }
            assertEquals(SplitPlanner.plan(opener(file), file.length, splitSize), splits);
            assertSplitsReadSequentially("three sections, the third " + third, file, splitSize, 333_333);
        }
    }

    @Test
    void aWalkKeepsOnlyTheBlocksOfItsLastSection() throws IOException {
        Random random = new Random(10);
        Captures.Pcapng ng = new Captures.Pcapng();
        for (int i = 0; i < 5_000; i++) {
            byte[] frame = Captures.ipv4Udp(random, 60);
            ng.section(i % 2 == 0 ? LE : BE).idb(1, 65535, -1, 0).idb(101, 0, 9, 0)
                    .epb(i % 2, Y2024 * 1_000_000L + i, frame.length, frame.length, frame);
        }
        byte[] file = ng.bytes();
        SplitPlanner.Walk walk = SplitPlanner.probe(opener(file), new SplitPlanner.Probe(0, file.length, 0,
                Context.NONE));
        assertEquals(6, walk.blocks.length, "the last section header and its two interfaces");
        assertEquals(0, walk.firstBlock);
        assertSplitsReadSequentially("5,000 sections", file, 4096, 100_000);
    }

    @Test
    void pcapngSplitsReadLinearlyInTheFileSize() throws IOException {
        Random random = new Random(8);
        double small = bytesReadPerByte(pcapng(random, 8 << 20));
        double large = bytesReadPerByte(pcapng(random, 32 << 20));
        System.out.printf("pcapng in 1 MiB splits, planned and read: %.2f bytes read per byte at 8 MiB, %.2f at 32 MiB%n",
                small, large);
        assertTrue(large < 3, "1 MiB splits of a 32 MiB pcapng file read " + large + " bytes per byte");
        assertTrue(large < small * 1.25, "bytes read per byte grow with the file: " + small + " at 8 MiB, " + large
                + " at 32 MiB");
    }
}
