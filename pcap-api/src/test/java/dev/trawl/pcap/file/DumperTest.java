package dev.trawl.pcap.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.DumpOptions;
import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.PacketRecord;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumperTest {
    private static final DumpOptions NANO = DumpOptions.builder().precision(TimestampPrecision.NANO).build();
    private static final DumpOptions PCAPNG_NANO =
            DumpOptions.builder().format(CaptureFormat.PCAPNG).precision(TimestampPrecision.NANO).build();
    private final JavaBackend backend = new JavaBackend();

    @TempDir
    Path dir;

    static ByteBuffer frame(int length, int seed) {
        ByteBuffer b = ByteBuffer.allocate(length);
        for (int i = 0; i < length; i++) {
            b.put(i, (byte) (seed + i));
        }
        return b;
    }

    private List<PacketRecord> readAll(Path file, TimestampPrecision precision) throws IOException {
        List<PacketRecord> all = new ArrayList<>();
        try (OfflineHandle h = backend.openOffline(file, OfflineOptions.of(precision))) {
            while (h.next() == ReadStatus.PACKET) {
                all.add(h.packet().copy());
            }
        }
        return all;
    }

    @Test
    void pcapRoundTripKeepsNanosecondsAndMicroWritingTruncates() throws IOException {
        Path nano = dir.resolve("n.pcap");
        Path micro = dir.resolve("u.pcap");
        try (Dumper d = backend.openDumper(nano, LinkType.ETHERNET, 65535, NANO);
                Dumper m = backend.openDumper(micro, LinkType.ETHERNET, 65535, DumpOptions.defaults())) {
            d.write(1_700_000_000L, 123_456_789, 100, frame(60, 1));
            m.write(1_700_000_000L, 123_456_789, 100, frame(60, 1));
        }
        PacketRecord p = readAll(nano, TimestampPrecision.NANO).get(0);
        assertEquals(123_456_789, p.timestampNanos());
        assertEquals(100, p.originalLength());
        assertEquals(frame(60, 1), ByteBuffer.wrap(p.bytes()));
        assertEquals(123_456_000, readAll(micro, TimestampPrecision.NANO).get(0).timestampNanos());
    }

    @Test
    @Tag("native")
    void pcapFilesAreReadByTcpdumpTsharkAndCapinfos() throws Exception {
        Oracle.require(Oracle.onPath("tcpdump") && Oracle.onPath("tshark") && Oracle.onPath("capinfos"),
                "tcpdump, tshark and capinfos");
        Path file = dir.resolve("w.pcap");
        try (Dumper d = backend.openDumper(file, LinkType.ETHERNET, 65535, NANO)) {
            for (int i = 0; i < 3; i++) {
                d.write(1_700_000_000L + i, 5 + i, 60, frame(60, i));
            }
        }
        List<String> tcpdump = Oracle.run(List.of("tcpdump", "-nn", "-tt", "--time-stamp-precision=nano", "-r",
                file.toString())).lines().stream().filter(line -> line.startsWith("17")).toList();
        assertEquals(3, tcpdump.size(), tcpdump.toString());
        assertTrue(tcpdump.get(2).startsWith("1700000002.000000007"), tcpdump.get(2));
        List<String> tshark = Oracle.run(List.of("tshark", "-r", file.toString(), "-T", "fields", "-e",
                "frame.time_epoch", "-e", "frame.len")).lines();
        assertEquals(List.of("1700000000.000000005\t60", "1700000001.000000006\t60", "1700000002.000000007\t60"),
                tshark);
        String capinfos = Oracle.run(List.of("capinfos", "-c", "-E", file.toString())).stdout();
        assertTrue(capinfos.matches("(?s).*Number of packets:\\s+3\\b.*"), capinfos);
    }

    private Path writePcapng() throws PcapException {
        Path file = dir.resolve("w.pcapng");
        try (Dumper plain = backend.openDumper(file, LinkType.ETHERNET, 65535, PCAPNG_NANO)) {
            PcapngDumper d = (PcapngDumper) plain;
            d.sectionComment("made by DumperTest");
            int second = d.addInterface(InterfaceInfo.of(LinkType.ETHERNET, 65535).withName("eth1")
                    .withDescription("second interface").withTsresol(InterfaceInfo.TSRESOL_MICRO));
            d.write(new PacketRecord(1_700_000_000L, 7, 60, bytes(frame(60, 1)), 0, "first packet", 1));
            d.write(new PacketRecord(1_700_000_001L, 5_000, 60, bytes(frame(60, 2)), second, null, 2));
            d.write(1_700_000_002L, 9, 80, frame(60, 3));
            d.writeStatistics(InterfaceStatistics.of(0, Instant.ofEpochSecond(1_700_000_003L), 3, 1));
        }
        return file;
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.get(b.position(), a);
        return a;
    }

    @Test
    void pcapngRoundTripKeepsInterfacesCommentsFlagsAndStatistics() throws IOException {
        Path file = writePcapng();
        try (OfflineHandle h = backend.openOffline(file, OfflineOptions.of(TimestampPrecision.NANO))) {
            assertEquals(ReadStatus.PACKET, h.next());
            assertEquals("first packet", h.packet().comment());
            assertEquals(1, h.packet().flags());
            assertEquals(7, h.packet().timestampNanos());
            assertEquals(ReadStatus.PACKET, h.next());
            assertEquals(1, h.packet().interfaceId());
            assertEquals(5_000, h.packet().timestampNanos());
            assertEquals(2, h.packet().flags());
            assertEquals(ReadStatus.PACKET, h.next());
            assertEquals(80, h.packet().originalLength());
            assertEquals(ReadStatus.END_OF_FILE, h.next());
            SectionInfo section = h.unwrap(CaptureInfo.class).sections().get(0);
            assertEquals("made by DumperTest", section.comment());
            assertEquals("trawl", section.application());
            assertEquals("eth1", section.interfaces().get(1).name());
            assertEquals(InterfaceInfo.TSRESOL_NANO, section.interfaces().get(0).tsresol());
            assertEquals(1, section.statistics().size());
            assertEquals(3, section.statistics().get(0).received());
            assertEquals(1, section.statistics().get(0).dropped());
        }
    }

    @Test
    @Tag("native")
    void pcapngFilesAreReadByTsharkCapinfosAndLibpcap() throws Exception {
        Oracle.require(Oracle.onPath("tcpdump") && Oracle.onPath("tshark") && Oracle.onPath("capinfos"),
                "tcpdump, tshark and capinfos");
        Path file = writePcapng();
        List<String> tshark = Oracle.run(List.of("tshark", "-r", file.toString(), "-T", "fields", "-e",
                "frame.interface_id", "-e", "frame.time_epoch", "-e", "frame.comment")).lines();
        assertEquals(List.of("0\t1700000000.000000007\tfirst packet", "1\t1700000001.000005000\t",
                "0\t1700000002.000000009\t"), tshark);
        String capinfos = Oracle.run(List.of("capinfos", file.toString())).stdout();
        assertTrue(capinfos.matches("(?s).*Number of packets:\\s+3\\b.*"), capinfos);
        assertTrue(capinfos.contains("made by DumperTest"), capinfos);
        assertTrue(capinfos.matches("(?s).*Number of interfaces in file: 2.*"), capinfos);
        Oracle.Result tcpdump = Oracle.run(List.of("tcpdump", "-nn", "-r", file.toString()));
        assertEquals(3, tcpdump.lines().stream().filter(line -> line.matches("^\\d.*")).count(), tcpdump.stderr());
    }

    @Test
    void appendingNeedsAMatchingHeader() throws IOException {
        Path file = dir.resolve("a.pcap");
        try (Dumper d = backend.openDumper(file, LinkType.ETHERNET, 65535, NANO)) {
            d.write(1, 0, 60, frame(60, 0));
        }
        DumpOptions append = DumpOptions.builder().append(true).build();
        try (Dumper d = backend.openDumper(file, LinkType.ETHERNET, 65535, append)) {
            d.write(2, 5, 60, frame(60, 1));
        }
        List<PacketRecord> all = readAll(file, TimestampPrecision.NANO);
        assertEquals(2, all.size());
        assertEquals(5, all.get(1).timestampNanos(), "appended with the file's nanosecond precision");
        String linkType = assertThrows(PcapException.class,
                () -> backend.openDumper(file, LinkType.RAW, 65535, append)).getMessage();
        assertTrue(linkType.contains("link type"), linkType);
        String snaplen = assertThrows(PcapException.class,
                () -> backend.openDumper(file, LinkType.ETHERNET, 100, append)).getMessage();
        assertTrue(snaplen.contains("snapshot length"), snaplen);
        DumpOptions micro = DumpOptions.builder().append(true).precision(TimestampPrecision.MICRO).build();
        String precision = assertThrows(PcapException.class,
                () -> backend.openDumper(file, LinkType.ETHERNET, 65535, micro)).getMessage();
        assertTrue(precision.contains("nanosecond"), precision);
        DumpOptions pcapng = DumpOptions.builder().append(true).format(CaptureFormat.PCAPNG).build();
        assertThrows(PcapException.class, () -> backend.openDumper(file, LinkType.ETHERNET, 65535, pcapng));
        assertEquals(2, readAll(file, TimestampPrecision.NANO).size(), "failed appends leave the file alone");
    }

    @Test
    void appendingToPcapngAddsASection() throws IOException {
        Path file = writePcapng();
        DumpOptions append = DumpOptions.builder().append(true).format(CaptureFormat.PCAPNG).build();
        try (Dumper d = backend.openDumper(file, LinkType.RAW, 1500, append)) {
            d.write(5, 0, 20, frame(20, 0));
        }
        try (OfflineHandle h = backend.openOffline(file)) {
            int n = 0;
            while (h.next() == ReadStatus.PACKET) {
                n++;
            }
            assertEquals(4, n);
            assertEquals(2, h.unwrap(CaptureInfo.class).sections().size());
        }
    }

    @Test
    void streamDumperRoundTrips() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Dumper d = backend.openDumper(out, LinkType.ETHERNET, 65535, DumpOptions.defaults());
        d.write(3, 4000, 60, frame(60, 9));
        d.close();
        d.close();
        assertThrows(IllegalStateException.class, () -> d.write(1, 0, 1, frame(1, 0)));
        try (OfflineHandle h = backend.openOffline(new ByteArrayInputStream(out.toByteArray()),
                OfflineOptions.defaults())) {
            assertEquals(ReadStatus.PACKET, h.next());
            assertEquals(4000, h.packet().timestampNanos());
        }
    }

    @Test
    void badPacketArgumentsAreRejected() throws IOException {
        try (Dumper d = backend.openDumper(dir.resolve("x.pcap"), LinkType.ETHERNET, 65535, NANO)) {
            assertThrows(IllegalArgumentException.class, () -> d.write(1, 0, 10, frame(60, 0)));
            assertThrows(IllegalArgumentException.class, () -> d.write(1, 1_000_000_000, 60, frame(60, 0)));
            assertThrows(IllegalArgumentException.class, () -> d.write(-1, 0, 60, frame(60, 0)));
        }
        try (Dumper d = backend.openDumper(dir.resolve("x.pcapng"), LinkType.ETHERNET, 65535, PCAPNG_NANO)) {
            assertThrows(IllegalArgumentException.class, () -> d.write(-1, 0, 60, frame(60, 0)));
            assertThrows(IllegalArgumentException.class, () -> d.write(Long.MAX_VALUE / 10, 0, 60, frame(60, 0)));
            assertThrows(IllegalArgumentException.class, () -> d.write(1, 0, 10, frame(60, 0)));
            assertThrows(IllegalArgumentException.class,
                    () -> ((PcapngDumper) d).writeStatistics(InterfaceStatistics.of(5, Instant.EPOCH, 1, 1)));
            d.write(10_000_000_000L, 999_999_999, 60, frame(60, 0)); // beyond 2^63 ns: the unsigned range
        }
        try (OfflineHandle h = backend.openOffline(dir.resolve("x.pcapng"), OfflineOptions.of(TimestampPrecision.NANO))) {
            assertEquals(ReadStatus.PACKET, h.next());
            assertEquals(10_000_000_000L, h.packet().timestampSeconds());
            assertEquals(999_999_999, h.packet().timestampNanos());
        }
    }

    @Test
    void aFullDiskFailsWithAPcapException() throws IOException {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "/dev/full is not available");
        PcapException e = assertThrows(PcapException.class, () -> {
            try (Dumper d = backend.openDumper(full, LinkType.ETHERNET, 65535, DumpOptions.defaults())) {
                d.write(1, 0, 60, frame(60, 0));
                d.flush();
            }
        });
        assertTrue(e.getMessage().contains("/dev/full") && e.getMessage().contains("No space left"), e.getMessage());
    }

    @Test
    void aMissingDirectoryFailsWithAPcapException() {
        PcapException e = assertThrows(PcapException.class, () -> backend.openDumper(
                dir.resolve("gone").resolve("x.pcap"), LinkType.ETHERNET, 65535, DumpOptions.defaults()));
        assertTrue(e.getMessage().contains("directory does not exist"), e.getMessage());
    }

    @Test
    void newDumperUsesTheHandlesPrecision() throws IOException {
        Path source = dir.resolve("s.pcap");
        try (Dumper d = backend.openDumper(source, LinkType.ETHERNET, 65535, NANO)) {
            d.write(1, 123, 60, frame(60, 0));
        }
        Path copy = dir.resolve("c.pcap");
        try (OfflineHandle h = backend.openOffline(source, OfflineOptions.of(TimestampPrecision.NANO));
                Dumper d = h.newDumper(copy)) {
            while (h.next() == ReadStatus.PACKET) {
                d.write(h.packet());
            }
        }
        assertEquals(123, readAll(copy, TimestampPrecision.NANO).get(0).timestampNanos());
    }

    @Test
    void aPcapngCopyThroughTheHandleKeepsEveryInterface() throws IOException {
        Path source = Oracle.corpus().resolve("captures").resolve("pcapnggen-le-difficult-test202.pcapng");
        Path copy = dir.resolve("copy.pcapng");
        List<PacketRecord> original = new ArrayList<>();
        try (OfflineHandle h = backend.openOffline(source, OfflineOptions.of(TimestampPrecision.NANO));
                Dumper d = h.newDumper(copy, DumpOptions.builder().format(CaptureFormat.PCAPNG).build())) {
            while (h.next() == ReadStatus.PACKET) {
                if (h.unwrap(CaptureInfo.class).sections().size() > 1) {
                    break; // one section: the copy is one section
                }
                original.add(h.packet().copy());
                d.write(h.packet());
            }
        }
        assertTrue(original.stream().anyMatch(p -> p.interfaceId() == 1), "the source uses two interfaces");
        List<PacketRecord> copied = readAll(copy, TimestampPrecision.NANO);
        assertEquals(original, copied);
        try (OfflineHandle h = backend.openOffline(copy)) {
            h.next();
            List<InterfaceInfo> interfaces = h.unwrap(CaptureInfo.class).interfaces();
            assertEquals(LinkType.ETHERNET, interfaces.get(0).linkType());
        }
    }

    /** Run in a child JVM: writes two packets, flushes, writes a third, and dies without closing. */
    static final class Crasher {
        public static void main(String[] args) throws IOException {
            DumpOptions options = DumpOptions.builder().format(CaptureFormat.valueOf(args[1])).build();
            Dumper d = new JavaBackend().openDumper(Path.of(args[0]), LinkType.ETHERNET, 65535, options);
            d.write(1, 0, 60, frame(60, 1));
            d.write(2, 0, 60, frame(60, 2));
            d.flush();
            d.write(3, 0, 60, frame(60, 3));
            Runtime.getRuntime().halt(3);
        }
    }

    @Test
    @Tag("native")
    void flushedPacketsSurviveTheDeathOfTheProcess() throws Exception {
        Oracle.require(Oracle.onPath("tcpdump") && Oracle.onPath("tshark"), "tcpdump and tshark");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (CaptureFormat format : CaptureFormat.values()) {
            Path file = dir.resolve("crash-" + format);
            Oracle.Result child = Oracle.run(List.of(java, "-cp", System.getProperty("java.class.path"),
                    Crasher.class.getName(), file.toString(), format.name()));
            assertEquals(3, child.exit(), "the child died at halt: " + child.stderr());
            assertEquals(2, readAll(file, TimestampPrecision.MICRO).size());
            Oracle.Result tcpdump = Oracle.run(List.of("tcpdump", "-nn", "-r", file.toString()));
            assertEquals(2, tcpdump.lines().stream().filter(line -> line.matches("^\\d.*")).count(),
                    tcpdump.stderr());
            Oracle.Result tshark = Oracle.run(List.of("tshark", "-r", file.toString()));
            assertEquals(0, tshark.exit(), tshark.stderr());
            assertEquals(2, tshark.lines().size(), tshark.stdout());
        }
    }
}
