package dev.trawl.pcap.pcap4j;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;

import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.TimestampPrecision;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feeds a capture from an {@link InputStream} to libpcap through a pipe, so that pcap4j, which opens captures
 * by path only, reads it with libpcap's own reader ({@code pcap_open_offline("/proc/self/fd/<n>")}): the bytes
 * libpcap sees are the stream's, in order, as they arrive.
 *
 * <p>A daemon thread copies the stream into the pipe's write end and closes it at the stream's end, which
 * libpcap reads as the end of the file. If the stream fails, the failure is kept for the handle to report
 * instead of the end of the file. When the handle closes libpcap's end, the next write fails and the thread
 * stops; the handle closes the stream itself.
 *
 * <p>For a pcap stream the thread also notes the records whose sub-second field is out of range, so that the
 * handle can deliver one pcap4j cannot represent (see {@link Recovery}), by its index; a stream cannot be
 * read again as a file can. That needs the index of the failing record, known only while no filter skips
 * records, and holds at most {@value #MAX_KEPT} such records.
 */
final class StreamPump implements Runnable, Recovery {
    private static final int CHUNK = 64 * 1024;
    private static final int MAX_KEPT = 1024;
    private static final int MAX_RECORD = 256 * 1024;

    private final InputStream in;
    private final int writeFd;
    private final byte[] head;
    private final TimestampPrecision precision;
    private final Map<Long, Recovered> damaged = new ConcurrentHashMap<>();
    private volatile IOException failure;
    private volatile boolean filtered;

    // pcap record scanner state (pump thread only)
    private final boolean scan;
    private ByteOrder order;
    private boolean fileNano;
    private long streamOffset;
    private final ByteBuffer recordHeader = ByteBuffer.allocate(16);
    private long index;
    private int dataLeft;
    private byte[] keep;
    private int kept;

    StreamPump(InputStream in, int writeFd, byte[] head, FileHeaderBytes header, TimestampPrecision precision) {
        this.in = in;
        this.writeFd = writeFd;
        this.head = head;
        this.precision = precision;
        this.scan = header.pcapOrder() != null;
        this.order = header.pcapOrder();
        this.fileNano = header.nano();
        this.recordHeader.order(order != null ? order : ByteOrder.BIG_ENDIAN);
    }

    /** What the pump needs of the stream's first bytes: the pcap byte order (null if not pcap) and unit. */
    record FileHeaderBytes(ByteOrder pcapOrder, boolean nano) {
        static FileHeaderBytes of(byte[] head, int n) {
            if (n >= 24) {
                ByteBuffer b = ByteBuffer.wrap(head, 0, n);
                for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
                    int magic = b.order(order).getInt(0);
                    if (magic == 0xa1b2c3d4 || magic == 0xa1b23c4d) {
                        return new FileHeaderBytes(order, magic == 0xa1b23c4d);
                    }
                }
            }
            return new FileHeaderBytes(null, false);
        }
    }

    /** Starts the copying thread. */
    void start() {
        Thread thread = new Thread(this, "trawl-pcap4j-stream");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try (Memory buffer = new Memory(CHUNK)) {
            byte[] chunk = new byte[CHUNK];
            if (!write(buffer, head, head.length)) {
                return;
            }
            while (true) {
                int n;
                try {
                    n = in.read(chunk);
                } catch (IOException e) {
                    failure = e;
                    return;
                }
                if (n < 0 || !write(buffer, chunk, n)) {
                    return;
                }
            }
        } finally {
            Libc.close(writeFd); // libpcap reads the end of the file
            closeStream();
        }
    }

    /** Writes to the pipe; false once libpcap's end is closed. */
    private boolean write(Memory buffer, byte[] bytes, int length) {
        if (scan) {
            scan(bytes, length);
        }
        buffer.write(0, bytes, 0, length);
        long done = 0;
        while (done < length) {
            long n = Libc.write(writeFd, buffer.share(done), new NativeLong(length - done)).longValue();
            if (n <= 0) {
                return false; // EPIPE: the handle was closed (the JVM ignores SIGPIPE)
            }
            done += n;
        }
        return true;
    }

    /** Follows the pcap records through the stream and keeps those with a fraction out of range. */
    private void scan(byte[] bytes, int length) {
        int at = streamOffset < 24 ? (int) Math.min(24 - streamOffset, length) : 0; // the file header
        while (at < length) {
            if (dataLeft > 0) {
                int n = Math.min(dataLeft, length - at);
                if (keep != null) {
                    int copy = Math.min(n, keep.length - kept);
                    System.arraycopy(bytes, at, keep, kept, copy);
                    kept += copy;
                }
                at += n;
                dataLeft -= n;
                if (dataLeft == 0) {
                    recordDone();
                }
                continue;
            }
            int n = Math.min(recordHeader.remaining(), length - at);
            recordHeader.put(bytes, at, n);
            at += n;
            if (!recordHeader.hasRemaining()) {
                long caplen = recordHeader.getInt(8) & 0xffffffffL;
                long units = fileNano ? 1_000_000_000L : 1_000_000L;
                boolean outOfRange = (recordHeader.getInt(4) & 0xffffffffL) >= units;
                keep = outOfRange && caplen <= MAX_RECORD && damaged.size() < MAX_KEPT ? new byte[(int) caplen] : null;
                kept = 0;
                if (caplen > Integer.MAX_VALUE) {
                    scanStop(); // libpcap stops at such a record too
                    streamOffset += length;
                    return;
                }
                dataLeft = (int) caplen;
                if (dataLeft == 0) {
                    recordDone();
                }
            }
        }
        streamOffset += length;
    }

    private void recordDone() {
        if (keep != null) {
            damaged.put(index, Recovered.of(recordHeader.getInt(0) & 0xffffffffL, recordHeader.getInt(4),
                    order != ByteOrder.nativeOrder(), fileNano, precision, recordHeader.getInt(12), keep));
            keep = null;
        }
        index++;
        recordHeader.clear();
    }

    private void scanStop() {
        damaged.clear();
        index = Long.MIN_VALUE; // no later index can match
    }

    @Override
    public Recovered lastRecord(long recordIndex) throws IOException {
        if (filtered) {
            throw new IOException("a filter skips records, so the failing record of a stream is not known");
        }
        Recovered record = damaged.remove(recordIndex);
        if (record == null) {
            throw new IOException("record " + recordIndex + " of the stream was not kept");
        }
        return record;
    }

    @Override
    public boolean wrapped(int nanos) {
        return scan && Recovery.wrapped(fileNano, nanos);
    }

    /** Called when a filter is set: from then on, record indexes are unknown. */
    void filtered() {
        filtered = true;
    }

    /** The stream's failure, as the exception a read reports instead of the end of the file; or null. */
    PcapException failure() {
        IOException e = failure;
        return e == null ? null : new PcapException("reading the capture stream failed: " + e.getMessage(), e);
    }

    void closeStream() {
        try {
            in.close();
        } catch (IOException e) {
            // closing is best effort; the handle is closed either way
        }
    }
}
