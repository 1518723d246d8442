package dev.trawl.pcap.jna;

import dev.trawl.pcap.NoSuchDeviceException;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.PermissionDeniedException;

import java.nio.charset.StandardCharsets;

/** Turns libpcap's status codes and error buffers into trawl's exceptions. */
final class Errors {
    static final int PCAP_ERROR = -1;
    static final int PCAP_ERROR_BREAK = -2;
    static final int PCAP_ERROR_NO_SUCH_DEVICE = -5;
    static final int PCAP_ERROR_PERM_DENIED = -8;
    static final int PCAP_ERROR_PROMISC_PERM_DENIED = -11;

    private Errors() {
    }

    /** A new error buffer. */
    static byte[] errbuf() {
        return new byte[NativePcap.ERRBUF_SIZE];
    }

    /** The NUL-terminated text in an error buffer (UTF-8, which {@code pcap_init} asked for). */
    static String text(byte[] errbuf) {
        int n = 0;
        while (n < errbuf.length && errbuf[n] != 0) {
            n++;
        }
        return new String(errbuf, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * The exception for a failed {@code pcap_activate} or setter: the status's name and libpcap's own text,
     * as the subclass a caller can act on.
     */
    static PcapException status(String device, int status, String detail) {
        String name = NativePcap.pcap_statustostr(status);
        String message = device + ": " + (detail == null || detail.isBlank() ? name : detail
                + (status == PCAP_ERROR ? "" : " (" + name + ")"));
        return switch (status) {
            case PCAP_ERROR_NO_SUCH_DEVICE -> new NoSuchDeviceException(device, message);
            case PCAP_ERROR_PERM_DENIED, PCAP_ERROR_PROMISC_PERM_DENIED ->
                    new PermissionDeniedException(message + "; " + PermissionDeniedException.LINUX_HINT, status);
            default -> new PcapException(message, status, null);
        };
    }
}
