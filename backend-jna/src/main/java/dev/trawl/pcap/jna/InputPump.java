package dev.trawl.pcap.jna;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.trawl.pcap.PcapException;

import java.io.IOException;
import java.io.InputStream;

/**
 * Feeds a Java {@link InputStream} to libpcap, which reads only from a {@code FILE *}: a daemon thread copies
 * the stream into the write end of a pipe whose read end libpcap reads through {@code fdopen}. The stream is
 * closed when the data ends, when libpcap closes its end, or on {@link #stop()}. Thread-safe.
 */
final class InputPump implements Runnable {
    private static final int CHUNK = 64 * 1024;

    private final InputStream in;
    private final int writeFd;
    private final Thread thread;
    private volatile IOException failure;
    private volatile boolean stopped;
    private volatile int magic;
    private int seen;
    private int head;

    private InputPump(InputStream in, int writeFd) {
        this.in = in;
        this.writeFd = writeFd;
        this.thread = new Thread(this, "trawl-jna-input-pump");
        this.thread.setDaemon(true);
    }

    /**
     * Makes a pipe, starts pumping into it, and returns the {@code FILE *} of its read end.
     *
     * @param out receives the pump
     */
    static long open(InputStream in, InputPump[] out) throws PcapException {
        int[] fds = new int[2];
        if (Libc.pipe(fds) != 0) {
            throw new PcapException("pipe() failed: " + com.sun.jna.Native.getLastError());
        }
        long file = Libc.fdopen(fds[0], "r");
        if (file == 0) {
            Libc.close(fds[0]);
            Libc.close(fds[1]);
            throw new PcapException("fdopen() failed: " + com.sun.jna.Native.getLastError());
        }
        InputPump pump = new InputPump(in, fds[1]);
        pump.thread.start();
        out[0] = pump;
        return file;
    }

    @Override
    public void run() {
        Memory chunk = new Memory(CHUNK);
        byte[] bytes = new byte[CHUNK];
        long base = Pointer.nativeValue(chunk);
        try {
            int n;
            while (!stopped && (n = in.read(bytes)) >= 0) {
                for (int i = 0; i < n && seen < 4; i++, seen++) {
                    head = head << 8 | bytes[i] & 0xff;
                    if (seen == 3) {
                        magic = head; // published before libpcap can read these bytes from the pipe
                    }
                }
                chunk.write(0, bytes, 0, n);
                long done = 0;
                while (done < n) {
                    long w = Libc.write(writeFd, base + done, n - done);
                    if (w < 0) {
                        return; // EPIPE: libpcap closed its end, nothing more is wanted
                    }
                    done += w;
                }
            }
        } catch (IOException e) {
            if (!stopped) {
                failure = e;
            }
        } finally {
            Libc.close(writeFd);
            closeQuietly();
        }
    }

    /** The stream's first four bytes, big-endian, once libpcap has read them; 0 before or if shorter. */
    int magic() {
        return magic;
    }

    /** Why reading the stream failed, or {@code null}. */
    IOException failure() {
        return failure;
    }

    /** Closes the stream so that a blocked read returns and the pump ends. */
    void stop() {
        stopped = true;
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            in.close();
        } catch (IOException e) {
            // nothing to report to: the handle is closing
        }
    }
}
