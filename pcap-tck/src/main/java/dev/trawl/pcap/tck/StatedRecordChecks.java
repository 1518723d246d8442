package dev.trawl.pcap.tck;

import dev.trawl.pcap.Capability;
import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.PacketRecord;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;

import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Records as a damaged or hand-made file states them ({@link CraftedCaptures#damagedRecords()}), in pcap files
 * of both byte orders and both units and in pcapng: a provider reports the lengths and times libpcap delivers
 * for them, through {@code next}, {@code copy} and {@code loop}, and its dumper writes them back so.
 *
 * <p>The references are the tools. tshark shows the lengths a record states (a wire length of 2^31 or more as
 * 2^31 - 1). tcpdump prints the times libpcap delivers at the precision asked for: with {@code -ttttt} the
 * time since the first packet, where a negative fraction (libpcap reads the fraction field of a file in this
 * machine's byte order as signed) is borrowed from the seconds, and a fraction of a second or more is printed
 * as it is; a provider reports that instant, the fraction carried into the seconds. tcpdump prints no time for
 * a record whose lengths it refuses; tshark's time stands for those, whose fractions are in range.
 */
abstract class StatedRecordChecks extends KitPart {
    /** A line of {@code tcpdump -ttttt}: the time since the first packet. */
    private static final Pattern SINCE_FIRST = Pattern.compile("^ (\\d+):(\\d\\d):(\\d\\d)\\.(\\d+) ");
    /** A line of {@code tcpdump -tt}: seconds and fraction since 1970. */
    private static final Pattern EPOCH = Pattern.compile("^(\\d+)\\.(\\d+) ");

    /**
     * tshark's frame.len, frame.cap_len and frame.time_epoch of each crafted capture, by name: the files are
     * the same bytes in every test, and tshark takes a second to start.
     */
    private static final Map<String, List<String[]>> TSHARK = new ConcurrentHashMap<>();

    @TempDir
    Path dir;

    /** A crafted capture of {@link CraftedCaptures#damagedRecords()}: its name, its file, and its unit. */
    private record Crafted(String name, Path file, boolean nanos) {
    }

    private List<Crafted> captures() throws Exception {
        Assumptions.assumeTrue(supports(Capability.OFFLINE_FILE), "no OFFLINE_FILE");
        List<Crafted> files = new ArrayList<>();
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            for (boolean nanos : new boolean[] {false, true}) {
                String name = "damaged-" + (order == ByteOrder.BIG_ENDIAN ? "be" : "le") + (nanos ? "-ns" : "-us")
                        + ".pcap";
                Path file = dir.resolve(name);
                Files.write(file, CraftedCaptures.pcap(CraftedCaptures.damagedRecords(), order, nanos));
                files.add(new Crafted(name, file, nanos));
            }
        }
        if (supports(Capability.READ_PCAPNG)) {
            Path file = dir.resolve("damaged.pcapng");
            Files.write(file, CraftedCaptures.pcapng(CraftedCaptures.damagedRecords()));
            files.add(new Crafted("damaged.pcapng", file, false));
        }
        return files;
    }

    @TestFactory
    Stream<DynamicTest> everyReadReportsTheLengthsTheFileStates() throws Exception {
        return captures().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> bounded(() -> {
            List<String> stated = CraftedCaptures.damagedRecords().stream()
                    .map(r -> lengths(r.originalLength(), r.capturedLength())).toList();
            List<String> tshark = tshark(c).stream()
                    .map(l -> lengths(Integer.parseInt(l[0]), Integer.parseInt(l[1]))).toList();
            assertEquals(shownByTshark(stated), tshark, c.name() + ": tshark reads the lengths written");
            List<String> viaNext = new ArrayList<>();
            List<String> copies = new ArrayList<>();
            try (OfflineHandle h = backend().openOffline(c.file())) {
                while (h.next() == ReadStatus.PACKET) {
                    viaNext.add(lengths(h.packet()));
                    copies.add(lengths(h.packet().copy()));
                }
            }
            assertEquals(stated, viaNext, c.name() + ": next()");
            assertEquals(stated, copies, c.name() + ": copy()");
            List<String> viaLoop = new ArrayList<>();
            try (OfflineHandle h = backend().openOffline(c.file())) {
                h.loop(0, p -> viaLoop.add(lengths(p)));
            }
            assertEquals(stated, viaLoop, c.name() + ": loop()");
            return null;
        })));
    }

    @TestFactory
    Stream<DynamicTest> everyReadReportsTheTimesLibpcapDelivers() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Crafted c : captures()) {
            for (TimestampPrecision precision : TimestampPrecision.values()) {
                tests.add(DynamicTest.dynamicTest(c.name() + " read with " + precision + " precision",
                        () -> bounded(() -> {
                            List<Long> expected = instants(c, precision);
                            List<Long> viaNext = new ArrayList<>();
                            try (OfflineHandle h = backend().openOffline(c.file(), OfflineOptions.of(precision))) {
                                while (h.next() == ReadStatus.PACKET) {
                                    viaNext.add(h.packet().timestampEpochNanos());
                                    assertEquals(h.packet().timestampEpochNanos(), h.packet().copy().timestampEpochNanos());
                                }
                            }
                            assertEquals(expected, viaNext, c.name() + ": next(), as tcpdump prints libpcap's times");
                            List<Long> viaLoop = new ArrayList<>();
                            try (OfflineHandle h = backend().openOffline(c.file(), OfflineOptions.of(precision))) {
                                h.loop(0, p -> viaLoop.add(p.timestampEpochNanos()));
                            }
                            assertEquals(expected, viaLoop, c.name() + ": loop()");
                            return null;
                        })));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> theDumperWritesBackWhatWasRead() throws Exception {
        Assumptions.assumeTrue(supports(Capability.DUMP), "no DUMP");
        return captures().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> bounded(() -> {
            Path out = dir.resolve("rewritten-" + c.name() + ".pcap");
            List<PacketRecord> read = new ArrayList<>();
            try (OfflineHandle h = backend().openOffline(c.file(), OfflineOptions.of(TimestampPrecision.NANO));
                    Dumper d = h.newDumper(out)) {
                h.loop(0, p -> {
                    read.add(p.copy());
                    d.write(p);
                });
            }
            PcapBytes.File file = PcapBytes.parse(Files.readAllBytes(out));
            List<PacketRecord> written = file.packets();
            assertEquals(read.size(), written.size(), c.name() + ": records written");
            for (int i = 0; i < read.size(); i++) {
                assertEquals(lengths(read.get(i)), lengths(written.get(i)), c.name() + ": lengths of record " + i);
                assertArrayEquals(read.get(i).bytes(), written.get(i).bytes(), c.name() + ": bytes of record " + i);
            }
            long unit = file.nanos() ? 1 : 1000; // a dumper may write microseconds
            List<Long> times = read.stream().map(p -> Math.floorDiv(p.timestampEpochNanos(), unit) * unit).toList();
            assertEquals(times, written.stream().map(PacketRecord::timestampEpochNanos).toList(),
                    c.name() + ": the times written");
            List<Long> printed = tcpdumpInstants(out, file.nanos());
            for (int i = 0; i < times.size(); i++) {
                if (printed.get(i) != null) {
                    assertEquals(times.get(i), printed.get(i), c.name() + ": tcpdump reads record " + i + " back");
                }
            }
            return null;
        })));
    }

    private static List<String[]> tshark(Crafted c) {
        return TSHARK.computeIfAbsent(c.name(),
                name -> Tools.tsharkFields(c.file(), "frame.len", "frame.cap_len", "frame.time_epoch"));
    }

    /**
     * The instant of every record of a crafted capture read at a precision, as tcpdump prints the times libpcap
     * delivers; tshark's for a record tcpdump refuses to print. In nanoseconds since 1970.
     */
    private static List<Long> instants(Crafted c, TimestampPrecision precision) {
        // tcpdump prints nanoseconds only of a file that holds them: a microsecond file's fraction, scaled up,
        // can overflow what it prints; libpcap scales such a fraction exactly
        List<Long> instants = new ArrayList<>(tcpdumpInstants(c.file(),
                c.nanos() && precision == TimestampPrecision.NANO));
        for (int i = 0; i < instants.size(); i++) {
            if (instants.get(i) == null) {
                long t = new BigDecimal(tshark(c).get(i)[2]).movePointRight(9).longValueExact();
                instants.set(i, precision == TimestampPrecision.MICRO ? Math.floorDiv(t, 1000) * 1000 : t);
            }
        }
        return instants;
    }

    /**
     * The instant of every record of a capture as tcpdump prints it, in nanoseconds since 1970; {@code null}
     * for a record whose lengths tcpdump refuses to print.
     *
     * @param nanos whether to have tcpdump print nanoseconds
     */
    private static List<Long> tcpdumpInstants(Path file, boolean nanos) {
        String[] precision = nanos ? new String[] {"--time-stamp-precision=nano"} : new String[0];
        long unit = nanos ? 1 : 1000;
        List<String> epoch = Tools.tcpdumpLines(file, concat("-tt", precision));
        Matcher first = EPOCH.matcher(epoch.get(0));
        if (!first.find()) {
            throw new IllegalStateException("tcpdump printed no time for the first record: " + epoch.get(0));
        }
        long base = Long.parseLong(first.group(1)) * 1_000_000_000L + Long.parseLong(first.group(2)) * unit;
        List<Long> instants = new ArrayList<>();
        for (String line : Tools.tcpdumpLines(file, concat("-ttttt", precision))) {
            if (line.startsWith("\t")) {
                continue; // tcpdump's hex dump of an unknown payload
            }
            if (line.startsWith("[Invalid header:")) {
                instants.add(null);
                continue;
            }
            Matcher m = SINCE_FIRST.matcher(line);
            if (!m.find()) {
                throw new IllegalStateException("an unexpected line of tcpdump -ttttt: " + line);
            }
            long seconds = Long.parseLong(m.group(1)) * 3600 + Long.parseLong(m.group(2)) * 60
                    + Long.parseLong(m.group(3));
            instants.add(base + seconds * 1_000_000_000L + Long.parseLong(m.group(4)) * unit);
        }
        return instants;
    }

    private static String[] concat(String option, String[] more) {
        String[] all = new String[more.length + 1];
        all[0] = option;
        System.arraycopy(more, 0, all, 1, more.length);
        return all;
    }

    private static String lengths(Packet p) {
        return lengths(p.originalLength(), p.capturedLength());
    }

    private static String lengths(int originalLength, int capturedLength) {
        return "len=" + Integer.toUnsignedString(originalLength) + " caplen=" + Integer.toUnsignedString(capturedLength);
    }

    /** The lengths as tshark 4.0 shows them: a wire length of 2^31 or more as 2^31 - 1. */
    private static List<String> shownByTshark(List<String> stated) {
        return stated.stream().map(s -> {
            long len = Long.parseLong(s.substring(4, s.indexOf(' ')));
            return len > Integer.MAX_VALUE ? "len=" + Integer.MAX_VALUE + s.substring(s.indexOf(' ')) : s;
        }).toList();
    }
}
