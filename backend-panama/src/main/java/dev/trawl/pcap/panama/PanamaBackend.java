package dev.trawl.pcap.panama;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.BackendUnavailableException;
import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.Capability;
import dev.trawl.pcap.Device;
import dev.trawl.pcap.DeviceAddress;
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

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code panama} backend: libpcap bound with {@code java.lang.foreign}. Thread-safe; the handles it opens
 * are used as {@link dev.trawl.pcap.Handle} says.
 *
 * <p>Capabilities follow the loaded libpcap: a function it lacks (immediate mode before 1.5, appending before
 * 1.7, ...) is a missing capability. pcapng writing ({@link Capability#DUMP_PCAPNG}) and gzip reading
 * ({@link Capability#READ_GZIP}) are never declared: libpcap 1.10 has neither. Streams
 * ({@link Capability#OFFLINE_STREAM}, {@link Capability#DUMP_STREAM}) need glibc's {@code fopencookie}.
 */
final class PanamaBackend implements Backend {
    /**
     * Set to {@code false} to read offline files with the ordinary {@code pcap_next_ex} handle. By default,
     * reads of regular files use {@link java.lang.foreign.Linker.Option#critical}: no thread-state
     * transition, which saves a good part of the per-packet cost. It is legal because such a read only
     * copies from libpcap's stdio buffer and at worst refills it with one {@code read(2)} of a local file,
     * and it never calls back into Java; while it runs, a safepoint waits for it. Live captures, streams and
     * special files (FIFOs) may block indefinitely, so they never use it.
     */
    static final String CRITICAL_PROPERTY = "trawl.panama.critical";

    /** Functions without which the backend does not work (libpcap 1.5 and later have them all). */
    private static final List<String> REQUIRED = List.of("pcap_create", "pcap_activate", "pcap_next_ex",
            "pcap_dispatch", "pcap_open_offline_with_tstamp_precision", "pcap_open_dead_with_tstamp_precision",
            "pcap_compile", "pcap_setfilter", "pcap_dump_open", "pcap_findalldevs", "pcap_lib_version");

    /** {@code PCAP_CHAR_ENC_UTF_8}, an option of {@code pcap_init}. */
    private static final int PCAP_CHAR_ENC_UTF_8 = 1;

    private final String version;
    private final Set<Capability> capabilities;
    private final boolean critical;

    PanamaBackend() throws BackendUnavailableException {
        for (String symbol : REQUIRED) {
            if (!Libpcap.has(symbol)) {
                throw new BackendUnavailableException("libpcap loaded from " + Libpcap.loadedFrom()
                        + " has no " + symbol + "; libpcap 1.5 or newer is needed");
            }
        }
        if (Libpcap.has("pcap_init")) {
            // UTF-8 error texts and device names whatever the locale (Windows); the JNA backend asks for the
            // same, so the two can share one libpcap. A failure keeps the local encoding.
            try (Arena scratch = Arena.ofConfined()) {
                int ignored = PcapCore.pcap_init(PCAP_CHAR_ENC_UTF_8, scratch.allocate(Libpcap.ERRBUF_SIZE));
            }
        }
        this.version = Libpcap.string(PcapCore.pcap_lib_version());
        this.capabilities = Collections.unmodifiableSet(detect());
        this.critical = !"false".equalsIgnoreCase(System.getProperty(CRITICAL_PROPERTY, "true"));
    }

    private static EnumSet<Capability> detect() {
        EnumSet<Capability> caps = EnumSet.of(Capability.DEVICE_LIST, Capability.LIVE_CAPTURE, Capability.SEND,
                Capability.STATS, Capability.NON_BLOCKING, Capability.SET_LINK_TYPE, Capability.OFFLINE_FILE,
                Capability.READ_PCAPNG, Capability.NANOSECOND_TIMESTAMPS, Capability.FILTER, Capability.DUMP,
                Capability.BREAK_LOOP);
        addIf(caps, Capability.DIRECTION, "pcap_setdirection");
        addIf(caps, Capability.TIMESTAMP_TYPE, "pcap_set_tstamp_type");
        addIf(caps, Capability.IMMEDIATE_MODE, "pcap_set_immediate_mode");
        addIf(caps, Capability.MONITOR_MODE, "pcap_set_rfmon");
        addIf(caps, Capability.DUMP_APPEND, "pcap_dump_open_append");
        if (CookieFiles.available()) {
            addIf(caps, Capability.OFFLINE_STREAM, "pcap_fopen_offline_with_tstamp_precision");
            addIf(caps, Capability.DUMP_STREAM, "pcap_dump_fopen");
        }
        return caps;
    }

    private static void addIf(Set<Capability> caps, Capability capability, String symbol) {
        if (Libpcap.has(symbol)) {
            caps.add(capability);
        }
    }

    private void require(Capability capability) {
        if (!capabilities.contains(capability)) {
            throw new UnsupportedCapabilityException(name(), capability);
        }
    }

    @Override
    public String name() {
        return PanamaPcapProvider.NAME;
    }

    @Override
    public String libraryVersion() {
        return version;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public List<Device> devices() throws PcapException {
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment out = scratch.allocate(ValueLayout.ADDRESS);
            MemorySegment errbuf = scratch.allocate(Libpcap.ERRBUF_SIZE);
            if (PcapConfig.pcap_findalldevs(out, errbuf) != 0) {
                throw new PcapException("cannot list devices: " + Errors.errbuf(errbuf));
            }
            long head = Structs.pointerAt(out.address());
            try {
                List<Device> devices = new ArrayList<>();
                for (long dev = head; dev != 0; dev = Structs.PcapIf.next(dev)) {
                    devices.add(new Device(Structs.PcapIf.name(dev), Structs.PcapIf.description(dev),
                            addresses(Structs.PcapIf.addresses(dev)), Structs.PcapIf.flags(dev)));
                }
                return List.copyOf(devices);
            } finally {
                if (head != 0) {
                    PcapConfig.pcap_freealldevs(Libpcap.pointer(head));
                }
            }
        }
    }

    private static List<DeviceAddress> addresses(long first) {
        List<DeviceAddress> list = new ArrayList<>();
        for (long a = first; a != 0; a = Structs.pointerAt(a + Structs.PcapAddr.NEXT)) {
            var address = Structs.Sockaddr.toInet(Structs.pointerAt(a + Structs.PcapAddr.ADDR));
            if (address == null) {
                continue; // link-layer (AF_PACKET) and other families are not reported
            }
            list.add(new DeviceAddress(address,
                    Structs.Sockaddr.toInet(Structs.pointerAt(a + Structs.PcapAddr.NETMASK)),
                    Structs.Sockaddr.toInet(Structs.pointerAt(a + Structs.PcapAddr.BROADADDR)),
                    Structs.Sockaddr.toInet(Structs.pointerAt(a + Structs.PcapAddr.DSTADDR))));
        }
        return list;
    }

    @Override
    public LiveHandle openLive(String device, LiveOptions options) throws PcapException {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(options, "options");
        LibpcapErrors.refuseFanout(name(), options);
        return PanamaLiveHandle.open(device, options);
    }

    @Override
    public OfflineHandle openOffline(Path file, OfflineOptions options) throws PcapException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        return PanamaOfflineHandle.open(file, options, critical);
    }

    @Override
    public OfflineHandle openOffline(InputStream in, OfflineOptions options) throws PcapException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(options, "options");
        require(Capability.OFFLINE_STREAM);
        return PanamaOfflineHandle.open(in, options);
    }

    @Override
    public Dumper openDumper(Path file, LinkType linkType, int snaplen, DumpOptions options) throws PcapException {
        Objects.requireNonNull(linkType, "linkType");
        return PanamaDumper.open(file, linkType, snaplen, options, precisionOf(options));
    }

    @Override
    public Dumper openDumper(OutputStream out, LinkType linkType, int snaplen, DumpOptions options)
            throws PcapException {
        Objects.requireNonNull(linkType, "linkType");
        require(Capability.DUMP_STREAM);
        return PanamaDumper.open(out, linkType, snaplen, options, precisionOf(options));
    }

    private static TimestampPrecision precisionOf(DumpOptions options) {
        return options.precision() != null ? options.precision() : TimestampPrecision.MICRO;
    }

    @Override
    public BpfProgram compileFilter(FilterSpec spec) throws PcapException {
        if (spec.snaplen() <= 0) {
            throw new IllegalArgumentException("snaplen must be positive: " + spec.snaplen());
        }
        return Filters.compile(spec.expression(), spec.linkType(), spec.snaplen(), spec.optimize(), spec.netmask());
    }

    @Override
    public String toString() {
        return "panama backend (" + version + ", from " + Libpcap.loadedFrom() + ")";
    }
}
