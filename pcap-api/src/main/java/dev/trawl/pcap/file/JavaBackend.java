package dev.trawl.pcap.file;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.Capability;
import dev.trawl.pcap.Device;
import dev.trawl.pcap.DumpOptions;
import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.FilterSpec;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.UnsupportedCapabilityException;
import dev.trawl.pcap.spi.FilterCompiler;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code java} backend: offline handles and dumpers over the pure-Java codec. Filters need a
 * {@link FilterCompiler} on the class or module path ({@code dev.trawl:trawl-filter}); compiled
 * {@link BpfProgram}s can always be set. Thread-safe and stateless.
 */
final class JavaBackend implements Backend {
    static final String NAME = "java";

    private static final Set<Capability> BASE = EnumSet.of(Capability.OFFLINE_FILE, Capability.OFFLINE_STREAM,
            Capability.READ_PCAPNG, Capability.READ_GZIP, Capability.NANOSECOND_TIMESTAMPS, Capability.DUMP,
            Capability.DUMP_APPEND, Capability.DUMP_PCAPNG, Capability.DUMP_STREAM, Capability.BREAK_LOOP);

    private final int readWindow;
    private final Optional<FilterCompiler> compiler;

    JavaBackend() {
        this(SourceInput.FILE_WINDOW, FilterCompiler.installed());
    }

    /** A backend that reads files through windows of this size (small ones in tests). */
    JavaBackend(int readWindow) {
        this(readWindow, FilterCompiler.installed());
    }

    /** A backend with this filter compiler, or none. */
    JavaBackend(int readWindow, Optional<FilterCompiler> compiler) {
        this.readWindow = readWindow;
        this.compiler = compiler;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String libraryVersion() {
        Package p = JavaBackend.class.getPackage();
        String version = p == null ? null : p.getImplementationVersion();
        return "trawl pure-Java capture file codec" + (version == null ? "" : " " + version) + " (no libpcap)";
    }

    @Override
    public Set<Capability> capabilities() {
        EnumSet<Capability> all = EnumSet.copyOf(BASE);
        if (compiler.isPresent()) {
            all.add(Capability.FILTER);
        }
        return Collections.unmodifiableSet(all);
    }

    @Override
    public List<Device> devices() {
        throw new UnsupportedCapabilityException(NAME, Capability.DEVICE_LIST,
                "the java backend reads and writes files only; add a native backend for devices");
    }

    @Override
    public LiveHandle openLive(String device, LiveOptions options) {
        throw new UnsupportedCapabilityException(NAME, Capability.LIVE_CAPTURE,
                "the java backend reads and writes files only; add trawl-backend-panama, -jna or -pcap4j");
    }

    @Override
    public OfflineHandle openOffline(Path file, OfflineOptions options) throws PcapException {
        Objects.requireNonNull(file, "file");
        TimestampPrecision precision = options.precision();
        return new FileHandle(this, CaptureFiles.open(file, precision, readWindow), precision);
    }

    @Override
    public OfflineHandle openOffline(InputStream in, OfflineOptions options) throws PcapException {
        Objects.requireNonNull(in, "in");
        TimestampPrecision precision = options.precision();
        return new FileHandle(this, CaptureFiles.open(in, precision), precision);
    }

    @Override
    public Dumper openDumper(Path file, LinkType linkType, int snaplen, DumpOptions options) throws PcapException {
        return Dumpers.open(file, linkType, snaplen, options);
    }

    @Override
    public Dumper openDumper(OutputStream out, LinkType linkType, int snaplen, DumpOptions options)
            throws PcapException {
        return Dumpers.open(out, linkType, snaplen, options);
    }

    @Override
    public BpfProgram compileFilter(FilterSpec spec) throws PcapException {
        FilterCompiler found = compiler.orElseThrow(() -> new UnsupportedCapabilityException(
                NAME, Capability.FILTER, FilterCompiler.unavailableReason() + "; add the dev.trawl:trawl-filter "
                        + "dependency, or set a compiled BpfProgram with setFilter(BpfProgram)"));
        return found.compile(spec);
    }

    @Override
    public String toString() {
        return "java backend (" + libraryVersion() + ")";
    }
}
