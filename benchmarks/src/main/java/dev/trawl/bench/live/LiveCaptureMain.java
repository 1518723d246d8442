package dev.trawl.bench.live;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.CaptureStats;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.PacketHandler;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.ReadStatus;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The Java side of the live-capture benchmark, run by {@link LiveHarness} inside its network namespace: it
 * captures on a device with one backend, exactly as {@code trawl_clive} does with libpcap (same options,
 * the same stop conditions), reading with {@code dispatch} in a loop as the C program does, or with
 * {@code next} or {@code loop}, and prints the same result line plus the heap bytes the capturing thread
 * allocated. With WARMUP, it first reads a burst of that many frames and prints "warm" before measuring the
 * next burst: what a capture costs once the JIT has compiled its reading path.
 *
 * <p>Usage: {@code LiveCaptureMain BACKEND[:next|:loop|:dispatch] DEVICE EXPECTED IDLE_MS DEADLINE_MS [WARMUP]}
 */
public final class LiveCaptureMain {
    private LiveCaptureMain() {
    }

    /** Counts packets and touches their first byte, as the C program's callback does. */
    private static final class Counter implements PacketHandler {
        long delivered;
        long sum;
        /** When the read that counted last saw packets arrive; 0 if none did. */
        long last;

        @Override
        public void onPacket(Packet packet) {
            ByteBuffer data = packet.data();
            sum += packet.capturedLength() + data.get(data.position());
            delivered++;
        }
    }

    /**
     * Breaks the capture's read when packets stop coming or the deadline passes. It watches a count the reader
     * keeps (read without synchronization: a late view of it only delays the watchdog), so that the reader
     * pays nothing per packet for being watched.
     */
    static final class Watchdog extends Thread {
        private final Runnable stop;
        private final LongSupplier progress;
        private final long start;
        private final long idleNanos;
        private final long deadlineNanos;
        /** When the count last moved; 0 before it first did. */
        volatile long lastPacket;
        volatile boolean fired;

        Watchdog(Runnable stop, LongSupplier progress, long start, long idleNanos, long deadlineNanos) {
            super("live-capture-watchdog");
            setDaemon(true);
            this.stop = stop;
            this.progress = progress;
            this.start = start;
            this.idleNanos = idleNanos;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public void run() {
            long seen = 0;
            try {
                while (true) {
                    Thread.sleep(20);
                    long now = System.nanoTime();
                    long count = progress.getAsLong();
                    if (count != seen) {
                        seen = count;
                        lastPacket = now;
                    }
                    long last = lastPacket;
                    if ((last != 0 && now - last > idleNanos) || now - start > deadlineNanos) {
                        fired = true;
                        stop.run();
                        return;
                    }
                }
            } catch (InterruptedException e) {
                // the capture ended by itself
            }
        }
    }

    /** The heap bytes the current thread has allocated, or -1 where the JVM does not count them. */
    static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean counting
                && counting.isThreadAllocatedMemorySupported()) {
            return counting.getCurrentThreadAllocatedBytes();
        }
        return -1;
    }

    /**
     * Reads until {@code target} packets were delivered or the watchdog ends the read (packets stopped coming,
     * or the deadline passed), with the reading call the mode names.
     */
    private static void read(LiveHandle handle, String mode, Counter counter, long target, long idleNanos,
            long deadlineNanos) throws Exception {
        Watchdog watchdog = new Watchdog(handle::breakLoop, () -> counter.delivered, System.nanoTime(), idleNanos,
                deadlineNanos);
        watchdog.start();
        try {
            switch (mode) {
                case "loop" -> {
                    while (counter.delivered < target && !watchdog.fired) {
                        handle.loop(target - counter.delivered, counter);
                    }
                }
                case "next" -> {
                    while (counter.delivered < target && !watchdog.fired) {
                        if (handle.next() == ReadStatus.PACKET) {
                            counter.onPacket(handle.packet());
                        }
                    }
                }
                case "dispatch" -> {
                    while (counter.delivered < target && !watchdog.fired) {
                        handle.dispatch(0, counter);
                    }
                }
                default -> throw new IllegalArgumentException("unknown reading call '" + mode + "'");
            }
        } finally {
            watchdog.interrupt();
            watchdog.join();
        }
        counter.last = watchdog.lastPacket;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5 && args.length != 6) {
            System.err.println("usage: LiveCaptureMain BACKEND[:next|:loop|:dispatch] DEVICE EXPECTED IDLE_MS DEADLINE_MS"
                    + " [WARMUP]");
            System.exit(1);
        }
        String[] nameAndMode = args[0].split(":", 2);
        String name = nameAndMode[0];
        String mode = nameAndMode.length > 1 ? nameAndMode[1] : "dispatch";
        long expected = Long.parseLong(args[2]);
        long idleNanos = Long.parseLong(args[3]) * 1_000_000L;
        long deadlineNanos = Long.parseLong(args[4]) * 1_000_000L;
        long warmup = args.length > 5 ? Long.parseLong(args[5]) : 0;
        Backend backend = Pcap.backend(name);
        LiveOptions options = LiveOptions.builder().snaplen(262_144).promiscuous(true)
                .timeout(Duration.ofMillis(100)).bufferSize(8 << 20).build();
        var threads = ManagementFactory.getThreadMXBean();
        try (LiveHandle handle = backend.openLive(args[1], options)) {
            System.out.println("ready");
            System.out.flush();
            CaptureStats before = new CaptureStats(0, 0, 0);
            if (warmup > 0) {
                // The JIT compiles the reading path during this burst; the measured burst then costs what a
                // capture that has been running for a while costs.
                read(handle, mode, new Counter(), warmup, idleNanos, deadlineNanos);
                before = handle.stats();
                System.out.println("warm");
                System.out.flush();
            }
            Counter counter = new Counter();
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long allocatedStart = allocatedBytes();
            // libpcap 1.10's TPACKET_V3 reads block while no packet arrives, whatever the timeout: once the
            // burst is over, a capturer that dropped frames would wait for ever. A watchdog ends the read.
            read(handle, mode, counter, expected, idleNanos, deadlineNanos);
            long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
            long allocated = allocatedStart < 0 ? -1 : allocatedBytes() - allocatedStart;
            CaptureStats stats = handle.stats();
            String capturer = mode.equals("dispatch") ? name : name + " " + mode;
            System.out.println(String.join("\t", "live", capturer, Long.toString(counter.delivered),
                    Long.toString(stats.received() - before.received()), Long.toString(stats.dropped() - before.dropped()),
                    Long.toString(stats.interfaceDropped() - before.interfaceDropped()), Long.toString(cpu),
                    Long.toString(Math.max(0, counter.last - start)), Long.toString(allocated)));
        }
    }
}
