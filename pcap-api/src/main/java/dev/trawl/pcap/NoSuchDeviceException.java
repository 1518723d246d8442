package dev.trawl.pcap;

/** The named capture device does not exist ({@code PCAP_ERROR_NO_SUCH_DEVICE}). */
public class NoSuchDeviceException extends PcapException {
    private static final long serialVersionUID = 1L;

    private final String device;

    public NoSuchDeviceException(String device, String message) {
        super(message, -5, null);
        this.device = device;
    }

    /** The device name that was asked for. */
    public String device() {
        return device;
    }
}
