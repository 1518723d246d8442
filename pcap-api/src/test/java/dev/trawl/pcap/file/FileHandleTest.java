package dev.trawl.pcap.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.BpfInstruction;
import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.Capability;
import dev.trawl.pcap.FilterSpec;
import dev.trawl.pcap.Handle;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.UnsupportedCapabilityException;
import dev.trawl.pcap.spi.FilterCompiler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.ByteOrder;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FileHandleTest {
    private final JavaBackend backend = new JavaBackend();

    /** A file of {@code n} packets, packet i of 20 + i % 40 bytes (5 more on the wire) with the i-th second. */
    static byte[] capture(int n) {
        Bytes b = Bytes.pcapHeader(ByteOrder.LITTLE_ENDIAN, PcapReader.MAGIC_MICRO, 65535, 1);
        for (int i = 0; i < n; i++) {
            b.pcapRecord(i, 0, 20 + i % 40, 25 + i % 40);
        }
        return b.array();
    }

    private OfflineHandle open(byte[] bytes) throws PcapException {
        return backend.openOffline(new ByteArrayInputStream(bytes), OfflineOptions.defaults());
    }

    @Test
    void theJavaProviderIsFoundWithPriorityZero() throws PcapException {
        Backend java = Pcap.backend("java");
        assertEquals("java", java.name());
        assertTrue(Pcap.backends().stream().anyMatch(i -> i.name().equals("java") && i.priority() == 0));
        assertEquals("java", new JavaPcapProvider().name());
    }

    @Test
    void capabilitiesAreExactlyTheOfflineOnes() {
        EnumSet<Capability> expected = EnumSet.of(Capability.OFFLINE_FILE, Capability.OFFLINE_STREAM,
                Capability.READ_PCAPNG, Capability.READ_GZIP, Capability.NANOSECOND_TIMESTAMPS, Capability.DUMP,
                Capability.DUMP_APPEND, Capability.DUMP_PCAPNG, Capability.DUMP_STREAM, Capability.BREAK_LOOP);
        if (FilterCompiler.installed().isPresent()) {
            expected.add(Capability.FILTER);
        }
        assertEquals(expected, backend.capabilities());
    }

    @Test
    void liveCallsAndFilterStringsWithoutACompilerThrowUnsupportedCapability() throws PcapException {
        assertEquals(Capability.LIVE_CAPTURE, assertThrows(UnsupportedCapabilityException.class,
                () -> backend.openLive("eth0", LiveOptions.defaults())).capability());
        assertThrows(UnsupportedCapabilityException.class, backend::devices);
        if (FilterCompiler.installed().isEmpty()) {
            try (OfflineHandle h = open(capture(1))) {
                UnsupportedCapabilityException e =
                        assertThrows(UnsupportedCapabilityException.class, () -> h.setFilter("tcp"));
                assertTrue(e.getMessage().contains("dev.trawl:trawl-filter"), e.getMessage());
            }
        }
    }

    @Test
    void compiledProgramsFilterWithoutACompiler() throws PcapException {
        // ld len; jgt #30 jt 0 jf 1; ret #65535; ret #0 -- packets longer than 30 bytes on the wire
        BpfProgram longer = BpfProgram.of(BpfInstruction.stmt(0x80, 0), BpfInstruction.jump(0x25, 30, 0, 1),
                BpfInstruction.stmt(0x06, 65535), BpfInstruction.stmt(0x06, 0));
        try (OfflineHandle h = open(capture(40))) {
            h.setFilter(longer);
            AtomicLong count = new AtomicLong();
            h.loop(0, p -> {
                assertTrue(p.originalLength() > 30);
                count.incrementAndGet();
            });
            assertEquals(34, count.get());
        }
    }

    @Test
    void dispatchAndLoopCountAndReportTheEnd() throws PcapException {
        try (OfflineHandle h = open(capture(10))) {
            assertEquals(4, h.dispatch(4, p -> { }));
            assertEquals(3, h.loop(3, p -> { }));
            assertEquals(3, h.dispatch(0, p -> { }));
            assertEquals(Handle.DISPATCH_END_OF_FILE, h.dispatch(5, p -> { }));
            assertEquals(ReadStatus.END_OF_FILE, h.next());
            assertThrows(IllegalStateException.class, h::packet);
        }
    }

    @Test
    void breakLoopStopsALoopAndAnIdleBreakInterruptsTheNextReadOnce() throws PcapException {
        try (OfflineHandle h = open(capture(10))) {
            assertEquals(3, h.loop(0, p -> {
                if (p.timestampSeconds() == 2) {
                    h.breakLoop();
                }
            }));
            h.breakLoop();
            assertEquals(ReadStatus.INTERRUPTED, h.next());
            assertEquals(ReadStatus.PACKET, h.next());
            assertEquals(3, h.packet().timestampSeconds());
            h.breakLoop();
            assertEquals(Handle.DISPATCH_INTERRUPTED, h.dispatch(0, p -> { }));
        }
    }

    @Test
    void handlerExceptionsReachTheCaller() throws PcapException {
        try (OfflineHandle h = open(capture(3))) {
            PcapException e = assertThrows(PcapException.class, () -> h.loop(0, p -> {
                throw new IOException("disk on fire");
            }));
            assertTrue(e.getMessage().contains("disk on fire"));
            assertThrows(IllegalArgumentException.class, () -> h.loop(0, p -> {
                throw new IllegalArgumentException("bad");
            }));
        }
    }

    @Test
    void closeFromAnotherThreadEndsALoopBlockedOnAStream() throws Exception {
        PipedOutputStream writer = new PipedOutputStream();
        InputStream reader = new PipedInputStream(writer, 1 << 16);
        byte[] head = capture(2);
        writer.write(head);
        writer.flush();
        OfflineHandle h = backend.openOffline(reader, OfflineOptions.defaults());
        CountDownLatch twoSeen = new CountDownLatch(2);
        Thread closer = new Thread(() -> {
            try {
                twoSeen.await();
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            h.close();
            try {
                writer.close();
            } catch (IOException ignored) {
                // the reader is gone already
            }
        });
        closer.start();
        long delivered = h.loop(0, p -> twoSeen.countDown());
        closer.join();
        assertEquals(2, delivered);
        assertFalse(h.isOpen());
        h.close();
        assertThrows(IllegalStateException.class, h::next);
    }

    @Test
    void unwrapGivesTheCaptureInfoOrFailsClearly() throws PcapException {
        try (OfflineHandle h = open(capture(1))) {
            CaptureInfo info = h.unwrap(CaptureInfo.class);
            assertEquals(LinkType.ETHERNET, info.linkType());
            assertEquals(65535, info.snaplen());
            assertInstanceOf(OfflineHandle.class, h.unwrap(OfflineHandle.class));
            assertThrows(IllegalArgumentException.class, () -> h.unwrap(String.class));
        }
    }

    @Test
    void anInstalledCompilerEnablesFilterExpressions() throws PcapException {
        // A stand-in compiler for "long": ld len; jgt #30 jt 0 jf 1; ret #65535; ret #0
        java.util.List<String> calls = new java.util.ArrayList<>();
        FilterCompiler compiler = spec -> {
            calls.add(spec.expression() + " " + spec.linkType() + " " + spec.snaplen() + " " + spec.optimize() + " "
                    + spec.netmask());
            if (!spec.expression().equals("long")) {
                throw new dev.trawl.pcap.InvalidFilterException("syntax error", spec.expression(), 0);
            }
            return BpfProgram.of(BpfInstruction.stmt(0x80, 0), BpfInstruction.jump(0x25, 30, 0, 1),
                    BpfInstruction.stmt(0x06, 65535), BpfInstruction.stmt(0x06, 0));
        };
        JavaBackend withFilter = new JavaBackend(SourceInput.FILE_WINDOW, java.util.Optional.of(compiler));
        assertTrue(withFilter.supports(Capability.FILTER));
        try (OfflineHandle h = withFilter.openOffline(new ByteArrayInputStream(capture(40)),
                OfflineOptions.defaults())) {
            h.setFilter("long");
            assertEquals(List.of("long EN10MB 65535 true -1"), calls);
            assertEquals(34, h.loop(0, p -> { }));
            assertThrows(dev.trawl.pcap.InvalidFilterException.class, () -> h.setFilter("bad"));
        }
        JavaBackend without = new JavaBackend(SourceInput.FILE_WINDOW, java.util.Optional.empty());
        assertFalse(without.supports(Capability.FILTER));
        UnsupportedCapabilityException e = assertThrows(UnsupportedCapabilityException.class,
                () -> without.compileFilter(FilterSpec.of("tcp", LinkType.ETHERNET)));
        assertTrue(e.getMessage().contains("dev.trawl:trawl-filter"), e.getMessage());
    }
}
