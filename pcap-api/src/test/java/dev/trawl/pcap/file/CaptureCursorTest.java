package dev.trawl.pcap.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.tck.TestCorpus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureCursorTest {
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN, BE = ByteOrder.BIG_ENDIAN;

    /** One packet as a handle or a cursor delivers it, or the failure that ended the reading. */
    record Seen(long seconds, int nanos, int caplen, int len, int iface, ByteBuffer bytes, String failure) {
        static Seen failure(String message) {
            return new Seen(0, 0, 0, 0, 0, null, message);
        }
    }

    private static List<Seen> byHandle(Path file) throws PcapException {
        List<Seen> seen = new ArrayList<>();
        OfflineHandle handle = new JavaBackend().openOffline(file, OfflineOptions.of(TimestampPrecision.NANO));
        try (OfflineHandle h = handle) {
            while (h.next() == ReadStatus.PACKET) {
                Packet p = h.packet();
                seen.add(new Seen(p.timestampSeconds(), p.timestampNanos(), p.capturedLength(), p.originalLength(),
                        p.interfaceId(), copy(p.data()), null));
            }
        } catch (MalformedCaptureException e) {
            seen.add(Seen.failure(e.getMessage()));
        }
        return seen;
    }

    private static List<Seen> byCursor(CaptureCursor cursor) throws IOException {
        List<Seen> seen = new ArrayList<>();
        try (cursor) {
            long expectedOffset = cursor.nextOffset();
            while (cursor.next()) {
                assertEquals(expectedOffset, cursor.offset(), "records follow each other");
                expectedOffset = cursor.nextOffset();
                if (cursor.isPacket()) {
                    seen.add(new Seen(cursor.seconds(), cursor.nanos(), cursor.capturedLength(),
                            cursor.originalLength(), cursor.interfaceId(), copy(cursor.data()), null));
                }
            }
        } catch (MalformedCaptureException e) {
            seen.add(Seen.failure(e.getMessage()));
        }
        return seen;
    }

    private static ByteBuffer copy(ByteBuffer data) {
        ByteBuffer b = ByteBuffer.allocate(data.remaining());
        b.put(data.duplicate()).flip();
        return b;
    }

    /**
     * Whatever a handle reads from a corpus file, the cursor reads too, from every kind of input: the same
     * packets, and the same failure at the same place. (A handle refuses a pcapng file with no interface before
     * its first packet on opening; a cursor reads the blocks up to there first, so those files are left out.)
     */
    @Test
    void everyInputReadsTheCorpusAsAHandleDoes() throws IOException {
        List<Path> files = TestCorpus.captureFiles();
        int compared = 0;
        for (Path file : files) {
            List<Seen> expected;
            try {
                expected = byHandle(file);
            } catch (PcapException e) {
                continue; // not readable at all: the handle fails on opening
            }
            byte[] bytes = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            assertEquals(expected, rename(byCursor(CaptureCursor.open(file)), file.toString(), name), name);
            assertEquals(expected, rename(byCursor(CaptureCursor.wrap(ByteBuffer.wrap(bytes), name)), name, name),
                    name + " in memory");
            assertEquals(expected, rename(byCursor(CaptureCursor.open(new ByteArrayInputStream(bytes), name)), name,
                    name), name + " as a stream");
            assertEquals(expected, rename(byCursor(CaptureCursor.open((position, target, offset, length) -> {
                int n = (int) Math.min(length, Math.min(7, bytes.length - position)); // a few bytes per read
                System.arraycopy(bytes, (int) position, target, offset, n);
                return n;
            }, bytes.length, name)), name, name), name + " through positioned reads");
            compared++;
        }
        assertTrue(compared > 150, compared + " files compared");
    }

    /** Messages name the input; a handle over a path names it by its path, as a cursor over the same path does. */
    private static List<Seen> rename(List<Seen> seen, String from, String to) {
        return seen.stream().map(s -> s.failure() == null ? s : Seen.failure(s.failure().replace(from, to))).toList();
    }

    @Test
    void pcapHeaderFieldsInBothByteOrders() throws IOException {
        for (ByteOrder order : List.of(LE, BE)) {
            byte[] file = Bytes.pcapHeader(order, PcapReader.MAGIC_NANO, 100, 1).pcapRecord(7, 999_999_999, 3, 60)
                    .pcapRecord(8, 1, 200, 200).array();
            try (CaptureCursor c = CaptureCursor.wrap(ByteBuffer.wrap(file), "t")) {
                assertEquals(CaptureFormat.PCAP, c.format());
                assertEquals(order, c.byteOrder());
                assertEquals(2, c.majorVersion());
                assertEquals(24, c.nextOffset());
                assertTrue(c.next());
                assertEquals(24, c.offset());
                assertEquals(16 + 3, c.recordLength());
                assertEquals(0, c.blockType());
                assertEquals(7, c.seconds());
                assertEquals(999_999_999, c.nanos());
                assertEquals(3, c.capturedLength());
                assertEquals(60, c.originalLength());
                assertEquals(1, c.linkType());
                assertTrue(c.next());
                assertEquals(100, c.capturedLength(), "cut to the snapshot length, as libpcap does");
                assertEquals(200, c.recordedLength());
                assertEquals(200, c.recordedData().remaining());
                assertEquals(199, c.recordedData().get(c.recordedData().position() + 199) & 0xFF);
                assertEquals(16 + 200, c.record().remaining());
                assertEquals(8, c.record().getInt(c.record().position()));
                assertFalse(c.next());
            }
        }
    }

    @Test
    void pcapngBlocksOfEveryKindComeThroughWithTheirOffsets() throws IOException {
        for (ByteOrder order : List.of(LE, BE)) {
            Bytes b = new Bytes(order).shb("hello");
            long idb = b.size();
            b.idb(1, 0, 9, 10L);
            long epb = b.size();
            b.epb(0, 5_000_000_123L, 5, 9);
            long spb = b.size();
            b.block(CaptureCursor.SIMPLE_PACKET, new Bytes(order).i32(3).raw((byte) 1, (byte) 2, (byte) 3).array());
            long isb = b.size();
            b.block(CaptureCursor.INTERFACE_STATISTICS, new Bytes(order).i32(0).i32(1).i32(0).array());
            long nrb = b.size();
            b.block(CaptureCursor.NAME_RESOLUTION, new Bytes(order).i16(1).i16(8).raw((byte) 10, (byte) 0, (byte) 0,
                    (byte) 1).raw("a\0\0\0".getBytes(StandardCharsets.US_ASCII)).i32(0).array());
            long custom = b.size();
            b.block(CaptureCursor.CUSTOM, new Bytes(order).i32(32473).raw((byte) 9, (byte) 9, (byte) 9, (byte) 9)
                    .array());
            long pb = b.size();
            b.block(CaptureCursor.PACKET, new Bytes(order).i16(0).i16(0).i32(0).i32(2_000_000).i32(2).i32(2)
                    .raw((byte) 7, (byte) 8, (byte) 0, (byte) 0).array());
            try (CaptureCursor c = CaptureCursor.wrap(ByteBuffer.wrap(b.array()), "t")) {
                assertEquals(CaptureFormat.PCAPNG, c.format());
                assertTrue(c.next());
                assertEquals(CaptureCursor.SECTION_HEADER, c.blockType());
                assertEquals(order, c.byteOrder());
                assertEquals(1, c.majorVersion());
                assertEquals(0, c.interfaceCount());
                assertTrue(c.next());
                assertEquals(CaptureCursor.INTERFACE_DESCRIPTION, c.blockType());
                assertEquals(idb, c.offset());
                assertEquals(1, c.interfaceCount());
                assertEquals(9, c.interfaceInfo(0).tsresol());
                assertEquals(10, c.interfaceInfo(0).tsOffset());
                assertTrue(c.next());
                assertEquals(epb, c.offset());
                assertEquals(CaptureCursor.ENHANCED_PACKET, c.blockType());
                assertTrue(c.isPacket());
                assertEquals(15, c.seconds());
                assertEquals(123, c.nanos());
                assertEquals(5, c.capturedLength());
                assertEquals(9, c.originalLength());
                assertEquals(4, c.data().get(c.data().position() + 4));
                assertTrue(c.next());
                assertEquals(spb, c.offset());
                assertEquals(CaptureCursor.SIMPLE_PACKET, c.blockType());
                assertEquals(3, c.capturedLength());
                assertTrue(c.next());
                assertEquals(isb, c.offset());
                assertEquals(CaptureCursor.INTERFACE_STATISTICS, c.blockType());
                assertFalse(c.isPacket());
                assertEquals(0, c.interfaceId());
                assertEquals(4 + 10, c.seconds(), "2^32 ns, plus the interface's offset");
                assertEquals(294_967_296, c.nanos());
                assertTrue(c.next());
                assertEquals(nrb, c.offset());
                assertEquals(CaptureCursor.NAME_RESOLUTION, c.blockType());
                assertTrue(c.next());
                assertEquals(custom, c.offset());
                assertEquals(CaptureCursor.CUSTOM, c.blockType());
                ByteBuffer block = c.record();
                assertEquals(c.recordLength(), block.remaining());
                assertEquals(32473, block.getInt(block.position() + 8), "the private enterprise number");
                assertTrue(c.next());
                assertEquals(pb, c.offset());
                assertEquals(CaptureCursor.PACKET, c.blockType());
                assertEquals(2, c.capturedLength());
                assertEquals(10, c.seconds());
                assertEquals(2_000_000, c.nanos());
                assertFalse(c.next());
            }
        }
    }

    @Test
    void aSectionReadFromItsMiddleAfterItsHeaderAndInterfaces() throws IOException {
        Bytes b = new Bytes(LE).shb(null).idb(1, 0, 9, null);
        long second = b.size();
        b.idb(228, 0, 6, null);
        b.epb(0, 1, 4, 4);
        long target = b.size();
        b.epb(1, 3_000_001, 6, 6);
        try (CaptureCursor c = CaptureCursor.wrap(ByteBuffer.wrap(b.array()), "t")) {
            c.seek(0);
            assertTrue(c.next());
            c.seek(28); // the first interface, after the 28-byte section header
            assertTrue(c.next());
            c.seek(second);
            assertTrue(c.next());
            c.seek(target);
            assertTrue(c.next());
            assertEquals(target, c.offset());
            assertEquals(228, c.linkType());
            assertEquals(3, c.seconds());
            assertEquals(1000, c.nanos());
            assertFalse(c.next());
        }
    }

    @Test
    void aSectionHeaderThatFailsLeavesTheSectionAsItWas() throws IOException {
        Bytes b = new Bytes(BE).shb(null).idb(1, 0, null, null).epb(0, 1, 4, 4);
        long bad = b.size();
        byte[] other = new Bytes(LE).shb(null).array();
        ByteBuffer.wrap(other).order(LE).putInt(other.length - 4, other.length + 4); // its trailer disagrees
        b.raw(other);
        long after = b.size();
        byte[] file = b.epb(0, 2, 6, 6).array();
        try (CaptureCursor c = CaptureCursor.wrap(ByteBuffer.wrap(file), "t")) {
            for (int i = 0; i < 3; i++) {
                assertTrue(c.next());
            }
            MalformedCaptureException e = assertThrows(MalformedCaptureException.class, c::next);
            assertTrue(e.getMessage().contains("trailer"), e.getMessage());
            assertEquals(bad, c.offset());
            c.seek(after);
            assertTrue(c.next(), "the packet after it is read in the section before it");
            assertEquals(BE, c.byteOrder());
            assertEquals(1, c.interfaceCount());
            assertEquals(6, c.capturedLength());
        }
    }

    /** A source over bytes in memory that counts what is read from it. */
    private record Counted(byte[] bytes, long[] read) implements CaptureCursor.Source {
        Counted(byte[] bytes) {
            this(bytes, new long[1]);
        }

        @Override
        public int read(long position, byte[] target, int offset, int length) {
            int n = (int) Math.min(length, bytes.length - position);
            System.arraycopy(bytes, (int) position, target, offset, n);
            read[0] += n;
            return n;
        }
    }

    @Test
    void positionedReadsGrowFromASmallFirstReadAndStopWhereTheReaderSays() throws IOException {
        Bytes b = Bytes.pcapHeader(LE, PcapReader.MAGIC_MICRO, 65535, 1);
        for (int i = 0; i < 40_000; i++) {
            b.pcapRecord(i, 0, 84, 84); // 100 bytes a record
        }
        byte[] file = b.array();
        Counted whole = new Counted(file);
        try (CaptureCursor c = CaptureCursor.open(whole, file.length, "t")) {
            while (c.next()) {
                assertEquals(84, c.capturedLength());
            }
        }
        assertEquals(file.length, whole.read()[0], "a whole read reads each byte once");

        Counted few = new Counted(file);
        try (CaptureCursor c = CaptureCursor.open(few, file.length, "t")) {
            c.seek(24 + 100L * 30_000);
            for (int i = 0; i < 3; i++) {
                assertTrue(c.next());
            }
            assertEquals(30_002, c.seconds());
        }
        assertTrue(few.read()[0] <= 2 * SourceInput.FIRST_READ, "three records read " + few.read()[0] + " bytes");

        Counted part = new Counted(file);
        long from = 24 + 100L * 10_000;
        long to = 24 + 100L * 25_000 + 50; // the last record read starts before here and ends after
        try (CaptureCursor c = CaptureCursor.open(part, file.length, "t")) {
            c.limitReadAhead(to);
            c.seek(from);
            while (c.nextOffset() < to) {
                assertTrue(c.next());
            }
        }
        long beyond = part.read()[0] - (to - from) - SourceInput.FIRST_READ; // the header, read on opening
        assertTrue(beyond <= 100, "a reader of one part read " + beyond + " bytes past it");
    }

    @Test
    void aPacketBeforeItsInterfaceFailsWithItsOffset() throws IOException {
        byte[] file = new Bytes(BE).shb(null).epb(0, 1, 4, 4).array();
        try (CaptureCursor c = CaptureCursor.wrap(ByteBuffer.wrap(file), "t")) {
            assertTrue(c.next());
            MalformedCaptureException e = assertThrows(MalformedCaptureException.class, c::next);
            assertEquals(28, c.offset(), "the cursor is on the block that failed");
            assertEquals(28 + 8, e.offset());
            assertTrue(e.getMessage().contains("no Interface Description Block"), e.getMessage());
        }
    }

    @Test
    void peekFramesWithoutMovingOrThrowing() throws IOException {
        byte[] pcap = Bytes.pcapHeader(LE, PcapReader.MAGIC_MICRO, 65535, 1).pcapRecord(1, 2, 10, 10)
                .pcapRecord(3, 4, 20, 20).array();
        byte[] cut = java.util.Arrays.copyOf(pcap, pcap.length - 1);
        try (CaptureCursor c = CaptureCursor.wrap(ByteBuffer.wrap(cut), "t")) {
            assertTrue(c.next());
            RecordHeader h = c.peek(24 + 26, new RecordHeader());
            assertEquals(CaptureCursor.TRUNCATED, h.status());
            assertEquals(36, h.length());
            assertEquals(3, h.seconds());
            assertEquals(4, h.fraction());
            assertEquals(CaptureCursor.RECORD, c.peek(24, h).status());
            assertEquals(26, h.length());
            assertEquals(CaptureCursor.END, c.peek(cut.length, h).status());
            ByteBuffer.wrap(cut).order(LE).putInt(24 + 26 + 8, 0x7FFF_FFF0);
            assertEquals(CaptureCursor.MALFORMED, c.peek(24 + 26, h).status(), "longer than any link type allows");
            assertEquals(24, c.offset(), "peeking moved nothing");
            assertEquals(1, c.seconds());
        }
        Bytes ng = new Bytes(BE).shb(null).idb(1, 0, null, null);
        long epb = ng.size();
        byte[] file = ng.epb(0, 77, 5, 5).array();
        try (CaptureCursor c = CaptureCursor.wrap(ByteBuffer.wrap(file), "t")) {
            RecordHeader h = new RecordHeader();
            assertEquals(CaptureCursor.RECORD, c.peek(0, LE, h).status(), "a section header says its own order");
            assertEquals(CaptureCursor.SECTION_HEADER, h.blockType());
            assertEquals(CaptureCursor.RECORD, c.peek(epb, BE, h).status());
            assertEquals(CaptureCursor.ENHANCED_PACKET, h.blockType());
            assertEquals(77, h.timestamp());
            assertEquals(5, h.capturedLength());
            assertEquals(CaptureCursor.MALFORMED, c.peek(epb, LE, h).status(), "the other order frames nothing");
            assertEquals(CaptureCursor.MALFORMED, c.peek(epb + 4, BE, h).status());
            assertTrue(c.next());
            assertEquals(BE, c.byteOrder());
        }
    }

    /** The current thread's allocated bytes, through reflection: the module does not read java.management. */
    private static long allocatedBytes() throws ReflectiveOperationException {
        Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
        Method counter = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
        return (long) counter.invoke(bean);
    }

    @Test
    void readingAllocatesNothingPerRecord() throws IOException, ReflectiveOperationException {
        Bytes b = Bytes.pcapHeader(LE, PcapReader.MAGIC_MICRO, 65535, 1);
        for (int i = 0; i < 20_000; i++) {
            b.pcapRecord(i, i % 1000, 60, 60);
        }
        byte[] file = b.array();
        long[] perPass = new long[3];
        for (int pass = 0; pass < perPass.length; pass++) {
            try (CaptureCursor c = CaptureCursor.wrap(ByteBuffer.wrap(file), "t")) {
                RecordHeader h = new RecordHeader();
                long before = allocatedBytes();
                long sum = 0;
                while (c.next()) {
                    sum += c.seconds() + c.data().get(c.data().position()) + c.peek(c.offset(), h).length();
                }
                perPass[pass] = allocatedBytes() - before;
                assertNotNull(Long.valueOf(sum));
            }
        }
        assertTrue(perPass[2] < 20_000, "bytes allocated reading 20,000 records: " + perPass[2]);
    }

    /** A stream that delivers a little at a time, as a decompressor does. */
    private static final class Dribble extends java.io.FilterInputStream {
        Dribble(byte[] bytes) {
            super(new ByteArrayInputStream(bytes));
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1000));
        }
    }

    @Test
    void aStreamGoesForwardOnly() throws IOException {
        byte[] file = Bytes.pcapHeader(LE, PcapReader.MAGIC_MICRO, 65535, 1).pcapRecord(1, 0, 10, 10)
                .pcapRecord(2, 0, 10, 10).pcapRecord(3, 0, 10, 10).array();
        try (CaptureCursor c = CaptureCursor.open(new ByteArrayInputStream(file), "s")) {
            assertEquals(-1, c.length());
            c.seek(24 + 26);
            assertTrue(c.next());
            assertEquals(2, c.seconds());
            c.seek(24 + 26 * 3);
            assertFalse(c.next());
            assertThrows(IOException.class, () -> c.seek(0));
        }
        Bytes many = Bytes.pcapHeader(LE, PcapReader.MAGIC_MICRO, 65535, 1);
        for (int i = 0; i < 5000; i++) {
            many.pcapRecord(i, 0, 100, 100);
        }
        try (CaptureCursor c = CaptureCursor.open(new Dribble(many.array()), "s")) {
            assertTrue(c.next());
            RecordHeader h = new RecordHeader();
            assertEquals(CaptureCursor.RECORD, c.peek(24 + 116L * 4000, h).status(), "a look far ahead");
            assertEquals(4000, h.seconds());
            assertEquals(CaptureCursor.RECORD, c.peek(24 + 116L * 2, h).status(), "and back, before the next read");
            assertTrue(c.next());
            assertEquals(1, c.seconds(), "the stream kept the records in between");
        }
        try (CaptureCursor c = CaptureCursor.wrap(ByteBuffer.wrap(file), "t")) {
            assertNull(c.interfaceInfo(0), "a pcap file has no interface descriptions");
        }
    }
}
