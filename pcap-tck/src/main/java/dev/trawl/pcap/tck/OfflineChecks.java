package dev.trawl.pcap.tck;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.Capability;
import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.PacketRecord;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.UnsupportedCapabilityException;

import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Reads every capture of the corpus and holds the result against three oracles: libpcap's read status
 * (how many frames, how it ends), tshark's field dump (timestamps to the nanosecond, lengths), and the bytes
 * {@code tcpdump -r FILE -w -} rewrites (parsed by the kit's own reader and compared packet by packet). Then
 * it reads the file again with microsecond precision, and from a stream where the backend can.
 */
abstract class OfflineChecks extends KitPart {
    @TestFactory
    Stream<DynamicTest> everyCaptureReadsAsTheOraclesSay() {
        Corpus corpus = corpus();
        return corpus.captures.stream().map(capture -> DynamicTest.dynamicTest(capture.name(), () -> bounded(() -> {
            check(capture);
            return null;
        })));
    }

    /**
     * libpcap 1.10 reads a pcapng file only while every interface has the first one's link type and
     * snapshot length; a libpcap-based backend must end such a file with libpcap's error, after the same
     * frames. A backend that reads further must deliver the frames tshark sees.
     */
    @TestFactory
    Stream<DynamicTest> pcapngWithMixedInterfacesEndsAsLibpcapSays() {
        Corpus corpus = corpus();
        return corpus.captures.stream()
                .filter(c -> c.pcapng() && corpus.readStatus.get(c.name()).message().contains("different from the"))
                .map(capture -> DynamicTest.dynamicTest(capture.name(), () -> bounded(() -> {
                    Assumptions.assumeTrue(backend().supports(Capability.READ_PCAPNG), "no READ_PCAPNG");
                    Corpus.ReadStatus status = corpus.readStatus.get(capture.name());
                    ReadResult read;
                    try (OfflineHandle h = backend().openOffline(capture.path(), OfflineOptions.of(TimestampPrecision.NANO))) {
                        read = readAll(h);
                    }
                    if (kit().libpcapSemantics()) {
                        assertEquals(status.frames(), read.packets().size(), "frames before the error");
                        assertInstanceOf(MalformedCaptureException.class, read.error());
                        assertTrue(read.error().getMessage().contains(status.message()), read.error().getMessage());
                    } else {
                        assertTrue(read.packets().size() >= status.frames(), "fewer frames than libpcap");
                        if (read.error() == null) {
                            assertEquals(corpus.frames(capture.name()).size(), read.packets().size(),
                                    "a reader that goes past libpcap's limit delivers the frames tshark sees");
                        }
                    }
                    return null;
                })));
    }

    @org.junit.jupiter.api.Test
    void aStreamThatFailsMidwayEndsTheReadWithAnException() throws Exception {
        Assumptions.assumeTrue(backend().supports(Capability.OFFLINE_STREAM), "no OFFLINE_STREAM");
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(corpus().capture(ReadChecks.CAPTURE).path()), 3000);
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        InputStream failing = new java.io.FilterInputStream(new java.io.ByteArrayInputStream(head)) {
            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                int n = super.read(b, off, len);
                if (n < 0) {
                    throw new java.io.IOException("connection reset");
                }
                return n;
            }

            @Override
            public int read() throws java.io.IOException {
                int n = super.read();
                if (n < 0) {
                    throw new java.io.IOException("connection reset");
                }
                return n;
            }

            @Override
            public void close() throws java.io.IOException {
                closed.set(true);
                super.close();
            }
        };
        bounded(() -> {
            try (OfflineHandle h = backend().openOffline(failing, OfflineOptions.defaults())) {
                ReadResult r = readAll(h);
                assertTrue(r.error() != null, "the failure is reported, not taken for the end of the file");
                assertTrue(!r.packets().isEmpty(), "the packets before it are delivered");
            }
            return null;
        });
        assertTrue(closed.get(), "closing the handle closes its stream");
    }

    private void check(Corpus.Capture capture) throws Exception {
        Backend backend = backend();
        boolean libpcap = kit().libpcapSemantics();
        Corpus.ReadStatus status = corpus().readStatus.get(capture.name());
        if (status == null) {
            fail("no libpcap read status for " + capture.name());
        }
        if (capture.pcapng() && !backend.supports(Capability.READ_PCAPNG)) {
            assertThrows(UnsupportedCapabilityException.class,
                    () -> backend.openOffline(capture.path(), OfflineOptions.of(TimestampPrecision.NANO)).close());
            return;
        }
        OfflineHandle handle;
        try {
            handle = backend.openOffline(capture.path(), OfflineOptions.of(TimestampPrecision.NANO));
        } catch (MalformedCaptureException e) {
            assertEquals(Corpus.Outcome.OPEN_ERROR, status.outcome(),
                    "the backend cannot open a file libpcap opens: " + e.getMessage());
            if (libpcap) {
                assertTrue(e.getMessage().contains(status.message()),
                        "the error should carry libpcap's text '" + status.message() + "': " + e.getMessage());
            }
            return;
        }
        ReadResult nanoRead;
        try (handle) {
            if (libpcap) {
                assertTrue(status.outcome() != Corpus.Outcome.OPEN_ERROR,
                        "libpcap cannot open this file (" + status.message() + ") but the backend did");
            }
            checkProperties(capture, handle);
            nanoRead = readAll(handle);
        }
        checkEnding(status, libpcapFrames(capture, status), nanoRead, libpcap, corpus().frames(capture.name()).size());
        checkAgainstTshark(capture, corpus().frames(capture.name()), nanoRead.packets(), libpcap);
        checkAgainstTcpdump(capture, corpus().frames(capture.name()), nanoRead.packets(), libpcap);
        checkMicroseconds(backend, capture, nanoRead);
        checkStream(backend, capture, nanoRead);
    }

    private static void checkProperties(Corpus.Capture capture, OfflineHandle handle) {
        assertEquals(capture.pcapng() ? CaptureFormat.PCAPNG : CaptureFormat.PCAP, handle.format(), "format");
        assertEquals(TimestampPrecision.NANO, handle.timestampPrecision(), "precision");
        if (!capture.pcapng()) {
            assertEquals(2, handle.majorVersion(), "major version");
            boolean bigEndianFile = capture.endianness().equals("be");
            assertEquals(bigEndianFile != (ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN), handle.isSwapped(),
                    "isSwapped");
        } else {
            assertEquals(1, handle.majorVersion(), "pcapng section header major version");
        }
        if (capture.linkType() >= 0) {
            assertEquals(LinkType.valueOf(capture.linkType()), handle.linkType(), "link type");
        }
        assertTrue(handle.snaplen() > 0, "snaplen " + handle.snaplen());
    }

    /**
     * How many frames libpcap reads, as the status file says, unless the file is too short to hold that many
     * pcap records (one row of the status file is inconsistent so with its capture); then what tcpdump,
     * which reads with libpcap, rewrites.
     */
    private static int libpcapFrames(Corpus.Capture capture, Corpus.ReadStatus status) throws java.io.IOException {
        long size = Files.size(capture.path());
        if (!capture.pcapng() && 24L + 16L * status.frames() > size) {
            PcapBytes.File reference = Tools.tcpdumpRead(capture.path());
            return reference == null ? 0 : reference.packets().size();
        }
        return status.frames();
    }

    private static void checkEnding(Corpus.ReadStatus status, int frames, ReadResult read, boolean libpcap,
            int tsharkFrames) {
        int n = read.packets().size();
        if (status.outcome() == Corpus.Outcome.OK) {
            assertNull(read.error(), "libpcap reads this file to its end without error");
            assertEquals(frames, n, "frames read");
            return;
        }
        if (libpcap) {
            assertEquals(frames, n, "frames read before libpcap's error");
            assertInstanceOf(MalformedCaptureException.class, read.error(),
                    "libpcap ends this file with: " + status.message());
            assertTrue(read.error().getMessage().contains(status.message()),
                    "the error should carry libpcap's text '" + status.message() + "': " + read.error().getMessage());
        } else {
            assertTrue(n >= frames, "read " + n + " frames, fewer than libpcap's " + frames);
            assertTrue(n <= Math.max(frames, tsharkFrames),
                    "read " + n + " frames, more than libpcap (" + frames + ") and tshark (" + tsharkFrames + ")");
            if (read.error() != null) {
                assertInstanceOf(MalformedCaptureException.class, read.error());
            }
        }
    }

    /**
     * Timestamps and lengths against tshark. Where they differ, libpcap normalises what the file holds
     * (it cuts a record longer than the file's snapshot length, and wiretap strips some link types'
     * pseudo-headers that libpcap delivers); a backend is then held to what libpcap itself delivers, through
     * tcpdump's rewrite of the file. A wire length below the captured length is reported as the file states
     * it, as both tools report it.
     */
    private static void checkAgainstTshark(Corpus.Capture capture, List<Corpus.Frame> frames,
            List<PacketRecord> packets, boolean libpcap) {
        for (int i = 0; i < Math.min(frames.size(), packets.size()); i++) {
            Corpus.Frame f = frames.get(i);
            PacketRecord p = packets.get(i);
            // tshark prints garbage for out-of-range time fields (a negative time for a fraction of 2^31 ns)
            boolean timeAgrees = f.epochNanos() == Corpus.NO_TIME || f.oddTime()
                    || f.epochNanos() == p.timestampEpochNanos();
            if (timeAgrees && f.length() == p.originalLength() && f.capturedLength() == p.capturedLength()) {
                continue;
            }
            PcapBytes.File reference = Tools.tcpdumpRead(capture.path());
            if (reference != null && i < reference.packets().size()) {
                PacketRecord r = reference.packets().get(i);
                if (r.capturedLength() == p.capturedLength() && r.originalLength() == p.originalLength()
                        && (r.timestampEpochNanos() == p.timestampEpochNanos() || timeAgrees)) {
                    continue; // libpcap's normalisation, delivered faithfully
                }
            }
            if (!timeAgrees) {
                assertEquals(f.epochNanos(), p.timestampEpochNanos(), "frame " + f.number() + " timestamp (ns)");
            }
            assertEquals(f.length(), p.originalLength(), "frame " + f.number() + " frame.len");
            assertEquals(f.capturedLength(), p.capturedLength(), "frame " + f.number() + " frame.cap_len");
        }
    }

    private static void checkAgainstTcpdump(Corpus.Capture capture, List<Corpus.Frame> frames,
            List<PacketRecord> packets, boolean libpcap) {
        PcapBytes.File reference = Tools.tcpdumpRead(capture.path());
        if (reference == null) {
            return; // tcpdump could not open it either (checked against libpcap's status above)
        }
        List<PacketRecord> expected = reference.packets();
        if (libpcap) {
            assertEquals(expected.size(), packets.size(), "packets tcpdump reads");
        }
        for (int i = 0; i < Math.min(expected.size(), packets.size()); i++) {
            PacketRecord want = expected.get(i);
            PacketRecord got = packets.get(i);
            assertArrayEquals(want.bytes(), got.bytes(), "bytes of frame " + (i + 1) + ": tcpdump has "
                    + describe(want) + ", backend has " + describe(got));
            // tcpdump writes pcap, whose seconds field has 32 bits: compare modulo 2^32 seconds.
            assertEquals(want.timestampSeconds() & 0xffffffffL, got.timestampSeconds() & 0xffffffffL,
                    "timestamp seconds of frame " + (i + 1));
            assertEquals(want.timestampNanos(), got.timestampNanos(), "timestamp nanoseconds of frame " + (i + 1));
        }
    }

    private void checkMicroseconds(Backend backend, Corpus.Capture capture, ReadResult nanoRead) throws Exception {
        ReadResult micro;
        try (OfflineHandle handle = backend.openOffline(capture.path())) {
            assertEquals(TimestampPrecision.MICRO, handle.timestampPrecision());
            micro = readAll(handle);
        }
        assertEquals(nanoRead.packets().size(), micro.packets().size(), "frames with microsecond precision");
        List<Corpus.Frame> frames = corpus().frames(capture.name());
        for (int i = 0; i < micro.packets().size(); i++) {
            PacketRecord n = nanoRead.packets().get(i);
            PacketRecord m = micro.packets().get(i);
            assertEquals(0, m.timestampNanos() % 1000, "a microsecond timestamp has no nanoseconds");
            assertArrayEquals(n.bytes(), m.bytes());
            if (i < frames.size() && frames.get(i).oddTime()) {
                continue; // scaling an out-of-range fraction is arithmetic on garbage; readers differ
            }
            assertEquals(n.timestampSeconds(), m.timestampSeconds(), "seconds of frame " + (i + 1));
            assertEquals(n.timestampNanos() / 1000, m.timestampNanos() / 1000, "microseconds of frame " + (i + 1));
        }
    }

    private void checkStream(Backend backend, Corpus.Capture capture, ReadResult fromPath) throws Exception {
        if (!backend.supports(Capability.OFFLINE_STREAM)) {
            return; // the capability checks cover the refusal
        }
        OfflineHandle handle;
        InputStream in = Files.newInputStream(capture.path());
        try {
            handle = backend.openOffline(in, OfflineOptions.of(TimestampPrecision.NANO));
        } catch (MalformedCaptureException e) {
            in.close();
            assertEquals(Corpus.Outcome.OPEN_ERROR, corpus().readStatus.get(capture.name()).outcome(),
                    "a stream the path reader opens fails to open: " + e.getMessage());
            return;
        }
        try (handle) {
            ReadResult fromStream = readAll(handle);
            assertEquals(fromPath.packets(), fromStream.packets(), "packets read from a stream and from the path");
            assertEquals(fromPath.error() == null, fromStream.error() == null,
                    "stream and path end alike: " + fromPath.error() + " / " + fromStream.error());
        }
    }
}
