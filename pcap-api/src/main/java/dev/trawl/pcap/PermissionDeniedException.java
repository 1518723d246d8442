package dev.trawl.pcap;

/**
 * The process lacks the privilege an operation needs ({@code PCAP_ERROR_PERM_DENIED},
 * {@code PCAP_ERROR_PROMISC_PERM_DENIED}). The message says what grants it: on Linux, {@code CAP_NET_RAW}
 * and {@code CAP_NET_ADMIN}, for instance through {@code setcap cap_net_raw,cap_net_admin=eip} on the
 * {@code java} binary, or running as root.
 */
public class PermissionDeniedException extends PcapException {
    private static final long serialVersionUID = 1L;

    /** The advice appended to permission errors on Linux. */
    public static final String LINUX_HINT = "capturing needs CAP_NET_RAW (and CAP_NET_ADMIN for some options): "
            + "run as root, or grant them with 'sudo setcap cap_net_raw,cap_net_admin=eip \"$(readlink -f \"$(command -v java)\")\"'";

    public PermissionDeniedException(String message, int status) {
        super(message, status, null);
    }
}
