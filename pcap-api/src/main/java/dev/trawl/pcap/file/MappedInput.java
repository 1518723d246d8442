package dev.trawl.pcap.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

/**
 * Input from a memory-mapped file: packets are read in place, without copying. Files up to the window size
 * (64 MiB) are mapped once; larger ones through a window that moves forward as the reader goes, so that a
 * reader going through a large file keeps only about a window of it mapped (a mapped page counts in the
 * process's resident memory until its mapping is released), and a record larger than the window gets a window
 * of its own size.
 *
 * <p>Mappings are released by the garbage collector, so a reader still running on another thread when the
 * handle is closed reads valid memory.
 */
final class MappedInput extends Input {
    static final int DEFAULT_WINDOW = 64 << 20;

    private final FileChannel channel;
    private final long size;
    private final int window;

    MappedInput(FileChannel channel, String name, int window) throws IOException {
        super(name, true);
        this.channel = channel;
        this.size = channel.size();
        this.window = window;
        map(0);
    }

    private void map(long offset) throws IOException {
        map(offset, window);
    }

    private void map(long offset, int window) throws IOException {
        int length = (int) Math.min(window, size - offset);
        MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, offset, length);
        setBuffer(mapped);
        base = offset;
        end = length;
    }

    @Override
    boolean fill(int n) throws IOException {
        long at = base + pos;
        if (base + end >= size) {
            return false; // the window already reaches the end of the file
        }
        map(at, Math.max(window, n));
        pos = 0;
        return end >= n;
    }

    @Override
    void seek(long offset) throws IOException {
        if (inWindow(offset)) {
            pos = (int) (offset - base);
            return;
        }
        if (offset < 0) {
            throw new IOException(name + ": cannot read at negative offset " + offset);
        }
        map(Math.min(offset, size));
        base = offset; // past the end: an empty window there
        pos = 0;
    }

    @Override
    long length() {
        return size;
    }

    @Override
    InputStream rawStream() throws IOException {
        return Channels.newInputStream(channel.position(0));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
