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
import dev.trawl.pcap.spi.HandleGuard;
import dev.trawl.pcap.spi.HandlerFailures;

import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.RawPacketListener;

import java.io.EOFException;
import java.io.IOException;
import java.net.Inet4Address;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/**
 * What live and offline handles share: reading through pcap4j's cheapest paths, filters, dumpers, close.
 *
 * <p>{@link #next()} uses {@code getNextRawPacketEx} ({@code pcap_next_ex}): pcap4j's {@code dispatch} creates
 * a native callback per call, which costs far more for one packet. {@link #dispatch} and {@link #loop} use
 * pcap4j's {@code dispatch}/{@code loop} with a {@link RawPacketListener}, its cheapest path per packet.
 *
 * <p>The {@link HandleGuard} gives this backend the close protocol of the others: reads run between
 * {@code enter} and {@code exit}, other calls (pcap4j's and this backend's own on the {@code pcap_t}) between
 * {@code enterShared} and {@code exitShared}; closing breaks a running loop, waits for the threads inside, then
 * closes the pcap4j handle; a close from a handler finishes when its loop has returned (pcap4j's own
 * read-write lock would otherwise wait for ever), and an unclosed handle is closed once unreachable.
 */
abstract sealed class Pcap4jHandle implements Handle permits Pcap4jLiveHandle, Pcap4jOfflineHandle {
    private static final RawPacketListener DISCARD = packet -> {
    };
    /** {@link #deliver}'s result when libpcap reported a break. */
    private static final int INTERRUPTED = Integer.MIN_VALUE;

    final PcapHandle pcap;
    private final String source;
    private final TimestampPrecision precision;
    private final int snaplen;
    private volatile LinkType linkType;
    private final PacketView current;
    private final Delivery delivery;
    final HandleGuard guard;
    private volatile Pointer nativeHandle;
    private Recovery recovery;
    /**
     * Mirrors libpcap's {@code break_loop} flag as far as {@link #breakLoop()} set it: {@code pcap_next_ex}
     * reports a break and the end of a file with the same code on an offline handle.
     */
    volatile boolean breakRequested;

    /**
     * @param what the handle, for messages: "capture on eth0", "capture file x.pcap"
     * @param unsignedSeconds whether {@code tv_sec} comes from a pcap file's unsigned 32-bit field, which
     *     libpcap 1.10 sign-extends (2038 to 2106 would read as 1901 to 1969)
     * @param pump what feeds a stream to libpcap, closed on close to wake a read; or {@code null}
     */
    Pcap4jHandle(PcapHandle pcap, String source, String what, TimestampPrecision precision, boolean unsignedSeconds,
            StreamPump pump) throws NotOpenException {
        this.pcap = pcap;
        this.current = new PacketView(unsignedSeconds);
        this.source = source;
        this.precision = precision;
        this.snaplen = pcap.getSnapshot();
        this.linkType = LinkType.fromDlt(pcap.getDlt().value());
        this.delivery = new Delivery(pcap, unsignedSeconds);
        this.guard = new HandleGuard(this, what, new Native(pcap, pump));
    }

    /** What closing wakes and frees: the pcap4j handle, and the stream of a pump; refers to no handle. */
    private record Native(PcapHandle pcap, StreamPump pump) implements HandleGuard.Resource {
        @Override
        public void wake() {
            try {
                pcap.breakLoop();
            } catch (NotOpenException e) {
                // closed underneath: nothing runs
            }
            if (pump != null) {
                pump.closeStream(); // a read waiting for the stream returns
            }
        }

        @Override
        public void free() {
            pcap.close();
            if (pump != null) {
                pump.closeStream();
            }
        }
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
        guard.enter();
        current.clear();
        try {
            byte[] bytes = pcap.getNextRawPacketEx();
            Timestamp timestamp = pcap.getTimestamp();
            if (recovery != null && recovery.wrapped(timestamp.getNanos())) {
                return recovered(Recovery.wrappedFraction(timestamp.getNanos()));
            }
            current.set(bytes, timestamp, pcap.getOriginalLength());
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
            throw closed(e);
        } catch (IllegalArgumentException e) {
            // pcap4j read the packet but could not build its java.sql.Timestamp (fraction out of range).
            return recovered(e);
        } finally {
            guard.exit();
        }
    }

    /** Delivers the record libpcap read last, rebuilt outside pcap4j, which could not deliver it right. */
    private ReadStatus recovered(IllegalArgumentException cause) throws PcapException {
        if (recovery != null) {
            try {
                current.set(recovery.lastRecord(delivery.records()));
                delivery.countRecord();
                return ReadStatus.PACKET;
            } catch (IOException | RuntimeException failed) {
                cause.addSuppressed(failed);
            }
        }
        throw Errors.file(source, "a packet's timestamp fraction is out of range, which pcap4j cannot "
                + "represent: " + cause.getMessage(), cause);
    }

    @Override
    public Packet packet() {
        return guard.packet(current, !current.isEmpty());
    }

    @Override
    public int dispatch(int maxPackets, PacketHandler handler) throws PcapException {
        Objects.requireNonNull(handler, "handler");
        guard.enter();
        try {
            int rc = deliver(false, maxPackets <= 0 ? -1 : maxPackets, handler);
            boolean interrupted = rc == INTERRUPTED;
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
        } finally {
            guard.exit();
        }
    }

    @Override
    public long loop(long count, PacketHandler handler) throws PcapException {
        Objects.requireNonNull(handler, "handler");
        guard.enter();
        try {
            long total = 0;
            long remaining = count <= 0 ? -1 : count;
            while (true) {
                int chunk = remaining < 0 ? -1 : (int) Math.min(remaining, Integer.MAX_VALUE);
                boolean interrupted = deliver(true, chunk, handler) == INTERRUPTED;
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
                guard.checkOpen();
            }
        } finally {
            guard.exit();
        }
    }

    /**
     * Runs pcap4j's {@code loop} or {@code dispatch} with the delivery as its listener.
     *
     * @return what {@code dispatch} returned (0 for {@code loop}), or {@link #INTERRUPTED}
     */
    private int deliver(boolean loop, int count, PacketHandler handler) throws PcapException {
        delivery.begin(handler);
        CallbackFailures.enter(delivery);
        try {
            if (loop) {
                pcap.loop(count, delivery);
                return 0;
            }
            return pcap.dispatch(count, delivery);
        } catch (InterruptedException e) {
            return INTERRUPTED;
        } catch (PcapNativeException e) {
            if (delivery.failure() == null) {
                throw readError(e);
            }
            return 0; // the handler's failure, which broke the loop, is what finish() reports
        } catch (NotOpenException e) {
            throw closed(e);
        } finally {
            CallbackFailures.exit();
            delivery.end();
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
        if (!interrupted && offline() && guard.isOpen()) {
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
        throw HandlerFailures.rethrow(failure);
    }

    @Override
    public void breakLoop() {
        if (!guard.tryEnterShared()) {
            return; // closed: nothing runs, nothing will
        }
        try {
            breakRequested = true;
            pcap.breakLoop();
        } catch (NotOpenException e) {
            // closed meanwhile; nothing is running
        } finally {
            guard.exitShared();
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
        if (expression.indexOf('\0') >= 0) {
            throw new InvalidFilterException("NUL character in filter expression", expression,
                    expression.indexOf('\0'));
        }
        guard.enterShared();
        try {
            filterChanged();
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
            throw closed(e);
        } finally {
            guard.exitShared();
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
        guard.checkOpen();
        return NativeDumper.open(file, linkType, snaplen, precision, options);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        guard.checkOpen();
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
        return guard.isOpen();
    }

    /** Closes the handle as {@link HandleGuard#close()} describes. */
    @Override
    public void close() {
        guard.close();
    }

    void ensureOpen() {
        guard.checkOpen();
    }

    /** The exception for pcap4j's report that its handle is closed. */
    IllegalStateException closed(NotOpenException cause) {
        IllegalStateException e = guard.closed();
        e.initCause(cause);
        return e;
    }

    /** A call this backend makes on the pcap_t itself. */
    @FunctionalInterface
    interface NativeCall<T> {
        T apply(Pointer pcapT) throws PcapException;
    }

    <T> T withNative(NativeCall<T> call) throws PcapException {
        guard.enterShared();
        try {
            if (nativeHandle == null) {
                nativeHandle = NativeHandle.of(pcap);
            }
            return call.apply(nativeHandle);
        } catch (NotOpenException e) {
            throw closed(e);
        } finally {
            guard.exitShared();
        }
    }
}
