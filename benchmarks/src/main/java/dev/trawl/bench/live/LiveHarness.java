package dev.trawl.bench.live;

import dev.trawl.bench.run.NativeTools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The live-capture benchmark: between two network namespaces of its own joined by a veth pair, the C sender
 * ({@code trawl_csend}) sends a fixed number of 64-byte frames at full speed into the end in the first while
 * one capturer at a time captures on the end in the second: the C libpcap program ({@code trawl_clive}) and
 * then each backend through {@link LiveCaptureMain}. Each capturer first takes a warm-up burst that is not
 * counted, so that a JVM's figures are those of a capture whose reading path the JIT has compiled. Each capturer reports what it received, what
 * {@code pcap_stats} says was dropped, the CPU time of its capturing thread, and (Java) the heap it allocated.
 * Then fanout groups of one and two {@code afpacket} readers ({@link FanoutCaptureMain}) take numbered frames of
 * many flows, each reader doing a fixed amount of work per packet, to show what a second reader adds.
 *
 * <p>No frame leaves the two namespaces. Every step is bounded in time, and the namespaces (with the veth
 * pair) are deleted when the run ends, fails, or the JVM is stopped. Needs root and iproute2.
 */
public final class LiveHarness {
    private static final String SEND_DEVICE = "tsend";
    private static final String CAPTURE_DEVICE = "tcap";
    private static final long IDLE_MS = 1_000;
    private static final long DEADLINE_MS = 30_000;
    /** Flows the numbered frames of the fanout runs spread over (UDP source ports). */
    private static final int FLOWS = 256;

    private final NativeTools tools;
    private final Path log;

    public LiveHarness(NativeTools tools, Path log) {
        this.tools = tools;
        this.log = log;
    }

    /** Why live capture cannot run here, or {@code null} when it can. */
    public static String unavailableReason() {
        try {
            String uid = NativeTools.run(List.of("id", "-u"), 10).strip();
            if (!uid.equals("0")) {
                return "needs root to create a network namespace (running as uid " + uid + ")";
            }
            NativeTools.run(List.of("ip", "-V"), 10);
            return null;
        } catch (IOException e) {
            return "iproute2 is missing or failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** What one run of the harness measured. */
    public record Results(List<LiveResult> captures, List<FanoutResult> fanout) {
    }

    /**
     * Runs the C capturer, then each named capturer (a backend, or {@code BACKEND:next} or {@code BACKEND:loop}
     * for another reading call than dispatch), on bursts of {@code frames} frames, each after a warm-up burst of
     * {@code warmup} frames that is not counted; then, when {@code fanoutWork} is not negative, fanout groups of
     * one and two readers with that much work per packet.
     */
    public Results run(List<String> backends, long frames, long warmup, int fanoutWork, Consumer<String> progress)
            throws IOException, InterruptedException {
        String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String sendNs = "trawl-bench-" + id + "-tx";
        String ns = "trawl-bench-" + id + "-rx";
        Thread cleanup = new Thread(() -> {
            deleteNamespace(sendNs);
            deleteNamespace(ns);
        });
        Runtime.getRuntime().addShutdownHook(cleanup);
        List<LiveResult> results = new ArrayList<>();
        List<FanoutResult> fanout = new ArrayList<>();
        try {
            ip("netns", "add", sendNs);
            ip("netns", "add", ns);
            ip("-n", sendNs, "link", "add", "name", SEND_DEVICE, "type", "veth", "peer", "name", CAPTURE_DEVICE,
                    "netns", ns);
            // No IPv6 autoconfiguration chatter: the capturers should see the sender's frames only.
            for (String namespace : List.of(sendNs, ns)) {
                NativeTools.run(List.of("ip", "netns", "exec", namespace, "sh", "-c",
                        "echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6; "
                                + "echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6"), 10);
            }
            ip("-n", sendNs, "link", "set", SEND_DEVICE, "up");
            ip("-n", ns, "link", "set", CAPTURE_DEVICE, "up");
            progress.accept("live: libpcap (C), " + frames + " frames from namespace " + sendNs + " to " + ns);
            results.add(capture(sendNs, ns, "libpcap", List.of(tools.program("trawl_clive").toString()), frames,
                    warmup));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> jvm = List.of(java, "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-cp",
                    System.getProperty("java.class.path"));
            for (String backend : backends) {
                progress.accept("live: " + backend);
                List<String> command = new ArrayList<>(jvm);
                command.addAll(List.of(LiveCaptureMain.class.getName(), backend));
                results.add(capture(sendNs, ns, backend.replace(':', ' '), command, frames, warmup));
            }
            if (fanoutWork >= 0 && backends.stream().anyMatch(b -> b.startsWith("afpacket"))) {
                int group = 1 + ThreadLocalRandom.current().nextInt(65535);
                for (int readers : new int[] {1, 2}) {
                    progress.accept("live: fanout, " + readers + " reader" + (readers == 1 ? "" : "s"));
                    List<String> command = new ArrayList<>(jvm);
                    command.addAll(List.of(FanoutCaptureMain.class.getName(), CAPTURE_DEVICE,
                            Integer.toString(readers), Integer.toString(group), "hash"));
                    fanout.add(fanout(sendNs, ns, readers, command, frames, warmup, fanoutWork));
                }
            }
        } finally {
            deleteNamespace(sendNs);
            deleteNamespace(ns);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
        return new Results(results, fanout);
    }

    /** Starts a capturer and waits for its "ready" line; null when it did not get ready. */
    private Started start(String ns, List<String> program, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        command.addAll(program);
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("error\t" + e.getMessage());
            }
        });
        return new Started(process, lines, reader, lines.poll(60, TimeUnit.SECONDS));
    }

    /** A capturer process, its output lines, and the first of them. */
    private record Started(Process process, BlockingQueue<String> lines, Thread reader, String first) {
        void finish() throws InterruptedException {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(5_000);
        }
    }

    /** Sends numbered frames of many flows to a fanout group of readers, each working on every packet. */
    private FanoutResult fanout(String sendNs, String ns, int readers, List<String> program, long frames, long warmup,
            int work) throws IOException, InterruptedException {
        Started started = start(ns, program, List.of(Long.toString(frames), Long.toString(IDLE_MS),
                Long.toString(DEADLINE_MS), Integer.toString(work), Long.toString(warmup)));
        try {
            if (!"ready".equals(started.first())) {
                return FanoutResult.skipped(readers, "hash", "the readers did not start (" + started.first() + "); see "
                        + log.getFileName());
            }
            if (warmup > 0) {
                send(sendNs, warmup, FLOWS);
                String warm = started.lines().poll(DEADLINE_MS + 30_000, TimeUnit.MILLISECONDS);
                if (!"warm".equals(warm)) {
                    return FanoutResult.skipped(readers, "hash", "no end of the warm-up (" + warm + "); see "
                            + log.getFileName());
                }
            }
            String[] sent = send(sendNs, frames, FLOWS);
            String line = started.lines().poll(DEADLINE_MS + 30_000, TimeUnit.MILLISECONDS);
            if (line == null || !line.startsWith("fanout\t")) {
                return FanoutResult.skipped(readers, "hash", "no result (" + line + "); see " + log.getFileName());
            }
            String[] f = line.split("\t");
            List<Long> perReader = new ArrayList<>();
            for (String count : f[3].split(",")) {
                perReader.add(Long.parseLong(count));
            }
            return new FanoutResult(readers, f[2], Long.parseLong(sent[1]), Long.parseLong(sent[2]), perReader,
                    Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), Double.parseDouble(f[7]),
                    Long.parseLong(f[8]), "");
        } finally {
            started.finish();
        }
    }

    /** Runs the sender; returns its result line's fields: "sent", frames, nanoseconds. */
    private String[] send(String sendNs, long frames, int flows) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", sendNs,
                tools.program("trawl_csend").toString(), SEND_DEVICE, Long.toString(frames), "64"));
        if (flows > 0) {
            command.add(Integer.toString(flows));
        }
        return NativeTools.run(command, 120).strip().split("\t");
    }

    private LiveResult capture(String sendNs, String ns, String capturer, List<String> program, long frames,
            long warmup) throws IOException, InterruptedException {
        Started started = start(ns, program, List.of(CAPTURE_DEVICE, Long.toString(frames), Long.toString(IDLE_MS),
                Long.toString(DEADLINE_MS), Long.toString(warmup)));
        try {
            if (!"ready".equals(started.first())) {
                return LiveResult.skipped(capturer, "the capturer did not start (" + started.first() + "); see "
                        + log.getFileName());
            }
            if (warmup > 0) {
                send(sendNs, warmup, 0);
                String warm = started.lines().poll(DEADLINE_MS + 30_000, TimeUnit.MILLISECONDS);
                if (!"warm".equals(warm)) {
                    return LiveResult.skipped(capturer, "no end of the warm-up (" + warm + "); see " + log.getFileName());
                }
            }
            String[] sent = send(sendNs, frames, 0);
            String line = started.lines().poll(DEADLINE_MS + 30_000, TimeUnit.MILLISECONDS);
            if (line == null || !line.startsWith("live\t")) {
                return LiveResult.skipped(capturer, "no result (" + line + "); see " + log.getFileName());
            }
            String[] f = line.split("\t");
            return new LiveResult(capturer, Long.parseLong(sent[1]), Long.parseLong(sent[2]), Long.parseLong(f[2]),
                    Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]),
                    f.length > 8 ? Long.parseLong(f[8]) : -1, "");
        } finally {
            started.finish();
        }
    }

    private static void ip(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        NativeTools.run(command, 30);
    }

    private static void deleteNamespace(String ns) {
        try {
            NativeTools.run(List.of("ip", "netns", "del", ns), 30);
        } catch (IOException e) {
            // already gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
