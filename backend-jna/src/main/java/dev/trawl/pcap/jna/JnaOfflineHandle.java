package dev.trawl.pcap.jna;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.spi.LibpcapErrors;

/**
 * A capture file or stream read by libpcap. A stream arrives through a pipe fed by a {@link Pump}; a
 * read error there is reported at the end of the data rather than as a silent end of file.
 */
final class JnaOfflineHandle extends JnaHandle implements OfflineHandle {
    private final CaptureFormat format;
    private final int major;
    private final int minor;
    private final boolean swapped;
    private final String source;
    private final Pump pump;

    /**
     * @param magic the file's first four bytes, big-endian, or 0 when unknown
     */
    JnaOfflineHandle(JnaBackend backend, long pcap, TimestampPrecision precision, String source, Pump pump,
            int magic) {
        super(backend, pcap, precision, pump == null ? "capture file " + source : "capture stream",
                NativePcap.pcap_major_version(pcap) == 2, NativePcap.pcap_major_version(pcap) == 2 && magic != 0
                        && nanoMagic(magic) == (precision == TimestampPrecision.NANO), false, pump);
        this.source = source;
        this.pump = pump;
        this.major = NativePcap.pcap_major_version(pcap);
        this.minor = NativePcap.pcap_minor_version(pcap);
        this.swapped = NativePcap.pcap_is_swapped(pcap) != 0;
        // libpcap reports a pcapng file's section header version, 1.0; pcap files are 2.x.
        this.format = major == 2 ? CaptureFormat.PCAP : CaptureFormat.PCAPNG;
    }

    /** Whether a pcap magic number, in either byte order, is the nanosecond one. */
    private static boolean nanoMagic(int magic) {
        return magic == 0xa1b23c4d || magic == 0x4d3cb2a1;
    }

    @Override
    boolean offline() {
        return true;
    }

    @Override
    PcapException readError(String text) {
        PcapException pumpError = pumpError();
        if (pumpError != null) {
            return pumpError;
        }
        return LibpcapErrors.readFailure(source, true, text);
    }

    @Override
    ReadStatus endOfInput() throws PcapException {
        PcapException pumpError = pumpError();
        if (pumpError != null) {
            throw pumpError;
        }
        return ReadStatus.END_OF_FILE;
    }

    private PcapException pumpError() {
        if (pump == null || pump.failure() == null) {
            return null;
        }
        return new PcapException("reading the capture stream failed: " + pump.failure().getMessage(), pump.failure());
    }

    @Override
    public CaptureFormat format() {
        ensureOpen();
        return format;
    }

    @Override
    public int majorVersion() {
        ensureOpen();
        return major;
    }

    @Override
    public int minorVersion() {
        ensureOpen();
        return minor;
    }

    @Override
    public boolean isSwapped() {
        ensureOpen();
        return swapped;
    }

    @Override
    public String toString() {
        return "JnaOfflineHandle[" + format + " " + major + "." + minor + (isOpen() ? "" : ", closed") + "]";
    }
}
