package dev.trawl.spark.split;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Writes random adversarial captures, valid and damaged, and checks that each reads the same in splits of
 * random sizes as in one piece (and, when valid, as pcap-api reads it), under every malformed-record policy.
 * Valid here means what libpcap reads: timestamps anywhere from 1970 to 2106 and in any order, sub-second
 * fields of a second or more, captured lengths above the original length or the snapshot length, original
 * lengths of 0, snapshot lengths of 0 or beyond any record; and packets that hold what looks like records:
 * pieces of other captures, of the file itself, and headers made to chain to the end of the file.
 *
 * <p>Runs for {@code trawl.propertySeconds} seconds (default 20); each case's seed is in its failure message,
 * and {@code trawl.propertySeed} replays one.
 */
class SplitPropertyTest {
    private static final long BUDGET_NANOS = Long.getLong("trawl.propertySeconds", 20) * 1_000_000_000L;

    @Test
    void randomAdversarialCapturesReadTheSameSplitAsWhole() throws IOException {
        Long replay = Long.getLong("trawl.propertySeed");
        Random seeds = new Random();
        long deadline = System.nanoTime() + BUDGET_NANOS;
        int cases = 0;
        do {
            long seed = replay != null ? replay : seeds.nextLong();
            Random random = new Random(seed);
            boolean pcapng = random.nextBoolean();
            byte[] file = pcapng ? pcapng(random) : pcap(random);
            if (random.nextInt(4) == 0) {
                file = damage(random, file);
            }
            long[] sizes = new long[3];
            for (int i = 0; i < sizes.length; i++) {
                // from a few records to half the file, with at most about 200 splits
                sizes[i] = Math.max(64 + random.nextInt(2000), file.length / 200)
                        + (long) (Math.pow(random.nextDouble(), 3) * file.length / 2);
            }
            SplitEquivalenceTest.assertSplitsReadSequentially((pcapng ? "pcapng" : "pcap") + " case of seed " + seed
                    + " (" + file.length + " bytes, split sizes " + Arrays.toString(sizes) + ")", file, sizes);
            cases++;
        } while (replay == null && System.nanoTime() < deadline);
        System.out.println("split property: " + cases + " random captures read alike in splits and whole");
        assertTrue(cases > 0);
    }

    /** A random timestamp generator: steady time with jumps of decades, backwards, to 1970 and to 2106. */
    private static final class Clock {
        private final Random random;
        private long seconds;

        Clock(Random random) {
            this.random = random;
            this.seconds = random.nextInt(4) == 0 ? random.nextLong(0, 1L << 32) : 1_700_000_000L;
        }

        long next() {
            switch (random.nextInt(40)) {
                case 0 -> seconds = 0;
                case 1 -> seconds = 0xFFFF_FFFFL;
                case 2 -> seconds = random.nextLong(0, 1L << 32);
                case 3 -> seconds = Math.max(0, seconds - random.nextInt(100_000_000));
                default -> seconds = Math.min(0xFFFF_FFFFL, seconds + random.nextInt(3));
            }
            return seconds;
        }
    }

    /** Packet bytes of a random kind: protocols, noise, zeros, other captures, the file so far, false headers. */
    private static byte[] payload(Random random, byte[] soFar, byte[] inner, ByteOrder order, int max) {
        int size = Math.max(0, Math.min(max, switch (random.nextInt(4)) {
            case 0 -> random.nextInt(64);
            case 1 -> 60 + random.nextInt(200);
            case 2 -> 60 + random.nextInt(1500);
            default -> random.nextInt(9000);
        }));
        byte[] data = new byte[size];
        switch (random.nextInt(8)) {
            case 0 -> random.nextBytes(data);
            case 1 -> {
                // zeros
            }
            case 2 -> {
                if (size >= 74) {
                    data = Captures.ipv6Tcp(random, size);
                }
            }
            case 3 -> {
                if (size >= 42) {
                    data = Captures.ipv4Udp(random, size);
                }
            }
            case 4, 5 -> copy(random, inner, data);
            case 6 -> copy(random, soFar, data);
            default -> {
                // A header of a record that would end exactly at the end of this packet: a trap at the file's end.
                random.nextBytes(data);
                if (size >= 32) {
                    int at = random.nextInt(size - 16);
                    int rest = size - at - 16;
                    ByteBuffer.wrap(data, at, 16).order(order).putInt(1_700_000_000 + random.nextInt(1000))
                            .putInt(random.nextInt(1000)).putInt(rest).putInt(rest);
                }
            }
        }
        return data;
    }

    private static void copy(Random random, byte[] from, byte[] to) {
        if (from.length == 0) {
            return;
        }
        int at = random.nextInt(from.length);
        System.arraycopy(from, at, to, 0, Math.min(to.length, from.length - at));
    }

    /** A capture to be found inside packets: a small ordinary pcap or pcapng file. */
    private static byte[] innerCapture(Random random, ByteOrder order) {
        Random own = new Random(random.nextLong());
        if (own.nextBoolean()) {
            Captures.Pcap pcap = new Captures.Pcap(order, own.nextBoolean(), 65535, 1);
            for (int i = 0; i < 40; i++) {
                pcap.record(1_700_000_000L + i, own.nextInt(1000), Captures.ipv4Udp(own, 60 + own.nextInt(300)));
            }
            return pcap.bytes();
        }
        Captures.Pcapng ng = new Captures.Pcapng().section(order).idb(1, 65535, -1, 0);
        for (int i = 0; i < 40; i++) {
            byte[] frame = Captures.ipv4Udp(own, 60 + own.nextInt(300));
            ng.epb(0, 1_700_000_000_000_000L + i, frame.length, frame.length, frame);
        }
        return ng.bytes();
    }

    static byte[] pcap(Random random) {
        ByteOrder order = random.nextBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        boolean nanos = random.nextBoolean();
        int[] snaplens = {0, 64, 1500, 65535, 262144, 0x7FFF_FFFF};
        int snaplen = snaplens[random.nextInt(snaplens.length)];
        Captures.Pcap pcap = new Captures.Pcap(order, nanos, snaplen, 1);
        byte[] inner = innerCapture(random, order);
        Clock clock = new Clock(random);
        long units = nanos ? 1_000_000_000L : 1_000_000L;
        int count = 20 + random.nextInt(300);
        for (int i = 0; i < count; i++) {
            byte[] data = payload(random, pcap.size() > 4096 && random.nextInt(10) == 0 ? pcap.bytes() : new byte[0],
                    inner, order, 262144);
            long fraction = switch (random.nextInt(30)) {
                case 0 -> units;
                case 1 -> units + random.nextInt(1000);
                default -> random.nextLong(units);
            };
            int len = switch (random.nextInt(20)) {
                case 0 -> 0;
                case 1 -> Math.max(0, data.length - 1 - random.nextInt(Math.max(1, data.length)));
                case 2 -> data.length + random.nextInt(100_000);
                default -> data.length;
            };
            pcap.record(clock.next(), fraction, data.length, len, data);
        }
        return pcap.bytes();
    }

    static byte[] pcapng(Random random) {
        Captures.Pcapng ng = new Captures.Pcapng();
        Clock clock = new Clock(random);
        int sections = 1 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
        byte[] inner = innerCapture(random, ByteOrder.LITTLE_ENDIAN);
        int[] resolutions = {-1, 6, 9, 3, 0x80 | 20, 0x80 | 10};
        for (int s = 0; s < sections; s++) {
            ng.section(random.nextBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            int interfaces = 1 + random.nextInt(3);
            int[] resolution = new int[4];
            for (int i = 0; i < interfaces; i++) {
                resolution[i] = resolutions[random.nextInt(resolutions.length)];
                ng.idb(random.nextBoolean() ? 1 : 101, random.nextBoolean() ? 0 : 262144, resolution[i],
                        random.nextInt(10) == 0 ? random.nextInt(1000) - 500 : 0);
            }
            int count = 10 + random.nextInt(300);
            for (int i = 0; i < count; i++) {
                byte[] data = payload(random, ng.size() > 4096 && random.nextInt(10) == 0 ? ng.bytes() : new byte[0],
                        inner, ng.order, 262144);
                int len = random.nextInt(20) == 0 ? 0 : data.length + (random.nextInt(10) == 0 ? random.nextInt(500) : 0);
                switch (random.nextInt(20)) {
                    case 0 -> ng.spb(len, data);
                    case 1 -> ng.isb(random.nextInt(interfaces), clock.next() * 1_000_000L);
                    case 2 -> ng.custom(data);
                    case 3 -> {
                        if (interfaces < 4) {
                            resolution[interfaces] = resolutions[random.nextInt(resolutions.length)];
                            ng.idb(1, 0, resolution[interfaces++], 0); // an interface that appears mid-section
                        }
                    }
                    default -> {
                        int iface = random.nextInt(interfaces);
                        long perSecond = resolution[iface] == 9 ? 1_000_000_000L : 1_000_000L;
                        long stamp = clock.next() * perSecond + random.nextLong(perSecond);
                        ng.epb(iface, stamp, data.length, len, data);
                    }
                }
            }
        }
        return ng.bytes();
    }

    /** Damages a file: cuts its end, or overwrites a few bytes anywhere. */
    static byte[] damage(Random random, byte[] file) {
        if (random.nextBoolean()) {
            return Arrays.copyOf(file, file.length - 1 - random.nextInt(Math.min(200, file.length / 4)));
        }
        byte[] copy = file.clone();
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
            int at = 24 + random.nextInt(copy.length - 28);
            ByteBuffer.wrap(copy, at, 4).putInt(random.nextInt());
        }
        return copy;
    }
}
