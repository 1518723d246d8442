package dev.trawl.cli;

import dev.trawl.pcap.Packet;

import java.io.PrintStream;

/**
 * A progress bar on standard error while a long file is read: shown only when standard error is a
 * terminal and standard output is not (so it never mixes with printed packets), not with {@code -q}, and
 * only once the read has taken more than half a second. The position is estimated from the pcap record
 * sizes. Not thread-safe.
 */
final class Progress {
    private static final long DELAY_NANOS = 500_000_000L;
    private static final long REDRAW_NANOS = 200_000_000L;
    private final PrintStream err;
    private final long size;
    private final long start = System.nanoTime();
    private long position = 24;
    private long packets;
    private long lastDraw;
    private boolean drawn;

    private Progress(PrintStream err, long size) {
        this.err = err;
        this.size = size;
    }

    /** A progress bar for this run, or {@code null} when none should be shown. */
    static Progress create(Trawl t, Sources.Source source) {
        if (t.quiet || source.live() || source.size() <= 0 || !t.io.errIsTerminal() || t.io.outIsTerminal()) {
            return null;
        }
        return new Progress(t.io.err(), source.size());
    }

    void packet(Packet packet) {
        position += 16 + packet.capturedLength();
        if ((++packets & 0xfff) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - start < DELAY_NANOS || now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        drawn = true;
        int percent = (int) Math.min(100, position * 100 / size);
        int filled = percent * 30 / 100;
        err.print("\r[" + "#".repeat(filled) + " ".repeat(30 - filled) + "] " + percent + "%  " + packets + " packets");
        err.flush();
    }

    void done() {
        if (drawn) {
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
            drawn = false;
        }
    }
}
