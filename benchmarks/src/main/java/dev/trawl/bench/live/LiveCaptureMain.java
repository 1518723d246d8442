package dev.trawl.bench.live;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.CaptureStats;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.PacketHandler;
import dev.trawl.pcap.Pcap;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * The Java side of the live-capture benchmark, run by {@link LiveHarness} inside its network namespace: it
 * captures on a device with one backend, exactly as {@code trawl_clive} does with libpcap (same options,
 * {@code dispatch} in a loop, the same stop conditions), and prints the same result line.
 *
 * <p>Usage: {@code LiveCaptureMain BACKEND DEVICE EXPECTED IDLE_MS DEADLINE_MS}
 */
public final class LiveCaptureMain {
    private LiveCaptureMain() {
    }

    /** Counts packets and touches their first byte, as the C program's callback does. */
    private static final class Counter implements PacketHandler {
        long delivered;
        long sum;

        @Override
        public void onPacket(Packet packet) {
            ByteBuffer data = packet.data();
            sum += packet.capturedLength() + data.get(data.position());
            delivered++;
        }
    }

    /** Breaks the capture's read when packets stop coming or the deadline passes. */
    private static final class Watchdog extends Thread {
        private final LiveHandle handle;
        private final long start;
        private final long idleNanos;
        private final long deadlineNanos;
        /** When the capture last delivered packets; 0 before the first. */
        volatile long lastPacket;
        volatile boolean fired;

        Watchdog(LiveHandle handle, long start, long idleNanos, long deadlineNanos) {
            super("live-capture-watchdog");
            setDaemon(true);
            this.handle = handle;
            this.start = start;
            this.idleNanos = idleNanos;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    Thread.sleep(20);
                    long now = System.nanoTime();
                    long last = lastPacket;
                    if ((last != 0 && now - last > idleNanos) || now - start > deadlineNanos) {
                        fired = true;
                        handle.breakLoop();
                        return;
                    }
                }
            } catch (InterruptedException e) {
                // the capture ended by itself
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: LiveCaptureMain BACKEND DEVICE EXPECTED IDLE_MS DEADLINE_MS");
            System.exit(1);
        }
        String name = args[0];
        long expected = Long.parseLong(args[2]);
        long idleNanos = Long.parseLong(args[3]) * 1_000_000L;
        long deadlineNanos = Long.parseLong(args[4]) * 1_000_000L;
        Backend backend = Pcap.backend(name);
        LiveOptions options = LiveOptions.builder().snaplen(262_144).promiscuous(true)
                .timeout(Duration.ofMillis(100)).bufferSize(8 << 20).build();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (LiveHandle handle = backend.openLive(args[1], options)) {
            Counter counter = new Counter();
            System.out.println("ready");
            System.out.flush();
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            // libpcap 1.10's TPACKET_V3 reads block while no packet arrives, whatever the timeout: once the
            // burst is over, a capturer that dropped frames would wait for ever. A watchdog ends the read.
            Watchdog watchdog = new Watchdog(handle, start, idleNanos, deadlineNanos);
            watchdog.start();
            while (counter.delivered < expected && !watchdog.fired) {
                if (handle.dispatch(0, counter) > 0) {
                    watchdog.lastPacket = System.nanoTime();
                }
            }
            watchdog.interrupt();
            watchdog.join();
            long last = watchdog.lastPacket;
            long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
            CaptureStats stats = handle.stats();
            System.out.println(String.join("\t", "live", name, Long.toString(counter.delivered),
                    Long.toString(stats.received()), Long.toString(stats.dropped()),
                    Long.toString(stats.interfaceDropped()), Long.toString(cpu), Long.toString(Math.max(0, last - start))));
        }
    }
}
