package dev.trawl.pcap.pcap4j;

import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.spi.LibpcapErrors;

import org.pcap4j.core.PcapNativeException;

/** Turns pcap4j's exceptions into trawl's, through {@link LibpcapErrors}: the status and text pcap4j carries. */
final class Errors {
    private Errors() {
    }

    /** libpcap's status code carried by a pcap4j exception, or {@link LibpcapErrors#ERROR}. */
    static int status(PcapNativeException e) {
        Integer code = e.getReturnCode();
        return code != null ? code : LibpcapErrors.ERROR;
    }

    /** A failure to open or activate a live capture on {@code device}. */
    static PcapException openLive(String device, PcapNativeException e) {
        return live(device, null, e);
    }

    /**
     * A failure of an operation on a live capture.
     *
     * @param doing what failed ("send", "stats"), or {@code null} when the device says enough
     */
    static PcapException live(String device, String doing, PcapNativeException e) {
        int status = status(e);
        String text = String.valueOf(e.getMessage());
        return LibpcapErrors.forStatus(device, status, LibPcap.pcap_statustostr(status),
                doing == null ? text : doing + ": " + text);
    }

    /** A read error on a capture file: libpcap stops reading a file at its first bad record. */
    static MalformedCaptureException file(String file, String message, Throwable cause) {
        MalformedCaptureException e = (MalformedCaptureException) LibpcapErrors.readFailure(file, true, message);
        if (cause != null) {
            e.addSuppressed(cause); // the constructor fixes the cause to null; keep pcap4j's exception visible
        }
        return e;
    }
}
