package dev.trawl.pcap.jna;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.spi.PcapRecordDumper;
import dev.trawl.pcap.spi.HandleGuard;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A {@code pcap_dumper_t}, with the dead {@code pcap_t} that gave it its link type, snaplen and precision.
 * Each packet is copied with its header into one reused native block and handed to {@code pcap_dump}. Not
 * thread-safe (a second thread writing at once gets {@link IllegalStateException}), except {@link #close()},
 * which is idempotent; a dumper never closed is flushed and closed once unreachable, by its
 * {@link HandleGuard}.
 */
final class JnaDumper extends PcapRecordDumper {
    private final long dead;
    private final long dumper;
    private final TimestampPrecision precision;
    private final Pump pump;
    private final HandleGuard guard;
    private Memory scratch;
    private ByteBuffer scratchView;
    private long scratchAddress;
    /** What libpcap has written so far: a pcap file header, then a 16-byte header and the bytes per packet. */
    private long written = 24;

    JnaDumper(long dead, long dumper, TimestampPrecision precision, Pump pump, String target) {
        this.dead = dead;
        this.dumper = dumper;
        this.precision = precision;
        this.pump = pump;
        ensureScratch(2048);
        this.guard = new HandleGuard(this, "dumper to " + target, new Release(dumper, dead));
    }

    private void ensureScratch(int dataLength) {
        long need = JnaPacket.HEADER_SIZE + (long) dataLength;
        if (scratch == null || scratch.size() < need) {
            long size = Math.max(need, scratch == null ? 0 : scratch.size() * 2);
            scratch = new Memory(size);
            scratchView = scratch.getByteBuffer(0, size).order(ByteOrder.nativeOrder());
            scratchAddress = Pointer.nativeValue(scratch);
        }
    }


    @Override
    protected void append(long timestampSeconds, int timestampNanos, int originalLength, ByteBuffer data)
            throws PcapException {
        int length = data.remaining();
        guard.enter();
        try {
            ensureScratch(length);
            ByteBuffer s = scratchView;
            long fraction = timestampNanos / precision.nanosPerUnit();
            if (Native.LONG_SIZE == 8) {
                s.putLong(JnaPacket.TV_SEC, timestampSeconds);
                s.putLong(JnaPacket.TV_FRAC, fraction);
            } else {
                s.putInt(JnaPacket.TV_SEC, (int) timestampSeconds);
                s.putInt(JnaPacket.TV_FRAC, (int) fraction);
            }
            s.putInt(JnaPacket.CAPLEN, length);
            s.putInt(JnaPacket.LEN, originalLength);
            s.put(JnaPacket.HEADER_SIZE, data, data.position(), length);
            NativePcap.pcap_dump(dumper, scratchAddress, scratchAddress + JnaPacket.HEADER_SIZE);
            written += 16 + length;
        } finally {
            guard.exit();
        }
    }

    @Override
    public void flush() throws PcapException {
        guard.enter();
        try {
            if (NativePcap.pcap_dump_flush(dumper) != 0) {
                throw new PcapException("flushing the capture file failed");
            }
        } finally {
            guard.exit();
        }
        if (pump != null) {
            pump.awaitTransferred(written);
        }
    }

    @Override
    public void close() throws PcapException {
        if (!guard.isOpen()) {
            return;
        }
        boolean flushed = guard.closeAfter(() -> NativePcap.pcap_dump_flush(dumper), 0) == 0;
        if (pump != null) {
            pump.finish();
        }
        if (!flushed) {
            throw new PcapException("flushing the capture file failed on close");
        }
    }

    /** Closes the dumper (which flushes it) and its dead handle; run once, by the {@link HandleGuard}. */
    private record Release(long dumper, long dead) implements HandleGuard.Resource {
        @Override
        public void free() {
            NativePcap.pcap_dump_close(dumper);
            NativePcap.pcap_close(dead);
        }
    }
}
