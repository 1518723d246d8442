package dev.trawl.pcap.jna;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.DumpOptions;
import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.tck.FailingOutputStream;
import dev.trawl.pcap.tck.TestCorpus;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Streams joined to libpcap through pipes: failures surface as exceptions, and streams are closed. */
@Tag("native")
class JnaStreamTest {
    private static final Path SAMPLE = TestCorpus.capture("local-netns-eth-veth.pcap");

    private final Backend backend = Pcap.backend("jna");

    JnaStreamTest() throws Exception {
    }

    /** A stream that gives {@code good} bytes of the sample, then fails. */
    private static InputStream failingAfter(int good, AtomicBoolean closed) throws IOException {
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(SAMPLE), good);
        return new FilterInputStream(new ByteArrayInputStream(head)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0) {
                    throw new IOException("the network went away");
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                closed.set(true);
                super.close();
            }
        };
    }

    @Test
    void aStreamThatFailsMidwayEndsTheReadWithItsException() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (OfflineHandle h = backend.openOffline(failingAfter(5000, closed), OfflineOptions.defaults())) {
                PcapException e = assertThrows(PcapException.class, () -> {
                    while (h.next() == ReadStatus.PACKET) {
                        // read until the failure
                    }
                });
                assertInstanceOf(IOException.class, e.getCause());
                assertEquals("the network went away", e.getCause().getMessage());
            }
        });
        assertTrue(closed.get(), "the handle closes its stream");
    }

    @Test
    void aStreamThatIsNotACaptureIsMalformed() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            InputStream junk = new ByteArrayInputStream("this is not a capture file at all".getBytes());
            assertThrows(MalformedCaptureException.class, () -> backend.openOffline(junk, OfflineOptions.defaults()));
        });
    }

    @Test
    void closingAHandleStopsAStreamThatNeverEnds() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            byte[] header = java.util.Arrays.copyOf(Files.readAllBytes(SAMPLE), 24);
            AtomicBoolean closed = new AtomicBoolean();
            InputStream endless = new InputStream() {
                private int at;

                @Override
                public int read() {
                    return at < header.length ? header[at++] & 0xff : 0; // then zero-length records forever
                }

                @Override
                public void close() {
                    closed.set(true);
                }
            };
            OfflineHandle h = backend.openOffline(endless, OfflineOptions.defaults());
            h.close();
            assertTrue(closed.get());
        });
    }

    @Test
    void flushPushesEverythingWrittenIntoTheStream() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (Dumper d = backend.openDumper(out, LinkType.ETHERNET, 65535, DumpOptions.defaults())) {
            d.write(1, 0, 14, ByteBuffer.wrap(new byte[14]));
            d.flush();
            assertEquals(24 + 16 + 14, out.size(), "header and packet are in the stream when flush returns");
            d.write(2, 0, 20, ByteBuffer.wrap(new byte[20]));
            d.flush();
            assertEquals(24 + 16 + 14 + 16 + 20, out.size());
        }
    }

    @Test
    void aFailingOutputStreamIsReportedOnClose() throws Exception {
        OutputStream broken = new FailingOutputStream("disk full");
        Dumper d = backend.openDumper(broken, LinkType.ETHERNET, 65535, DumpOptions.defaults());
        d.write(1, 0, 14, ByteBuffer.wrap(new byte[14]));
        PcapException e = assertThrows(PcapException.class, d::close);
        assertEquals("disk full", e.getCause().getMessage());
    }

    @Test
    void aHandleDroppedWithoutCloseIsClosedByTheCleaner() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        java.lang.ref.WeakReference<OfflineHandle> ref = dropHandle(closed);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!closed.get() && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(ref.get() == null && closed.get(), "the cleaner closed the handle and so its stream");
    }

    private java.lang.ref.WeakReference<OfflineHandle> dropHandle(AtomicBoolean closed) throws Exception {
        InputStream in = new FilterInputStream(Files.newInputStream(SAMPLE)) {
            @Override
            public void close() throws IOException {
                closed.set(true);
                super.close();
            }
        };
        OfflineHandle h = backend.openOffline(in, OfflineOptions.defaults());
        assertEquals(ReadStatus.PACKET, h.next());
        h.loop(2, p -> { });
        return new java.lang.ref.WeakReference<>(h);
    }
}
