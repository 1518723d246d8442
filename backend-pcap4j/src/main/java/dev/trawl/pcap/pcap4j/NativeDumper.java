package dev.trawl.pcap.pcap4j;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.Capability;
import dev.trawl.pcap.DumpOptions;
import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.UnsupportedCapabilityException;

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
 * <p>Not thread-safe, as {@link Dumper} says; {@link #close()} is idempotent.
 */
final class NativeDumper implements Dumper {
    private final String file;
    private final TimestampPrecision precision;
    private final OutputPump pump;
    /** Bytes libpcap has written so far (a pcap file header, then a 16-byte header and the bytes per packet). */
    private long written = 24;
    private Pointer dead;
    private Pointer dumper;
    private final Memory header = new Memory(LibPcap.PKTHDR_SIZE);
    private Memory scratch = new Memory(2048);

    private NativeDumper(String file, TimestampPrecision precision, Pointer dead, Pointer dumper, OutputPump pump) {
        this.file = file;
        this.pump = pump;
        this.precision = precision;
        this.dead = dead;
        this.dumper = dumper;
    }

    /** Opens a dumper for the given link type, snaplen and options; {@code handlePrecision} when none is set. */
    static NativeDumper open(Path path, LinkType linkType, int snaplen, TimestampPrecision handlePrecision,
            DumpOptions options) throws PcapException {
        Objects.requireNonNull(path, "path");
        check(linkType, snaplen, options);
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
        check(linkType, snaplen, options);
        if (options.append()) {
            throw new IllegalArgumentException("appending needs a file, not a stream");
        }
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

    private static void check(LinkType linkType, int snaplen, DumpOptions options) {
        Objects.requireNonNull(linkType, "linkType");
        Objects.requireNonNull(options, "options");
        if (options.format() != CaptureFormat.PCAP) {
            throw new UnsupportedCapabilityException(Pcap4jPcapProvider.NAME, Capability.DUMP_PCAPNG,
                    "libpcap writes only pcap files");
        }
        if (snaplen <= 0) {
            throw new IllegalArgumentException("snaplen must be positive: " + snaplen);
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
    public void write(Packet packet) throws PcapException {
        write(packet.timestampSeconds(), packet.timestampNanos(), packet.originalLength(), packet.data());
    }

    @Override
    public void write(long timestampSeconds, int timestampNanos, int originalLength, ByteBuffer data)
            throws PcapException {
        ensureOpen();
        if (pump != null) {
            pump.check();
        }
        int length = data.remaining();
        if (timestampNanos < 0 || timestampNanos > 999_999_999) {
            throw new IllegalArgumentException("timestampNanos out of range: " + timestampNanos);
        }
        if (Integer.compareUnsigned(originalLength, length) < 0) {
            throw new IllegalArgumentException(
                    "originalLength " + originalLength + " is less than the captured length " + length);
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
        ensureOpen();
        if (LibPcap.pcap_dump_flush(dumper) < 0) {
            throw new PcapException(file + ": write failed");
        }
        if (pump != null) {
            pump.flush(written); // ftell cannot tell a pipe's position, so the count is ours
        }
    }

    @Override
    public void close() throws PcapException {
        if (dumper == null) {
            return;
        }
        // pcap_dump_close reports nothing, so a flush first is the only way to learn of a failed write.
        int flushed = LibPcap.pcap_dump_flush(dumper);
        LibPcap.pcap_dump_close(dumper);
        LibPcap.pcap_close(dead);
        dumper = null;
        dead = null;
        header.close();
        scratch.close();
        if (pump != null) {
            pump.finish(); // libpcap closed the pipe: the stream gets the rest, then is closed
        }
        if (flushed < 0) {
            throw new PcapException(file + ": write failed");
        }
    }

    private void ensureOpen() {
        if (dumper == null) {
            throw new IllegalStateException("the dumper is closed");
        }
    }
}
