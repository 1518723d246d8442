package dev.trawl.pcap.panama;

import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.spi.LibpcapErrors;

import java.lang.foreign.MemorySegment;

/** libpcap's error texts, read through this binding; {@link LibpcapErrors} makes the exceptions. */
final class Errors {
    private Errors() {
    }

    /** {@code pcap_geterr} text of a handle; empty when there is none. */
    static String geterr(MemorySegment pcap) {
        String text = Libpcap.string(PcapCore.pcap_geterr(pcap));
        return text == null ? "" : text;
    }

    /** {@code pcap_statustostr} text of a status. */
    static String statusText(int status) {
        String text = Libpcap.string(PcapCore.pcap_statustostr(status));
        return text == null ? "status " + status : text;
    }

    /** The text left in an error buffer. */
    static String errbuf(MemorySegment errbuf) {
        return errbuf.getString(0);
    }

    /** The exception for a failed status-returning call on a device, with the handle's error text. */
    static PcapException forStatus(String device, int status, MemorySegment pcap) {
        return LibpcapErrors.forStatus(device, status, statusText(status), geterr(pcap));
    }
}
