package dev.trawl.spark.split;

import java.io.IOException;

/**
 * A {@link ByteSource} that serves small reads from a window of the underlying positioned input, so that
 * walking record headers costs one large read per window rather than one system call per header.
 */
public final class WindowedSource implements ByteSource {
    /** The part of a file that reads positionally: a {@code FileChannel}, a Hadoop {@code FSDataInputStream}. */
    @FunctionalInterface
    public interface PositionedInput {
        /** Reads up to {@code length} bytes at {@code position}; returns the number read, -1 at the end. */
        int read(long position, byte[] target, int offset, int length) throws IOException;
    }

    private static final int WINDOW = 1 << 20;

    private final PositionedInput input;
    private final AutoCloseable closer;
    private final long length;
    private final String name;
    private final byte[] window = new byte[WINDOW];
    private long windowStart;
    private int windowLength;

    public WindowedSource(PositionedInput input, long length, String name, AutoCloseable closer) {
        this.input = input;
        this.length = length;
        this.name = name;
        this.closer = closer;
    }

    @Override
    public int read(long position, byte[] target, int offset, int count) throws IOException {
        int done = 0;
        while (done < count) {
            long at = position + done;
            if (at >= length) {
                break;
            }
            if (at < windowStart || at >= windowStart + windowLength) {
                if (count - done >= WINDOW) {
                    int n = readDirect(at, target, offset + done, count - done);
                    if (n <= 0) {
                        break;
                    }
                    done += n;
                    continue;
                }
                fill(at);
                if (windowLength == 0) {
                    break;
                }
            }
            int inWindow = (int) (at - windowStart);
            int n = Math.min(count - done, windowLength - inWindow);
            System.arraycopy(window, inWindow, target, offset + done, n);
            done += n;
        }
        return done;
    }

    private int readDirect(long at, byte[] target, int offset, int count) throws IOException {
        int done = 0;
        while (done < count) {
            int n = input.read(at + done, target, offset + done, count - done);
            if (n <= 0) {
                break;
            }
            done += n;
        }
        return done;
    }

    private void fill(long at) throws IOException {
        windowStart = at;
        windowLength = readDirect(at, window, 0, (int) Math.min(WINDOW, length - at));
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() throws IOException {
        try {
            closer.close();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
