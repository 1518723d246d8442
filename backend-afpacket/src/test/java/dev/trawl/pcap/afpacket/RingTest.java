package dev.trawl.pcap.afpacket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.filter.Filter;
import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.Direction;
import dev.trawl.pcap.FilterSpec;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.PcapException;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The ring walk and the frames it makes, over a ring laid out by {@link FakeKernel} in ordinary memory. */
class RingTest {
    private static final int OUTGOING = Tpacket.PACKET_OUTGOING;
    private static final int HOST = 0;

    private static Framing ethernet() {
        return new Framing(0, 12, 262144, Direction.INOUT, -1, Framing.UserlandFilter.NONE);
    }

    private static byte[] frame(int marker, int length) {
        byte[] f = new byte[length];
        for (int i = 0; i < 6; i++) {
            f[i] = (byte) 0xff;
            f[6 + i] = (byte) (0x10 + i);
        }
        f[12] = 0x08;
        f[13] = 0x00;
        for (int i = 14; i < length; i++) {
            f[i] = (byte) (marker + i);
        }
        return f;
    }

    private static byte[] bytes(Ring ring) {
        ByteBuffer data = ring.view.data();
        byte[] b = new byte[data.remaining()];
        data.get(data.position(), b);
        return b;
    }

    /** Every frame the ring delivers until no block is ready, as bytes. */
    private static List<byte[]> drain(Ring ring) throws PcapException {
        List<byte[]> got = new ArrayList<>();
        while (ring.ready()) {
            while (ring.hasPacket()) {
                if (ring.take()) {
                    got.add(bytes(ring));
                }
            }
        }
        return got;
    }

    @Test
    void walksPacketsInOrderAndGivesEachBlockBackAtTheNextRead() throws Exception {
        try (FakeKernel kernel = new FakeKernel(4)) {
            kernel.packet(frame(1, 60), HOST, 2, 10, 0).packet(frame(2, 100), HOST, 2, 10, 1).handOver();
            kernel.packet(frame(3, 1500 / 2), HOST, 2, 11, 0).handOver();
            Ring ring = new Ring(kernel.map, FakeKernel.BLOCK_SIZE, 4, false, ethernet());
            assertTrue(ring.ready());
            assertTrue(ring.take());
            assertArrayEquals(frame(1, 60), bytes(ring));
            assertTrue(ring.take());
            assertArrayEquals(frame(2, 100), bytes(ring));
            assertFalse(ring.hasPacket());
            assertEquals(Tpacket.TP_STATUS_USER, kernel.status(0), "the last packet is still being read");
            assertTrue(ring.ready());
            assertEquals(Tpacket.TP_STATUS_KERNEL, kernel.status(0), "handed back at the next read");
            assertTrue(ring.take());
            assertArrayEquals(frame(3, 750), bytes(ring));
            assertFalse(ring.ready(), "the next block belongs to the kernel");
            assertEquals(Tpacket.TP_STATUS_KERNEL, kernel.status(1));
        }
    }

    @Test
    void aBlockTheKernelStillOwnsIsNotReadWhateverItHolds() throws Exception {
        try (FakeKernel kernel = new FakeKernel(2)) {
            kernel.packet(frame(1, 60), HOST, 2, 10, 0); // filled but not handed over
            Ring ring = new Ring(kernel.map, FakeKernel.BLOCK_SIZE, 2, false, ethernet());
            assertFalse(ring.ready());
            kernel.handOver();
            assertEquals(1, drain(ring).size());
        }
    }

    @Test
    void wrapsAroundTheRing() throws Exception {
        try (FakeKernel kernel = new FakeKernel(2)) {
            Ring ring = new Ring(kernel.map, FakeKernel.BLOCK_SIZE, 2, false, ethernet());
            List<byte[]> got = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                kernel.packet(frame(round, 60), HOST, 2, round, 0).handOver();
                got.addAll(drain(ring));
            }
            assertEquals(5, got.size());
            for (int round = 0; round < 5; round++) {
                assertArrayEquals(frame(round, 60), got.get(round));
            }
        }
    }

    @Test
    void aStrippedVlanTagGoesBackWithTheTpidTheKernelGives() throws Exception {
        try (FakeKernel kernel = new FakeKernel(2)) {
            byte[] inner = frame(7, 64);
            kernel.packet(inner, inner.length, HOST, 2, 1, 0,
                    Tpacket.TP_STATUS_VLAN_VALID | Tpacket.TP_STATUS_VLAN_TPID_VALID, 0x2064, 0x88a8, false);
            kernel.packet(inner, inner.length, HOST, 2, 1, 0, Tpacket.TP_STATUS_VLAN_VALID, 5, 0, false);
            kernel.handOver();
            Ring ring = new Ring(kernel.map, FakeKernel.BLOCK_SIZE, 2, false, ethernet());
            assertTrue(ring.ready());
            assertTrue(ring.take());
            assertEquals(68, ring.view.capturedLength());
            assertEquals(68, ring.view.originalLength());
            assertEquals("ffffffffffff101112131415" + "88a82064" + "0800", hex(bytes(ring), 18));
            assertArrayEquals(java.util.Arrays.copyOfRange(inner, 14, 64),
                    java.util.Arrays.copyOfRange(bytes(ring), 18, 68), "the payload follows the tag");
            assertTrue(ring.take());
            assertEquals("8100" + "0005" + "0800", hex(bytes(ring), 18).substring(24),
                    "802.1Q when the kernel names no TPID");
        }
    }

    @Test
    void theCookedHeadersAreBuiltAsLibpcapBuildsThem() throws Exception {
        byte[] ip = new byte[40];
        ip[0] = 0x45;
        for (int header : new int[] {Framing.SLL, Framing.SLL2}) {
            try (FakeKernel kernel = new FakeKernel(2)) {
                kernel.packet(ip, 40, OUTGOING, 7, 1, 0, 0, 0, 0, true).handOver();
                Framing cooked = new Framing(header, header == Framing.SLL ? 14 : -1, 262144, Direction.INOUT, -1,
                        Framing.UserlandFilter.NONE);
                Ring ring = new Ring(kernel.map, FakeKernel.BLOCK_SIZE, 2, false, cooked);
                assertTrue(ring.ready());
                assertTrue(ring.take());
                assertEquals(40 + header, ring.view.capturedLength());
                assertEquals(40 + header, ring.view.originalLength());
                String expected = header == Framing.SLL
                        // pkttype, hatype, halen, address (8), protocol
                        ? "0004" + "0001" + "0006" + "a0a1a2a3a4a50000" + "0800"
                        // protocol, reserved, ifindex, hatype, pkttype, halen, address (8)
                        : "0800" + "0000" + "00000007" + "0001" + "04" + "06" + "a0a1a2a3a4a50000";
                assertEquals(expected + "45", hex(bytes(ring), header + 1));
            }
        }
    }

    @Test
    void directionAndTheLoopbackDuplicatesAreDropped() throws Exception {
        try (FakeKernel kernel = new FakeKernel(2)) {
            kernel.packet(frame(1, 60), OUTGOING, 1, 1, 0).packet(frame(2, 60), HOST, 1, 1, 0)
                    .packet(frame(3, 60), OUTGOING, 5, 1, 0).handOver();
            Framing any = new Framing(0, 12, 262144, Direction.INOUT, 1, Framing.UserlandFilter.NONE);
            Ring ring = new Ring(kernel.map, FakeKernel.BLOCK_SIZE, 2, false, any);
            List<byte[]> got = drain(ring);
            assertEquals(2, got.size(), "the loopback device's outgoing copy is dropped, another device's kept");
            assertArrayEquals(frame(2, 60), got.get(0));
            assertArrayEquals(frame(3, 60), got.get(1));
        }
        for (Direction d : new Direction[] {Direction.IN, Direction.OUT}) {
            try (FakeKernel kernel = new FakeKernel(2)) {
                kernel.packet(frame(1, 60), OUTGOING, 2, 1, 0).packet(frame(2, 60), HOST, 2, 1, 0).handOver();
                Ring ring = new Ring(kernel.map, FakeKernel.BLOCK_SIZE, 2, false, ethernet().withDirection(d));
                List<byte[]> got = drain(ring);
                assertEquals(1, got.size(), d.toString());
                assertArrayEquals(frame(d == Direction.IN ? 2 : 1, 60), got.get(0), d.toString());
            }
        }
    }

    @Test
    void packetsAreCutToTheSnapshotLengthAndKeepTheirWireLength() throws Exception {
        try (FakeKernel kernel = new FakeKernel(2)) {
            byte[] f = frame(1, 300);
            kernel.packet(f, 1500, HOST, 2, 1, 0, 0, 0, 0, false).handOver();
            Framing cut = new Framing(0, 12, 100, Direction.INOUT, -1, Framing.UserlandFilter.NONE);
            Ring ring = new Ring(kernel.map, FakeKernel.BLOCK_SIZE, 2, false, cut);
            assertTrue(ring.ready() && ring.take());
            assertEquals(100, ring.view.capturedLength());
            assertEquals(1500, ring.view.originalLength());
            assertArrayEquals(java.util.Arrays.copyOf(f, 100), bytes(ring));
        }
    }

    @Test
    void timestampsAreNanosecondsOrTruncatedMicroseconds() throws Exception {
        for (boolean micro : new boolean[] {false, true}) {
            try (FakeKernel kernel = new FakeKernel(2)) {
                kernel.packet(frame(1, 60), HOST, 2, 0xfffffff0, 123_456_789).handOver();
                Ring ring = new Ring(kernel.map, FakeKernel.BLOCK_SIZE, 2, micro, ethernet());
                assertTrue(ring.ready() && ring.take());
                assertEquals(0xfffffff0L, ring.view.timestampSeconds(), "seconds are unsigned");
                assertEquals(micro ? 123_456_000 : 123_456_789, ring.view.timestampNanos());
            }
        }
    }

    @Test
    void theBlocksToDrainRunTheKernelsProgramOnThePacketAsTheKernelHoldsIt() throws Exception {
        BpfProgram vlan9 = KernelPrograms.forUserland(Filter.compileForLinuxKernel(
                FilterSpec.of("vlan 9 and inbound", LinkType.ETHERNET)));
        try (FakeKernel kernel = new FakeKernel(4)) {
            byte[] f = frame(1, 60);
            int tag = Tpacket.TP_STATUS_VLAN_VALID;
            kernel.packet(f, f.length, HOST, 2, 1, 0, 0, 0, 0, false); // no tag
            kernel.packet(f, f.length, HOST, 2, 1, 0, tag, 9, 0, false); // tag 9, in the metadata
            kernel.packet(f, f.length, HOST, 2, 1, 0, tag, 8, 0, false); // tag 8
            kernel.packet(f, f.length, OUTGOING, 2, 1, 0, tag, 9, 0, false); // tag 9, outbound
            kernel.handOver();
            kernel.packet(f, f.length, HOST, 2, 1, 0, 0, 0, 0, false); // after the drain: the kernel filtered it
            kernel.handOver();
            Ring ring = new Ring(kernel.map, FakeKernel.BLOCK_SIZE, 4, false, ethernet());
            ring.framing = ethernet().withFilter(new Framing.UserlandFilter(vlan9, false, null, false, 1));
            List<byte[]> got = drain(ring);
            assertEquals(2, got.size(), "the drained block keeps the inbound frame with tag 9; the next block all");
            assertEquals("81000009", hex(got.get(0), 16).substring(24), "delivered with its tag back");
            assertArrayEquals(f, got.get(1));
        }
    }

    @Test
    void aProgramForDeliveredFramesRunsOnTaggedFramesWithTheirTagBack() throws Exception {
        BpfProgram program = Filter.compile(FilterSpec.of("vlan 9", LinkType.ETHERNET));
        try (FakeKernel kernel = new FakeKernel(2)) {
            byte[] f = frame(1, 60);
            kernel.packet(f, f.length, HOST, 2, 1, 0, 0, 0, 0, false); // passed by the kernel: not refiltered
            kernel.packet(f, f.length, HOST, 2, 1, 0, Tpacket.TP_STATUS_VLAN_VALID, 9, 0, false);
            kernel.packet(f, f.length, HOST, 2, 1, 0, Tpacket.TP_STATUS_VLAN_VALID, 8, 0, false);
            kernel.handOver();
            Ring ring = new Ring(kernel.map, FakeKernel.BLOCK_SIZE, 2, false,
                    ethernet().withFilter(new Framing.UserlandFilter(null, false, program, true, 0)));
            List<byte[]> got = drain(ring);
            assertEquals(2, got.size());
            assertArrayEquals(f, got.get(0));
            assertEquals("81000009", hex(got.get(1), 16).substring(24));
        }
    }

    @Test
    void aHeaderThatPointsOutsideItsBlockIsAnErrorNotACrash() throws Exception {
        try (FakeKernel kernel = new FakeKernel(2)) {
            kernel.packet(frame(1, 60), HOST, 2, 1, 0).handOver();
            kernel.corruptFirstPacket(0, Tpacket.SNAPLEN, 100_000);
            Ring ring = new Ring(kernel.map, FakeKernel.BLOCK_SIZE, 2, false, ethernet());
            assertTrue(ring.ready());
            PcapException e = assertThrows(PcapException.class, ring::take);
            assertTrue(e.getMessage().contains("corrupted"), e.getMessage());
        }
    }

    private static String hex(byte[] bytes, int length) {
        return HexFormat.of().formatHex(bytes, 0, Math.min(length, bytes.length));
    }
}
