package dev.trawl.cli;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.Capability;
import dev.trawl.pcap.CaptureStats;
import dev.trawl.pcap.Fanout;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A live capture with {@code --workers N}: N threads, each reading its own socket in one fanout group on the
 * interface, so that the kernel spreads the packets over them and none is seen twice.
 *
 * <p>Output: with {@code -w FILE} each worker writes a file of its own ({@link #workerFile}), in parallel, and
 * {@code -C}, {@code -G} and {@code -W} apply to each worker's files. Every other output (tcpdump's lines,
 * {@code -T}, {@code -w -}) is one stream that the workers take turns to write, one whole packet at a time:
 * the packets of one worker keep the order it read them in (in hash mode, the packets of one flow), and packets
 * of different workers appear in the order the workers reached the output, so timestamps may step back a
 * little between flows. Frame numbers count the packets in that merged order. {@code -c N} counts the packets
 * of all workers together.
 *
 * <p>Not thread-safe, except for the stop request.
 */
final class FanoutCapture {
    /** The most workers: the kernel's limit on the members of a fanout group. */
    static final int MAX_WORKERS = 256;

    private final Trawl t;
    private final Backends backends;
    private final TimestampPrecision precision;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final List<LiveHandle> handles = new ArrayList<>();
    /** Packets written, over all workers, for -c; guarded by {@link #merged} when output is merged. */
    private final AtomicLong delivered = new AtomicLong();
    private final Object merged = new Object();
    private long mergedFrames;

    FanoutCapture(Trawl trawl, Backends backends, TimestampPrecision precision) {
        this.t = trawl;
        this.backends = backends;
        this.precision = precision;
    }

    /** The fanout group of {@code --fanout}, or a new one in hash mode with an id chosen at random. */
    static Fanout group(Trawl t) throws CliException {
        Fanout given = Sources.fanout(t);
        return given != null ? given
                : Fanout.of(ThreadLocalRandom.current().nextInt(1, Fanout.MAX_GROUP_ID + 1), Fanout.Mode.HASH);
    }

    /**
     * The file worker {@code worker} (from 1) writes for {@code -w name}: the worker's number goes before the
     * file name's extension ({@code part.pcap} becomes {@code part-2.pcap}), or at its end when it has none.
     */
    static String workerFile(String name, int worker) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        if (dot <= slash + 1) {
            return name + "-" + worker;
        }
        return name.substring(0, dot) + "-" + worker + name.substring(dot);
    }

    int run() throws Exception {
        Backend backend = backends.forCapability(Capability.FANOUT);
        Fanout group = group(t);
        int workers = t.workers;
        boolean perWorkerFiles = t.writeFile != null && !t.writeFile.equals("-");
        List<PacketSink> sinks = new ArrayList<>();
        Thread hook = null;
        try {
            String device = null;
            for (int i = 0; i < workers; i++) {
                Sources.Source source = Sources.live(backend, t, precision, group);
                LiveHandle handle = (LiveHandle) source.handle();
                handles.add(handle);
                device = source.name();
                Filters.apply(t, backends, handle, true);
            }
            LiveHandle first = handles.getFirst();
            PrintStream err = t.io.err();
            if (t.verbose.length == 0 && t.writeFile == null && t.outputFormat == null && !t.quiet) {
                err.println("trawl: verbose output suppressed, use -v[v]... for full protocol decode");
            }
            err.println("listening on " + device + ", link-type " + first.linkType().name() + " ("
                    + first.linkType().description() + "), snapshot length " + first.snaplen() + " bytes");
            for (String warning : first.warnings()) {
                err.println("trawl: WARNING: " + warning);
            }
            err.println("trawl: " + workers + " workers in fanout group " + group
                    + (perWorkerFiles ? ", writing " + workerFile(t.writeFile, 1) + " to "
                            + workerFile(t.writeFile, workers) : ""));
            if (t.dropUser != null) {
                Privileges.drop(t.dropUser);
            }
            hook = Capture.installStopHook(t, this::stopAll, finished);
            if (perWorkerFiles) {
                for (int i = 0; i < workers; i++) {
                    sinks.add(DumpSink.open(t, backends, handles.get(i), workerFile(t.writeFile, i + 1)));
                }
            } else {
                sinks.add(Capture.openSink(t, backends, first, precision));
            }
            PacketSink shared = perWorkerFiles ? null : sinks.getFirst();
            long[] perWorker = new long[workers];
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                int worker = i;
                PacketSink own = perWorkerFiles ? sinks.get(i) : null;
                threads.add(Thread.ofPlatform().name("trawl-worker-" + (i + 1)).start(() -> {
                    try {
                        perWorker[worker] = read(handles.get(worker), own, shared);
                    } catch (IOException | RuntimeException | Error e) {
                        failure.compareAndSet(null, e);
                        stopAll();
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            Throwable failed = failure.get();
            if (failed instanceof UncheckedIOException e && Capture.isBrokenPipe(e)) {
                return 0; // the reader went away (trawl ... | head): stop quietly, as tcpdump does
            }
            if (failed instanceof Exception e) {
                throw e;
            }
            if (failed instanceof Error e) {
                throw e;
            }
            for (PacketSink sink : sinks) {
                sink.flush();
            }
            summary(err, perWorker);
            return 0;
        } finally {
            for (PacketSink sink : sinks) {
                try {
                    sink.close();
                } catch (IOException | UncheckedIOException ignored) {
                    // a failure is already on its way out; closing the others matters more
                }
            }
            handles.forEach(LiveHandle::close);
            finished.countDown();
            Capture.removeStopHook(hook);
        }
    }

    /** Stops every worker: each is woken if blocked and ends at its next read. */
    private void stopAll() {
        stop.set(true);
        for (LiveHandle handle : handles) {
            try {
                handle.breakLoop();
            } catch (RuntimeException ignored) {
                // already closed
            }
        }
    }

    /** One worker's reading loop; returns the packets it wrote. */
    private long read(LiveHandle handle, PacketSink own, PacketSink shared) throws IOException {
        long written = 0;
        long frames = 0;
        long limit = t.count;
        while (!stop.get()) {
            ReadStatus status = handle.next();
            if (status == ReadStatus.PACKET) {
                Packet packet = handle.packet();
                if (own != null) {
                    if (limit > 0 && delivered.incrementAndGet() > limit) {
                        stopAll();
                        break;
                    }
                    if (own.accept(packet, ++frames)) {
                        written++;
                    } else if (limit > 0) {
                        delivered.decrementAndGet();
                    }
                    if (limit > 0 && delivered.get() >= limit) {
                        stopAll();
                    }
                    if (own.finished()) {
                        break;
                    }
                } else {
                    synchronized (merged) {
                        if (stop.get()) {
                            break;
                        }
                        if (shared.accept(packet, ++mergedFrames)) {
                            written++;
                            if (limit > 0 && delivered.incrementAndGet() >= limit) {
                                stopAll();
                            }
                        }
                        if (shared.finished()) {
                            stopAll();
                        }
                    }
                }
            } else if (status == ReadStatus.TIMEOUT) {
                if (own != null) {
                    own.idle();
                    if (own.finished()) {
                        break;
                    }
                } else {
                    synchronized (merged) {
                        shared.idle();
                        if (shared.finished()) {
                            stopAll();
                        }
                    }
                }
            } else if (status == ReadStatus.END_OF_FILE) {
                break;
            }
        }
        return written;
    }

    /** tcpdump's closing lines over all workers, then one line per worker. */
    private void summary(PrintStream err, long[] perWorker) {
        long total = 0;
        for (long n : perWorker) {
            total += n;
        }
        err.println(total + (total == 1 ? " packet" : " packets") + " captured");
        try {
            List<CaptureStats> stats = new ArrayList<>();
            long received = 0;
            long dropped = 0;
            long interfaceDropped = 0;
            for (LiveHandle handle : handles) {
                CaptureStats s = handle.stats();
                stats.add(s);
                received += s.received();
                dropped += s.dropped();
                interfaceDropped += s.interfaceDropped();
            }
            Capture.printStats(err, new CaptureStats(received, dropped, interfaceDropped));
            for (int i = 0; i < perWorker.length; i++) {
                err.println("worker " + (i + 1) + ": " + perWorker[i] + " captured, " + stats.get(i).received()
                        + " received by filter, " + stats.get(i).dropped() + " dropped by kernel");
            }
        } catch (PcapException | UnsupportedOperationException e) {
            err.println("trawl: statistics unavailable: " + e.getMessage());
        }
        err.flush();
    }
}
