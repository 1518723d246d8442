package dev.trawl.pcap;

/** A call needs a {@link Capability} the backend does not have. */
public class UnsupportedCapabilityException extends UnsupportedOperationException {
    private static final long serialVersionUID = 1L;

    private final String backend;
    private final transient Capability capability;

    public UnsupportedCapabilityException(String backend, Capability capability, String detail) {
        super("backend '" + backend + "' does not support " + capability
                + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        this.backend = backend;
        this.capability = capability;
    }

    public UnsupportedCapabilityException(String backend, Capability capability) {
        this(backend, capability, null);
    }

    /** The backend's name. */
    public String backend() {
        return backend;
    }

    /** The missing capability. */
    public Capability capability() {
        return capability;
    }
}
