package dev.trawl.pcap.tck;

import dev.trawl.pcap.PacketRecord;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A capture on end b of a {@link VethPair}, inside its namespace: {@code tcpdump} run by {@code ip netns exec},
 * in immediate mode, writing each packet at once as pcap to its standard output, which the kit parses with
 * pcap-api's codec ({@link PcapBytes}). It is how the kit sees what a backend sent on end a, independently of
 * that backend. {@link #start} returns only once tcpdump says it listens (its filter is then installed), so
 * nothing sent afterwards is missed.
 *
 * <p>Not thread-safe. {@link #close()} ends tcpdump if it still runs; idempotent.
 */
final class PeerCapture implements AutoCloseable {
    private static final Duration READY = Duration.ofSeconds(10);

    private final Process process;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final StringBuilder err = new StringBuilder();
    private final CountDownLatch listening = new CountDownLatch(1);
    private final Thread outReader;
    private final Thread errReader;

    private PeerCapture(Process process) {
        this.process = process;
        this.outReader = daemon(() -> copy(process.getInputStream()));
        this.errReader = daemon(this::watchStderr);
    }

    /**
     * Starts tcpdump on end b with a filter, to stop by itself after {@code count} packets.
     *
     * @throws IllegalStateException if tcpdump exits or stays silent instead of listening
     */
    static PeerCapture start(VethPair pair, String filter, int count) throws InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(Tools.find("ip").toString(), "netns", "exec", pair.namespace,
                    Tools.find("tcpdump").toString(), "-i", pair.b, "-n", "--immediate-mode", "-U",
                    "-c", Integer.toString(count), "-w", "-", filter).start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start tcpdump in " + pair.namespace + ": " + e.getMessage(), e);
        }
        PeerCapture capture = new PeerCapture(process);
        try {
            long deadline = System.nanoTime() + READY.toNanos();
            while (!capture.listening.await(20, TimeUnit.MILLISECONDS)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("tcpdump on " + pair.b + " in " + pair.namespace
                            + " did not start listening: " + capture.stderr());
                }
            }
            return capture;
        } catch (RuntimeException | InterruptedException e) {
            capture.close();
            throw e;
        }
    }

    /**
     * Waits until tcpdump has its {@code count} packets or {@code within} passed, stops it, and returns what
     * it captured, in order.
     */
    List<PacketRecord> packets(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroy(); // SIGTERM: tcpdump finishes the file and exits
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("tcpdump did not end on SIGTERM: " + stderr());
            }
        }
        outReader.join(5_000);
        errReader.join(5_000);
        byte[] bytes;
        synchronized (out) {
            bytes = out.toByteArray();
        }
        if (bytes.length == 0) {
            throw new IllegalStateException("tcpdump wrote nothing (exit " + process.exitValue() + "): " + stderr());
        }
        return new ArrayList<>(PcapBytes.parse(bytes).packets());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private String stderr() {
        synchronized (err) {
            return err.toString().trim();
        }
    }

    private void watchStderr() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (err) {
                    err.append(line).append('\n');
                }
                if (line.contains("listening on")) {
                    listening.countDown();
                }
            }
        } catch (IOException e) {
            // tcpdump ended; what was read is what there is
        }
    }

    private void copy(InputStream in) {
        byte[] chunk = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(chunk)) >= 0) {
                synchronized (out) {
                    out.write(chunk, 0, n);
                }
            }
        } catch (IOException e) {
            // tcpdump ended; what was read is what there is
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "trawl-tck-peer-capture");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
