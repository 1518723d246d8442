package dev.trawl.pcap.tck;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.Capability;
import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.DumpOptions;
import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.PacketRecord;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.UnsupportedCapabilityException;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dumper round trips: what a dumper writes reads back packet for packet through the backend, through the
 * kit's own pcap reader, and through {@code tcpdump -r}; a pcap dump of a pcap file equals, byte for byte,
 * what {@code tcpdump -r FILE -w -} writes of it.
 */
abstract class DumperChecks extends KitPart {
    @TempDir
    Path dir;

    private Path source;
    private List<PacketRecord> packets;

    @BeforeEach
    void readSource() throws Exception {
        Assumptions.assumeTrue(supports(Capability.DUMP), "the backend does not declare DUMP");
        source = corpus().capture(ReadChecks.CAPTURE).path();
        packets = bounded(() -> {
            try (OfflineHandle h = backend().openOffline(source)) {
                return readAll(h).packets();
            }
        });
    }

    private List<PacketRecord> readBack(Path file, TimestampPrecision precision) throws Exception {
        return bounded(() -> {
            try (OfflineHandle h = backend().openOffline(file, OfflineOptions.of(precision))) {
                ReadResult r = readAll(h);
                if (r.error() != null) {
                    throw r.error();
                }
                return r.packets();
            }
        });
    }

    private static PcapBytes.File tcpdumpReads(Path file) {
        Tools.assumeTcpdump();
        Tools.Result r = Tools.run(30, "tcpdump", "-n", "--time-stamp-precision=nano", "-r", file.toString(), "-w", "-");
        assertEquals(0, r.exit(), "tcpdump -r " + file + ": " + r.stderr());
        return PcapBytes.parse(r.stdout());
    }

    @Test
    void aDumpOfAPcapFileEqualsTcpdumpsRewriteByteForByte() throws Exception {
        Path out = dir.resolve("copy.pcap");
        try (OfflineHandle h = backend().openOffline(source); Dumper d = h.newDumper(out)) {
            h.loop(0, d::write);
        }
        Tools.assumeTcpdump();
        Tools.Result r = Tools.run(30, "tcpdump", "-n", "-r", source.toString(), "-w", "-");
        assertArrayEquals(r.stdout(), Files.readAllBytes(out), "the dump differs from tcpdump's");
        assertEquals(packets, readBack(out, TimestampPrecision.MICRO));
        assertEquals(packets, PcapBytes.parse(Files.readAllBytes(out)).packets());
    }

    @Test
    void nanosecondDumpsKeepNanoseconds() throws Exception {
        Path out = dir.resolve("nanos.pcap");
        List<PacketRecord> nanos;
        try (OfflineHandle h = backend().openOffline(source, OfflineOptions.of(TimestampPrecision.NANO))) {
            nanos = readAll(h).packets();
        }
        try (Dumper d = backend().openDumper(out, LinkType.ETHERNET, 262144,
                DumpOptions.builder().precision(TimestampPrecision.NANO).build())) {
            for (int i = 0; i < nanos.size(); i++) {
                PacketRecord p = nanos.get(i);
                // shift each timestamp by i nanoseconds so that microsecond rounding would show
                long nanosOfSecond = (p.timestampNanos() + i) % 1_000_000_000L;
                d.write(p.timestampSeconds(), (int) nanosOfSecond, p.originalLength(), p.data());
            }
        }
        PcapBytes.File parsed = PcapBytes.parse(Files.readAllBytes(out));
        assertTrue(parsed.nanos(), "a nanosecond dump has the nanosecond magic");
        List<PacketRecord> back = readBack(out, TimestampPrecision.NANO);
        assertEquals(parsed.packets(), back);
        for (int i = 0; i < nanos.size(); i++) {
            assertEquals((nanos.get(i).timestampNanos() + i) % 1_000_000_000L, back.get(i).timestampNanos());
        }
        assertEquals(back, tcpdumpReads(out).packets());
    }

    @Test
    void appendAddsToAnExistingFile() throws Exception {
        Path out = dir.resolve("append.pcap");
        DumpOptions append = DumpOptions.builder().append(true).build();
        if (!supports(Capability.DUMP_APPEND)) {
            assertThrows(UnsupportedCapabilityException.class,
                    () -> backend().openDumper(out, LinkType.ETHERNET, 262144, append).close());
            return;
        }
        int half = packets.size() / 2;
        try (Dumper d = backend().openDumper(out, LinkType.ETHERNET, 262144, DumpOptions.defaults())) {
            for (PacketRecord p : packets.subList(0, half)) {
                d.write(p);
            }
        }
        try (Dumper d = backend().openDumper(out, LinkType.ETHERNET, 262144, append)) {
            for (PacketRecord p : packets.subList(half, packets.size())) {
                d.write(p);
            }
        }
        assertEquals(packets, readBack(out, TimestampPrecision.MICRO));
        assertEquals(packets, tcpdumpReads(out).packets());
        Path fresh = dir.resolve("fresh.pcap");
        try (Dumper d = backend().openDumper(fresh, LinkType.ETHERNET, 262144, append)) {
            d.write(packets.get(0));
        }
        assertEquals(List.of(packets.get(0)), readBack(fresh, TimestampPrecision.MICRO), "append creates a missing file");
    }

    @Test
    void streamDumpsEqualFileDumps() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!supports(Capability.DUMP_STREAM)) {
            assertThrows(UnsupportedCapabilityException.class,
                    () -> backend().openDumper(bytes, LinkType.ETHERNET, 262144, DumpOptions.defaults()).close());
            return;
        }
        Path file = dir.resolve("file.pcap");
        try (Dumper toFile = backend().openDumper(file, LinkType.ETHERNET, 262144, DumpOptions.defaults());
                Dumper toStream = backend().openDumper(bytes, LinkType.ETHERNET, 262144, DumpOptions.defaults())) {
            for (PacketRecord p : packets) {
                toFile.write(p);
                toStream.write(p);
            }
            toStream.flush();
        }
        assertArrayEquals(Files.readAllBytes(file), bytes.toByteArray());
    }

    @Test
    void pcapngDumpsReadBackOrAreRefused() throws Exception {
        Path out = dir.resolve("out.pcapng");
        DumpOptions ng = DumpOptions.builder().format(CaptureFormat.PCAPNG).build();
        if (!supports(Capability.DUMP_PCAPNG)) {
            assertThrows(UnsupportedCapabilityException.class,
                    () -> backend().openDumper(out, LinkType.ETHERNET, 262144, ng).close());
            try (OfflineHandle h = backend().openOffline(source)) {
                assertThrows(UnsupportedCapabilityException.class, () -> h.newDumper(out, ng).close());
            }
            return;
        }
        try (OfflineHandle h = backend().openOffline(source); Dumper d = h.newDumper(out, ng)) {
            h.loop(0, d::write);
        }
        if (supports(Capability.READ_PCAPNG)) {
            try (OfflineHandle h = backend().openOffline(out)) {
                assertEquals(CaptureFormat.PCAPNG, h.format());
                List<PacketRecord> back = readAll(h).packets();
                assertEquals(packets.size(), back.size());
                for (int i = 0; i < back.size(); i++) {
                    assertArrayEquals(packets.get(i).bytes(), back.get(i).bytes());
                    assertEquals(packets.get(i).timestampEpochNanos(), back.get(i).timestampEpochNanos());
                }
            }
        }
        Tools.assumeTcpdump();
        Tools.Result r = Tools.run(30, "tcpdump", "-n", "-r", out.toString(), "-w", "-");
        assertEquals(0, r.exit(), r.stderr());
        assertEquals(packets.size(), PcapBytes.parse(r.stdout()).packets().size(), "tcpdump reads the pcapng dump");
    }

    @Test
    void writeChecksItsArgumentsAndCloseIsIdempotent() throws Exception {
        Path out = dir.resolve("args.pcap");
        Dumper d = backend().openDumper(out, LinkType.RAW, 65535, DumpOptions.defaults());
        byte[] payload = {0x45, 0, 0, 20, 0, 0, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2};
        assertThrows(IllegalArgumentException.class, () -> d.write(1, 0, 5, ByteBuffer.wrap(payload)),
                "an original length below the captured length");
        assertThrows(IllegalArgumentException.class, () -> d.write(1, 1_000_000_000, 20, ByteBuffer.wrap(payload)));
        ByteBuffer offset = ByteBuffer.allocate(payload.length + 4);
        offset.position(4);
        offset.put(payload).position(4);
        d.write(1_700_000_000L, 123_456_000, 20, offset);
        assertEquals(4, offset.position(), "write leaves the buffer's position alone");
        d.flush();
        d.close();
        d.close();
        PcapBytes.File parsed = PcapBytes.parse(Files.readAllBytes(out));
        assertEquals(LinkType.RAW.value(), parsed.linkType());
        assertEquals(65535, parsed.snaplen());
        assertEquals(List.of(new PacketRecord(1_700_000_000L, 123_456_000, 20, payload)), parsed.packets());
    }

    @Test
    void aHandlesDumperTakesTheHandlesPrecision() throws Exception {
        Assumptions.assumeTrue(supports(Capability.NANOSECOND_TIMESTAMPS), "no NANOSECOND_TIMESTAMPS");
        Path out = dir.resolve("handle-nanos.pcap");
        List<PacketRecord> nanos;
        try (OfflineHandle h = backend().openOffline(source, OfflineOptions.of(TimestampPrecision.NANO));
                Dumper d = h.newDumper(out)) {
            nanos = bounded(() -> {
                List<PacketRecord> list = new java.util.ArrayList<>();
                h.loop(0, p -> {
                    list.add(p.copy());
                    d.write(p);
                });
                return list;
            });
        }
        PcapBytes.File parsed = PcapBytes.parse(Files.readAllBytes(out));
        assertTrue(parsed.nanos(), "the nanosecond magic");
        assertEquals(nanos, parsed.packets());
    }

    @Test
    void aClosedDumperRefusesWrites() throws Exception {
        Dumper d = backend().openDumper(dir.resolve("closed.pcap"), LinkType.ETHERNET, 65535, DumpOptions.defaults());
        d.close();
        assertThrows(IllegalStateException.class, () -> d.write(1, 0, 14, ByteBuffer.wrap(new byte[14])));
        d.close();
    }

    @Test
    void aDumpOfEveryLinkTypeKeepsItsLinkType() throws Exception {
        Backend backend = backend();
        for (LinkType type : List.of(LinkType.LINUX_SLL, LinkType.LINUX_SLL2, LinkType.IPV4, LinkType.NULL,
                LinkType.IEEE802_11_RADIOTAP)) {
            Path out = dir.resolve("lt" + type.value() + ".pcap");
            try (Dumper d = backend.openDumper(out, type, 1000, DumpOptions.defaults())) {
                d.write(1, 0, 3, ByteBuffer.wrap(new byte[] {1, 2, 3}));
            }
            assertEquals(type.value(), PcapBytes.parse(Files.readAllBytes(out)).linkType(), type.name());
            try (OfflineHandle h = backend.openOffline(out)) {
                assertEquals(type, h.linkType());
            }
        }
    }
}
