package dev.trawl.pcap.spi;

import dev.trawl.pcap.Capability;
import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.NoSuchDeviceException;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.PermissionDeniedException;
import dev.trawl.pcap.UnsupportedCapabilityException;

import java.util.Locale;

/**
 * libpcap's status codes and what trawl makes of them, for every backend that binds libpcap: the one
 * mapping from a status to the exception a caller can act on, with one wording. The status texts themselves
 * are libpcap's ({@code pcap_statustostr}), which the backend passes in, so that messages read as tcpdump's
 * do.
 *
 * <p>Stateless and thread-safe.
 */
public final class LibpcapErrors {
    /** {@code PCAP_ERROR}: a generic error, described by the handle's error text. */
    public static final int ERROR = -1;
    /** {@code PCAP_ERROR_BREAK}: {@code pcap_breakloop} ended the read; also the end of a file for {@code pcap_next_ex}. */
    public static final int BREAK = -2;
    /** {@code PCAP_ERROR_NOT_ACTIVATED}. */
    public static final int NOT_ACTIVATED = -3;
    /** {@code PCAP_ERROR_ACTIVATED}: a setter called after activation. */
    public static final int ACTIVATED = -4;
    /** {@code PCAP_ERROR_NO_SUCH_DEVICE}. */
    public static final int NO_SUCH_DEVICE = -5;
    /** {@code PCAP_ERROR_RFMON_NOTSUP}. */
    public static final int RFMON_NOTSUP = -6;
    /** {@code PCAP_ERROR_NOT_RFMON}. */
    public static final int NOT_RFMON = -7;
    /** {@code PCAP_ERROR_PERM_DENIED}. */
    public static final int PERM_DENIED = -8;
    /** {@code PCAP_ERROR_IFACE_NOT_UP}. */
    public static final int IFACE_NOT_UP = -9;
    /** {@code PCAP_ERROR_CANTSET_TSTAMP_TYPE}. */
    public static final int CANTSET_TSTAMP_TYPE = -10;
    /** {@code PCAP_ERROR_PROMISC_PERM_DENIED}. */
    public static final int PROMISC_PERM_DENIED = -11;
    /** {@code PCAP_ERROR_TSTAMP_PRECISION_NOTSUP}. */
    public static final int TSTAMP_PRECISION_NOTSUP = -12;

    private static final boolean LINUX =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");

    private LibpcapErrors() {
    }

    /**
     * The exception for a failed status-returning call on a device ({@code pcap_activate}, a
     * {@code pcap_set_*}, {@code pcap_setdirection}, ...), worded as tcpdump words it: the device, then
     * libpcap's error text for a generic error, or the status's text with the error text in parentheses for
     * the others. {@code PCAP_ERROR_NO_SUCH_DEVICE} becomes a {@link NoSuchDeviceException};
     * {@code PCAP_ERROR_PERM_DENIED} and {@code PCAP_ERROR_PROMISC_PERM_DENIED} a
     * {@link PermissionDeniedException} that says, on Linux, how to grant the capabilities.
     *
     * @param device the device name
     * @param status the negative status
     * @param statusText {@code pcap_statustostr(status)}
     * @param detail the error text ({@code pcap_geterr}), or what was being done; may be null or empty
     */
    public static PcapException forStatus(String device, int status, String statusText, String detail) {
        boolean hasDetail = detail != null && !detail.isBlank();
        String message = device + ": " + (status == ERROR && hasDetail ? detail
                : statusText + (hasDetail ? " (" + detail + ")" : ""));
        return switch (status) {
            case NO_SUCH_DEVICE -> new NoSuchDeviceException(device, message);
            case PERM_DENIED, PROMISC_PERM_DENIED -> new PermissionDeniedException(
                    LINUX ? message + "; " + PermissionDeniedException.LINUX_HINT : message, status);
            default -> new PcapException(message, status, null);
        };
    }

    /**
     * The text kept for a warning {@code pcap_activate} returned (a positive status): the status's text, and
     * the handle's error text when it has one.
     */
    public static String warning(String statusText, String detail) {
        return detail == null || detail.isBlank() ? statusText : statusText + ": " + detail;
    }

    /**
     * The exception for a read that libpcap failed ({@code pcap_next_ex} or {@code pcap_dispatch} returned
     * {@code PCAP_ERROR}): offline, libpcap stops at the first record it cannot read, so the file is
     * malformed there ({@link MalformedCaptureException}, offset unknown); live, the capture failed.
     *
     * @param source the device or file
     * @param text libpcap's error text
     */
    public static PcapException readFailure(String source, boolean offline, String text) {
        String message = source + ": " + (text == null || text.isBlank() ? "read failed" : text);
        return offline ? new MalformedCaptureException(message, -1) : new PcapException(message);
    }

    /** Whether the first {@code length} bytes of a file start as a gzip stream does. */
    public static boolean isGzip(byte[] head, int length) {
        return length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    }

    /**
     * Refuses a gzip-compressed capture, which libpcap would report as a file of unknown format: the
     * exception names the capability that is missing, and what to do instead.
     *
     * @param backend the backend's name
     * @param source the file, or "stream"
     * @param head the first bytes of the capture
     * @param length how many of them there are
     * @throws UnsupportedCapabilityException if the capture is gzip-compressed
     */
    public static void refuseGzip(String backend, String source, byte[] head, int length) {
        if (isGzip(head, length)) {
            throw gzipRefused(backend, source);
        }
    }

    /** The exception {@link #refuseGzip} throws, for a backend that has looked at the capture's head itself. */
    public static UnsupportedCapabilityException gzipRefused(String backend, String source) {
        return new UnsupportedCapabilityException(backend, Capability.READ_GZIP, source
                + " is gzip-compressed, and libpcap reads only uncompressed captures: decompress it first, "
                + "or read it with the java backend");
    }

    /**
     * Refuses a fanout setting for a backend that captures through libpcap, which has no API for
     * {@code PACKET_FANOUT}.
     *
     * @throws UnsupportedCapabilityException naming the backend and the one that joins fanout groups, if
     *     {@code options} asks for a fanout group
     */
    public static void refuseFanout(String backend, LiveOptions options) {
        if (options.fanout() != null) {
            throw new UnsupportedCapabilityException(backend, Capability.FANOUT,
                    "libpcap has no API for PACKET_FANOUT; the afpacket backend joins fanout groups");
        }
    }
}
