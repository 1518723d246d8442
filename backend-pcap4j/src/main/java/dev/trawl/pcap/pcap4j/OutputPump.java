package dev.trawl.pcap.pcap4j;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;

import dev.trawl.pcap.PcapException;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Carries what libpcap's dumper writes into a pipe on to an {@link OutputStream}: libpcap writes files only, so
 * a stream dumper is a pipe whose write end libpcap opens through {@code /proc/self/fd}, and a daemon thread
 * copies the read end to the stream. The thread flushes and closes the stream when libpcap closes its end.
 * If the stream fails, the thread keeps draining the pipe (so that libpcap never blocks) and the failure is
 * reported by the dumper's next call.
 */
final class OutputPump implements Runnable {
    private static final int CHUNK = 64 * 1024;

    private final int readFd;
    private final OutputStream out;
    private final Object lock = new Object();
    private final Thread thread;
    private long copied;
    private boolean done;
    private IOException failure;

    OutputPump(int readFd, OutputStream out) {
        this.readFd = readFd;
        this.out = out;
        this.thread = new Thread(this, "trawl-pcap4j-dump-stream");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        try (Memory buffer = new Memory(CHUNK)) {
            byte[] chunk = new byte[CHUNK];
            while (true) {
                int n = (int) Libc.read(readFd, buffer, new NativeLong(CHUNK)).longValue();
                if (n <= 0) {
                    break; // libpcap closed its end (or the pipe failed): the dump is complete
                }
                buffer.read(0, chunk, 0, n);
                synchronized (lock) {
                    if (failure == null) {
                        try {
                            out.write(chunk, 0, n);
                        } catch (IOException e) {
                            failure = e;
                        }
                    }
                    copied += n;
                    lock.notifyAll();
                }
            }
        } finally {
            Libc.close(readFd);
            synchronized (lock) {
                try {
                    out.close(); // flushes
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    }
                }
                done = true;
                lock.notifyAll();
            }
        }
    }

    /** Waits until the first {@code bytes} bytes libpcap wrote have reached the stream, then flushes it. */
    void flush(long bytes) throws PcapException {
        synchronized (lock) {
            while (copied < bytes && !done) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PcapException("interrupted while flushing the dump stream", e);
                }
            }
            check();
            try {
                out.flush();
            } catch (IOException e) {
                failure = e;
                check();
            }
        }
    }

    /** Waits for the thread to finish after libpcap closed its end. */
    void finish() throws PcapException {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            check();
        }
    }

    /** Reports the stream's failure, if any. */
    void check() throws PcapException {
        synchronized (lock) {
            if (failure != null) {
                throw new PcapException("writing the dump stream failed: " + failure.getMessage(), failure);
            }
        }
    }
}
