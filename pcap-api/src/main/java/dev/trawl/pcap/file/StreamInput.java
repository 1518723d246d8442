package dev.trawl.pcap.file;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;

/**
 * Input from a stream (a pipe, stdin, a gzip decoder, a small file): a heap buffer that grows by doubling as
 * data arrives, never to more than what a record asks for and the stream really holds, so a lying length
 * field cannot force a large allocation before the data is there.
 */
final class StreamInput extends Input {
    private static final int INITIAL = 64 * 1024;
    /** How far past the {@link #mark} a stream keeps what it reads, for looking ahead. */
    static final long LOOK_AHEAD = 64 << 20;

    private final InputStream in;
    private boolean eof;

    StreamInput(InputStream in, String name) {
        super(name);
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
        int keep = mark >= base ? (int) Math.min(pos, mark - base) : pos;
        if (keep > 0) {
            int remaining = end - keep;
            System.arraycopy(array, keep, array, 0, remaining);
            base += keep;
            end = remaining;
            pos -= keep;
        }
        n += pos;
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

    /** Goes forward by reading and dropping bytes; going back works only within what is still buffered. */
    @Override
    void seek(long offset) throws IOException {
        if (inWindow(offset)) {
            pos = (int) (offset - base);
            return;
        }
        if (offset < base) {
            throw new IOException(name + ": a stream cannot go back to offset " + offset + " (its buffer starts at "
                    + base + ")");
        }
        if (mark >= 0 && offset - mark <= LOOK_AHEAD) { // looking ahead: keep the bytes in between
            pos = end;
            fill((int) (offset - (base + end)));
            pos = (int) Math.min(offset - base, end);
            return;
        }
        long skip = offset - (base + end);
        base += end;
        end = 0;
        pos = 0;
        while (skip > 0 && !eof) {
            int read = in.read(buf.array(), 0, (int) Math.min(skip, buf.capacity()));
            if (read < 0) {
                eof = true;
            } else {
                skip -= read;
            }
        }
        base = offset;
    }

    @Override
    long length() {
        return -1;
    }

    /** Works only before the buffer has moved on from offset 0, as it has not when a format is being detected. */
    @Override
    InputStream rawStream() throws IOException {
        if (base != 0) {
            throw new IOException(name + ": the stream has moved past its start");
        }
        byte[] prefix = new byte[end];
        buf.get(0, prefix);
        return new SequenceInputStream(new ByteArrayInputStream(prefix), in);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
