package dev.trawl.pcap.jna;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.trawl.pcap.PcapException;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Carries what libpcap writes to a {@code FILE *} into a Java {@link OutputStream}: libpcap writes into a
 * pipe, and a daemon thread copies the pipe to the stream until libpcap closes its end, then closes the
 * stream. Thread-safe.
 */
final class OutputPump implements Runnable {
    private static final int CHUNK = 64 * 1024;

    private final OutputStream out;
    private final int readFd;
    private final Thread thread;
    private volatile IOException failure;
    private volatile long transferred;
    private final Object progress = new Object();

    private OutputPump(OutputStream out, int readFd) {
        this.out = out;
        this.readFd = readFd;
        this.thread = new Thread(this, "trawl-jna-output-pump");
        this.thread.setDaemon(true);
    }

    /**
     * Makes a pipe, starts copying from it, and returns the {@code FILE *} of its write end.
     *
     * @param pumpOut receives the pump
     */
    static long open(OutputStream out, OutputPump[] pumpOut) throws PcapException {
        int[] fds = new int[2];
        if (Libc.pipe(fds) != 0) {
            throw new PcapException("pipe() failed: " + com.sun.jna.Native.getLastError());
        }
        long file = Libc.fdopen(fds[1], "w");
        if (file == 0) {
            Libc.close(fds[0]);
            Libc.close(fds[1]);
            throw new PcapException("fdopen() failed: " + com.sun.jna.Native.getLastError());
        }
        OutputPump pump = new OutputPump(out, fds[0]);
        pump.thread.start();
        pumpOut[0] = pump;
        return file;
    }

    @Override
    public void run() {
        Memory chunk = new Memory(CHUNK);
        byte[] bytes = new byte[CHUNK];
        long base = Pointer.nativeValue(chunk);
        try {
            long n;
            while ((n = Libc.read(readFd, base, CHUNK)) > 0) {
                if (failure == null) {
                    chunk.read(0, bytes, 0, (int) n);
                    try {
                        out.write(bytes, 0, (int) n);
                        out.flush();
                    } catch (IOException e) {
                        failure = e; // keep draining so that libpcap's writes never block
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
            Libc.close(readFd);
            try {
                out.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
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
