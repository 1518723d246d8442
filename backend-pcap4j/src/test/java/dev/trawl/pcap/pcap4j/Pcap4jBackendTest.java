package dev.trawl.pcap.pcap4j;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.BackendInfo;
import dev.trawl.pcap.Capability;
import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.DumpOptions;
import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.PacketRecord;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.UnsupportedCapabilityException;
import dev.trawl.pcap.tck.FailingOutputStream;
import dev.trawl.pcap.tck.TestCorpus;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcap4j.core.PcapHandle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What is particular to the pcap4j backend; the conformance kit checks the common behaviour. */
@Tag("native")
class Pcap4jBackendTest {
    private static Backend backend() throws PcapException {
        return Pcap.backend(Pcap4jPcapProvider.NAME);
    }

    private static Path capture(String name) {
        return TestCorpus.capture(name);
    }

    private static List<PacketRecord> readWithNext(OfflineHandle h) throws PcapException {
        List<PacketRecord> packets = new ArrayList<>();
        while (h.next() == ReadStatus.PACKET) {
            packets.add(h.packet().copy());
        }
        return packets;
    }

    @Test
    void discoveryListsThePcap4jProviderWithPriority100() {
        BackendInfo info = Pcap.backends().stream().filter(b -> b.name().equals("pcap4j")).findFirst().orElseThrow();
        assertTrue(info.available(), String.valueOf(info.problem()));
        assertEquals(100, info.priority());
        assertTrue(info.backend().orElseThrow().libraryVersion().startsWith("libpcap version"));
    }

    @Test
    void declaresWhatPcap4jCarriesAndNothingElse() throws Exception {
        assertEquals(EnumSet.complementOf(EnumSet.of(Capability.DUMP_PCAPNG, Capability.READ_GZIP,
                Capability.TIMESTAMP_TYPE, Capability.FANOUT)), backend().capabilities());
        assertThrows(UnsupportedCapabilityException.class, () -> backend().openDumper(new ByteArrayOutputStream(),
                LinkType.ETHERNET, 65535, DumpOptions.builder().format(CaptureFormat.PCAPNG).build()));
    }

    @Test
    void aFailingDumpStreamIsReportedAndNeverBlocksTheWriter() throws Exception {
        OutputStream failing = new FailingOutputStream("disk full");
        Dumper d = backend().openDumper(failing, LinkType.ETHERNET, 65535, DumpOptions.defaults());
        // far more than a pipe holds: a pump that stopped draining would block pcap_dump for ever
        PcapException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(PcapException.class,
                () -> {
                    for (int i = 0; i < 100_000; i++) {
                        d.write(i, 0, 60, ByteBuffer.wrap(new byte[60]));
                    }
                    d.flush();
                }));
        assertTrue(e.getMessage().contains("disk full"), e.getMessage());
        assertThrows(PcapException.class, d::close);
        d.close();
        assertThrows(IllegalStateException.class, () -> d.write(0, 0, 60, ByteBuffer.wrap(new byte[60])));
    }

    @Test
    void aDumpStreamHoldsWhatWasFlushedBeforeItIsClosed() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Dumper d = backend().openDumper(bytes, LinkType.ETHERNET, 65535, DumpOptions.defaults())) {
            d.write(1, 0, 60, ByteBuffer.wrap(new byte[60]));
            d.flush();
            assertEquals(24 + 16 + 60, bytes.size(), "flush delivers the bytes to the stream");
            d.write(2, 0, 60, ByteBuffer.wrap(new byte[60]));
        }
        assertEquals(24 + 2 * (16 + 60), bytes.size());
    }

    @Test
    void closingAStreamHandleMidwayStopsItsPumpAndClosesTheStream() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream endless = new InputStream() {
            private final byte[] header = {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1, 2, 0, 4, 0, 0, 0, 0, 0,
                    0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 1, 0, 0, 0};
            private long at;

            @Override
            public int read() {
                // the pcap header, then records of 60 zero bytes (caplen = len = 60) for ever
                long i = at++;
                if (i < 24) {
                    return header[(int) i] & 0xff;
                }
                int r = (int) ((i - 24) % 76);
                return r == 8 || r == 12 ? 60 : 0;
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
        OfflineHandle h = backend().openOffline(endless, OfflineOptions.defaults());
        for (int i = 0; i < 10; i++) {
            assertEquals(ReadStatus.PACKET, h.next());
            assertEquals(60, h.packet().capturedLength());
        }
        h.close();
        assertTrue(closed.get(), "closing the handle closes its stream");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (pumps() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, pumps(), "the pump thread stops once libpcap's end of the pipe is closed");
    }

    private static long pumps() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("trawl-pcap4j-stream") && t.isAlive()).count();
    }

    @Test
    void unwrapHandsOutPcap4jsHandleAndNothingForeign() throws Exception {
        try (OfflineHandle h = backend().openOffline(capture("802.1D_spanning_tree.pcap"))) {
            PcapHandle pcap = h.unwrap(PcapHandle.class);
            assertTrue(pcap.isOpen());
            assertEquals(h.snaplen(), pcap.getSnapshot());
            assertSame(h, h.unwrap(OfflineHandle.class));
            assertThrows(IllegalArgumentException.class, () -> h.unwrap(String.class));
        }
    }

    @Test
    void nextAndLoopDeliverTheSamePackets() throws Exception {
        Path file = capture("afs.pcap");
        List<PacketRecord> viaNext;
        try (OfflineHandle h = backend().openOffline(file)) {
            viaNext = readWithNext(h);
        }
        List<PacketRecord> viaLoop = new ArrayList<>();
        try (OfflineHandle h = backend().openOffline(file)) {
            assertEquals(viaNext.size(), h.loop(0, p -> viaLoop.add(p.copy())));
        }
        assertEquals(601, viaNext.size());
        assertEquals(viaNext, viaLoop);
    }

    @Test
    void fractionsPcap4jCannotRepresentAreCarriedIntoTheSeconds() throws Exception {
        // Frame 2 of this file holds 1000000000 ns; pcap4j's java.sql.Timestamp refuses it, so the backend
        // rebuilds the record, carrying the excess into the seconds as tshark shows it (…370.1000000000).
        Path file = capture("timestamp_invalid_nano.pcap");
        OfflineOptions nano = OfflineOptions.of(TimestampPrecision.NANO);
        List<PacketRecord> viaNext;
        try (OfflineHandle h = backend().openOffline(file, nano)) {
            viaNext = readWithNext(h);
        }
        List<PacketRecord> viaLoop = new ArrayList<>();
        try (OfflineHandle h = backend().openOffline(file, nano)) {
            h.loop(0, p -> viaLoop.add(p.copy()));
        }
        assertEquals(3, viaNext.size());
        assertEquals(viaNext, viaLoop);
        assertEquals(1418145369L, viaNext.get(0).timestampSeconds());
        assertEquals(999_999_999, viaNext.get(0).timestampNanos());
        assertEquals(1418145371L, viaNext.get(1).timestampSeconds());
        assertEquals(0, viaNext.get(1).timestampNanos());
    }

    @Test
    void aHandlerFailureOnAFileLeavesNoPendingBreak() throws Exception {
        try (OfflineHandle h = backend().openOffline(capture("afs.pcap"))) {
            int[] seen = {0};
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> h.dispatch(0, p -> {
                if (++seen[0] == 3) {
                    throw new IllegalStateException("stop here");
                }
            }));
            assertEquals("stop here", thrown.getMessage());
            // the break the failure caused is consumed: reading goes on with the fourth packet
            assertEquals(ReadStatus.PACKET, h.next());
            assertEquals(ReadStatus.PACKET, h.next());
            assertEquals(601 - 5, h.loop(0, p -> { }));
        }
    }

    @Test
    void dumperKeepsTheWireLengthOfTruncatedPacketsAndAppends(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out.pcap");
        byte[] bytes = new byte[60];
        bytes[59] = 42;
        try (Dumper d = backend().openDumper(file, LinkType.ETHERNET, 96, DumpOptions.defaults())) {
            d.write(1_700_000_000L, 123_456_000, 1514, ByteBuffer.wrap(bytes));
        }
        try (Dumper d = backend().openDumper(file, LinkType.ETHERNET, 96,
                DumpOptions.builder().append(true).build())) {
            d.write(1_700_000_001L, 0, 60, ByteBuffer.wrap(bytes));
        }
        try (OfflineHandle h = backend().openOffline(file)) {
            List<PacketRecord> packets = readWithNext(h);
            assertEquals(2, packets.size());
            assertEquals(1514, packets.get(0).originalLength(), "pcap4j's own dumper would write 60");
            assertEquals(60, packets.get(0).capturedLength());
            assertEquals(123_456_000, packets.get(0).timestampNanos());
            assertEquals(42, packets.get(1).bytes()[59]);
            assertEquals(96, h.snaplen());
        }
    }

    @Test
    void compiledProgramsInstallOnTheHandle() throws Exception {
        Path file = capture("afs.pcap");
        int withText;
        try (OfflineHandle h = backend().openOffline(file)) {
            h.setFilter("udp port 7001");
            withText = (int) h.loop(0, p -> { });
        }
        try (OfflineHandle h = backend().openOffline(file)) {
            h.setFilter(h.compileFilter("udp port 7001", true, 0xffffffff));
            assertEquals(withText, h.loop(0, p -> { }));
        }
        assertTrue(withText > 0 && withText < 601, "the filter selects some packets: " + withText);
    }

    @Test
    void missingAndNonCaptureFilesFailClearly(@TempDir Path dir) throws IOException {
        PcapException missing = assertThrows(PcapException.class,
                () -> backend().openOffline(dir.resolve("absent.pcap")));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
        Path text = dir.resolve("text.pcap");
        java.nio.file.Files.writeString(text, "this is not a capture file at all");
        assertThrows(dev.trawl.pcap.MalformedCaptureException.class, () -> backend().openOffline(text));
    }

    @Test
    void aHandlerCallingInWhileAnotherThreadClosesDoesNotDeadlock() throws Exception {
        OfflineHandle h = backend().openOffline(capture("afs.pcap"));
        CountDownLatch inHandler = new CountDownLatch(1);
        Thread closer = new Thread(() -> {
            try {
                inHandler.await();
                h.close(); // waits for the loop, which the handler below is still in
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        closer.start();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            h.loop(0, p -> {
                inHandler.countDown();
                try {
                    Thread.sleep(300); // the closer is now inside close()
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                assertThrows(IllegalStateException.class, () -> h.compileFilter("tcp", true, 0xffffffff));
                h.close();
            });
            closer.join();
        });
        assertFalse(h.isOpen());
    }

    @Test
    void closeIsIdempotentAndClosesPcap4jsHandle() throws Exception {
        OfflineHandle h = backend().openOffline(capture("afs.pcap"));
        PcapHandle pcap = h.unwrap(PcapHandle.class);
        h.close();
        h.close();
        assertFalse(pcap.isOpen());
        assertThrows(IllegalStateException.class, h::next);
    }
}
