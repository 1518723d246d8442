package dev.trawl.pcap.tck;

import dev.trawl.pcap.CaptureStats;
import dev.trawl.pcap.Capability;
import dev.trawl.pcap.Device;
import dev.trawl.pcap.DeviceAddress;
import dev.trawl.pcap.Direction;
import dev.trawl.pcap.Fanout;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.NoSuchDeviceException;
import dev.trawl.pcap.PacketRecord;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.TimestampType;
import dev.trawl.pcap.UnsupportedCapabilityException;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live capture on the veth pair across the group's namespace: frames injected inside the namespace arrive,
 * byte for byte, at the backend's capture on the outer end; frames the backend sends there with
 * {@link LiveHandle#send} arrive, byte for byte, at a capture inside; and each live capability works when
 * declared and is refused when not.
 */
abstract class LiveChecks extends LiveBase {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void devicesListTheOuterEndWithItsFlagsAndNotThePeerInsideTheNamespace() throws Exception {
        if (!supports(Capability.DEVICE_LIST)) {
            assertThrows(UnsupportedCapabilityException.class, () -> backend().devices());
            return;
        }
        List<Device> devices = backend().devices();
        Device d = devices.stream().filter(x -> x.name().equals(pair.a)).findFirst()
                .orElseThrow(() -> new AssertionError(pair.a + " missing from " + devices));
        assertTrue(d.isUp(), pair.a + " is up");
        assertTrue(d.isRunning(), pair.a + " is running (its peer is up)");
        assertFalse(d.isLoopback(), pair.a + " is not loopback");
        assertFalse(d.isWireless(), pair.a + " is not wireless");
        assertEquals(Device.ConnectionStatus.CONNECTED, d.connectionStatus(), pair.a);
        assertTrue(devices.stream().noneMatch(x -> x.name().equals(pair.b)),
                pair.b + " lives in " + pair.namespace + ", so the JVM's namespace does not list it");
        if (pair.addressA != null) {
            Device a = devices.stream().filter(x -> x.name().equals(pair.a)).findFirst().orElseThrow();
            InetAddress address = InetAddress.getByName(pair.addressA);
            DeviceAddress v4 = a.addresses().stream().filter(x -> x.address().equals(address)).findFirst()
                    .orElseThrow(() -> new AssertionError(pair.addressA + " missing from " + a.addresses()));
            assertEquals(InetAddress.getByName("255.255.255.0"), v4.netmask(), "netmask");
            String prefix = pair.addressA.substring(0, pair.addressA.lastIndexOf('.'));
            assertEquals(InetAddress.getByName(prefix + ".255"), v4.broadcast(), "broadcast");
        }
    }

    @Test
    void aLiveFilterCompilesWithTheDevicesNetmask() throws Exception {
        Assumptions.assumeTrue(supports(Capability.FILTER), "the backend does not declare FILTER");
        Assumptions.assumeTrue(pair.addressA != null, "end a has no IPv4 address");
        try (LiveHandle h = backend().openLive(pair.a, quick().build())) {
            // 'ip broadcast' needs the netmask, which only a live handle's own device can give
            h.setFilter("ip broadcast");
            assertThrows(dev.trawl.pcap.InvalidFilterException.class,
                    () -> h.compileFilter("ip broadcast", true, dev.trawl.pcap.Handle.NETMASK_UNKNOWN));
        }
    }

    @Test
    void framesInjectedInTheNamespaceArriveByteForByte() throws Exception {
        bounded(() -> {
            try (LiveHandle h = capture(pair.a, quick().build())) {
                assertEquals(pair.a, h.device());
                assertEquals(LinkType.ETHERNET, h.linkType());
                assertEquals(65535, h.snaplen());
                byte[][] frames = {frame(1), frame(2, ETHERTYPE, 200), frame(3, ETHERTYPE, 1514)};
                long before = System.currentTimeMillis() / 1000;
                inject(frames);
                List<byte[]> got = receive(h, frames.length, WAIT);
                assertEquals(frames.length, got.size(), "frames received");
                for (int i = 0; i < frames.length; i++) {
                    assertArrayEquals(frames[i], got.get(i), "frame " + (i + 1));
                }
                long sec = h.packet().timestampSeconds();
                assertTrue(sec >= before - 2 && sec <= before + 60, "a current timestamp: " + sec);
            }
            return null;
        });
    }

    /** What the backend sends on end a is what a capture inside the namespace sees on end b, in order. */
    @Test
    void framesSentArriveByteForByteInsideTheNamespace() throws Exception {
        Assumptions.assumeTrue(supports(Capability.SEND), "the backend does not declare SEND");
        bounded(() -> {
            byte[][] frames = {frame(1), frame(2, ETHERTYPE, 200), frame(3, ETHERTYPE, 1514)};
            try (PeerCapture peer = PeerCapture.start(pair, OUR_FRAMES, frames.length)) {
                sendFrom(pair.a, frames);
                List<PacketRecord> got = peer.packets(WAIT);
                assertEquals(frames.length, got.size(), "frames seen inside the namespace");
                for (int i = 0; i < frames.length; i++) {
                    assertArrayEquals(frames[i], got.get(i).bytes(), "frame " + (i + 1));
                    assertEquals(frames[i].length, got.get(i).originalLength(), "frame " + (i + 1) + " length");
                }
            }
            return null;
        });
    }

    @Test
    void aBufferSizeIsAcceptedAndAClosedHandleRefusesEverything() throws Exception {
        LiveHandle h = capture(pair.a, quick().bufferSize(4 << 20).build());
        try {
            bounded(() -> {
                inject(frame(1));
                assertEquals(1, receive(h, 1, WAIT).size());
                return null;
            });
        } finally {
            h.close();
        }
        h.close();
        assertFalse(h.isOpen());
        assertThrows(IllegalStateException.class, h::next);
        assertThrows(IllegalStateException.class, () -> h.send(frame(2)));
        assertThrows(IllegalStateException.class, h::stats);
        assertThrows(IllegalStateException.class, h::linkTypes);
        assertThrows(IllegalStateException.class, () -> h.setNonBlocking(true));
        assertThrows(IllegalStateException.class, () -> h.setDirection(Direction.IN));
    }

    @Test
    void snaplenCutsLongFrames() throws Exception {
        bounded(() -> {
            try (LiveHandle h = capture(pair.a, quick().snaplen(100).build())) {
                inject(frame(1, ETHERTYPE, 300));
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (System.nanoTime() < deadline) {
                    if (h.next() == ReadStatus.PACKET && ours(h.packet().copy().bytes())) {
                        Packet p = h.packet();
                        assertEquals(100, p.capturedLength());
                        assertEquals(300, p.originalLength());
                        return null;
                    }
                }
                throw new AssertionError("the frame did not arrive");
            }
        });
    }

    @Test
    void liveFiltersDeliverOnlyMatchingFrames() throws Exception {
        Assumptions.assumeTrue(supports(Capability.FILTER), "the backend does not declare FILTER");
        bounded(() -> {
            try (LiveHandle h = backend().openLive(pair.a, quick().build())) {
                h.setFilter("ether proto 0x88b6");
                inject(frame(1), frame(2, 0x88b6, 60), frame(3), frame(4, 0x88b6, 60));
                assertEquals(List.of(2, 4), receive(h, 2, WAIT).stream().map(LiveBase::sequenceOf).toList());
                inject(frame(5), frame(6, 0x88b6, 60));
                assertEquals(List.of(6), receive(h, 1, WAIT).stream().map(LiveBase::sequenceOf).toList(),
                        "frame 5 does not pass the filter");
            }
            return null;
        });
    }

    /**
     * The timeout is what delivers buffered packets when there is no immediate mode: with TPACKET_V3 on
     * Linux, the kernel hands a block of packets over only when it is full or when the timeout expires.
     * (libpcap there does not return from a blocking read without traffic at all, so a read returning
     * {@link ReadStatus#TIMEOUT} is checked in non-blocking mode, where it is certain.)
     */
    @Test
    void theTimeoutDeliversBufferedFrames() throws Exception {
        bounded(() -> {
            LiveOptions options = LiveOptions.builder().timeout(Duration.ofMillis(200)).build();
            try (LiveHandle h = capture(pair.a, options)) {
                inject(frame(1));
                List<Integer> seen = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (seen.isEmpty() && System.nanoTime() < deadline) {
                    int rc = h.dispatch(0, p -> seen.add(sequenceOf(p.copy().bytes())));
                    assertTrue(rc >= 0, "a live dispatch returns a count: " + rc);
                }
                assertEquals(List.of(1), seen);
            }
            return null;
        });
    }

    /**
     * A blocking read whose timeout expires with nothing to deliver returns {@link ReadStatus#TIMEOUT}. On
     * Linux the timeout runs only once traffic arrives, so the frame sent here is one the capture excludes:
     * it leaves the captured end, and the capture takes inbound frames only.
     */
    @Test
    void aBlockingReadReturnsTimeoutWhenItsTimeoutExpiresWithNothingToDeliver() throws Exception {
        Assumptions.assumeTrue(supports(Capability.DIRECTION), "the backend does not declare DIRECTION");
        bounded(() -> {
            LiveOptions options = LiveOptions.builder().timeout(Duration.ofMillis(200)).direction(Direction.IN).build();
            try (LiveHandle h = capture(pair.a, options)) {
                sendFrom(pair.a, frame(1)); // outbound on a: excluded
                assertEquals(ReadStatus.TIMEOUT, nextNonPacketOrOurs(h));
            }
            return null;
        });
    }

    /** The next status that is not a foreign packet. */
    private ReadStatus nextNonPacketOrOurs(LiveHandle h) throws PcapException {
        while (true) {
            ReadStatus s = h.next();
            if (s != ReadStatus.PACKET || ours(h.packet().copy().bytes())) {
                return s;
            }
        }
    }

    @Test
    void immediateModeDeliversBeforeTheTimeout() throws Exception {
        LiveOptions options = LiveOptions.builder().immediate(true).timeout(Duration.ofSeconds(60)).build();
        if (!supports(Capability.IMMEDIATE_MODE)) {
            assertThrows(UnsupportedCapabilityException.class, () -> backend().openLive(pair.a, options).close());
            return;
        }
        // With a 60-second timeout, only immediate mode can deliver within the bound.
        bounded(() -> {
            try (LiveHandle h = capture(pair.a, options)) {
                inject(frame(7));
                List<byte[]> got = receive(h, 1, Duration.ofSeconds(15));
                assertEquals(1, got.size());
                assertEquals(7, sequenceOf(got.get(0)));
            }
            return null;
        });
    }

    @Test
    void dispatchAndLoopDeliverLivePackets() throws Exception {
        bounded(() -> {
            try (LiveHandle h = capture(pair.a, quick().build())) {
                inject(frame(1), frame(2), frame(3));
                List<Integer> seen = new ArrayList<>();
                long n = h.loop(2, p -> seen.add(sequenceOf(p.copy().bytes())));
                assertEquals(2, n);
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (seen.size() < 3 && System.nanoTime() < deadline) {
                    int rc = h.dispatch(10, p -> seen.add(sequenceOf(p.copy().bytes())));
                    assertTrue(rc >= 0, "a live dispatch returns a count: " + rc);
                }
                assertEquals(List.of(1, 2, 3), seen);
            }
            return null;
        });
    }

    @Test
    void statsCountReceivedPackets() throws Exception {
        try (LiveHandle h = capture(pair.a, quick().build())) {
            if (!supports(Capability.STATS)) {
                assertThrows(UnsupportedCapabilityException.class, h::stats);
                return;
            }
            bounded(() -> {
                inject(frame(1), frame(2), frame(3));
                assertEquals(3, receive(h, 3, WAIT).size());
                CaptureStats stats = h.stats();
                assertTrue(stats.received() >= 3, "received " + stats);
                assertTrue(stats.dropped() >= 0 && stats.interfaceDropped() >= 0, stats.toString());
                return null;
            });
        }
    }

    @Test
    void linkTypesCanBeListedAndSet() throws Exception {
        try (LiveHandle h = backend().openLive(pair.a, quick().build())) {
            if (!supports(Capability.SET_LINK_TYPE)) {
                assertThrows(UnsupportedCapabilityException.class, h::linkTypes);
                assertThrows(UnsupportedCapabilityException.class, () -> h.setLinkType(LinkType.ETHERNET));
                return;
            }
            List<LinkType> types = h.linkTypes();
            assertTrue(types.contains(LinkType.ETHERNET), types.toString());
            h.setLinkType(LinkType.ETHERNET);
            assertEquals(LinkType.ETHERNET, h.linkType());
            assertThrows(PcapException.class, () -> h.setLinkType(LinkType.IEEE802_11_RADIOTAP));
        }
    }

    @Test
    void directionSelectsInboundOrOutboundFrames() throws Exception {
        LiveOptions in = quick().direction(Direction.IN).build();
        if (!supports(Capability.DIRECTION)) {
            assertThrows(UnsupportedCapabilityException.class, () -> backend().openLive(pair.a, in).close());
            try (LiveHandle h = backend().openLive(pair.a, quick().build())) {
                assertThrows(UnsupportedCapabilityException.class, () -> h.setDirection(Direction.OUT));
            }
            return;
        }
        bounded(() -> {
            try (LiveHandle inbound = capture(pair.a, in); LiveHandle outbound = capture(pair.a, quick().build())) {
                outbound.setDirection(Direction.OUT);
                sendFrom(pair.a, frame(1)); // leaves a
                inject(frame(2)); // arrives on a from inside the namespace
                sendFrom(pair.a, frame(3));
                inject(frame(4));
                assertEquals(List.of(2, 4), receive(inbound, 2, WAIT).stream().map(LiveBase::sequenceOf).toList());
                assertEquals(List.of(1, 3), receive(outbound, 2, WAIT).stream().map(LiveBase::sequenceOf).toList());
            }
            return null;
        });
    }

    @Test
    void nonBlockingReadsReturnAtOnce() throws Exception {
        try (LiveHandle h = capture(pair.a, quick().timeout(Duration.ofSeconds(30)).build())) {
            if (!supports(Capability.NON_BLOCKING)) {
                assertThrows(UnsupportedCapabilityException.class, () -> h.setNonBlocking(true));
                return;
            }
            bounded(() -> {
                assertFalse(h.isNonBlocking());
                h.setNonBlocking(true);
                assertTrue(h.isNonBlocking());
                // with a 30-second timeout and no traffic, only non-blocking mode returns within the bound
                assertEquals(ReadStatus.TIMEOUT, nextNonPacketOrOurs(h));
                assertEquals(0, h.dispatch(10, p -> { }), "a non-blocking dispatch without packets delivers none");
                inject(frame(5));
                List<byte[]> got = receive(h, 1, WAIT);
                assertEquals(1, got.size(), "a non-blocking handle still delivers");
                h.setNonBlocking(false);
                assertFalse(h.isNonBlocking());
                return null;
            });
        }
    }

    @Test
    void timestampTypeCanBeChosen() throws Exception {
        LiveOptions host = quick().timestampType(TimestampType.HOST).build();
        if (!supports(Capability.TIMESTAMP_TYPE)) {
            assertThrows(UnsupportedCapabilityException.class, () -> backend().openLive(pair.a, host).close());
            return;
        }
        try (LiveHandle h = backend().openLive(pair.a, host)) {
            assertTrue(h.isOpen(), "warnings, if any: " + h.warnings());
        }
    }

    @Test
    void nanosecondLiveTimestamps() throws Exception {
        LiveOptions nano = quick().precision(TimestampPrecision.NANO).build();
        if (!supports(Capability.NANOSECOND_TIMESTAMPS)) {
            assertThrows(UnsupportedCapabilityException.class, () -> backend().openLive(pair.a, nano).close());
            return;
        }
        bounded(() -> {
            try (LiveHandle h = capture(pair.a, nano)) {
                assertEquals(TimestampPrecision.NANO, h.timestampPrecision());
                Set<Integer> remainders = new java.util.HashSet<>();
                for (int i = 0; i < 5; i++) {
                    inject(frame(i));
                    assertEquals(1, receive(h, 1, WAIT).size());
                    remainders.add(h.packet().timestampNanos() % 1000);
                }
                assertTrue(remainders.size() > 1 || !remainders.contains(0), "nanosecond digits: " + remainders);
            }
            return null;
        });
    }

    @Test
    void monitorModeIsAttemptedOrRefused() throws Exception {
        LiveOptions monitor = quick().monitor(true).build();
        if (!supports(Capability.MONITOR_MODE)) {
            assertThrows(UnsupportedCapabilityException.class, () -> backend().openLive(pair.a, monitor).close());
            return;
        }
        try (LiveHandle h = backend().openLive(pair.a, monitor)) {
            assertTrue(h.isOpen());
        } catch (PcapException e) {
            // a veth has no monitor mode: libpcap's PCAP_ERROR_RFMON_NOTSUP (-6) is the honest answer
            assertEquals(-6, e.status(), "expected PCAP_ERROR_RFMON_NOTSUP: " + e);
        }
    }

    @Test
    void sendTakesTheBuffersRemainingBytesOrIsRefusedWithoutTheCapability() throws Exception {
        try (LiveHandle h = backend().openLive(pair.a, quick().build())) {
            if (!supports(Capability.SEND)) {
                assertThrows(UnsupportedCapabilityException.class, () -> h.send(frame(1)));
                return;
            }
            bounded(() -> {
                byte[] frame = frame(1);
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(100);
                buffer.position(10);
                buffer.put(frame).flip().position(10);
                try (PeerCapture peer = PeerCapture.start(pair, OUR_FRAMES, 1)) {
                    h.send(buffer);
                    List<PacketRecord> got = peer.packets(WAIT);
                    assertEquals(1, got.size(), "the frame seen inside the namespace");
                    assertArrayEquals(frame, got.get(0).bytes(), "the bytes from position to limit, no more");
                }
                assertEquals(10, buffer.position(), "send leaves the buffer's position alone");
                assertEquals(70, buffer.limit());
                return null;
            });
        }
    }

    /**
     * Two handles in one load-balancing fanout group share the device's frames: each frame reaches exactly one
     * of them, and both get some. A backend without {@link Capability#FANOUT} refuses the option, naming itself.
     */
    @Test
    void aFanoutGroupSharesTheFramesWithNoneSeenTwiceOrIsRefused() throws Exception {
        Fanout group = Fanout.of(ThreadLocalRandom.current().nextInt(1, Fanout.MAX_GROUP_ID + 1),
                Fanout.Mode.LOAD_BALANCE);
        LiveOptions options = quick().fanout(group).build();
        if (!supports(Capability.FANOUT)) {
            UnsupportedCapabilityException e = assertThrows(UnsupportedCapabilityException.class,
                    () -> backend().openLive(pair.a, options).close());
            assertEquals(backend().name(), e.backend());
            assertEquals(Capability.FANOUT, e.capability());
            assertTrue(e.getMessage().contains("'" + backend().name() + "'"), e.getMessage());
            return;
        }
        bounded(() -> {
            try (LiveHandle one = capture(pair.a, options); LiveHandle two = capture(pair.a, options)) {
                int count = 20;
                byte[][] frames = new byte[count][];
                for (int i = 0; i < count; i++) {
                    frames[i] = frame(i);
                }
                inject(frames);
                List<Integer> first = new ArrayList<>();
                List<Integer> second = new ArrayList<>();
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (first.size() + second.size() < count && System.nanoTime() < deadline) {
                    if (one.next() == ReadStatus.PACKET && ours(one.packet().copy().bytes())) {
                        first.add(sequenceOf(one.packet().copy().bytes()));
                    }
                    if (two.next() == ReadStatus.PACKET && ours(two.packet().copy().bytes())) {
                        second.add(sequenceOf(two.packet().copy().bytes()));
                    }
                }
                Set<Integer> all = new TreeSet<>(first);
                all.addAll(second);
                assertEquals(count, first.size() + second.size(), "frames received: " + first + " and " + second);
                assertEquals(count, all.size(), "no frame twice: " + first + " and " + second);
                assertFalse(first.isEmpty() || second.isEmpty(), "both members get frames: " + first + " and " + second);
            }
            return null;
        });
    }

    @Test
    void anUnknownDeviceIsNoSuchDevice() throws Exception {
        PcapException e = assertThrows(PcapException.class,
                () -> backend().openLive("trawlnosuch0", LiveOptions.defaults()).close());
        assertInstanceOf(NoSuchDeviceException.class, e, e.toString());
        assertEquals("trawlnosuch0", ((NoSuchDeviceException) e).device());
        Set<String> names = supports(Capability.DEVICE_LIST)
                ? backend().devices().stream().map(Device::name).collect(Collectors.toSet()) : Set.of();
        assertFalse(names.contains("trawlnosuch0"));
    }
}
