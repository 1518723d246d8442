package dev.trawl.pcap;

import java.io.IOException;

/**
 * A failure of the environment or of the capture library: a device cannot be opened, a file cannot be
 * read, a write fails. Misuse of the API (a closed handle, a bad argument) is reported with unchecked
 * exceptions instead. Subclasses name the failures a caller can act on.
 */
public class PcapException extends IOException {
    private static final long serialVersionUID = 1L;

    /** libpcap's {@code PCAP_ERROR} ({@code -1}): a generic error. */
    public static final int ERROR = -1;

    private final int status;

    /** Creates an exception with libpcap's generic error status. */
    public PcapException(String message) {
        this(message, ERROR, null);
    }

    /** Creates an exception with libpcap's generic error status and a cause. */
    public PcapException(String message, Throwable cause) {
        this(message, ERROR, cause);
    }

    /**
     * Creates an exception carrying a libpcap status code.
     *
     * @param message the text, libpcap's own where it gave one
     * @param status the {@code PCAP_ERROR_*} or {@code PCAP_WARNING_*} code, or {@link #ERROR}
     * @param cause the cause, or {@code null}
     */
    public PcapException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The libpcap status code ({@code PCAP_ERROR_*}), {@link #ERROR} when none more specific applies. */
    public int status() {
        return status;
    }
}
