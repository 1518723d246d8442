package dev.trawl.pcap.afpacket;

import dev.trawl.filter.Filter;
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
import dev.trawl.pcap.file.JavaPcapProvider;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code afpacket} backend: live capture from the kernel's packet ring ({@link AfPacketHandle}), devices
 * from {@code getifaddrs} ({@link Devices}), filters compiled by the {@code filter} module, and files read
 * and written by the built-in {@code java} codec, so that the backend does everything the API asks.
 * Thread-safe and stateless apart from the codec it delegates to.
 */
final class AfPacketBackend implements Backend {
    private final Backend files = new JavaPcapProvider().create();
    private final Set<Capability> capabilities;

    AfPacketBackend() {
        EnumSet<Capability> all = EnumSet.of(Capability.DEVICE_LIST, Capability.LIVE_CAPTURE, Capability.SEND,
                Capability.STATS, Capability.NON_BLOCKING, Capability.DIRECTION, Capability.SET_LINK_TYPE,
                Capability.TIMESTAMP_TYPE, Capability.IMMEDIATE_MODE, Capability.BREAK_LOOP, Capability.FANOUT,
                Capability.FILTER, Capability.NANOSECOND_TIMESTAMPS);
        for (Capability c : files.capabilities()) {
            all.add(c);
        }
        this.capabilities = Collections.unmodifiableSet(all);
    }

    @Override
    public String name() {
        return AfPacketPcapProvider.NAME;
    }

    @Override
    public String libraryVersion() {
        Package p = AfPacketBackend.class.getPackage();
        String version = p == null ? null : p.getImplementationVersion();
        return "trawl TPACKET_V3 ring reader" + (version == null ? "" : " " + version) + " (Linux "
                + System.getProperty("os.version") + ", no libpcap; files by the java codec)";
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public List<Device> devices() throws PcapException {
        return Devices.list();
    }

    @Override
    public LiveHandle openLive(String device, LiveOptions options) throws PcapException {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(options, "options");
        return AfPacketHandle.open(this, device, options);
    }

    @Override
    public OfflineHandle openOffline(Path file, OfflineOptions options) throws PcapException {
        return new NamedOfflineHandle(files.openOffline(file, options));
    }

    @Override
    public OfflineHandle openOffline(InputStream in, OfflineOptions options) throws PcapException {
        return new NamedOfflineHandle(files.openOffline(in, options));
    }

    @Override
    public Dumper openDumper(Path file, LinkType linkType, int snaplen, DumpOptions options) throws PcapException {
        return files.openDumper(file, linkType, snaplen, options);
    }

    @Override
    public Dumper openDumper(OutputStream out, LinkType linkType, int snaplen, DumpOptions options)
            throws PcapException {
        return files.openDumper(out, linkType, snaplen, options);
    }

    @Override
    public BpfProgram compileFilter(FilterSpec spec) throws PcapException {
        Objects.requireNonNull(spec, "spec");
        if (spec.snaplen() <= 0) {
            throw new IllegalArgumentException("snaplen must be positive: " + spec.snaplen());
        }
        return Filter.compile(spec);
    }

    @Override
    public String toString() {
        return "afpacket backend (" + libraryVersion() + ")";
    }
}
