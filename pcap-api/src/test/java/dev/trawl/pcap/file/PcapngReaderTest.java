package dev.trawl.pcap.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PcapngReaderTest {
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN, BE = ByteOrder.BIG_ENDIAN;
    private final JavaBackend backend = new JavaBackend();

    private OfflineHandle open(byte[] bytes, TimestampPrecision precision) throws IOException {
        return backend.openOffline(new ByteArrayInputStream(bytes), OfflineOptions.of(precision));
    }

    private static MalformedCaptureException readFails(OfflineHandle h) {
        return assertThrows(MalformedCaptureException.class, () -> {
            while (h.next() == ReadStatus.PACKET) {
                // read until the failure
            }
        });
    }

    @Test
    void interfaceResolutionsConvertExactlyDownToTheNanosecond() throws IOException {
        long t = 1_700_000_000L * 1024 + 512; // 2^-10 seconds: half a second
        byte[] file = new Bytes(BE).shb(null)
                .idb(1, 0, 0x80 | 10, null)
                .idb(1, 0, 3, 100L) // milliseconds, 100 s offset
                .idb(1, 0, 9, null)
                .epb(0, t, 4, 4).epb(1, 1_234_567L, 4, 4).epb(2, 1_000_000_000_123_456_789L, 4, 4).array();
        try (OfflineHandle h = open(file, TimestampPrecision.NANO)) {
            assertEquals(CaptureFormat.PCAPNG, h.format());
            h.next();
            assertEquals(1_700_000_000L, h.packet().timestampSeconds());
            assertEquals(500_000_000, h.packet().timestampNanos());
            assertEquals(0, h.packet().interfaceId());
            h.next();
            assertEquals(1234 + 100, h.packet().timestampSeconds());
            assertEquals(567_000_000, h.packet().timestampNanos());
            assertEquals(1, h.packet().interfaceId());
            h.next();
            assertEquals(1_000_000_000L, h.packet().timestampSeconds());
            assertEquals(123_456_789, h.packet().timestampNanos());
        }
        try (OfflineHandle h = open(file, TimestampPrecision.MICRO)) {
            h.next();
            h.next();
            h.next();
            assertEquals(123_456_000, h.packet().timestampNanos(), "truncated as libpcap scales down");
        }
    }

    @Test
    void resolutionsFinerThanNanosecondsTruncate() throws IOException {
        byte[] file = new Bytes(LE).shb(null).idb(1, 0, 12, null).epb(0, 5_000_000_123_999L, 4, 4).array();
        try (OfflineHandle h = open(file, TimestampPrecision.NANO)) {
            h.next();
            assertEquals(5, h.packet().timestampSeconds());
            assertEquals(123, h.packet().timestampNanos(), "123.999 ns truncates to 123");
        }
    }

    @Test
    void sectionsMayChangeByteOrderAndRestartInterfaceIds() throws IOException {
        byte[] file = new Bytes(LE).shb("first").idb(1, 0, null, null).epb(0, 1, 4, 4)
                .bytes(new Bytes(BE).shb("second").idb(101, 0, null, null).idb(1, 0, null, null).epb(1, 2, 6, 6))
                .array();
        try (OfflineHandle h = open(file, TimestampPrecision.MICRO)) {
            h.next();
            assertEquals(4, h.packet().capturedLength());
            h.next();
            assertEquals(6, h.packet().capturedLength());
            assertEquals(1, h.packet().interfaceId());
            CaptureInfo info = h.unwrap(CaptureInfo.class);
            assertEquals(2, info.sections().size());
            assertEquals("first", info.sections().get(0).comment());
            assertEquals(BE, info.sections().get(1).byteOrder());
            assertEquals(LinkType.RAW, info.sections().get(1).interfaces().get(0).linkType());
            assertEquals(3, info.interfaces().size());
            assertEquals(ReadStatus.END_OF_FILE, h.next());
        }
    }

    @Test
    void packetCommentsAndFlagsAreExposed() throws IOException {
        byte[] comment = "hello".getBytes(StandardCharsets.UTF_8);
        Bytes body = new Bytes(LE).i32(0).i32(0).i32(1).i32(2).i32(2).raw((byte) 1, (byte) 2, (byte) 0, (byte) 0)
                .option(1, comment).option(2, new Bytes(LE).i32(0x1).array()).i32(0);
        byte[] file = new Bytes(LE).shb(null).idb(1, 0, null, null).block(6, body.array()).array();
        try (OfflineHandle h = open(file, TimestampPrecision.MICRO)) {
            h.next();
            assertEquals("hello", h.packet().comment());
            assertEquals(1, h.packet().flags());
            assertEquals(2, h.packet().copy().capturedLength());
        }
    }

    @Test
    void brokenBlockFramingFailsNamingTheOffset() throws IOException {
        byte[] good = new Bytes(LE).shb(null).idb(1, 0, null, null).array();
        int at = good.length;
        byte[][] bad = {
            new Bytes(LE).raw(good).i32(6).i32(30).raw(new byte[22]).array(), // not a multiple of 4
            new Bytes(LE).raw(good).i32(6).i32(8).array(), // shorter than 12
            new Bytes(LE).raw(good).i32(6).i32(0x7ffffff0).raw(new byte[64]).array(), // huge
            new Bytes(LE).raw(good).i32(6).i32(44).raw(new byte[32]).i32(48).array(), // trailer disagrees
            new Bytes(LE).raw(good).epb(3, 0, 4, 4).array(), // no such interface
            new Bytes(LE).raw(good).epb(0, 0, 4, 4).array().length > 0
                    ? Arrays.copyOf(new Bytes(LE).raw(good).epb(0, 0, 8, 8).array(), at + 20) : null, // cut short
        };
        for (byte[] file : bad) {
            try (OfflineHandle h = open(file, TimestampPrecision.MICRO)) {
                MalformedCaptureException e = readFails(h);
                assertTrue(e.offset() >= at, e.offset() + ": " + e.getMessage());
            }
        }
    }

    @Test
    void capturedLengthBeyondTheBlockOrSnaplenFails() throws IOException {
        Bytes body = new Bytes(LE).i32(0).i32(0).i32(0).i32(400).i32(400).raw(new byte[8]);
        byte[] file = new Bytes(LE).shb(null).idb(1, 0, null, null).block(6, body.array()).array();
        try (OfflineHandle h = open(file, TimestampPrecision.MICRO)) {
            assertTrue(readFails(h).getMessage().contains("cannot hold"));
        }
        byte[] snapped = new Bytes(LE).shb(null).idb(1, 16, null, null).epb(0, 0, 20, 20).array();
        try (OfflineHandle h = open(snapped, TimestampPrecision.MICRO)) {
            assertTrue(readFails(h).getMessage().contains("bigger than snaplen"));
        }
    }

    @Test
    void filesWithoutInterfacesOrWithPacketsBeforeThemFailToOpen() {
        assertThrows(MalformedCaptureException.class,
                () -> open(new Bytes(LE).shb(null).array(), TimestampPrecision.MICRO));
        byte[] spb = new Bytes(LE).shb(null).block(3, new Bytes(LE).i32(4).i32(0).array()).array();
        assertTrue(assertThrows(MalformedCaptureException.class, () -> open(spb, TimestampPrecision.MICRO))
                .getMessage().contains("before any Interface Description"));
        byte[] badTsresol = new Bytes(LE).shb(null).idb(1, 0, 0x80 | 70, null).array();
        assertThrows(MalformedCaptureException.class, () -> open(badTsresol, TimestampPrecision.MICRO));
    }

    @Test
    void unknownAndCustomBlocksAreSkipped() throws IOException {
        byte[] file = new Bytes(LE).shb(null).idb(1, 0, null, null)
                .block(0x00000BAD, new byte[] {0, 0, 0x7f, (byte) 0xff, 1, 2, 3})
                .block(0x12345678, new byte[0])
                .block(0xFFFFFFFF, new byte[] {1, 2, 3, 4})
                .block(3, new Bytes(LE).i32(2).raw((byte) 9, (byte) 8, (byte) 0, (byte) 0).array())
                .array();
        try (OfflineHandle h = open(file, TimestampPrecision.MICRO)) {
            assertEquals(ReadStatus.PACKET, h.next());
            assertEquals(2, h.packet().capturedLength());
            assertNull(h.packet().comment());
            assertEquals(3, h.unwrap(CaptureInfo.class).sections().get(0).skippedBlocks());
            assertEquals(ReadStatus.END_OF_FILE, h.next());
        }
    }

    @Test
    void absurdlyManyInterfacesFailInsteadOfExhaustingMemory() {
        Bytes file = new Bytes(LE).shb(null);
        for (int i = 0; i <= PcapngReader.MAX_INTERFACES; i++) {
            file.idb(1, 0, null, null);
        }
        byte[] bytes = file.array();
        MalformedCaptureException e = assertThrows(MalformedCaptureException.class, () -> {
            try (OfflineHandle h = open(bytes, TimestampPrecision.MICRO)) {
                h.next();
            }
        });
        assertTrue(e.getMessage().contains("interfaces in one section"), e.getMessage());
    }

    @Test
    void obsoleteAndSimplePacketBlocksRead() throws IOException {
        Bytes pb = new Bytes(LE).i16(0).i16(0).i32(0).i32(3_000_000).i32(4).i32(10).raw((byte) 1, (byte) 2,
                (byte) 3, (byte) 4).option(2, new Bytes(LE).i32(2).array()).i32(0);
        Bytes spb = new Bytes(LE).i32(40).raw(new byte[8]);
        byte[] file = new Bytes(LE).shb(null).idb(1, 8, null, null).block(2, pb.array()).block(3, spb.array())
                .array();
        try (OfflineHandle h = open(file, TimestampPrecision.MICRO)) {
            assertEquals(ReadStatus.PACKET, h.next());
            assertEquals(3, h.packet().timestampSeconds());
            assertEquals(4, h.packet().capturedLength());
            assertEquals(10, h.packet().originalLength());
            assertEquals(2, h.packet().flags());
            assertEquals(ReadStatus.PACKET, h.next());
            assertEquals(8, h.packet().capturedLength(), "a simple packet is cut to the snapshot length");
            assertEquals(40, h.packet().originalLength());
            assertEquals(-1, h.packet().flags());
            assertEquals(ReadStatus.END_OF_FILE, h.next());
        }
    }

    @Test
    void nameResolutionAndDecryptionSecretsAreKept() throws IOException {
        Bytes nrb = new Bytes(BE).i16(1).i16(4 + 8).raw((byte) 192, (byte) 0, (byte) 2, (byte) 1)
                .raw("a.test\0b\0".getBytes(StandardCharsets.US_ASCII)).i16(0).i16(0);
        byte[] keys = "CLIENT_RANDOM 00 11".getBytes(StandardCharsets.US_ASCII);
        Bytes dsb = new Bytes(BE).i32(0x544c534b).i32(keys.length).raw(keys)
                .raw(new byte[((keys.length + 3) & ~3) - keys.length]);
        byte[] file = new Bytes(BE).shb(null).block(4, nrb.array()).block(10, dsb.array()).idb(1, 0, null, null)
                .array();
        try (OfflineHandle h = open(file, TimestampPrecision.MICRO)) {
            SectionInfo s = h.unwrap(CaptureInfo.class).sections().get(0);
            assertEquals(1, s.names().size());
            assertEquals("192.0.2.1", s.names().get(0).address().getHostAddress());
            assertEquals(java.util.List.of("a.test", "b"), s.names().get(0).names());
            assertEquals(0x544c534b, s.secrets().get(0).type());
            assertEquals("CLIENT_RANDOM 00 11", new String(s.secrets().get(0).data(), StandardCharsets.US_ASCII));
            assertEquals(ReadStatus.END_OF_FILE, h.next());
        }
    }
}
