package dev.trawl.pcap.file;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The bytes of a capture, as a window over a buffer that readers index absolutely. Readers hold {@link #pos}
 * and call {@link #ensure(int)} before reading a record; {@link #fill(int)} may move the window (compacting a
 * stream buffer or remapping a file), so indexes and the {@link #buf} reference must be re-read after it.
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

    /** Sets {@link #buf} and derives a fresh {@link #view}, keeping the byte order. */
    final void setBuffer(ByteBuffer buffer) {
        if (buf != null) {
            buffer.order(buf.order());
        }
        buf = buffer;
        view = buffer.asReadOnlyBuffer();
    }
}
