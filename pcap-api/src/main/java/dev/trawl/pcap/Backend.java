package dev.trawl.pcap;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A capture implementation: libpcap through one binding, or the built-in pure-Java file codec. Obtain one
 * from {@link Pcap}; it opens devices and files and compiles filters. A call that needs a {@link Capability}
 * the backend lacks throws {@link UnsupportedCapabilityException}.
 *
 * <p>Backends are thread-safe; the handles they open are not (see {@link Handle}).
 */
public interface Backend {
    /** The backend's name: {@code java}, {@code jna}, {@code panama}, {@code pcap4j}. */
    String name();

    /** The version of the library behind it, as {@code pcap_lib_version} prints it. */
    String libraryVersion();

    /** What this backend supports. */
    Set<Capability> capabilities();

    /** Whether this backend supports a capability. */
    default boolean supports(Capability capability) {
        return capabilities().contains(capability);
    }

    /** Every capture device, as {@code pcap_findalldevs} lists them. */
    List<Device> devices() throws PcapException;

    /** The device a capture uses when none is named: the first one that is up and not loopback, if any. */
    default Optional<Device> defaultDevice() throws PcapException {
        List<Device> all = devices();
        return all.stream().filter(d -> d.isUp() && d.isRunning() && !d.isLoopback() && !d.name().equals("any"))
                .findFirst().or(() -> all.stream().findFirst());
    }

    /**
     * Opens a live capture on a device.
     *
     * @throws NoSuchDeviceException if there is no such device
     * @throws PermissionDeniedException if the process may not capture on it
     */
    LiveHandle openLive(String device, LiveOptions options) throws PcapException;

    /**
     * Opens a capture file: pcap, or pcapng where the backend can read it.
     *
     * @throws MalformedCaptureException if the file is not a capture file the backend can read
     */
    OfflineHandle openOffline(Path file, OfflineOptions options) throws PcapException;

    /** Opens a capture file with microsecond timestamps. */
    default OfflineHandle openOffline(Path file) throws PcapException {
        return openOffline(file, OfflineOptions.defaults());
    }

    /** Reads a capture from a stream, which the handle closes when it is closed. */
    OfflineHandle openOffline(InputStream in, OfflineOptions options) throws PcapException;

    /** Opens a dumper for packets of the given link type and snapshot length, with no handle. */
    Dumper openDumper(Path file, LinkType linkType, int snaplen, DumpOptions options) throws PcapException;

    /** Opens a dumper writing to a stream, which it closes when closed. */
    Dumper openDumper(OutputStream out, LinkType linkType, int snaplen, DumpOptions options) throws PcapException;

    /**
     * Compiles a filter expression, as {@code pcap_compile} on a dead handle of the spec's link type and
     * snapshot length does.
     *
     * @throws InvalidFilterException if the expression does not compile
     */
    BpfProgram compileFilter(FilterSpec spec) throws PcapException;

    /**
     * Returns a backend-specific object, as {@link java.sql.Wrapper#unwrap} does.
     *
     * @throws IllegalArgumentException if the backend has no object of that type
     */
    default <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new IllegalArgumentException("backend '" + name() + "' has no " + type.getName());
    }
}
