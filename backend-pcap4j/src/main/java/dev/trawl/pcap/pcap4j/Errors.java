package dev.trawl.pcap.pcap4j;

import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.NoSuchDeviceException;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.PermissionDeniedException;

import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapNativeException;

/** Maps pcap4j's checked exceptions onto trawl's error model. */
final class Errors {
    /** {@code PCAP_ERROR_NO_SUCH_DEVICE}. */
    static final int NO_SUCH_DEVICE = -5;
    /** {@code PCAP_ERROR_PERM_DENIED}. */
    static final int PERM_DENIED = -8;
    /** {@code PCAP_ERROR_PROMISC_PERM_DENIED}. */
    static final int PROMISC_PERM_DENIED = -11;
    /** {@code PCAP_ERROR_TSTAMP_PRECISION_NOTSUP}. */
    static final int TSTAMP_PRECISION_NOTSUP = -12;

    private Errors() {
    }

    /** libpcap's status code carried by a pcap4j exception, or {@link PcapException#ERROR}. */
    static int status(PcapNativeException e) {
        Integer code = e.getReturnCode();
        return code != null ? code : PcapException.ERROR;
    }

    /** A failure to open or activate a live capture on {@code device}. */
    static PcapException openLive(String device, PcapNativeException e) {
        int status = status(e);
        String message = device + ": " + e.getMessage();
        return switch (status) {
            case NO_SUCH_DEVICE -> new NoSuchDeviceException(device, message);
            case PERM_DENIED, PROMISC_PERM_DENIED ->
                    new PermissionDeniedException(message + "; " + PermissionDeniedException.LINUX_HINT, status);
            default -> new PcapException(message, status, e);
        };
    }

    /** A failure of a live handle's operation. */
    static PcapException live(String what, PcapNativeException e) {
        int status = status(e);
        if (status == PERM_DENIED) {
            return new PermissionDeniedException(what + ": " + e.getMessage() + "; "
                    + PermissionDeniedException.LINUX_HINT, status);
        }
        return new PcapException(what + ": " + e.getMessage(), status, e);
    }

    /** A read error on a capture file: libpcap stops reading a file at its first bad record. */
    static MalformedCaptureException file(String file, String message, Throwable cause) {
        MalformedCaptureException e = new MalformedCaptureException(file + ": " + message, -1);
        if (cause != null) {
            e.addSuppressed(cause); // the constructor fixes the cause to null; keep pcap4j's exception visible
        }
        return e;
    }

    /** Use of a closed handle: misuse, hence unchecked. */
    static IllegalStateException closed(NotOpenException e) {
        return new IllegalStateException("the handle is closed", e);
    }

    /** Use of a closed handle. */
    static IllegalStateException closed() {
        return new IllegalStateException("the handle is closed");
    }
}
