package dev.trawl.pcap.pcap4j;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

import dev.trawl.pcap.DumpOptions;
import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.spi.DumperChecks;
import dev.trawl.pcap.spi.PcapRecordDumper;
import dev.trawl.pcap.spi.HandleGuard;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A pcap file writer on libpcap's {@code pcap_dump}, reached through {@link LibPcap}.
 *
 * <p>pcap4j's {@code PcapDumper} cannot be used: it writes every packet with its original length equal to
 * its captured length (truncated packets would lose their wire length), builds a {@code java.sql.Timestamp}
 * per packet, and cannot append. This dumper owns a dead {@code pcap_t} with the file's link type, snaplen and
 * precision, so the file header is libpcap's own.
 *
 * <p>Not thread-safe, as {@link Dumper} says (a second thread writing at once gets
 * {@link IllegalStateException}); {@link #close()} is idempotent and thread-safe, and a dumper never closed is
 * flushed and closed once unreachable, by its {@link HandleGuard}.
 */
final class NativeDumper extends PcapRecordDumper {
    private final String file;
    private final TimestampPrecision precision;
    private final OutputPump pump;
    /** Bytes libpcap has written so far (a pcap file header, then a 16-byte header and the bytes per packet). */
    private long written = 24;
    private final Pointer dead;
    private final Pointer dumper;
    private final HandleGuard guard;
    private final Memory header = new Memory(LibPcap.PKTHDR_SIZE);
    private Memory scratch = new Memory(2048);

    private NativeDumper(String file, TimestampPrecision precision, Pointer dead, Pointer dumper, OutputPump pump) {
        this.file = file;
        this.pump = pump;
        this.precision = precision;
        this.dead = dead;
        this.dumper = dumper;
        this.guard = new HandleGuard(this, "dumper to " + file, new Release(dumper, dead));
    }

    /** Closes the dumper (which flushes it) and its dead handle; refers to no dumper. */
    private record Release(Pointer dumper, Pointer dead) implements HandleGuard.Resource {
        @Override
        public void free() {
            LibPcap.pcap_dump_close(dumper);
            LibPcap.pcap_close(dead);
        }
    }

    /** Opens a dumper for the given link type, snaplen and options; {@code handlePrecision} when none is set. */
    static NativeDumper open(Path path, LinkType linkType, int snaplen, TimestampPrecision handlePrecision,
            DumpOptions options) throws PcapException {
        Objects.requireNonNull(path, "path");
        DumperChecks.openLibpcap(Pcap4jPcapProvider.NAME, linkType, snaplen, options, false, true);
        if (path.getFileSystem() != FileSystems.getDefault()) {
            throw new IllegalArgumentException("libpcap writes only files of the default file system: " + path);
        }
        return open(path.toAbsolutePath().toString(), linkType, snaplen, handlePrecision, options, null);
    }

    /**
     * Opens a dumper writing to a stream, through a pipe libpcap opens by its {@code /proc/self/fd} path (see
     * {@link OutputPump}); the stream is closed when the dumper is.
     */
    static NativeDumper open(OutputStream out, LinkType linkType, int snaplen, DumpOptions options)
            throws PcapException {
        Objects.requireNonNull(out, "out");
        DumperChecks.openLibpcap(Pcap4jPcapProvider.NAME, linkType, snaplen, options, true, true);
        int[] fds = new int[2];
        if (Libc.pipe(fds) != 0) {
            throw new PcapException("cannot create a pipe for the dump stream");
        }
        OutputPump pump = new OutputPump(fds[0], out);
        pump.start();
        try {
            return open("/proc/self/fd/" + fds[1], linkType, snaplen, TimestampPrecision.MICRO, options, pump);
        } finally {
            Libc.close(fds[1]); // libpcap holds its own descriptor of the write end; on failure the pump ends
        }
    }

    private static NativeDumper open(String file, LinkType linkType, int snaplen, TimestampPrecision handlePrecision,
            DumpOptions options, OutputPump pump) throws PcapException {
        TimestampPrecision precision = options.precision() != null ? options.precision() : handlePrecision;
        Pointer dead = LibPcap.pcap_open_dead_with_tstamp_precision(linkType.toDlt(), snaplen, precision.code());
        if (dead == null) {
            throw new PcapException("pcap_open_dead failed for " + linkType + ", snaplen " + snaplen);
        }
        Pointer dumper = options.append() ? LibPcap.pcap_dump_open_append(dead, file)
                : LibPcap.pcap_dump_open(dead, file);
        if (dumper == null) {
            String error = LibPcap.pcap_geterr(dead);
            LibPcap.pcap_close(dead);
            throw new PcapException(error == null || error.isEmpty() ? file + ": cannot open for writing" : error);
        }
        return new NativeDumper(pump != null ? "dump stream" : file, precision, dead, dumper, pump);
    }


    @Override
    protected void append(long timestampSeconds, int timestampNanos, int originalLength, ByteBuffer data)
            throws PcapException {
        int length = data.remaining();
        guard.enter();
        try {
            writeRecord(timestampSeconds, timestampNanos, originalLength, data, length);
        } finally {
            guard.exit();
        }
    }

    private void writeRecord(long timestampSeconds, int timestampNanos, int originalLength, ByteBuffer data,
            int length) throws PcapException {
        if (pump != null) {
            pump.check();
        }
        if (scratch.size() < length) {
            scratch.close();
            scratch = new Memory(Math.max(length, scratch.size() * 2));
        }
        if (data.hasArray()) {
            scratch.write(0, data.array(), data.arrayOffset() + data.position(), length);
        } else {
            byte[] copy = new byte[length];
            data.get(data.position(), copy);
            scratch.write(0, copy, 0, length);
        }
        header.setNativeLong(0, new NativeLong(timestampSeconds));
        header.setNativeLong(LibPcap.LONG_SIZE,
                new NativeLong(precision == TimestampPrecision.NANO ? timestampNanos : timestampNanos / 1000));
        header.setInt(LibPcap.PKTHDR_CAPLEN, length);
        header.setInt(LibPcap.PKTHDR_LEN, originalLength);
        LibPcap.pcap_dump(dumper, header, scratch);
        written += 16 + length;
    }

    @Override
    public void flush() throws PcapException {
        guard.enter();
        try {
            if (LibPcap.pcap_dump_flush(dumper) < 0) {
                throw new PcapException(file + ": write failed");
            }
        } finally {
            guard.exit();
        }
        if (pump != null) {
            pump.flush(written); // ftell cannot tell a pipe's position, so the count is ours
        }
    }

    @Override
    public void close() throws PcapException {
        if (!guard.isOpen()) {
            return;
        }
        int flushed = guard.closeAfter(() -> LibPcap.pcap_dump_flush(dumper), 0);
        if (pump != null) {
            pump.finish(); // libpcap closed the pipe: the stream gets the rest, then is closed
        }
        if (flushed < 0) {
            throw new PcapException(file + ": write failed");
        }
    }
}
