package dev.trawl.spark.split;

import java.io.IOException;
import java.io.InputStream;

/**
 * A forward-only {@link ByteSource} over a stream, for compressed files, which are read whole by one
 * reader. It keeps a window of the data read so far, so that a reader may look back a little (the readers
 * re-read headers they peeked at); reading before the window fails.
 */
public final class StreamSource implements ByteSource {
    private static final int WINDOW = 1 << 20;
    private static final int KEEP = 64 << 10;

    private final InputStream in;
    private final String name;
    private final byte[] window = new byte[WINDOW];
    private long windowStart;
    private int windowLength;
    private boolean ended;

    public StreamSource(InputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    @Override
    public int read(long position, byte[] target, int offset, int count) throws IOException {
        if (position < windowStart) {
            throw new IOException(name + ": cannot read backwards in a compressed stream (at " + position
                    + ", kept from " + windowStart + ")");
        }
        int done = 0;
        while (done < count) {
            long at = position + done;
            if (at >= windowStart + windowLength && !advance(at)) {
                break;
            }
            int inWindow = (int) (at - windowStart);
            int n = Math.min(count - done, windowLength - inWindow);
            System.arraycopy(window, inWindow, target, offset + done, n);
            done += n;
        }
        return done;
    }

    /** Moves the window forward until it holds {@code at}; false at the end of the stream. */
    private boolean advance(long at) throws IOException {
        while (at >= windowStart + windowLength) {
            if (ended) {
                return false;
            }
            int keep = (int) Math.max(0, Math.min(KEEP, windowStart + windowLength - Math.max(windowStart, at - KEEP)));
            System.arraycopy(window, windowLength - keep, window, 0, keep);
            windowStart += windowLength - keep;
            windowLength = keep;
            int n = in.readNBytes(window, windowLength, WINDOW - windowLength);
            if (n < WINDOW - windowLength) {
                ended = true;
            }
            windowLength += n;
        }
        return true;
    }

    @Override
    public long length() {
        return -1;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
