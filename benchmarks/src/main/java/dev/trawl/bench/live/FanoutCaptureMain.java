package dev.trawl.bench.live;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.PacketDecoder;
import dev.trawl.decode.Protocols;
import dev.trawl.pcap.Backend;
import dev.trawl.pcap.CaptureStats;
import dev.trawl.pcap.Fanout;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.PacketHandler;
import dev.trawl.pcap.Pcap;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The fanout side of the live benchmark, run by {@link LiveHarness} inside its network namespace: READERS
 * threads, each with its own {@code afpacket} handle in one fanout group on the device, each decoding every
 * packet it gets and then doing a fixed amount of work on it (WORK checksums of its bytes), as an application
 * that outgrows one core does. The sender numbers its frames, so each reader marks what it handled and the
 * sets are compared: no frame may reach two readers. With WARMUP, the readers first take a warm-up burst
 * (which they forget) and "warm" is printed before the measured one. It prints one line:
 *
 * <pre>fanout READERS MODE handled-per-reader(comma) unique duplicates dropped reader-cpu-ns-per-packet active-ns</pre>
 *
 * <p>Usage: {@code FanoutCaptureMain DEVICE READERS GROUP MODE EXPECTED IDLE_MS DEADLINE_MS WORK [WARMUP]}
 */
public final class FanoutCaptureMain {
    private static final int LINKTYPE_ETHERNET = 1;
    /** Where {@code trawl_csend} puts a frame's number: the first bytes of the UDP payload. */
    private static final int NUMBER_OFFSET = 42;

    private FanoutCaptureMain() {
    }

    /** Decodes a packet, checksums it {@code work} times, and marks its number. */
    static final class Worker implements PacketHandler {
        private final PacketDecoder decoder = new PacketDecoder();
        private final CRC32C crc = new CRC32C();
        private final int work;
        final BitSet seen;
        long handled;
        long sum;
        /** The CPU time of the reader's thread in the last read. */
        long cpuNanos;
        /** When it began and finished handling its first and last packets ({@link System#nanoTime}). */
        long first;
        long last;

        Worker(int work, int expected) {
            this.work = work;
            this.seen = new BitSet(expected);
        }

        /** Forgets what it handled (call only while no reader runs). */
        void reset() {
            seen.clear();
            handled = 0;
        }

        @Override
        public void onPacket(Packet packet) {
            ByteBuffer data = packet.data();
            int at = data.position();
            int length = data.remaining();
            DecodedPacket decoded = decoder.decode(LINKTYPE_ETHERNET, data, at, length);
            int udp = decoded.find(Protocols.UDP);
            if (udp >= 0) {
                sum += decoded.udp(udp).sourcePort();
            }
            for (int i = 0; i < work; i++) {
                crc.reset();
                crc.update(data);
                data.position(at);
                sum += crc.getValue();
            }
            if (length >= NUMBER_OFFSET + 4) {
                int number = data.getInt(at + NUMBER_OFFSET);
                if (number >= 0) {
                    seen.set(number);
                }
            }
            last = System.nanoTime();
            if (handled++ == 0) {
                first = last;
            }
        }
    }

    /** From the first packet any reader handled to the last: how long the group was busy, in nanoseconds. */
    private static long active(List<Worker> workers) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Worker w : workers) {
            if (w.handled > 0) {
                first = Math.min(first, w.first);
                last = Math.max(last, w.last);
            }
        }
        return first == Long.MAX_VALUE ? 0 : last - first;
    }

    /**
     * Each reader reads on its own thread until packets stop coming or the deadline passes; returns when all
     * have stopped.
     */
    private static void read(List<LiveHandle> handles, List<Worker> workers, long idleNanos, long deadlineNanos)
            throws InterruptedException {
        LiveCaptureMain.Watchdog watchdog = new LiveCaptureMain.Watchdog(() -> handles.forEach(LiveHandle::breakLoop),
                () -> workers.stream().mapToLong(w -> w.handled).sum(), System.nanoTime(), idleNanos, deadlineNanos);
        watchdog.start();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < handles.size(); i++) {
            LiveHandle handle = handles.get(i);
            Worker worker = workers.get(i);
            threads.add(Thread.ofPlatform().name("fanout-reader-" + i).start(() -> {
                long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                try {
                    handle.loop(0, worker);
                } catch (Exception e) {
                    e.printStackTrace();
                }
                worker.cpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu;
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        watchdog.interrupt();
        watchdog.join();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 8 && args.length != 9) {
            System.err.println("usage: FanoutCaptureMain DEVICE READERS GROUP MODE EXPECTED IDLE_MS DEADLINE_MS WORK"
                    + " [WARMUP]");
            System.exit(1);
        }
        String device = args[0];
        int readers = Integer.parseInt(args[1]);
        Fanout fanout = Fanout.of(Integer.parseInt(args[2]), Fanout.Mode.of(args[3]));
        int expected = Integer.parseInt(args[4]);
        long idleNanos = Long.parseLong(args[5]) * 1_000_000L;
        long deadlineNanos = Long.parseLong(args[6]) * 1_000_000L;
        int work = Integer.parseInt(args[7]);
        long warmup = args.length > 8 ? Long.parseLong(args[8]) : 0;
        Backend backend = Pcap.backend("afpacket");
        LiveOptions options = LiveOptions.builder().snaplen(262_144).timeout(Duration.ofMillis(100))
                .bufferSize(8 << 20).fanout(fanout).build();
        List<LiveHandle> handles = new ArrayList<>();
        List<Worker> workers = new ArrayList<>();
        try {
            for (int i = 0; i < readers; i++) {
                handles.add(backend.openLive(device, options));
                workers.add(new Worker(work, expected));
            }
            System.out.println("ready");
            System.out.flush();
            long[] droppedBefore = new long[readers];
            if (warmup > 0) {
                // as in LiveCaptureMain: the reading path is compiled before the measured burst
                read(handles, workers, idleNanos, deadlineNanos);
                for (int i = 0; i < readers; i++) {
                    workers.get(i).reset();
                    droppedBefore[i] = handles.get(i).stats().dropped();
                }
                System.out.println("warm");
                System.out.flush();
            }
            read(handles, workers, idleNanos, deadlineNanos);
            BitSet any = new BitSet(expected);
            long duplicates = 0;
            StringBuilder perReader = new StringBuilder();
            long dropped = 0;
            long cpu = 0;
            for (int i = 0; i < readers; i++) {
                BitSet both = (BitSet) any.clone();
                both.and(workers.get(i).seen);
                duplicates += both.cardinality();
                any.or(workers.get(i).seen);
                perReader.append(i == 0 ? "" : ",").append(workers.get(i).handled);
                cpu += workers.get(i).cpuNanos;
                CaptureStats stats = handles.get(i).stats();
                dropped += stats.dropped() - droppedBefore[i];
            }
            System.out.println(String.join("\t", "fanout", Integer.toString(readers), fanout.mode().shortName(),
                    perReader, Long.toString(any.cardinality()), Long.toString(duplicates), Long.toString(dropped),
                        String.format(java.util.Locale.ROOT, "%.1f", any.isEmpty() ? Double.NaN
                            : cpu / (double) workers.stream().mapToLong(w -> w.handled).sum()),
                    Long.toString(active(workers))));
        } finally {
            handles.forEach(LiveHandle::close);
        }
    }
}
