package dev.trawl.cli;

import dev.trawl.cli.print.Out;
import dev.trawl.cli.print.PrintOptions;
import dev.trawl.pcap.Capability;
import dev.trawl.pcap.CaptureStats;
import dev.trawl.pcap.Handle;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One capture run: opens the input, sets the capture filter, drops privileges, opens the output, moves
 * packets from one to the other, and prints tcpdump's closing statistics for a live capture. Interrupting
 * the process (Ctrl-C) stops the loop cleanly: output is flushed and the statistics printed.
 * Not thread-safe, except for the stop request.
 */
final class Capture {
    private final Trawl t;
    private final Backends backends;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);

    Capture(Trawl trawl, Backends backends) {
        this.t = trawl;
        this.backends = backends;
    }

    int run() throws Exception {
        // tshark's output modes show a file's own precision; tcpdump's lines show microseconds unless asked
        // (and so do tshark's statistics, alone with -q)
        boolean tsharkOutput = t.outputFormat != null && !t.outputFormat.equals("text")
                || !t.statistics.isEmpty() && t.quiet;
        TimestampPrecision precision = t.precision == null && tsharkOutput ? TimestampPrecision.NANO
                : Sources.precision(t);
        boolean sample = t.readFile == null && t.device == null && t.noArguments;
        if (t.workers < 1 || t.workers > FanoutCapture.MAX_WORKERS) {
            throw new CliException("--workers must be 1 to " + FanoutCapture.MAX_WORKERS + ": " + t.workers, 2, null);
        }
        if ((t.fanout != null || t.workers > 1) && t.readFile != null) {
            throw new CliException("--fanout and --workers share a live capture (-i); they do not apply to -r", 2, null);
        }
        Sources.Source source;
        if (sample) {
            source = Sources.sample(backends.forFiles(), precision);
        } else if (t.readFile != null) {
            try {
                source = Sources.file(backends.forFiles(), t.readFile, precision, t.io.in());
            } catch (PcapException e) {
                PcapngLayout blocks = t.outputFormat != null && !t.outputFormat.equals("text") && t.writeFile == null
                        && FieldOutput.showsLayout(t) ? PcapngLayout.withoutInterfaces(Path.of(t.readFile)) : null;
                if (blocks == null) {
                    throw e;
                }
                FieldOutput.writeBlocksOnly(t, blocks, new Out(t.io.dataOut()));
                return 0;
            }
        } else if (t.workers > 1) {
            return new FanoutCapture(t, backends, precision).run();
        } else {
            source = Sources.live(t.fanout != null ? backends.forCapability(Capability.FANOUT) : backends.forLive(), t,
                    precision, Sources.fanout(t));
        }
        Handle handle = source.handle();
        Thread hook = null;
        try {
            Filters.apply(t, backends, handle, source.live());
            PrintStream err = t.io.err();
            if (source.live()) {
                if (t.verbose.length == 0 && t.writeFile == null && t.outputFormat == null && !t.quiet) {
                    err.println("trawl: verbose output suppressed, use -v[v]... for full protocol decode");
                }
                err.println("listening on " + source.name() + ", link-type " + handle.linkType().name() + " ("
                        + handle.linkType().description() + "), snapshot length " + handle.snaplen() + " bytes");
                for (String warning : ((LiveHandle) handle).warnings()) {
                    err.println("trawl: WARNING: " + warning);
                }
                if (t.fanout != null) {
                    err.println("trawl: in fanout group " + Sources.fanout(t));
                }
            } else if (!t.quiet && t.outputFormat == null) {
                err.println("reading from file " + source.name() + ", link-type " + handle.linkType().name() + " ("
                        + handle.linkType().description() + "), snapshot length " + handle.snaplen());
            }
            if (t.dropUser != null) {
                Privileges.drop(t.dropUser);
            }
            hook = installStopHook(t, () -> {
                stopRequested.set(true);
                handle.breakLoop();
            }, finished);
            try (PacketSink sink = openSink(t, backends, handle, precision)) {
                long delivered = loop(handle, sink, source);
                sink.flush();
                if (source.live()) {
                    summary(err, (LiveHandle) handle, delivered);
                }
            } catch (UncheckedIOException e) {
                if (isBrokenPipe(e)) {
                    return 0; // the reader went away (trawl ... | head): stop quietly, as tcpdump does
                }
                throw e;
            }
            return 0;
        } finally {
            handle.close();
            finished.countDown();
            removeStopHook(hook);
        }
    }

    static boolean isBrokenPipe(UncheckedIOException e) {
        String text = String.valueOf(e.getCause().getMessage());
        return text.contains("Broken pipe") || text.contains("Stream closed");
    }

    /**
     * The output the command line asks for: -w's dumper, tshark's -T writers, or tcpdump's lines, behind
     * tshark's -z tables when they are asked for.
     */
    static PacketSink openSink(Trawl t, Backends backends, Handle handle, TimestampPrecision precision)
            throws IOException, CliException {
        if (!t.statistics.isEmpty()) {
            // with -z, -q means tshark's: the tables alone
            PacketSink packets = t.quiet && t.writeFile == null ? null : packetSink(t, backends, handle, precision);
            return StatisticsSink.open(t.statistics, new LinkTypes(handle), packets, t.io.dataOut());
        }
        return packetSink(t, backends, handle, precision);
    }

    private static PacketSink packetSink(Trawl t, Backends backends, Handle handle, TimestampPrecision precision)
            throws IOException, CliException {
        if (t.writeFile != null) {
            return DumpSink.open(t, backends, handle);
        }
        boolean flushEach = t.packetBuffered || t.lineBuffered;
        Out out = new Out(t.io.dataOut());
        if (t.outputFormat != null && !t.outputFormat.equals("text")) {
            return FieldOutput.open(t, handle, out, flushEach);
        }
        PrintOptions options = new PrintOptions(PrintOptions.TimestampStyle.ofCount(t.timestamps.length),
                t.verbose.length, t.linkHeader, t.numeric.length, t.quiet,
                Math.max(t.hex.length, t.hexAscii.length), t.hexAscii.length > 0, t.absoluteSeq);
        PacketSink printer = new PrintSink(out, new LinkTypes(handle), precision, options, flushEach);
        return t.displayFilter != null ? FieldOutput.displayFiltered(t, handle, printer) : printer;
    }

    private long loop(Handle handle, PacketSink sink, Sources.Source source) throws IOException, CliException {
        long limit = t.count;
        long delivered = 0;
        long frame = 0;
        Progress progress = Progress.create(t, source);
        try {
            while (limit <= 0 || delivered < limit) {
                ReadStatus status = handle.next();
                if (status == ReadStatus.PACKET) {
                    Packet packet = handle.packet();
                    frame++;
                    if (sink.accept(packet, frame)) {
                        delivered++;
                    }
                    if (sink.finished()) {
                        break;
                    }
                    if (progress != null) {
                        progress.packet(packet);
                    }
                } else if (status == ReadStatus.END_OF_FILE) {
                    sink.endOfInput();
                    break;
                } else if (status == ReadStatus.INTERRUPTED) {
                    if (stopRequested.get()) {
                        break;
                    }
                } else {
                    sink.idle();
                    if (sink.finished()) {
                        break;
                    }
                }
                if (stopRequested.get()) {
                    break;
                }
            }
        } catch (MalformedCaptureException e) {
            sink.flush();
            if (progress != null) {
                progress.done();
            }
            throw Errors.readError(source.name(), e, frame);
        } finally {
            if (progress != null) {
                progress.done();
            }
        }
        return delivered;
    }

    private void summary(PrintStream err, LiveHandle handle, long delivered) {
        err.println(delivered + (delivered == 1 ? " packet" : " packets") + " captured");
        try {
            printStats(err, handle.stats());
        } catch (PcapException | UnsupportedOperationException e) {
            err.println("trawl: statistics unavailable: " + e.getMessage());
        }
        err.flush();
    }

    /** tcpdump's closing lines after "N packets captured". */
    static void printStats(PrintStream err, CaptureStats stats) {
        err.println(stats.received() + (stats.received() == 1 ? " packet" : " packets") + " received by filter");
        err.println(stats.dropped() + (stats.dropped() == 1 ? " packet" : " packets") + " dropped by kernel");
        if (stats.interfaceDropped() != 0) {
            err.println(stats.interfaceDropped() + " packets dropped by interface");
        }
    }

    /**
     * On SIGINT/SIGTERM: runs {@code stop} (which asks the reading to stop and wakes it), and waits for the
     * capture to flush and print its summary. Returns the hook, or {@code null} for in-process runs (tests),
     * which signals do not stop.
     */
    static Thread installStopHook(Trawl t, Runnable stop, CountDownLatch finished) {
        if (t.io.out() != System.out) {
            return null;
        }
        Thread hook = new Thread(() -> {
            try {
                stop.run();
            } catch (RuntimeException ignored) {
                // the handle is already closed
            }
            try {
                finished.await(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "trawl-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    static void removeStopHook(Thread hook) {
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // the JVM is shutting down because of the interrupt: the hook is running
            }
        }
    }
}
