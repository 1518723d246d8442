package dev.trawl.pcap.afpacket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.BpfInstruction;
import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.CaptureStats;
import dev.trawl.pcap.Fanout;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.tck.VethPair;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

/**
 * What the kit does not check and this backend must do: fanout by flow, replacing a filter under traffic
 * without letting a frame of the old one through, a program the kernel refuses, the counters, an interface
 * going down and up.
 */
class LiveBehaviourTest extends OnVethPair {
    private static final Duration QUIET = Duration.ofMillis(500);
    private final LiveFrames frames = new LiveFrames();

    private static int randomGroup() {
        return ThreadLocalRandom.current().nextInt(1, Fanout.MAX_GROUP_ID + 1);
    }

    /** IPv4/UDP frames of {@code flows} flows (source ports), {@code each} frames per flow, with the marker. */
    private byte[][] flows(int flows, int each) {
        byte[][] out = new byte[flows * each][];
        for (int i = 0; i < out.length; i++) {
            byte[] f = frames.frame(i, 0x0800, 80);
            ByteBuffer b = ByteBuffer.allocate(f.length + 28);
            b.put(f, 0, 14);
            b.putInt(0x45000000 | (f.length + 14)).putInt(0).putInt(0x40110000).putInt(0xc6120001).putInt(0xc6120002);
            b.putShort((short) (40000 + i % flows)).putShort((short) 9).putShort((short) (f.length - 6)).putShort((short) 0);
            b.put(f, 14, f.length - 14);
            out[i] = b.array();
        }
        return out;
    }

    @Test
    void aHashFanoutKeepsEachFlowOnOneMember() throws Exception {
        LiveOptions options = LiveFrames.quick().fanout(Fanout.of(randomGroup(), Fanout.Mode.HASH)).build();
        try (LiveHandle one = LiveFrames.afpacket().openLive(pair.a, options);
                LiveHandle two = LiveFrames.afpacket().openLive(pair.a, options)) {
            byte[][] sent = flows(8, 5);
            pair.inject(sent);
            Map<Integer, Set<Integer>> membersOfFlow = new HashMap<>();
            Set<Integer> seen = new HashSet<>();
            int member = 0;
            for (LiveHandle h : List.of(one, two)) {
                for (byte[] f : frames.collect(h, sent.length, QUIET)) {
                    int sequence = frames.sequenceOf(f);
                    assertTrue(seen.add(sequence), "frame " + sequence + " seen twice");
                    membersOfFlow.computeIfAbsent(sequence % 8, k -> new HashSet<>()).add(member);
                }
                member++;
            }
            assertEquals(sent.length, seen.size(), "every frame reached a member");
            membersOfFlow.forEach((flow, members) -> assertEquals(1, members.size(), "flow " + flow + " split"));
        }
    }

    @Test
    void joiningAGroupWithAnotherModeFailsClearly() throws Exception {
        int group = randomGroup();
        try (LiveHandle one = LiveFrames.afpacket().openLive(pair.a,
                LiveFrames.quick().fanout(Fanout.of(group, Fanout.Mode.HASH)).build())) {
            PcapException e = assertThrows(PcapException.class, () -> LiveFrames.afpacket().openLive(pair.a,
                    LiveFrames.quick().fanout(Fanout.of(group, Fanout.Mode.CPU)).build()).close());
            assertTrue(e.getMessage().contains("fanout group " + group), e.getMessage());
            assertTrue(one.isOpen());
        }
    }

    @Test
    void noFrameOfTheOldFilterPassesOnceTheNewOneIsSet() throws Exception {
        byte[] a = frames.frame(1, 0x88b5, 60);
        byte[] b = frames.frame(2, 0x88b6, 60);
        byte[] taggedA = frames.frame(3, 0x88b5, 64, 0x8100, 7);
        try (LiveFrames.Sender sender = new LiveFrames.Sender(pair.a, a, b, taggedA);
                LiveHandle h = LiveFrames.afpacket().openLive(pair.a, LiveFrames.quick().build())) {
            for (int round = 0; round < 20; round++) {
                boolean wantA = round % 2 == 0;
                String filter = round % 4 == 3 ? "vlan and ether proto 0x88b5" : wantA ? "ether proto 0x88b5"
                        : "ether proto 0x88b6";
                h.setFilter(filter);
                int checked = 0;
                for (long end = System.nanoTime() + 50_000_000L; System.nanoTime() < end || checked == 0; ) {
                    if (h.next() != ReadStatus.PACKET) {
                        continue;
                    }
                    byte[] got = h.packet().copy().bytes();
                    if (!frames.ours(got)) {
                        continue;
                    }
                    int sequence = frames.sequenceOf(got);
                    boolean ok = switch (filter) {
                        case "ether proto 0x88b5" -> sequence == 1 || sequence == 3;
                        case "ether proto 0x88b6" -> sequence == 2;
                        default -> sequence == 3;
                    };
                    assertTrue(ok, "round " + round + ": frame " + sequence + " passed '" + filter + "'");
                    checked++;
                }
            }
            assertTrue(sender.sent() > 100, "frames flowed: " + sender.sent());
        }
    }

    @Test
    void aProgramTheKernelRefusesRunsInUserlandAndSaysSoAtDebugLevel() throws Exception {
        // ld M[0] before any st: the kernel refuses to read scratch memory that was never written; libpcap's
        // interpreter and pcap-api's start it at zero, so the program still decides
        BpfProgram refused = BpfProgram.of(BpfInstruction.stmt(0x60, 0), BpfInstruction.stmt(0x28, 12),
                BpfInstruction.jump(0x15, 0x88b6, 0, 1), BpfInstruction.stmt(0x06, 65535),
                BpfInstruction.stmt(0x06, 0));
        Logger logger = Logger.getLogger(AfPacketHandle.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler collect = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level level = logger.getLevel();
        logger.setLevel(Level.FINE);
        logger.addHandler(collect);
        try (LiveHandle h = LiveFrames.afpacket().openLive(pair.a, LiveFrames.quick().build())) {
            h.setFilter(refused);
            assertTrue(records.stream().anyMatch(r -> r.getLevel() == Level.FINE
                    && r.getMessage().contains("refused")), "a debug message says the kernel refused it");
            pair.inject(frames.frame(1, 0x88b5, 60), frames.frame(2, 0x88b6, 60), frames.frame(3, 0x88b5, 60),
                    frames.frame(4, 0x88b6, 60));
            List<Integer> got = frames.collect(h, 4, QUIET).stream().map(frames::sequenceOf).toList();
            assertEquals(List.of(2, 4), got, "the program filters in userland");
        } finally {
            logger.removeHandler(collect);
            logger.setLevel(level);
        }
    }

    @Test
    void receivedCountsDropsAndTheTotalsRunOn() throws Exception {
        // a small ring, not read while a burst arrives: most of the burst is dropped
        LiveOptions small = LiveFrames.quick().snaplen(128).bufferSize(64 << 10).build();
        try (LiveHandle h = LiveFrames.afpacket().openLive(pair.a, small)) {
            try (LiveFrames.Sender sender = new LiveFrames.Sender(pair.a, frames.frame(1, 0x88b5, 60))) {
                while (sender.sent() < 20_000) {
                    Thread.sleep(5);
                }
            }
            CaptureStats first = h.stats();
            long delivered = 0;
            for (long last = System.nanoTime(); System.nanoTime() - last < QUIET.toNanos(); ) {
                if (h.next() == ReadStatus.PACKET) {
                    delivered++;
                    last = System.nanoTime();
                }
            }
            CaptureStats total = h.stats();
            assertTrue(first.dropped() > 0, "the burst overflowed the ring: " + first);
            assertTrue(total.received() >= first.received() && total.dropped() >= first.dropped(),
                    "running totals: " + first + " then " + total);
            assertEquals(total.received(), delivered + total.dropped(),
                    "received counts what was delivered and what was dropped: " + total + ", delivered " + delivered);
            assertEquals(total, h.stats(), "nothing more arrived");
        }
    }

    @Test
    void aDeviceThatIsDownCannotBeOpenedAndOneThatGoesDownComesBack() throws Exception {
        try (VethPair own = VethPair.create()) {
            own.setOuterUp(false);
            PcapException e = assertThrows(PcapException.class,
                    () -> LiveFrames.afpacket().openLive(own.a, LiveFrames.quick().build()).close());
            assertEquals(-9, e.status(), e.getMessage());
            assertTrue(e.getMessage().contains("not up"), e.getMessage());
            own.setOuterUp(true);
            waitUntilRunning(own.a);
            try (LiveHandle h = LiveFrames.afpacket().openLive(own.a, LiveFrames.quick().build())) {
                own.setOuterUp(false);
                h.setNonBlocking(true);
                for (int i = 0; i < 20; i++) {
                    h.next(); // the interface is down: no packet, and no error
                }
                h.setNonBlocking(false);
                own.setOuterUp(true);
                waitUntilRunning(own.a);
                own.inject(frames.frame(1, 0x88b5, 60));
                assertEquals(1, frames.collect(h, 1, Duration.ofSeconds(3)).size(), "the capture goes on once it is up");
            }
        }
    }

    private static void waitUntilRunning(String device) throws Exception {
        for (int i = 0; i < 250 && !java.nio.file.Files.readString(
                java.nio.file.Path.of("/sys/class/net", device, "operstate")).trim().equals("up"); i++) {
            Thread.sleep(20);
        }
    }
}
