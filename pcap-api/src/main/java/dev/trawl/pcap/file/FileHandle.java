package dev.trawl.pcap.file;

import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.DumpOptions;
import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.FilterSpec;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.PacketHandler;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.spi.HandleGuard;
import dev.trawl.pcap.spi.HandlerFailures;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An offline handle of the {@code java} provider over one {@link RecordReader}.
 *
 * <p>Reading takes no lock: {@link #close()} from another thread sets flags and closes the input, and the
 * heap buffer a reader may still touch stays valid until it is collected, so a racing
 * read ends early instead of failing. After a malformed record the handle keeps failing with the same error.
 */
final class FileHandle implements OfflineHandle {
    private final JavaBackend backend;
    private final RecordReader reader;
    private final FilePacket packet;
    private final TimestampPrecision precision;
    private volatile boolean closed;
    private volatile boolean breakRequested;
    private BpfProgram filter;
    private boolean havePacket;
    private MalformedCaptureException failure;

    FileHandle(JavaBackend backend, RecordReader reader, TimestampPrecision precision) {
        this.backend = backend;
        this.reader = reader;
        this.packet = reader.packet;
        this.precision = precision;
    }

    @Override
    public String backendName() {
        return JavaBackend.NAME;
    }

    @Override
    public LinkType linkType() {
        checkOpen();
        return reader.linkType();
    }

    @Override
    public int snaplen() {
        checkOpen();
        return reader.snaplen();
    }

    @Override
    public TimestampPrecision timestampPrecision() {
        checkOpen();
        return precision;
    }

    @Override
    public CaptureFormat format() {
        checkOpen();
        return reader.format();
    }

    @Override
    public int majorVersion() {
        checkOpen();
        return reader.majorVersion();
    }

    @Override
    public int minorVersion() {
        checkOpen();
        return reader.minorVersion();
    }

    @Override
    public boolean isSwapped() {
        checkOpen();
        return reader.isSwapped();
    }

    @Override
    public ReadStatus next() throws PcapException {
        checkOpen();
        if (breakRequested) {
            breakRequested = false;
            return ReadStatus.INTERRUPTED;
        }
        havePacket = read();
        if (havePacket) {
            return ReadStatus.PACKET;
        }
        return closed ? ReadStatus.INTERRUPTED : ReadStatus.END_OF_FILE;
    }

    /** Reads until a packet passes the filter; false at the end (or when closed under the reader). */
    private boolean read() throws PcapException {
        if (failure != null) {
            throw repeat(failure);
        }
        try {
            final RecordReader reader = this.reader;
            for (;;) {
                if (!reader.next()) {
                    return false;
                }
                BpfProgram f = filter;
                if (f == null || f.run(packet.data(), packet.originalLength()) != 0) {
                    return true;
                }
            }
        } catch (MalformedCaptureException e) {
            failure = e;
            throw e;
        } catch (PcapException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (closed) {
                return false;
            }
            throw CaptureFiles.failure(reader.in.name, e);
        }
    }

    private static MalformedCaptureException repeat(MalformedCaptureException e) {
        return new MalformedCaptureException(e.getMessage(), e.offset()); // a fresh trace, at this call
    }

    @Override
    public Packet packet() {
        checkOpen();
        if (!havePacket) {
            throw HandleGuard.noPacket();
        }
        return packet;
    }

    @Override
    public int dispatch(int maxPackets, PacketHandler handler) throws PcapException {
        checkOpen();
        int delivered = 0;
        for (;;) {
            if (breakRequested) {
                breakRequested = false;
                return delivered == 0 ? DISPATCH_INTERRUPTED : delivered;
            }
            if (!read()) {
                havePacket = false;
                return delivered == 0 && !closed ? DISPATCH_END_OF_FILE : delivered;
            }
            deliver(handler);
            delivered++;
            if (maxPackets > 0 && delivered >= maxPackets) {
                return delivered;
            }
        }
    }

    @Override
    public long loop(long count, PacketHandler handler) throws PcapException {
        checkOpen();
        long delivered = 0;
        for (;;) {
            if (breakRequested) {
                breakRequested = false;
                return delivered;
            }
            if (!read()) {
                havePacket = false;
                return delivered;
            }
            deliver(handler);
            delivered++;
            if (count > 0 && delivered >= count) {
                return delivered;
            }
        }
    }

    private void deliver(PacketHandler handler) throws PcapException {
        havePacket = true;
        try {
            handler.onPacket(packet);
        } catch (IOException e) {
            throw HandlerFailures.rethrow(e);
        }
    }

    @Override
    public void breakLoop() {
        breakRequested = true;
    }

    @Override
    public BpfProgram compileFilter(String expression, boolean optimize, int netmask) throws PcapException {
        checkOpen();
        return backend.compileFilter(new FilterSpec(expression, linkType(), snaplen(), optimize, netmask));
    }

    @Override
    public void setFilter(String expression) throws PcapException {
        setFilter(compileFilter(expression, true, NETMASK_UNKNOWN));
    }

    @Override
    public void setFilter(BpfProgram program) {
        checkOpen();
        filter = program;
    }

    @Override
    public Dumper newDumper(Path file, DumpOptions options) throws PcapException {
        checkOpen();
        DumpOptions effective = options.precision() != null ? options
                : new DumpOptions(options.format(), options.append(), precision);
        Dumper dumper = backend.openDumper(file, linkType(), snaplen(), effective);
        if (dumper instanceof PcapngWriter writer && reader instanceof PcapngReader source) {
            writer.copyInterfacesFrom(source::interfaceInfo); // packets keep their interfaces in the copy
        }
        return dumper;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        checkOpen();
        if (type == CaptureInfo.class) {
            return type.cast(reader.info());
        }
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new IllegalArgumentException("the java backend's handle has no " + type.getName());
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            breakRequested = true;
            closed = true;
        }
        try {
            reader.in.close();
        } catch (IOException ignored) {
            // nothing was written; a failing close of a read-only input loses nothing
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the capture handle is closed");
        }
    }

    @Override
    public String toString() {
        return "java offline handle on " + reader.in.name + " (" + reader.format() + ", " + reader.linkType() + ")";
    }
}
