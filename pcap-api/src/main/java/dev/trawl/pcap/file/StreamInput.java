package dev.trawl.pcap.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Input from a stream (a pipe, stdin, a gzip decoder, a small file): a heap buffer that grows by doubling as
 * data arrives, never to more than what a record asks for and the stream really holds, so a lying length
 * field cannot force a large allocation before the data is there.
 */
final class StreamInput extends Input {
    private static final int INITIAL = 64 * 1024;

    private final InputStream in;
    private boolean eof;

    StreamInput(InputStream in, String name) {
        super(name, false);
        this.in = in;
        setBuffer(ByteBuffer.allocate(INITIAL));
    }

    /** Starts with bytes already read from the stream (the bytes that identified its format). */
    StreamInput(InputStream in, String name, byte[] prefix, int length) {
        this(in, name);
        buf.put(0, prefix, 0, length);
        end = length;
    }

    @Override
    boolean fill(int n) throws IOException {
        if (eof) {
            return false;
        }
        byte[] array = buf.array();
        if (pos > 0) {
            int remaining = end - pos;
            System.arraycopy(array, pos, array, 0, remaining);
            base += pos;
            end = remaining;
            pos = 0;
        }
        while (end < n) {
            if (end == array.length) {
                int grown = (int) Math.min(Math.max(2L * array.length, INITIAL), Math.max(n, array.length));
                byte[] bigger = new byte[grown];
                System.arraycopy(array, 0, bigger, 0, end);
                setBuffer(ByteBuffer.wrap(bigger));
                array = bigger;
            }
            int read = in.read(array, end, array.length - end);
            if (read < 0) {
                eof = true;
                return false;
            }
            end += read;
        }
        return true;
    }

    /** The underlying stream, positioned after the bytes already buffered. */
    InputStream stream() {
        return in;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
