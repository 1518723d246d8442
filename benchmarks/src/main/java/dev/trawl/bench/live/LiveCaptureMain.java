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
            long last = start;
            while (counter.delivered < expected) {
                int n = handle.dispatch(0, counter);
                long now = System.nanoTime();
                if (n > 0) {
                    last = now;
                } else if (counter.delivered > 0 && now - last > idleNanos) {
                    break;
                }
                if (now - start > deadlineNanos) {
                    break;
                }
            }
            long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
            CaptureStats stats = handle.stats();
            System.out.println(String.join("\t", "live", name, Long.toString(counter.delivered),
                    Long.toString(stats.received()), Long.toString(stats.dropped()),
                    Long.toString(stats.interfaceDropped()), Long.toString(cpu), Long.toString(last - start)));
        }
    }
}
