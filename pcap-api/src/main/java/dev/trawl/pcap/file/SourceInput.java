package dev.trawl.pcap.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Input from something that reads at any position (a local file, a Hadoop file, a remote object): a heap window
 * filled by one large positioned read at a time, so that walking record headers costs one read per window
 * rather than one per header. After a jump the reads start small and double as reading goes on, up to the
 * window, so that a reader that looks at a few records here and there reads little more than those. The
 * window grows, never past what a record asks for and the source holds.
 *
 * <p>Local files are read this way too, as libpcap reads them, rather than memory-mapped: a one-pass reader
 * touches each page once, and on virtual machines a page fault on a mapping costs more than copying the page
 * (measured with the benchmarks module on an AMD EPYC VM: mapped reading 3 to 6 times slower than these reads,
 * and never more than about 2 times faster). A window that fits in a core's L2 cache is read from there.
 */
final class SourceInput extends Input {
    /** The window over a source that may be remote, where each read has a round trip to pay for. */
    static final int WINDOW = 1 << 20;
    /** The window over a local file: the reads are cheap, and the bytes stay in the L2 cache until parsed. */
    static final int FILE_WINDOW = 256 << 10;
    /** The first read after a jump, at most. */
    static final int FIRST_READ = 64 << 10;

    private final CaptureCursor.Source source;
    private final long size;
    private final int window;
    private final int firstRead;
    /** How many new bytes the next read reads: doubles while reading goes on where the window ends. */
    private int nextRead;

    SourceInput(CaptureCursor.Source source, long size, String name) {
        this(source, size, name, WINDOW);
    }

    /** Reads through windows of {@code window} bytes (small ones in tests). */
    SourceInput(CaptureCursor.Source source, long size, String name, int window) {
        super(name);
        this.source = source;
        this.size = size;
        this.window = window;
        this.firstRead = Math.min(FIRST_READ, window);
        this.nextRead = firstRead;
        setBuffer(ByteBuffer.allocate((int) Math.min(firstRead, Math.max(size, 64))));
    }

    /** Reads a local file through positioned reads ({@code pread}); closing the input closes the channel. */
    static SourceInput of(FileChannel channel, String name, int window) throws IOException {
        CaptureCursor.Source source = new CaptureCursor.Source() {
            @Override
            public int read(long position, byte[] target, int offset, int length) throws IOException {
                return channel.read(ByteBuffer.wrap(target, offset, length), position);
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
        return new SourceInput(source, channel.size(), name, window);
    }

    @Override
    boolean fill(int n) throws IOException {
        long at = base + pos;
        if (at + n > size) {
            load(at, (int) Math.max(0, size - at));
            return false;
        }
        load(at, n);
        return true;
    }

    /** Moves the window to start at {@code at} and makes at least {@code need} bytes from there valid. */
    private void load(long at, int need) throws IOException {
        byte[] array = buf.array();
        int keep = 0;
        if (at >= base && at <= base + end) { // reading on: keep what is already read, read more at once
            keep = (int) (base + end - at);
            System.arraycopy(array, (int) (at - base), array, 0, keep);
        } else {
            nextRead = firstRead;
        }
        long ahead = Math.max(0, Math.min(keep + nextRead, readAheadLimit - at));
        nextRead = Math.min(window, nextRead * 2);
        int want = (int) Math.min(Math.max(need, Math.min(ahead, window)), size - at);
        if (want > array.length) { // grows with the reads, to the window or to what a record needs
            byte[] bigger = new byte[Math.max(want, (int) Math.min(window, 2L * array.length))];
            System.arraycopy(array, 0, bigger, 0, keep);
            setBuffer(ByteBuffer.wrap(bigger));
            array = bigger;
        }
        base = at;
        pos = 0;
        end = keep;
        while (end < want) {
            int read = source.read(at + end, array, end, want - end);
            if (read <= 0) {
                throw new IOException(name + ": the source ended at offset " + (at + end) + " before its length "
                        + size);
            }
            end += read;
        }
    }

    @Override
    void seek(long offset) throws IOException {
        if (inWindow(offset)) {
            pos = (int) (offset - base);
            return;
        }
        base = offset;
        pos = 0;
        end = 0;
        nextRead = firstRead; // a jump: what follows is read as after opening
    }

    @Override
    long length() {
        return size;
    }

    @Override
    InputStream rawStream() {
        return new InputStream() {
            private long at;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) == 1 ? one[0] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (at >= size) {
                    return -1;
                }
                int n = source.read(at, b, off, (int) Math.min(len, size - at));
                if (n > 0) {
                    at += n;
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                source.close();
            }
        };
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
