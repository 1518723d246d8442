package dev.trawl.pcap.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapReaderTest {
    private static final int MICRO = PcapReader.MAGIC_MICRO, NANO = PcapReader.MAGIC_NANO;
    private final JavaBackend backend = new JavaBackend();

    @TempDir
    Path dir;

    private OfflineHandle open(byte[] bytes, TimestampPrecision precision) throws IOException {
        return backend.openOffline(new ByteArrayInputStream(bytes), OfflineOptions.of(precision));
    }

    @Test
    void readsBigEndianNanosecondFileExactlyAndTruncatesToMicrosLikeLibpcap() throws IOException {
        byte[] file = Bytes.pcapHeader(ByteOrder.BIG_ENDIAN, NANO, 65535, 1)
                .pcapRecord(1_700_000_000L, 123_456_789, 20, 60).array();
        try (OfflineHandle h = open(file, TimestampPrecision.NANO)) {
            assertEquals(ReadStatus.PACKET, h.next());
            assertEquals(1_700_000_000L, h.packet().timestampSeconds());
            assertEquals(123_456_789, h.packet().timestampNanos());
            assertEquals(20, h.packet().capturedLength());
            assertEquals(60, h.packet().originalLength());
            assertEquals(CaptureFormat.PCAP, h.format());
            assertEquals(LinkType.ETHERNET, h.linkType());
            assertEquals(ByteOrder.nativeOrder() != ByteOrder.BIG_ENDIAN, h.isSwapped());
        }
        try (OfflineHandle h = open(file, TimestampPrecision.MICRO)) {
            h.next();
            assertEquals(123_456_000, h.packet().timestampNanos());
        }
    }

    @Test
    void microsecondFileScalesUpToNanoseconds() throws IOException {
        byte[] file = Bytes.pcapHeader(ByteOrder.LITTLE_ENDIAN, MICRO, 65535, 1)
                .pcapRecord(10, 999_999, 4, 4).array();
        try (OfflineHandle h = open(file, TimestampPrecision.NANO)) {
            h.next();
            assertEquals(999_999_000, h.packet().timestampNanos());
            assertEquals(TimestampPrecision.NANO, h.timestampPrecision());
        }
    }

    @Test
    void outOfRangeFractionIsCarriedIntoTheSeconds() throws IOException {
        byte[] file = Bytes.pcapHeader(ByteOrder.LITTLE_ENDIAN, MICRO, 65535, 1)
                .pcapRecord(10, 2_500_000, 4, 4).array();
        try (OfflineHandle h = open(file, TimestampPrecision.MICRO)) {
            h.next();
            assertEquals(12, h.packet().timestampSeconds());
            assertEquals(500_000_000, h.packet().timestampNanos());
        }
    }

    @Test
    void packetDataIsOneReusedReadOnlyViewPositionedOnEachPacket() throws IOException {
        byte[] file = Bytes.pcapHeader(ByteOrder.LITTLE_ENDIAN, MICRO, 65535, 1)
                .pcapRecord(1, 0, 10, 10).pcapRecord(2, 0, 7, 7).array();
        try (OfflineHandle h = open(file, TimestampPrecision.MICRO)) {
            h.next();
            ByteBuffer first = h.packet().data();
            assertTrue(first.isReadOnly());
            assertEquals(ByteOrder.BIG_ENDIAN, first.order());
            assertEquals(24 + 16, first.position());
            assertEquals(9, first.get(first.position() + 9));
            Packet packet = h.packet();
            h.next();
            assertSame(packet, h.packet());
            assertSame(first, h.packet().data());
            assertEquals(7, first.remaining());
            assertEquals(24 + 16 + 10 + 16, first.position());
            assertEquals(ReadStatus.END_OF_FILE, h.next());
        }
    }

    @Test
    void capturedLengthAboveSnaplenIsCutToTheSnaplenAsLibpcapDoes() throws IOException {
        byte[] file = Bytes.pcapHeader(ByteOrder.LITTLE_ENDIAN, MICRO, 8, 1)
                .pcapRecord(1, 0, 20, 20).pcapRecord(2, 0, 4, 4).array();
        try (OfflineHandle h = open(file, TimestampPrecision.MICRO)) {
            h.next();
            assertEquals(8, h.packet().capturedLength());
            assertEquals(20, h.packet().originalLength());
            h.next();
            assertEquals(2, h.packet().timestampSeconds());
        }
    }

    @Test
    void absurdCapturedLengthFailsWithoutAllocating() throws IOException {
        byte[] file = Bytes.pcapHeader(ByteOrder.LITTLE_ENDIAN, MICRO, 65535, 1)
                .i32(1).i32(0).i32(0x7ff00000).i32(0x7ff00000).array();
        try (OfflineHandle h = open(file, TimestampPrecision.MICRO)) {
            MalformedCaptureException e = assertThrows(MalformedCaptureException.class, h::next);
            assertEquals(24 + 8, e.offset());
            assertTrue(e.getMessage().contains("invalid packet capture length"), e.getMessage());
            assertThrows(MalformedCaptureException.class, h::next, "the handle stays failed");
        }
    }

    @Test
    void fileEndingInsideARecordFailsNamingTheOffset() throws IOException {
        byte[] whole = Bytes.pcapHeader(ByteOrder.LITTLE_ENDIAN, MICRO, 65535, 1)
                .pcapRecord(1, 0, 30, 30).array();
        for (int cut : new int[] {24 + 5, 24 + 16 + 3}) {
            byte[] file = java.util.Arrays.copyOf(whole, cut);
            try (OfflineHandle h = open(file, TimestampPrecision.MICRO)) {
                MalformedCaptureException e = assertThrows(MalformedCaptureException.class, h::next);
                assertEquals(24, e.offset(), e.getMessage());
                assertTrue(e.getMessage().contains("truncated"), e.getMessage());
            }
        }
    }

    @Test
    void emptyShortAndForeignFilesFailToOpen() {
        assertThrows(MalformedCaptureException.class, () -> open(new byte[0], TimestampPrecision.MICRO));
        assertThrows(MalformedCaptureException.class, () -> open(new byte[] {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2,
            (byte) 0xa1, 2, 0}, TimestampPrecision.MICRO));
        MalformedCaptureException e = assertThrows(MalformedCaptureException.class,
                () -> open("GET / HTTP/1.1\r\n".getBytes(), TimestampPrecision.MICRO));
        assertTrue(e.getMessage().contains("unknown file format"), e.getMessage());
    }

    @Test
    void headerWordKeepsTheFcsBitsWhileTheLinkTypeDropsThem() throws IOException {
        int word = 0x60000000 | CaptureInfo.FCS_LENGTH_PRESENT | 1; // FCS of 3 16-bit words... 6 bytes
        byte[] file = Bytes.pcapHeader(ByteOrder.LITTLE_ENDIAN, MICRO, 65535, word).array();
        try (OfflineHandle h = open(file, TimestampPrecision.MICRO)) {
            assertEquals(LinkType.ETHERNET, h.linkType());
            CaptureInfo info = h.unwrap(CaptureInfo.class);
            assertEquals(word, info.rawLinkType());
            assertEquals(12, info.fcsLength());
            assertEquals(ReadStatus.END_OF_FILE, h.next());
        }
    }

    @Test
    void gzipCompressedFilesAndStreamsReadTransparently() throws IOException {
        byte[] file = Bytes.pcapHeader(ByteOrder.LITTLE_ENDIAN, MICRO, 65535, 1)
                .pcapRecord(5, 6, 12, 12).array();
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(file);
        }
        Path path = dir.resolve("c.pcap.gz");
        Files.write(path, zipped.toByteArray());
        try (OfflineHandle h = backend.openOffline(path)) {
            assertEquals(ReadStatus.PACKET, h.next());
            assertEquals(12, h.packet().capturedLength());
            assertEquals(ReadStatus.END_OF_FILE, h.next());
        }
        try (OfflineHandle h = open(zipped.toByteArray(), TimestampPrecision.MICRO)) {
            assertEquals(ReadStatus.PACKET, h.next());
        }
        byte[] broken = java.util.Arrays.copyOf(zipped.toByteArray(), 20);
        assertThrows(MalformedCaptureException.class, () -> {
            try (OfflineHandle h = open(broken, TimestampPrecision.MICRO)) {
                h.next();
            }
        });
    }

    @Test
    void largeFilesAreReadThroughAMovingWindow() throws IOException {
        Bytes bytes = Bytes.pcapHeader(ByteOrder.LITTLE_ENDIAN, MICRO, 65535, 1);
        int count = 0;
        while (bytes.size() < SourceInput.FILE_WINDOW * 4 + 4096) {
            bytes.pcapRecord(count, 0, 100 + count % 900, 2000);
            count++;
        }
        Path path = dir.resolve("big.pcap");
        Files.write(path, bytes.array());
        JavaBackend windowed = new JavaBackend(64 * 1024);
        try (OfflineHandle windowedFile = windowed.openOffline(path);
                OfflineHandle file = backend.openOffline(path);
                OfflineHandle streamed = backend.openOffline(new ByteArrayInputStream(bytes.array()),
                        OfflineOptions.defaults())) {
            for (int i = 0; i < count; i++) {
                assertEquals(ReadStatus.PACKET, windowedFile.next(), "packet " + i);
                assertEquals(ReadStatus.PACKET, file.next(), "packet " + i);
                assertEquals(ReadStatus.PACKET, streamed.next());
                assertEquals(streamed.packet().copy(), windowedFile.packet().copy(), "packet " + i);
                assertEquals(streamed.packet().copy(), file.packet().copy(), "packet " + i);
            }
            assertEquals(ReadStatus.END_OF_FILE, windowedFile.next());
            assertEquals(ReadStatus.END_OF_FILE, file.next());
        }
    }

    @Test
    void unsupportedVersionsFailToOpenAsLibpcapDoes() {
        byte[] v1 = new Bytes(ByteOrder.LITTLE_ENDIAN).i32(MICRO).i16(1).i16(0).i32(0).i32(0).i32(65535).i32(1)
                .array();
        byte[] v25 = new Bytes(ByteOrder.LITTLE_ENDIAN).i32(MICRO).i16(2).i16(5).i32(0).i32(0).i32(65535).i32(1)
                .array();
        assertTrue(assertThrows(MalformedCaptureException.class, () -> open(v1, TimestampPrecision.MICRO))
                .getMessage().contains("archaic"));
        assertTrue(assertThrows(MalformedCaptureException.class, () -> open(v25, TimestampPrecision.MICRO))
                .getMessage().contains("unsupported pcap savefile version 2.5"));
    }

    @Test
    void largeGzipFilesAreDecompressedRatherThanReadAsRecords() throws IOException {
        Bytes bytes = Bytes.pcapHeader(ByteOrder.LITTLE_ENDIAN, MICRO, 65535, 1);
        java.util.Random random = new java.util.Random(7);
        int count = 0;
        while (bytes.size() < SourceInput.FILE_WINDOW * 4 + 100_000) {
            byte[] noise = new byte[1000];
            random.nextBytes(noise);
            bytes.i32(count).i32(0).i32(noise.length).i32(noise.length).raw(noise);
            count++;
        }
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(bytes.array());
        }
        assertTrue(zipped.size() >= SourceInput.FILE_WINDOW, "larger than one read window");
        Path path = dir.resolve("big.pcap.gz");
        Files.write(path, zipped.toByteArray());
        try (OfflineHandle h = backend.openOffline(path)) {
            int n = 0;
            while (h.next() == ReadStatus.PACKET) {
                assertEquals(n++, h.packet().timestampSeconds());
            }
            assertEquals(count, n);
        }
    }
}
