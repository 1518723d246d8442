package dev.trawl.pcap;

/**
 * No backend can do what was asked: the named one is not installed, or cannot work here (libpcap is
 * missing, the JDK is too old, native access is not enabled). The message says why and what to do.
 */
public class BackendUnavailableException extends PcapException {
    private static final long serialVersionUID = 1L;

    public BackendUnavailableException(String message) {
        super(message);
    }

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
