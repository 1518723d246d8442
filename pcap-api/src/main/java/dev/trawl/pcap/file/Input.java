package dev.trawl.pcap.file;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * The bytes of a capture, as a window over a buffer that readers index absolutely. Readers hold {@link #pos}
 * and call {@link #ensure(int)} before reading a record; {@link #fill(int)} may move the window (compacting a
 * buffer or reading a new window), so indexes and the {@link #buf} reference must be re-read after it.
 *
 * <p>{@link #view} is one read-only big-endian buffer over the same content, reused for every packet: readers
 * set its position and limit to the packet's bytes. Not thread-safe.
 */
abstract class Input implements Closeable {
    /** The current bytes; the reader sets its byte order per section. */
    ByteBuffer buf;
    /** A read-only view over {@link #buf}'s content, handed to users as {@code Packet.data()}. */
    ByteBuffer view;
    /** The reader's position in {@link #buf}. */
    int pos;
    /** The end of the valid bytes in {@link #buf}. */
    int end;
    /** The file offset of {@code buf} index 0. */
    long base;
    /** A name for messages: the file name, or "stream". */
    final String name;

    Input(String name) {
        this.name = name;
    }

    /** Makes at least {@code n} bytes available from {@link #pos}; false if the input ends before that. */
    final boolean ensure(int n) throws IOException {
        return end - pos >= n || fill(n);
    }

    /** Number of bytes available from {@link #pos} without another fill. */
    final int available() {
        return end - pos;
    }

    /** The file offset of a buffer index. */
    final long offset(int index) {
        return base + index;
    }

    /**
     * Moves or extends the window so that {@code n} bytes are available from {@link #pos}, if the input has
     * them; returns whether it does. At the end of input, {@link #available()} tells how many bytes remain.
     */
    abstract boolean fill(int n) throws IOException;

    /**
     * Puts the reader at a file offset: within the window, only {@link #pos} moves; elsewhere the window moves
     * (or, for a stream, skips forward). An offset at or past the end leaves nothing available.
     *
     * @throws IOException if the input cannot go there (a stream asked to go back before its window)
     */
    abstract void seek(long offset) throws IOException;

    /**
     * The file offset from which bytes must stay readable while a reader looks ahead ({@link CaptureCursor#peek}),
     * or -1. Only a stream, which cannot go back, needs it.
     */
    long mark = -1;

    /**
     * The offset past which an input that reads ahead in windows ({@link SourceInput}) reads only what a record
     * needs: a reader that stops at a known place says so, and reads little past it.
     */
    long readAheadLimit = Long.MAX_VALUE;

    /** The input's length in bytes, or -1 when it is not known before the end (a stream). */
    abstract long length();

    /** The input's bytes from offset 0 as a stream, for a decompressor; this input is not read again. */
    abstract InputStream rawStream() throws IOException;

    /** Whether {@code offset} lies within the window, where seeking only moves {@link #pos}. */
    final boolean inWindow(long offset) {
        return offset >= base && offset <= base + end;
    }

    /** Sets {@link #buf} and derives a fresh {@link #view}, keeping the byte order. */
    final void setBuffer(ByteBuffer buffer) {
        if (buf != null) {
            buffer.order(buf.order());
        }
        buf = buffer;
        view = buffer.asReadOnlyBuffer();
    }
}
