package dev.trawl.pcap.file;

import dev.trawl.pcap.PcapException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * The buffered sink of a dumper: a native-order heap buffer that is written whole records at a time, so that
 * every {@link #flush()} leaves a file that ends on a record boundary. Not thread-safe.
 */
final class Output {
    private static final int SIZE = 64 * 1024;

    private final FileChannel channel;
    private final OutputStream stream;
    final String name;
    ByteBuffer buf = ByteBuffer.allocate(SIZE).order(ByteOrder.nativeOrder());
    private boolean closed;

    Output(FileChannel channel, String name) {
        this.channel = channel;
        this.stream = null;
        this.name = name;
    }

    Output(OutputStream stream, String name) {
        this.channel = null;
        this.stream = stream;
        this.name = name;
    }

    /** Makes room for a record of {@code n} bytes, writing out what is buffered if needed. */
    void reserve(int n) throws PcapException {
        if (buf.remaining() >= n) {
            return;
        }
        drain();
        if (buf.capacity() < n) {
            buf = ByteBuffer.allocate(n).order(ByteOrder.nativeOrder());
        }
    }

    /** Writes the buffered records to the file or stream, without syncing to the disk. */
    void drain() throws PcapException {
        checkOpen();
        buf.flip();
        try {
            if (channel != null) {
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
            } else if (buf.hasRemaining()) {
                stream.write(buf.array(), buf.arrayOffset(), buf.remaining());
            }
        } catch (IOException e) {
            throw new PcapException(name + ": write failed: " + e.getMessage(), e);
        } finally {
            buf.clear();
        }
    }

    void flush() throws PcapException {
        drain();
        if (stream != null) {
            try {
                stream.flush();
            } catch (IOException e) {
                throw new PcapException(name + ": flush failed: " + e.getMessage(), e);
            }
        }
    }

    /** Flushes and closes; closes even when the flush fails, and reports the first failure. */
    void close() throws PcapException {
        if (closed) {
            return;
        }
        PcapException failure = null;
        try {
            flush();
        } catch (PcapException e) {
            failure = e;
        }
        closed = true;
        try {
            if (channel != null) {
                channel.close();
            } else {
                stream.close();
            }
        } catch (IOException e) {
            if (failure == null) {
                failure = new PcapException(name + ": close failed: " + e.getMessage(), e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    boolean isClosed() {
        return closed;
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the dumper is closed");
        }
    }
}
