package dev.trawl.pcap.pcap4j;

import com.sun.jna.Platform;
import com.sun.jna.Pointer;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.BackendUnavailableException;
import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.Capability;
import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.Device;
import dev.trawl.pcap.Direction;
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
import dev.trawl.pcap.spi.LibpcapErrors;

import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface.PromiscuousMode;
import org.pcap4j.core.Pcaps;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * libpcap through pcap4j-core 1.8.2. Reads and captures with pcap4j; the few calls pcap4j lacks (compiled
 * filter programs, faithful pcap writing and appending, the full device flags) go through {@link LibPcap},
 * JNA bound to the same libpcap. Thread-safe.
 */
final class Pcap4jBackend implements Backend {
    /** What pcap4j (with the gaps above filled) carries; see the package documentation for what it lacks. */
    private static final Set<Capability> CAPABILITIES;
    /** Whether streams can be handed to libpcap as a path: {@code /proc/self/fd/<n>} of a pipe. */
    private static final boolean STREAMS = Platform.isLinux();

    static {
        EnumSet<Capability> all = EnumSet.of(
                Capability.DEVICE_LIST, Capability.LIVE_CAPTURE, Capability.SEND, Capability.STATS,
                Capability.NON_BLOCKING, Capability.DIRECTION, Capability.SET_LINK_TYPE, Capability.IMMEDIATE_MODE,
                Capability.MONITOR_MODE, Capability.OFFLINE_FILE, Capability.READ_PCAPNG,
                Capability.NANOSECOND_TIMESTAMPS, Capability.FILTER, Capability.DUMP, Capability.DUMP_APPEND,
                Capability.BREAK_LOOP);
        if (STREAMS) {
            all.add(Capability.OFFLINE_STREAM);
            all.add(Capability.DUMP_STREAM);
        }
        CAPABILITIES = Set.copyOf(all);
    }

    private final String libraryVersion;

    private Pcap4jBackend(String libraryVersion) {
        this.libraryVersion = libraryVersion;
    }

    /** Loads pcap4j and libpcap. */
    static Pcap4jBackend load() throws BackendUnavailableException {
        try {
            String version = Pcaps.libVersion();
            probeLibPcap();
            CallbackFailures.install();
            return new Pcap4jBackend(version);
        } catch (LinkageError e) {
            throw new BackendUnavailableException("pcap4j cannot load libpcap or JNA (" + e
                    + "); install libpcap (Debian: apt-get install libpcap0.8) and put JNA 5 on the class path", e);
        }
    }

    /** Binds {@link LibPcap} now, so that a missing symbol makes the backend unavailable, not a later call fail. */
    private static void probeLibPcap() throws BackendUnavailableException {
        Pointer dead = LibPcap.pcap_open_dead_with_tstamp_precision(1, 65535, 0);
        if (dead == null) {
            throw new BackendUnavailableException("libpcap's pcap_open_dead failed");
        }
        LibPcap.pcap_close(dead);
    }

    @Override
    public String name() {
        return Pcap4jPcapProvider.NAME;
    }

    @Override
    public String libraryVersion() {
        return libraryVersion;
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public List<Device> devices() throws PcapException {
        return Devices.list();
    }

    @Override
    public LiveHandle openLive(String device, LiveOptions options) throws PcapException {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(options, "options");
        LibpcapErrors.refuseFanout(name(), options);
        if (options.timestampType() != null) {
            throw new UnsupportedCapabilityException(name(), Capability.TIMESTAMP_TYPE,
                    "pcap4j 1.8.2 activates the handle before a timestamp type could be set");
        }
        PcapHandle.Builder builder = new PcapHandle.Builder(device)
                .snaplen(options.snaplen())
                .promiscuousMode(options.promiscuous() ? PromiscuousMode.PROMISCUOUS : PromiscuousMode.NONPROMISCUOUS)
                .timeoutMillis((int) options.timeout().toMillis());
        if (options.immediate()) {
            builder.immediateMode(true);
        }
        if (options.bufferSize() > 0) {
            builder.bufferSize(options.bufferSize());
        }
        if (options.monitor()) {
            builder.rfmon(true);
        }
        if (options.precision() == TimestampPrecision.NANO) {
            builder.timestampPrecision(PcapHandle.TimestampPrecision.NANO);
        }
        if (options.direction() != Direction.INOUT) {
            builder.direction(Pcap4jLiveHandle.toPcap4j(options.direction()));
        }
        PcapHandle pcap;
        try {
            pcap = builder.build();
        } catch (PcapNativeException e) {
            throw Errors.openLive(device, e);
        }
        return adopt(pcap, () -> {
            if (options.precision() == TimestampPrecision.NANO
                    && pcap.getTimestampPrecision() != PcapHandle.TimestampPrecision.NANO) {
                // pcap4j falls back to microseconds silently; a caller who asked for nanoseconds must know.
                throw new PcapException(device + ": nanosecond timestamps are not supported on this device",
                        LibpcapErrors.TSTAMP_PRECISION_NOTSUP, null);
            }
            // pcap_activate's warning, if any, is left in the error buffer, which is empty otherwise.
            String warning = pcap.getError();
            List<String> warnings = warning == null || warning.isEmpty() ? List.of() : List.of(warning);
            return new Pcap4jLiveHandle(pcap, device, options.precision(), warnings);
        });
    }

    /** Makes a handle of what pcap4j just opened, for {@link #adopt}. */
    @FunctionalInterface
    private interface Adoption<T> {
        T make() throws PcapException, NotOpenException;
    }

    /** Makes a handle of {@code pcap}, just opened; closes {@code pcap} if that fails. */
    private static <T> T adopt(PcapHandle pcap, Adoption<T> adoption) throws PcapException {
        try {
            return adoption.make();
        } catch (PcapException | RuntimeException e) {
            pcap.close();
            throw e;
        } catch (NotOpenException e) {
            pcap.close();
            throw new IllegalStateException("pcap4j closed the handle it just opened", e);
        }
    }

    @Override
    public OfflineHandle openOffline(Path file, OfflineOptions options) throws PcapException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        if (file.getFileSystem() != FileSystems.getDefault()) {
            throw new IllegalArgumentException("libpcap reads only files of the default file system: " + file);
        }
        String name = file.toString();
        if (!Files.exists(file)) {
            throw new PcapException(name + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new PcapException(name + ": not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new PcapException(name + ": permission denied");
        }
        FileHeader header;
        try {
            header = FileHeader.read(file);
        } catch (IOException e) {
            throw new PcapException(name + ": " + e.getMessage(), e);
        }
        if (header.gzip()) {
            throw LibpcapErrors.gzipRefused(name(), name);
        }
        PcapHandle pcap;
        try {
            pcap = Pcaps.openOffline(file.toAbsolutePath().toString(),
                    options.precision() == TimestampPrecision.NANO ? PcapHandle.TimestampPrecision.NANO
                            : PcapHandle.TimestampPrecision.MICRO);
        } catch (PcapNativeException e) {
            throw Errors.file(name, String.valueOf(e.getMessage()), e);
        }
        return adopt(pcap, () -> {
            Pcap4jOfflineHandle handle = new Pcap4jOfflineHandle(pcap, name, options.precision(), header, null);
            if (header.format() == CaptureFormat.PCAP) {
                handle.recoverWith(new RecordRecovery(file, NativeHandle.of(pcap), options.precision(),
                        pcap.getSnapshot(), header.nano()));
            }
            return handle;
        });
    }

    @Override
    public OfflineHandle openOffline(InputStream in, OfflineOptions options) throws PcapException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(options, "options");
        if (!STREAMS) {
            throw new UnsupportedCapabilityException(name(), Capability.OFFLINE_STREAM,
                    "pcap4j opens captures by path only, and streams go through /proc/self/fd (Linux)");
        }
        return StreamOpener.open(in, options);
    }

    @Override
    public Dumper openDumper(Path file, LinkType linkType, int snaplen, DumpOptions options) throws PcapException {
        Objects.requireNonNull(options, "options");
        return NativeDumper.open(file, linkType, snaplen, TimestampPrecision.MICRO, options);
    }

    @Override
    public Dumper openDumper(OutputStream out, LinkType linkType, int snaplen, DumpOptions options)
            throws PcapException {
        if (!STREAMS) {
            throw new UnsupportedCapabilityException(name(), Capability.DUMP_STREAM,
                    "libpcap dumps to files only, and streams go through /proc/self/fd (Linux)");
        }
        return NativeDumper.open(out, linkType, snaplen, options);
    }

    @Override
    public BpfProgram compileFilter(FilterSpec spec) throws PcapException {
        return Filters.compileDead(spec.expression(), spec.linkType(), spec.snaplen(), spec.optimize(),
                spec.netmask());
    }

    @Override
    public String toString() {
        return "pcap4j backend (" + libraryVersion + ")";
    }
}
