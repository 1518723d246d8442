package dev.trawl.pcap.pcap4j;

import com.sun.jna.Pointer;

import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.DumpOptions;
import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.Handle;
import dev.trawl.pcap.InvalidFilterException;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.PacketHandler;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;

import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.RawPacketListener;

import java.io.EOFException;
import java.io.IOException;
import java.net.Inet4Address;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * What live and offline handles share: reading through pcap4j's cheapest paths, filters, dumpers, close.
 *
 * <p>{@link #next()} uses {@code getNextRawPacketEx} ({@code pcap_next_ex}): pcap4j's {@code dispatch} creates
 * a native callback per call, which costs far more for one packet. {@link #dispatch} and {@link #loop} use
 * pcap4j's {@code dispatch}/{@code loop} with a {@link RawPacketListener}, its cheapest path per packet.
 *
 * <p>pcap4j guards its own calls with a read-write lock and refuses them once closed; {@link #nativeLock}
 * does the same for the calls this backend makes on the {@code pcap_t} itself.
 */
abstract sealed class Pcap4jHandle implements Handle permits Pcap4jLiveHandle, Pcap4jOfflineHandle {
    private static final RawPacketListener DISCARD = packet -> {
    };

    final PcapHandle pcap;
    private final String source;
    private final TimestampPrecision precision;
    private final int snaplen;
    private volatile LinkType linkType;
    private final PacketView current;
    private final Delivery delivery;
    /** Guards this backend's own native calls on the pcap_t against close. */
    private final ReentrantReadWriteLock nativeLock = new ReentrantReadWriteLock();
    private final Object closeLock = new Object();
    private volatile Pointer nativeHandle;
    private Recovery recovery;
    private volatile boolean closing;
    private boolean closed;
    /** The thread inside pcap4j's loop or dispatch, which holds pcap4j's read lock while it is there. */
    private volatile Thread delivering;
    /** Set when a handler closed the handle: the close completes once pcap4j's loop has returned. */
    private volatile boolean closeAfterDelivery;
    /**
     * Mirrors libpcap's {@code break_loop} flag as far as {@link #breakLoop()} set it: {@code pcap_next_ex}
     * reports a break and the end of a file with the same code on an offline handle.
     */
    volatile boolean breakRequested;

    /**
     * @param unsignedSeconds whether {@code tv_sec} comes from a pcap file's unsigned 32-bit field, which
     *     libpcap 1.10 sign-extends (2038 to 2106 would read as 1901 to 1969)
     */
    Pcap4jHandle(PcapHandle pcap, String source, TimestampPrecision precision, boolean unsignedSeconds)
            throws NotOpenException {
        this.pcap = pcap;
        this.current = new PacketView(unsignedSeconds);
        this.source = source;
        this.precision = precision;
        this.snaplen = pcap.getSnapshot();
        this.linkType = LinkType.fromDlt(pcap.getDlt().value());
        this.delivery = new Delivery(pcap, unsignedSeconds);
    }

    @Override
    public String backendName() {
        return Pcap4jPcapProvider.NAME;
    }

    @Override
    public LinkType linkType() {
        ensureOpen();
        return linkType;
    }

    void linkTypeChanged() {
        linkType = LinkType.fromDlt(pcap.getDlt().value());
    }

    @Override
    public int snaplen() {
        ensureOpen();
        return snaplen;
    }

    @Override
    public TimestampPrecision timestampPrecision() {
        ensureOpen();
        return precision;
    }

    /** Rebuilds records pcap4j cannot deliver, from a pcap file or stream (see {@link Recovery}). */
    void recoverWith(Recovery recovery) {
        this.recovery = recovery;
        delivery.recoverWith(recovery);
    }

    /** The file or device name, for messages. */
    String source() {
        return source;
    }

    /** Whether this handle reads a file (where {@code pcap_dispatch} returns 0 only at the end). */
    abstract boolean offline();

    /** The status for {@code pcap_next_ex}'s -2: a break on a live handle, a break or the end on a file. */
    abstract ReadStatus endOrBreak();

    /** The exception for a read error. */
    abstract PcapException readError(PcapNativeException e);

    /** Called when a read reached the end of the capture; a stream's failure is reported here. */
    void ended() throws PcapException {
    }

    /** Called when a filter is set. */
    void filterChanged() {
    }

    @Override
    public ReadStatus next() throws PcapException {
        ensureOpen();
        current.clear();
        try {
            byte[] bytes = pcap.getNextRawPacketEx();
            current.set(bytes, pcap.getTimestamp(), pcap.getOriginalLength());
            delivery.countRecord();
            return ReadStatus.PACKET;
        } catch (TimeoutException e) {
            return ReadStatus.TIMEOUT;
        } catch (EOFException e) {
            ReadStatus status = endOrBreak();
            if (status == ReadStatus.END_OF_FILE) {
                ended();
            }
            return status;
        } catch (PcapNativeException e) {
            throw readError(e);
        } catch (NotOpenException e) {
            throw Errors.closed(e);
        } catch (IllegalArgumentException e) {
            // pcap4j read the packet but could not build its java.sql.Timestamp (fraction out of range).
            if (recovery != null) {
                try {
                    current.set(recovery.lastRecord(delivery.records()));
                    delivery.countRecord();
                    return ReadStatus.PACKET;
                } catch (IOException | RuntimeException failed) {
                    e.addSuppressed(failed);
                }
            }
            throw Errors.file(source, "a packet's timestamp fraction is out of range, which pcap4j cannot "
                    + "represent: " + e.getMessage(), e);
        }
    }

    @Override
    public Packet packet() {
        ensureOpen();
        if (current.isEmpty()) {
            throw new IllegalStateException("no packet: the last next() did not return PACKET");
        }
        return current;
    }

    @Override
    public int dispatch(int maxPackets, PacketHandler handler) throws PcapException {
        Objects.requireNonNull(handler, "handler");
        ensureOpen();
        boolean interrupted = false;
        int rc = 0;
        delivery.begin(handler);
        CallbackFailures.enter(delivery);
        delivering = Thread.currentThread();
        try {
            rc = pcap.dispatch(maxPackets <= 0 ? -1 : maxPackets, delivery);
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (PcapNativeException e) {
            if (delivery.failure() == null) {
                throw readError(e);
            }
        } catch (NotOpenException e) {
            throw Errors.closed(e);
        } finally {
            endDelivery();
        }
        long delivered = delivery.delivered();
        finish(interrupted);
        if (interrupted) {
            return delivered > 0 ? (int) delivered : DISPATCH_INTERRUPTED;
        }
        if (rc == 0 && delivered == 0 && offline()) {
            ended();
            return DISPATCH_END_OF_FILE;
        }
        return (int) delivered;
    }

    @Override
    public long loop(long count, PacketHandler handler) throws PcapException {
        Objects.requireNonNull(handler, "handler");
        ensureOpen();
        long total = 0;
        long remaining = count <= 0 ? -1 : count;
        while (true) {
            int chunk = remaining < 0 ? -1 : (int) Math.min(remaining, Integer.MAX_VALUE);
            boolean interrupted = false;
            delivery.begin(handler);
            CallbackFailures.enter(delivery);
            delivering = Thread.currentThread();
            try {
                pcap.loop(chunk, delivery);
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (PcapNativeException e) {
                if (delivery.failure() == null) {
                    throw readError(e);
                }
            } catch (NotOpenException e) {
                throw Errors.closed(e);
            } finally {
                endDelivery();
            }
            long delivered = delivery.delivered();
            total += delivered;
            finish(interrupted);
            if (interrupted) {
                return total;
            }
            if (remaining < 0 || delivered < chunk) {
                ended(); // pcap_loop returned 0 before the count: the file ended
                return total;
            }
            remaining -= delivered;
            if (remaining == 0) {
                return total;
            }
            ensureOpen();
        }
    }

    private void endDelivery() {
        delivering = null;
        CallbackFailures.exit();
        delivery.end();
        if (closeAfterDelivery) {
            close();
        }
    }

    /** Ends a pcap4j loop or dispatch: rethrows a handler's failure, after clearing the break it caused. */
    private void finish(boolean interrupted) throws PcapException {
        if (interrupted) {
            breakRequested = false; // libpcap consumed the flag when it returned -2
        }
        Throwable failure = delivery.failure();
        if (failure == null) {
            return;
        }
        if (!interrupted && offline() && !closing) {
            // libpcap's file reader returns the packets it delivered and leaves break_loop set; a dispatch now
            // consumes the flag (it returns -2 before it reads), so the next read is not interrupted.
            try {
                pcap.dispatch(1, DISCARD);
            } catch (InterruptedException expected) {
                // the flag is cleared
            } catch (PcapNativeException | NotOpenException ignored) {
                // the handler's failure is what the caller needs to see
            }
        }
        Delivery.rethrow(failure);
    }

    @Override
    public void breakLoop() {
        if (closing) {
            return;
        }
        breakRequested = true;
        try {
            pcap.breakLoop();
        } catch (NotOpenException e) {
            // closed meanwhile; nothing is running
        }
    }

    @Override
    public BpfProgram compileFilter(String expression, boolean optimize, int netmask) throws PcapException {
        Objects.requireNonNull(expression, "expression");
        return withNative(pcapT -> Filters.compile(pcapT, expression, optimize, netmask));
    }

    @Override
    public void setFilter(String expression) throws PcapException {
        Objects.requireNonNull(expression, "expression");
        ensureOpen();
        if (expression.indexOf('\0') >= 0) {
            throw new InvalidFilterException("NUL character in filter expression", expression,
                    expression.indexOf('\0'));
        }
        filterChanged();
        try {
            pcap.setFilter(expression, BpfCompileMode.OPTIMIZE, netmask());
        } catch (PcapNativeException e) {
            String message = String.valueOf(e.getMessage());
            // pcap4j prefixes compile errors this way; the rest is pcap_geterr's text.
            String compilePrefix = "Error occurred in pcap_compile: ";
            if (message.startsWith(compilePrefix)) {
                throw new InvalidFilterException(message.substring(compilePrefix.length()), expression, -1);
            }
            throw new PcapException(source + ": " + message, Errors.status(e), e);
        } catch (NotOpenException e) {
            throw Errors.closed(e);
        }
    }

    /** The netmask {@link #setFilter(String)} compiles with. */
    Inet4Address netmask() {
        return PcapHandle.PCAP_NETMASK_UNKNOWN;
    }

    @Override
    public void setFilter(BpfProgram program) throws PcapException {
        Objects.requireNonNull(program, "program");
        filterChanged();
        withNative(pcapT -> {
            Filters.install(pcapT, program);
            return null;
        });
    }

    @Override
    public Dumper newDumper(Path file, DumpOptions options) throws PcapException {
        ensureOpen();
        return NativeDumper.open(file, linkType, snaplen, precision, options);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        ensureOpen();
        if (type.isInstance(pcap)) {
            return type.cast(pcap);
        }
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new IllegalArgumentException("pcap4j handle has no " + type.getName());
    }

    @Override
    public boolean isOpen() {
        return !closing;
    }

    @Override
    public void close() {
        if (delivering == Thread.currentThread()) {
            // A handler is closing its own handle: this thread holds pcap4j's read lock, which cannot be
            // upgraded, so pcap4j's close would wait forever (and taking closeLock could wait for another
            // closer who waits for this loop). Break the loop; endDelivery() closes once pcap4j has returned.
            closing = true;
            closeAfterDelivery = true;
            try {
                pcap.breakLoop();
            } catch (NotOpenException e) {
                // already closed underneath
            }
            return;
        }
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closing = true;
            try {
                pcap.breakLoop(); // a running loop returns -2; pcap4j's close waits for it to leave
            } catch (NotOpenException e) {
                // already closed underneath
            }
            nativeLock.writeLock().lock();
            try {
                pcap.close();
                closed = true;
            } finally {
                nativeLock.writeLock().unlock();
            }
        }
    }

    void ensureOpen() {
        if (closing) {
            throw Errors.closed();
        }
    }

    /** A call this backend makes on the pcap_t itself. */
    @FunctionalInterface
    interface NativeCall<T> {
        T apply(Pointer pcapT) throws PcapException;
    }

    <T> T withNative(NativeCall<T> call) throws PcapException {
        ensureOpen();
        // tryLock, as pcap4j does: a closer holds the write lock while it waits for a running loop to end,
        // and a handler of that loop calling in here must fail, not wait for it.
        if (!nativeLock.readLock().tryLock()) {
            throw Errors.closed();
        }
        try {
            ensureOpen();
            if (nativeHandle == null) {
                nativeHandle = NativeHandle.of(pcap);
            }
            return call.apply(nativeHandle);
        } catch (NotOpenException e) {
            throw Errors.closed(e);
        } finally {
            nativeLock.readLock().unlock();
        }
    }
}
