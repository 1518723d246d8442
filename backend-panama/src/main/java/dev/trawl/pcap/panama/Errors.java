package dev.trawl.pcap.panama;

import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.NoSuchDeviceException;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.PermissionDeniedException;

import java.lang.foreign.MemorySegment;
import java.util.Locale;

/** Turns libpcap status codes and error texts into trawl's exceptions. */
final class Errors {
    static final int PCAP_ERROR = -1;
    static final int PCAP_ERROR_BREAK = -2;
    static final int PCAP_ERROR_NO_SUCH_DEVICE = -5;
    static final int PCAP_ERROR_PERM_DENIED = -8;
    static final int PCAP_ERROR_PROMISC_PERM_DENIED = -11;

    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");

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

    /**
     * The exception for a failed {@code pcap_activate} or other status-returning call on a device.
     *
     * @param detail the {@code pcap_geterr} text, possibly empty
     */
    static PcapException forStatus(String device, int status, String detail) {
        String message = device + ": " + statusText(status) + (detail.isEmpty() ? "" : " (" + detail + ")");
        return switch (status) {
            case PCAP_ERROR_NO_SUCH_DEVICE -> new NoSuchDeviceException(device, message);
            case PCAP_ERROR_PERM_DENIED, PCAP_ERROR_PROMISC_PERM_DENIED -> new PermissionDeniedException(
                    LINUX ? message + "; " + PermissionDeniedException.LINUX_HINT : message, status);
            default -> new PcapException(message, status, null);
        };
    }

    /** The exception for a read error on a handle: a malformed file offline, a capture failure live. */
    static PcapException readError(MemorySegment pcap, boolean offline, String source) {
        String text = geterr(pcap);
        if (offline) {
            return new MalformedCaptureException(source + ": " + text, -1);
        }
        return new PcapException(source + ": " + text);
    }
}
