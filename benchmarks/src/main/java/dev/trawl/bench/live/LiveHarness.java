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
 * one capturer at a time captures on the end in the second: the C libpcap program ({@code trawl_clive}) and then each backend through
 * {@link LiveCaptureMain}. Each capturer reports what it received, what {@code pcap_stats} says was dropped,
 * and the CPU time of its capturing thread.
 *
 * <p>No frame leaves the two namespaces. Every step is bounded in time, and the namespaces (with the veth
 * pair) are deleted when the run ends, fails, or the JVM is stopped. Needs root and iproute2.
 */
public final class LiveHarness {
    private static final String SEND_DEVICE = "tsend";
    private static final String CAPTURE_DEVICE = "tcap";
    private static final long IDLE_MS = 1_000;
    private static final long DEADLINE_MS = 30_000;

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

    /**
     * Runs the C capturer, then each named backend, on bursts of {@code frames} frames.
     */
    public List<LiveResult> run(List<String> backends, long frames, Consumer<String> progress)
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
            results.add(capture(sendNs, ns, "libpcap", List.of(tools.program("trawl_clive").toString()), frames));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            for (String backend : backends) {
                progress.accept("live: " + backend);
                results.add(capture(sendNs, ns, backend, List.of(java, "--enable-native-access=ALL-UNNAMED",
                        "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                        LiveCaptureMain.class.getName(), backend), frames));
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
        return results;
    }

    private LiveResult capture(String sendNs, String ns, String capturer, List<String> program, long frames)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        command.addAll(program);
        command.addAll(List.of(CAPTURE_DEVICE, Long.toString(frames), Long.toString(IDLE_MS),
                Long.toString(DEADLINE_MS)));
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
        try {
            String ready = lines.poll(60, TimeUnit.SECONDS);
            if (!"ready".equals(ready)) {
                return LiveResult.skipped(capturer, "the capturer did not start (" + ready + "); see " + log.getFileName());
            }
            String sent = NativeTools.run(List.of("ip", "netns", "exec", sendNs, tools.program("trawl_csend").toString(),
                    SEND_DEVICE, Long.toString(frames), "64"), 120).strip();
            String[] sentFields = sent.split("\t");
            long sentFrames = Long.parseLong(sentFields[1]);
            long sendNanos = Long.parseLong(sentFields[2]);
            String line = lines.poll(DEADLINE_MS + 30_000, TimeUnit.MILLISECONDS);
            if (line == null || !line.startsWith("live\t")) {
                return LiveResult.skipped(capturer, "no result (" + line + "); see " + log.getFileName());
            }
            String[] f = line.split("\t");
            return new LiveResult(capturer, sentFrames, sendNanos, Long.parseLong(f[2]), Long.parseLong(f[3]),
                    Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), "");
        } finally {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(5_000);
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
