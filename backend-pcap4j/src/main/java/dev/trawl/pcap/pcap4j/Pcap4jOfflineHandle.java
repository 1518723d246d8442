package dev.trawl.pcap.pcap4j;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;

import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;

/** A capture file read through pcap4j ({@code pcap_open_offline}). Thread safety as for {@link OfflineHandle}. */
final class Pcap4jOfflineHandle extends Pcap4jHandle implements OfflineHandle {
    private final FileHeader header;
    private final boolean swapped;

    Pcap4jOfflineHandle(PcapHandle pcap, String file, TimestampPrecision precision, FileHeader header)
            throws NotOpenException {
        super(pcap, file, precision, header.format() == CaptureFormat.PCAP);
        this.header = header;
        this.swapped = pcap.isSwapped() == PcapHandle.SwappedType.SWAPPED;
    }

    @Override
    boolean offline() {
        return true;
    }

    @Override
    ReadStatus endOrBreak() {
        // pcap_next_ex returns -2 for both; only a breakLoop() since the last consumed break makes it a break.
        if (breakRequested) {
            breakRequested = false;
            return ReadStatus.INTERRUPTED;
        }
        return ReadStatus.END_OF_FILE;
    }

    @Override
    PcapException readError(PcapNativeException e) {
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
