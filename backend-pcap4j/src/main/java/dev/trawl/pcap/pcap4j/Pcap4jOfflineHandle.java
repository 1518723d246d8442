package dev.trawl.pcap.pcap4j;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;

import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;

/**
 * A capture file or stream read through pcap4j ({@code pcap_open_offline}; a stream through a pipe, see
 * {@link StreamPump}). Thread safety as for {@link OfflineHandle}.
 */
final class Pcap4jOfflineHandle extends Pcap4jHandle implements OfflineHandle {
    private final FileHeader header;
    private final boolean swapped;
    private final StreamPump pump;

    /**
     * @param pump what feeds a stream to libpcap, or {@code null} for a file
     */
    Pcap4jOfflineHandle(PcapHandle pcap, String source, TimestampPrecision precision, FileHeader header,
            StreamPump pump) throws NotOpenException {
        super(pcap, source, pump == null ? "capture file " + source : "capture stream", precision,
                header.format() == CaptureFormat.PCAP, pump);
        this.header = header;
        this.swapped = pcap.isSwapped() == PcapHandle.SwappedType.SWAPPED;
        this.pump = pump;
    }

    @Override
    void ended() throws PcapException {
        PcapException failure = pump != null ? pump.failure() : null;
        if (failure != null) {
            throw failure; // the stream failed: libpcap saw an end of file that is not the capture's
        }
    }

    @Override
    void filterChanged() {
        if (pump != null) {
            pump.filtered();
        }
    }

    @Override
    boolean offline() {
        return true;
    }

    @Override
    ReadStatus endOrBreak() {
        // pcap_next_ex returns -2 for both; only a breakLoop() since the last consumed break (or a close) makes
        // it a break.
        if (breakRequested || !isOpen()) {
            breakRequested = false;
            return ReadStatus.INTERRUPTED;
        }
        return ReadStatus.END_OF_FILE;
    }

    @Override
    PcapException readError(PcapNativeException e) {
        PcapException failure = pump != null ? pump.failure() : null;
        if (failure != null) {
            return failure; // libpcap's error (a truncated record, say) comes from the stream's failure
        }
        return Errors.file(source(), String.valueOf(e.getMessage()), e);
    }

    @Override
    public CaptureFormat format() {
        ensureOpen();
        return header.format();
    }

    @Override
    public int majorVersion() {
        ensureOpen();
        return header.major();
    }

    @Override
    public int minorVersion() {
        ensureOpen();
        return header.minor();
    }

    @Override
    public boolean isSwapped() {
        ensureOpen();
        return swapped;
    }

    @Override
    public String toString() {
        return "pcap4j offline handle on " + source() + (isOpen() ? "" : " (closed)");
    }
}
