package dev.trawl.pcap.tck;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.Capability;
import dev.trawl.pcap.Device;
import dev.trawl.pcap.DumpOptions;
import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.FilterSpec;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.PacketRecord;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.UnsupportedCapabilityException;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each {@link Capability} in both directions, where that needs no privilege: a declared capability works,
 * an undeclared one throws {@link UnsupportedCapabilityException}. The live capabilities that need an open
 * live handle are checked by {@link LiveChecks}; here only their consistency with {@code LIVE_CAPTURE}.
 */
abstract class CapabilityChecks extends KitPart {
    private static final Set<Capability> LIVE_ONLY = EnumSet.of(Capability.SEND, Capability.STATS,
            Capability.NON_BLOCKING, Capability.DIRECTION, Capability.SET_LINK_TYPE, Capability.TIMESTAMP_TYPE,
            Capability.IMMEDIATE_MODE, Capability.MONITOR_MODE);

    @TempDir
    Path dir;

    private Path sample() {
        return corpus().capture(ReadChecks.CAPTURE).path();
    }

    @Test
    void theBackendDescribesItself() throws Exception {
        Backend b = backend();
        assertNotNull(b.name());
        assertEquals(b.name().toLowerCase(java.util.Locale.ROOT), b.name(), "names are lower case");
        assertFalse(b.libraryVersion() == null || b.libraryVersion().isBlank(), "a library version");
        assertThrows(UnsupportedOperationException.class, () -> b.capabilities().add(Capability.DUMP),
                "capabilities are unmodifiable");
        assertThrows(IllegalArgumentException.class, () -> b.unwrap(String.class));
    }

    @Test
    void liveCapabilitiesNeedLiveCapture() throws Exception {
        if (!supports(Capability.LIVE_CAPTURE)) {
            for (Capability c : LIVE_ONLY) {
                assertFalse(supports(c), c + " is declared without LIVE_CAPTURE");
            }
            assertThrows(UnsupportedCapabilityException.class, () -> backend().openLive("lo", LiveOptions.defaults()));
        }
    }

    @Test
    void deviceList() throws Exception {
        if (!supports(Capability.DEVICE_LIST)) {
            assertThrows(UnsupportedCapabilityException.class, () -> backend().devices());
            return;
        }
        List<Device> devices = backend().devices();
        if (System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            Device lo = devices.stream().filter(d -> d.name().equals("lo")).findFirst()
                    .orElseThrow(() -> new AssertionError("no 'lo' in " + devices));
            assertTrue(lo.isLoopback() && lo.isUp(), "lo is a loopback device that is up: " + lo);
            assertTrue(lo.addresses().stream().anyMatch(a -> a.address().isLoopbackAddress()), lo.toString());
        }
        assertTrue(backend().defaultDevice().isPresent());
    }

    @Test
    void offlineFile() throws Exception {
        if (!supports(Capability.OFFLINE_FILE)) {
            assertThrows(UnsupportedCapabilityException.class, () -> backend().openOffline(sample()));
            return;
        }
        try (OfflineHandle h = backend().openOffline(sample())) {
            assertEquals(ReadStatus.PACKET, h.next());
        }
        assertThrows(dev.trawl.pcap.PcapException.class, () -> backend().openOffline(dir.resolve("missing.pcap")));
    }

    @Test
    void offlineStream() throws Exception {
        InputStream in = Files.newInputStream(sample());
        if (!supports(Capability.OFFLINE_STREAM)) {
            assertThrows(UnsupportedCapabilityException.class, () -> backend().openOffline(in, OfflineOptions.defaults()));
            in.close();
            return;
        }
        bounded(() -> {
            try (OfflineHandle h = backend().openOffline(in, OfflineOptions.defaults())) {
                assertEquals(ReadStatus.PACKET, h.next());
            }
            return null;
        });
    }

    @Test
    void readGzip() throws Exception {
        Path gz = dir.resolve("sample.pcap.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(sample(), out);
        }
        if (!supports(Capability.READ_GZIP)) {
            assertThrows(UnsupportedCapabilityException.class, () -> backend().openOffline(gz).close());
            return;
        }
        List<PacketRecord> plain;
        try (OfflineHandle h = backend().openOffline(sample())) {
            plain = readAll(h).packets();
        }
        try (OfflineHandle h = backend().openOffline(gz)) {
            assertEquals(plain, readAll(h).packets());
        }
    }

    @Test
    void readPcapng() throws Exception {
        Path ng = corpus().capture("OSPFv2_Capture_FINAL.pcapng").path();
        if (!supports(Capability.READ_PCAPNG)) {
            assertThrows(UnsupportedCapabilityException.class, () -> backend().openOffline(ng).close());
            return;
        }
        try (OfflineHandle h = backend().openOffline(ng)) {
            assertEquals(dev.trawl.pcap.CaptureFormat.PCAPNG, h.format());
            assertEquals(ReadStatus.PACKET, h.next());
        }
    }

    @Test
    void nanosecondTimestamps() throws Exception {
        OfflineOptions nano = OfflineOptions.of(TimestampPrecision.NANO);
        if (!supports(Capability.NANOSECOND_TIMESTAMPS)) {
            assertThrows(UnsupportedCapabilityException.class, () -> backend().openOffline(sample(), nano).close());
            return;
        }
        Path nanoFile = corpus().captures.stream().filter(c -> c.precision().equals("ns") && !c.pcapng())
                .findFirst().orElseThrow().path();
        try (OfflineHandle h = backend().openOffline(nanoFile, nano)) {
            assertEquals(TimestampPrecision.NANO, h.timestampPrecision());
            boolean sawNanos = false;
            while (h.next() == ReadStatus.PACKET) {
                sawNanos |= h.packet().timestampNanos() % 1000 != 0;
            }
            assertTrue(sawNanos, "a nanosecond file keeps its nanoseconds");
        }
    }

    @Test
    void filter() throws Exception {
        if (!supports(Capability.FILTER)) {
            assertThrows(UnsupportedCapabilityException.class,
                    () -> backend().compileFilter(FilterSpec.of("tcp", LinkType.ETHERNET).withSnaplen(65535)));
            try (OfflineHandle h = backend().openOffline(sample())) {
                assertThrows(UnsupportedCapabilityException.class, () -> h.setFilter("tcp"));
            }
            return;
        }
        assertTrue(backend().compileFilter(FilterSpec.of("tcp", LinkType.ETHERNET).withSnaplen(65535)).length() > 1);
    }

    @Test
    void dump() throws Exception {
        Path out = dir.resolve("dump.pcap");
        if (!supports(Capability.DUMP)) {
            assertThrows(UnsupportedCapabilityException.class,
                    () -> backend().openDumper(out, LinkType.ETHERNET, 65535, DumpOptions.defaults()));
            try (OfflineHandle h = backend().openOffline(sample())) {
                assertThrows(UnsupportedCapabilityException.class, () -> h.newDumper(out));
            }
            return;
        }
        try (Dumper d = backend().openDumper(out, LinkType.ETHERNET, 65535, DumpOptions.defaults())) {
            d.write(1, 0, 14, java.nio.ByteBuffer.wrap(new byte[14]));
        }
        assertEquals(1, PcapBytes.parse(Files.readAllBytes(out)).packets().size());
    }

    @Test
    void dumpStream() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!supports(Capability.DUMP_STREAM)) {
            assertThrows(UnsupportedCapabilityException.class,
                    () -> backend().openDumper(bytes, LinkType.ETHERNET, 65535, DumpOptions.defaults()));
            return;
        }
        try (Dumper d = backend().openDumper(bytes, LinkType.ETHERNET, 65535, DumpOptions.defaults())) {
            d.write(1, 0, 14, java.nio.ByteBuffer.wrap(new byte[14]));
        }
        assertEquals(1, PcapBytes.parse(bytes.toByteArray()).packets().size());
    }

    @Test
    void dumpAppendAndPcapngAreCoveredByTheDumperChecks() throws Exception {
        // DUMP_APPEND and DUMP_PCAPNG need more than one call to check; DumperChecks checks both directions.
        assertTrue(!supports(Capability.DUMP_APPEND) || supports(Capability.DUMP), "DUMP_APPEND without DUMP");
        assertTrue(!supports(Capability.DUMP_PCAPNG) || supports(Capability.DUMP), "DUMP_PCAPNG without DUMP");
    }

    @Test
    void breakLoop() throws Exception {
        try (OfflineHandle h = backend().openOffline(sample())) {
            if (!supports(Capability.BREAK_LOOP)) {
                assertThrows(UnsupportedCapabilityException.class, h::breakLoop);
                return;
            }
            CountDownLatch once = new CountDownLatch(1);
            long n = bounded(() -> h.loop(0, p -> {
                if (once.getCount() == 1) {
                    once.countDown();
                    h.breakLoop();
                }
            }));
            assertEquals(1, n);
        }
    }
}
