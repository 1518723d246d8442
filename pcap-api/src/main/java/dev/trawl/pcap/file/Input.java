package dev.trawl.pcap.file;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
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
    /**
     * The buffer index up to which the bytes ahead of the reader have been touched ({@link #readAhead}); at
     * its maximum for inputs that do not read ahead.
     */
    private int readAheadEnd;
    /** What the touching loads read: kept, so that the compiler cannot drop them. */
    private int readAheadSum;
    private final boolean readsAhead;

    /**
     * @param readsAhead whether {@link #readAhead} touches the bytes ahead of the reader: worth it over a
     * memory-mapped file, not over a buffer that a read has just filled
     */
    Input(String name, boolean readsAhead) {
        this.name = name;
        this.readsAhead = readsAhead;
        this.readAheadEnd = readsAhead ? 0 : Integer.MAX_VALUE;
    }

    /** How far ahead of the reader {@link #readAhead} keeps the bytes touched. */
    static final int READ_AHEAD = 2048;
    /** How many bytes {@link #readAhead} touches at once: enough loads in flight, not so many that they queue. */
    static final int READ_AHEAD_CHUNK = 1024;
    /**
     * The record size above which readers call {@link #readAhead}: below it, records fill every cache line
     * and the hardware prefetchers keep up by themselves (measured with the benchmarks module: reading ahead
     * there costs more than it saves).
     */
    static final int SPARSE_RECORD = 128;

    /**
     * Touches the bytes a little ahead of a reader at buffer index {@code p}, one load per cache line, a chunk
     * at a time. A reader walks a capture one record at a time, and each record header is where the previous
     * one says: over a memory-mapped file of large or varied records, the hardware prefetchers leave most
     * header lines unfetched, and every record costs a full memory latency (measured here: 85 ns per packet
     * on a mix of 64- to 1518-byte frames, against 12 ns on 64-byte frames). Loads at addresses known in
     * advance proceed in parallel instead (about 30 ns per packet on the same mix).
     */
    final void readAhead(int p) {
        if (p + READ_AHEAD > readAheadEnd) {
            touchAhead(p);
        }
    }

    private void touchAhead(int p) {
        ByteBuffer b = buf;
        int to = (int) Math.min((long) p + READ_AHEAD + READ_AHEAD_CHUNK, Math.min(end, b.limit()));
        int sum = 0;
        for (int i = Math.max(readAheadEnd, p); i < to; i += 64) {
            sum += b.get(i);
        }
        readAheadSum += sum;
        readAheadEnd = Math.max(to, readAheadEnd);
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
        if (readsAhead) {
            readAheadEnd = 0;
        }
    }
}
