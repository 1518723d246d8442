package dev.trawl.pcap.jna;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.trawl.pcap.PcapException;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Joins a Java stream to libpcap, which reads and writes only a {@code FILE *}: a pipe whose one end libpcap
 * has as a {@code FILE *} ({@link #file()}), and a daemon thread that copies between the other end and the
 * stream. {@link #from(InputStream)} feeds a capture stream to libpcap; {@link #to(OutputStream)} carries what
 * libpcap writes to a stream. The stream is closed when the copying ends. Thread-safe.
 */
final class Pump implements Runnable {
    private static final int CHUNK = 64 * 1024;

    private final InputStream in;
    private final OutputStream out;
    /** The pipe end this pump copies from (towards {@link #out}) or to (from {@link #in}). */
    private final int fd;
    private final long file;
    private final Thread thread;
    private volatile IOException failure;
    private volatile boolean stopped;
    private volatile int magic;
    private int seen;
    private int head;
    private volatile long transferred;
    private final Object progress = new Object();

    private Pump(InputStream in, OutputStream out, int fd, long file) {
        this.in = in;
        this.out = out;
        this.fd = fd;
        this.file = file;
        this.thread = new Thread(this, in != null ? "trawl-jna-input-pump" : "trawl-jna-output-pump");
        this.thread.setDaemon(true);
    }

    /** Starts feeding {@code in} to libpcap, which reads it from {@link #file()}. */
    static Pump from(InputStream in) throws PcapException {
        int[] fds = pipe();
        long file = fdopen(fds, 0, "r");
        return start(new Pump(in, null, fds[1], file));
    }

    /** Starts carrying what libpcap writes to {@link #file()} into {@code out}. */
    static Pump to(OutputStream out) throws PcapException {
        int[] fds = pipe();
        long file = fdopen(fds, 1, "w");
        return start(new Pump(null, out, fds[0], file));
    }

    private static int[] pipe() throws PcapException {
        int[] fds = new int[2];
        if (Libc.pipe(fds) != 0) {
            throw new PcapException("pipe() failed: " + Native.getLastError());
        }
        return fds;
    }

    /** The {@code FILE *} of pipe end {@code end}; closes both ends if it cannot be made. */
    private static long fdopen(int[] fds, int end, String mode) throws PcapException {
        long file = Libc.fdopen(fds[end], mode);
        if (file == 0) {
            Libc.close(fds[0]);
            Libc.close(fds[1]);
            throw new PcapException("fdopen() failed: " + Native.getLastError());
        }
        return file;
    }

    private static Pump start(Pump pump) {
        pump.thread.start();
        return pump;
    }

    /** libpcap's end of the pipe; libpcap closes it ({@code pcap_close}, {@code pcap_dump_close}). */
    long file() {
        return file;
    }

    @Override
    public void run() {
        Memory chunk = new Memory(CHUNK);
        byte[] bytes = new byte[CHUNK];
        long base = Pointer.nativeValue(chunk);
        try {
            if (in != null) {
                feed(chunk, bytes, base);
            } else {
                drain(chunk, bytes, base);
            }
        } finally {
            Libc.close(fd);
            closeStream();
        }
    }

    /** Stream to pipe, until the stream ends, libpcap closes its end, or {@link #stop()}. */
    private void feed(Memory chunk, byte[] bytes, long base) {
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
                    long w = Libc.write(fd, base + done, n - done);
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
        }
    }

    /** Pipe to stream, until libpcap closes its end; keeps draining after a failed write. */
    private void drain(Memory chunk, byte[] bytes, long base) {
        try {
            long n;
            while ((n = Libc.read(fd, base, CHUNK)) > 0) {
                if (failure == null) {
                    chunk.read(0, bytes, 0, (int) n);
                    try {
                        out.write(bytes, 0, (int) n);
                        out.flush();
                    } catch (IOException e) {
                        failure = e; // libpcap's writes must never block on a full pipe
                    }
                }
                synchronized (progress) {
                    transferred += n;
                    progress.notifyAll();
                }
            }
        } finally {
            synchronized (progress) {
                transferred = Long.MAX_VALUE; // nothing more will come
                progress.notifyAll();
            }
        }
    }

    private void closeStream() {
        try {
            Closeable stream = in != null ? in : out;
            stream.close();
        } catch (IOException e) {
            if (out != null && failure == null) {
                failure = e; // a stream written to may fail as it flushes on close
            }
        }
    }

    /** The stream's first four bytes, big-endian, once libpcap has read them; 0 before or if shorter. */
    int magic() {
        return magic;
    }

    /** Why reading or writing the stream failed, or {@code null}. */
    IOException failure() {
        return failure;
    }

    /** Closes an input stream so that a blocked read returns and the pump ends. */
    void stop() {
        stopped = true;
        closeStream();
    }

    /** Waits until everything written before libpcap closed its end has reached the stream. */
    void finish() throws PcapException {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PcapException("interrupted while finishing the capture stream", e);
        }
        check();
    }

    /**
     * Waits until at least {@code bytes} bytes have passed from the pipe to the stream, so that a flush of
     * the dumper reaches the stream before it returns.
     */
    void awaitTransferred(long bytes) throws PcapException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        synchronized (progress) {
            while (transferred < bytes) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new PcapException("the capture stream did not take the data within 30 s");
                }
                try {
                    progress.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PcapException("interrupted while flushing the capture stream", e);
                }
            }
        }
        check();
    }

    /** Throws if writing to the stream failed. */
    void check() throws PcapException {
        IOException e = failure;
        if (e != null) {
            throw new PcapException("writing the capture stream failed: " + e.getMessage(), e);
        }
    }
}
