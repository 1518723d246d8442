package dev.trawl.pcap.jna;

import dev.trawl.pcap.Direction;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.spi.LibpcapErrors;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Opens live handles the libpcap 1.x way: {@code pcap_create}, the {@code pcap_set_*} options, then
 * {@code pcap_activate}, whose warnings are kept and whose errors become the exception a caller can act on.
 */
final class LiveOpener {
    private LiveOpener() {
    }

    static LiveHandle open(JnaBackend backend, String device, LiveOptions options) throws PcapException {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(options, "options");
        byte[] errbuf = Errors.errbuf();
        long p = NativePcap.pcap_create(device, errbuf);
        if (p == 0) {
            throw new PcapException(device + ": " + Errors.text(errbuf));
        }
        boolean ok = false;
        try {
            set(p, device, "snaplen", NativePcap.pcap_set_snaplen(p, options.snaplen()));
            set(p, device, "promiscuous mode", NativePcap.pcap_set_promisc(p, options.promiscuous() ? 1 : 0));
            set(p, device, "timeout", NativePcap.pcap_set_timeout(p, (int) options.timeout().toMillis()));
            if (options.immediate()) {
                set(p, device, "immediate mode", NativePcap.pcap_set_immediate_mode(p, 1));
            }
            if (options.bufferSize() > 0) {
                set(p, device, "buffer size", NativePcap.pcap_set_buffer_size(p, options.bufferSize()));
            }
            if (options.timestampType() != null) {
                set(p, device, "timestamp type", NativePcap.pcap_set_tstamp_type(p, options.timestampType().code()));
            }
            set(p, device, "timestamp precision", NativePcap.pcap_set_tstamp_precision(p, options.precision().code()));
            if (options.monitor()) {
                set(p, device, "monitor mode", NativePcap.pcap_set_rfmon(p, 1));
            }
            List<String> warnings = new ArrayList<>();
            int rc = NativePcap.pcap_activate(p);
            if (rc < 0) {
                throw LibpcapErrors.forStatus(device, rc, NativePcap.pcap_statustostr(rc),
                        NativePcap.pcap_geterr(p));
            }
            if (rc > 0) {
                warnings.add(LibpcapErrors.warning(NativePcap.pcap_statustostr(rc), NativePcap.pcap_geterr(p)));
            }
            if (options.direction() != Direction.INOUT && NativePcap.pcap_setdirection(p, options.direction().code()) != 0) {
                throw new PcapException(device + ": cannot set direction " + options.direction() + ": "
                        + NativePcap.pcap_geterr(p));
            }
            TimestampPrecision precision = TimestampPrecision.ofCode(NativePcap.pcap_get_tstamp_precision(p));
            JnaLiveHandle handle = new JnaLiveHandle(backend, p, device, precision, warnings);
            ok = true;
            return handle;
        } finally {
            if (!ok) {
                NativePcap.pcap_close(p);
            }
        }
    }

    /** Setters fail only with PCAP_ERROR_ACTIVATED or a bad value; either way the name says which. */
    private static void set(long p, String device, String what, int rc) throws PcapException {
        if (rc != 0) {
            throw LibpcapErrors.forStatus(device, rc, NativePcap.pcap_statustostr(rc), "cannot set " + what);
        }
    }
}
