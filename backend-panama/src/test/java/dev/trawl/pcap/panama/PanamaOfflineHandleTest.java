package dev.trawl.pcap.panama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.Handle;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.PacketRecord;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.tck.TestCorpus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("native")
class PanamaOfflineHandleTest {
    private static final java.util.Set<LinkType> PLAIN_LINK_TYPES = java.util.Set.of(LinkType.ETHERNET,
            LinkType.LINUX_SLL, LinkType.LINUX_SLL2, LinkType.RAW, LinkType.IPV4, LinkType.IPV6, LinkType.NULL,
            LinkType.LOOP, LinkType.PPP);

    private static List<PacketRecord> readAll(OfflineHandle handle) throws PcapException {
        List<PacketRecord> packets = new ArrayList<>();
        while (handle.next() == ReadStatus.PACKET) {
            packets.add(handle.packet().copy());
        }
        return packets;
    }

    @Test
    void readsEveryCorpusFileAsFarAsLibpcapDoes() throws Exception {
        Backend backend = Fixtures.backend();
        int checked = 0;
        for (String[] row : Fixtures.tsv(TestCorpus.root().resolve("expected/_libpcap_read_status.tsv"))) {
            Path file = TestCorpus.capture(row[0]);
            int frames = Integer.parseInt(row[1]);
            String result = row[2];
            if (result.startsWith("OPEN_ERROR: ")) {
                MalformedCaptureException e = assertThrows(MalformedCaptureException.class,
                        () -> backend.openOffline(file), row[0]);
                assertTrue(e.getMessage().contains(result.substring("OPEN_ERROR: ".length())), e.getMessage());
                checked++;
                continue;
            }
            try (OfflineHandle handle = backend.openOffline(file)) {
                int read = 0;
                if (result.startsWith("READ_ERROR")) {
                    String text = result.substring(result.indexOf(": ") + 2);
                    MalformedCaptureException e = assertThrows(MalformedCaptureException.class, () -> {
                        while (handle.next() == ReadStatus.PACKET) {
                            handle.packet();
                        }
                    }, row[0]);
                    assertTrue(e.getMessage().contains(text), e.getMessage());
                } else {
                    while (handle.next() == ReadStatus.PACKET) {
                        Packet p = handle.packet();
                        assertEquals(p.capturedLength(), p.data().remaining());
                        read++;
                    }
                    // The oracle lists 2 frames for this 24-byte, header-only file; libpcap 1.10.3 itself reads
                    // 0 (checked with a C pcap_next_ex loop), so the row is a fault of the oracle.
                    int expected = row[0].equals("linktype-reserved-field-not-zero.pcap") ? 0 : frames;
                    assertEquals(expected, read, row[0]);
                    assertEquals(ReadStatus.END_OF_FILE, handle.next(), "end of file is sticky");
                }
            }
            checked++;
        }
        assertTrue(checked > 190, "corpus rows checked: " + checked);
    }

    @Test
    void packetLengthsAndTimestampsMatchTshark() throws Exception {
        Backend backend = Fixtures.backend();
        int files = 0;
        for (String[] status : Fixtures.tsv(TestCorpus.root().resolve("expected/_libpcap_read_status.tsv"))) {
            if (!status[2].equals("OK")) {
                continue;
            }
            List<String[]> expected = Fixtures.tsv(TestCorpus.root().resolve("expected/" + status[0] + ".tsv"));
            if (expected.size() != Integer.parseInt(status[1])) {
                continue; // tshark could not read it, or read it differently
            }
            try (OfflineHandle handle = backend.openOffline(TestCorpus.capture(status[0]),
                    OfflineOptions.of(TimestampPrecision.NANO))) {
                if (!PLAIN_LINK_TYPES.contains(handle.linkType())) {
                    continue; // tshark strips pseudo-headers (ATM, radiotap ...) from its lengths
                }
                for (String[] row : expected) {
                    assertEquals(ReadStatus.PACKET, handle.next());
                    Packet p = handle.packet();
                    String where = status[0] + " frame " + row[0];
                    // libpcap cuts a record longer than the file's snapshot length; tshark does not
                    int caplen = Math.min(Integer.parseInt(row[3]), handle.snaplen());
                    assertEquals(caplen, p.capturedLength(), where);
                    // a record claiming fewer bytes on the wire than it holds is delivered with its captured length
                    assertEquals(Math.max(caplen, Integer.parseInt(row[2])), p.originalLength(), where);
                    // tshark prints an out-of-range fraction as is ("...370.1000000000"); trawl carries it
                    if (row[1].isEmpty() || row[1].startsWith("-")) {
                        continue; // no time (a simple packet block), or a fraction of 2^31 or more misprinted
                    }
                    String[] epoch = row[1].split("\\.");
                    long expectedNanos = Long.parseLong(epoch[0]) * 1_000_000_000L + Long.parseLong(epoch[1]);
                    assertEquals(expectedNanos, p.timestampEpochNanos(), where + " at " + row[1]);
                    assertTrue(p.timestampNanos() >= 0 && p.timestampNanos() < 1_000_000_000, where);
                }
            }
            files++;
        }
        assertTrue(files > 120, "files compared with tshark: " + files);
    }

    @Test
    void reportsFormatVersionAndLinkType() throws Exception {
        try (OfflineHandle pcap = Fixtures.backend().openOffline(TestCorpus.capture("802.1D_spanning_tree.pcap"))) {
            assertEquals(CaptureFormat.PCAP, pcap.format());
            assertEquals(2, pcap.majorVersion());
            assertEquals(4, pcap.minorVersion());
            assertEquals(LinkType.ETHERNET, pcap.linkType());
            assertEquals("panama", pcap.backendName());
        }
        Path ng = TestCorpus.captureFiles().stream().filter(p -> p.toString().endsWith(".pcapng")).findFirst().orElseThrow();
        try (OfflineHandle handle = Fixtures.backend().openOffline(ng)) {
            assertEquals(CaptureFormat.PCAPNG, handle.format());
            assertEquals(1, handle.majorVersion());
        }
    }

    @Test
    void microsecondPrecisionTruncatesNanosecondFiles() throws Exception {
        Path file = TestCorpus.capture("local-netns-lo-nano.pcap");
        try (OfflineHandle nano = Fixtures.backend().openOffline(file, OfflineOptions.of(TimestampPrecision.NANO));
                OfflineHandle micro = Fixtures.backend().openOffline(file)) {
            assertEquals(TimestampPrecision.NANO, nano.timestampPrecision());
            assertEquals(TimestampPrecision.MICRO, micro.timestampPrecision());
            while (nano.next() == ReadStatus.PACKET) {
                assertEquals(ReadStatus.PACKET, micro.next());
                assertEquals(nano.packet().timestampSeconds(), micro.packet().timestampSeconds());
                assertEquals(nano.packet().timestampNanos() / 1000 * 1000, micro.packet().timestampNanos());
            }
        }
    }

    @Test
    void streamReadsTheSamePacketsAsThePath() throws Exception {
        for (String name : List.of("afs.pcap", "dns_tcp.pcap", "pcapnggen-le-basic-test001.pcapng")) {
            Path file = TestCorpus.capture(name);
            List<PacketRecord> fromPath;
            try (OfflineHandle handle = Fixtures.backend().openOffline(file)) {
                fromPath = readAll(handle);
            }
            AtomicBoolean closed = new AtomicBoolean();
            InputStream in = new ByteArrayInputStream(Files.readAllBytes(file)) {
                @Override
                public void close() {
                    closed.set(true);
                }
            };
            try (OfflineHandle handle = Fixtures.backend().openOffline(in, OfflineOptions.defaults())) {
                assertEquals(fromPath, readAll(handle), name);
            }
            assertTrue(closed.get(), "closing the handle closes the stream");
        }
    }

    @Test
    void streamErrorsAreReported() throws Exception {
        byte[] header = Files.readAllBytes(TestCorpus.capture("afs.pcap"));
        InputStream failing = new InputStream() {
            int at;

            @Override
            public int read() throws IOException {
                if (at >= 1000) {
                    throw new IOException("disk on fire");
                }
                return header[at++] & 0xff;
            }
        };
        try (OfflineHandle handle = Fixtures.backend().openOffline(failing, OfflineOptions.defaults())) {
            PcapException e = assertThrows(PcapException.class, () -> readAll(handle));
            assertTrue(e.getMessage().contains("disk on fire"), e.getMessage());
        }
        assertThrows(MalformedCaptureException.class, () -> Fixtures.backend().openOffline(
                new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}), OfflineOptions.defaults()));
    }

    @Test
    void onlyRegularFilesAreReadWithTheCriticalCall() throws Exception {
        Path file = TestCorpus.capture("afs.pcap");
        try (OfflineHandle h = Fixtures.backend().openOffline(file)) {
            assertTrue(((PanamaHandle) h).criticalReads());
        }
        try (OfflineHandle h = Fixtures.backend().openOffline(Files.newInputStream(file), OfflineOptions.defaults())) {
            assertFalse(((PanamaHandle) h).criticalReads(), "stream reads call back into Java");
        }
        System.setProperty(PanamaBackend.CRITICAL_PROPERTY, "false");
        try (OfflineHandle h = new PanamaPcapProvider().create().openOffline(file)) {
            assertFalse(((PanamaHandle) h).criticalReads(), "switched off by the property");
            assertEquals(601, readAll(h).size());
        } finally {
            System.clearProperty(PanamaBackend.CRITICAL_PROPERTY);
        }
    }

    @Test
    void missingFileIsAPcapExceptionNotMalformed() throws Exception {
        PcapException e = assertThrows(PcapException.class,
                () -> Fixtures.backend().openOffline(Path.of("/nonexistent/x.pcap")));
        assertFalse(e instanceof MalformedCaptureException);
        assertTrue(e.getMessage().contains("No such file"), e.getMessage());
    }

    @Test
    void dispatchAndLoopDeliverEveryPacket() throws Exception {
        Path file = TestCorpus.capture("afs.pcap");
        try (OfflineHandle handle = Fixtures.backend().openOffline(file)) {
            int[] seen = {0};
            assertEquals(100, handle.dispatch(100, p -> seen[0]++));
            assertEquals(501, handle.dispatch(0, p -> seen[0]++));
            assertEquals(Handle.DISPATCH_END_OF_FILE, handle.dispatch(10, p -> seen[0]++));
            assertEquals(601, seen[0]);
        }
        try (OfflineHandle handle = Fixtures.backend().openOffline(file)) {
            assertEquals(10, handle.loop(10, p -> { }));
            assertEquals(591, handle.loop(-1, p -> { }));
            assertEquals(0, handle.loop(-1, p -> { }));
        }
    }

    @Test
    void breakLoopStopsALoopFromItsHandler() throws Exception {
        try (OfflineHandle handle = Fixtures.backend().openOffline(TestCorpus.capture("afs.pcap"))) {
            long n = handle.loop(0, p -> {
                if (p.capturedLength() > 0) {
                    handle.breakLoop();
                }
            });
            assertEquals(1, n);
            handle.breakLoop();
            assertEquals(ReadStatus.INTERRUPTED, handle.next(), "a break while idle ends the next read once");
            assertEquals(ReadStatus.PACKET, handle.next());
        }
    }

    @Test
    void handlerExceptionsReachTheCaller() throws Exception {
        try (OfflineHandle handle = Fixtures.backend().openOffline(TestCorpus.capture("afs.pcap"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> handle.loop(0, p -> { throw new IllegalStateException("boom"); }));
            assertEquals("boom", e.getMessage());
            PcapException io = assertThrows(PcapException.class,
                    () -> handle.dispatch(5, p -> { throw new IOException("io boom"); }));
            assertInstanceOf(IOException.class, io.getCause());
            assertEquals(ReadStatus.PACKET, handle.next(), "the handle stays usable");
        }
    }

    @Test
    void closedHandleRejectsUseAndCloseIsIdempotent() throws Exception {
        OfflineHandle handle = Fixtures.backend().openOffline(TestCorpus.capture("afs.pcap"));
        assertEquals(ReadStatus.PACKET, handle.next());
        var view = handle.packet().data();
        handle.close();
        handle.close();
        assertFalse(handle.isOpen());
        assertThrows(IllegalStateException.class, handle::next);
        assertThrows(IllegalStateException.class, handle::packet);
        assertThrows(IllegalStateException.class, () -> handle.setFilter("tcp"));
        assertThrows(IllegalStateException.class, () -> view.get(view.position()),
                "a view kept past close does not read freed memory");
    }

    @Test
    void packetIsUnavailableBeforeAReadAndAfterEndOfFile() throws Exception {
        try (OfflineHandle handle = Fixtures.backend().openOffline(TestCorpus.capture("empty.pcap"))) {
            assertThrows(IllegalStateException.class, handle::packet);
            assertEquals(ReadStatus.END_OF_FILE, handle.next());
            assertThrows(IllegalStateException.class, handle::packet);
        }
    }

    @Test
    void zeroCopyViewIsReadOnlyBigEndianAndReusesItsWindow() throws Exception {
        try (OfflineHandle handle = Fixtures.backend().openOffline(TestCorpus.capture("afs.pcap"))) {
            int packets = 0;
            int largest = -1;
            int newLargest = 0;
            while (handle.next() == ReadStatus.PACKET) {
                var data = handle.packet().data();
                assertTrue(data.isReadOnly());
                assertEquals(java.nio.ByteOrder.BIG_ENDIAN, data.order());
                data.order(java.nio.ByteOrder.LITTLE_ENDIAN); // the next packet is big-endian again
                if (data.remaining() > largest) {
                    largest = data.remaining();
                    newLargest++;
                }
                packets++;
            }
            // libpcap reads every packet into one buffer: the window only grows when a packet is longer than all
            // before it (and moves if libpcap reallocates the buffer, which happens at most as often)
            long windows = ((PanamaOfflineHandle) handle).windowsCreated();
            assertTrue(windows <= newLargest, windows + " windows for " + packets + " packets");
        }
    }
}
