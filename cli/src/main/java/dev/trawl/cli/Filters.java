package dev.trawl.cli;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.BackendInfo;
import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.Capability;
import dev.trawl.pcap.DeviceAddress;
import dev.trawl.pcap.FilterSpec;
import dev.trawl.pcap.Handle;
import dev.trawl.pcap.InvalidFilterException;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.spi.FilterCompiler;

import java.net.Inet4Address;
import java.nio.ByteBuffer;

/**
 * Capture filters: which engine compiles them ({@code --filter-engine}), and setting them on a handle.
 * The {@code native} engine is libpcap's {@code pcap_compile} through a native backend; the {@code java}
 * engine is the pure-Java compiler of {@code trawl-filter}. Either way the compiled program is set on the
 * handle, so a live capture filters in the kernel. Stateless.
 */
final class Filters {
    private Filters() {
    }

    /** The engine to use: the one asked for, else native when a libpcap backend with filters is available. */
    static String engine(Trawl t) throws CliException {
        if (t.filterEngine != null) {
            if (!t.filterEngine.equals("java") && !t.filterEngine.equals("native")) {
                throw new CliException("unknown filter engine '" + t.filterEngine + "' (java or native)", 2, null);
            }
            return t.filterEngine;
        }
        for (BackendInfo info : Pcap.backends()) {
            if (info.available() && Backends.isNative(info.backend().get())
                    && info.backend().get().supports(Capability.FILTER)) {
                return "native";
            }
        }
        return "java";
    }

    /** Compiles an expression for a link type with the chosen engine. */
    static BpfProgram compile(Trawl t, Backends backends, String expression, LinkType linkType, int snaplen,
            boolean optimize, int netmask) throws PcapException, CliException {
        FilterSpec spec = new FilterSpec(expression, linkType, snaplen, optimize, netmask);
        if (engine(t).equals("java")) {
            FilterCompiler compiler = FilterCompiler.installed().orElseThrow(() -> new CliException(
                    "the java filter engine needs trawl-filter on the class path"));
            return compiler.compile(spec);
        }
        Backend backend = nativeBackend(t, backends);
        try {
            return backend.compileFilter(spec);
        } catch (InvalidFilterException e) {
            throw withColumn(e, expression, linkType, snaplen, optimize, netmask);
        }
    }

    /**
     * libpcap's messages carry no column; trawl-filter's do. For a caret under libpcap's error, ask the java
     * compiler where it fails, and keep libpcap's words.
     */
    static InvalidFilterException withColumn(InvalidFilterException e, String expression, LinkType linkType,
            int snaplen, boolean optimize, int netmask) {
        if (e.column() >= 0 || FilterCompiler.installed().isEmpty()) {
            return e;
        }
        try {
            FilterCompiler.installed().get().compile(new FilterSpec(expression, linkType, snaplen, optimize, netmask));
        } catch (InvalidFilterException located) {
            if (located.column() >= 0) {
                return new InvalidFilterException(e.description(), expression, located.column());
            }
        } catch (RuntimeException ignored) {
            // the java compiler failing differently is no reason to hide libpcap's message
        }
        return e;
    }

    private static Backend nativeBackend(Trawl t, Backends backends) throws CliException {
        Backend backend = backends.forFilters();
        if (!Backends.isNative(backend)) {
            throw new CliException("the native filter engine needs a libpcap backend (jna, panama, pcap4j); "
                    + "backend '" + backend.name() + "' has none: use --filter-engine java or --backend");
        }
        return backend;
    }

    /** Sets the command line's filter expression, if any, on an open handle. */
    static void apply(Trawl t, Backends backends, Handle handle, boolean live) throws PcapException, CliException {
        String expression = t.filterExpression();
        if (expression == null) {
            return;
        }
        int netmask = live ? netmask((LiveHandle) handle, backends) : Handle.NETMASK_UNKNOWN;
        if (engine(t).equals("native") && live) {
            try {
                handle.setFilter(expression); // libpcap compiles it with the device's own netmask
            } catch (InvalidFilterException e) {
                throw withColumn(e, expression, handle.linkType(), handle.snaplen(), true, netmask);
            }
            return;
        }
        BpfProgram program = compile(t, backends, expression, handle.linkType(), handle.snaplen(), true, netmask);
        if (!live) {
            refuseLiveOnly(program, expression, handle.linkType());
        }
        handle.setFilter(program);
    }

    /** The Linux kernel's ancillary loads ({@code SKF_AD_OFF} + n): packet type and interface index. */
    private static final int ANCILLARY_PACKET_TYPE = 0xFFFFF004;
    private static final int ANCILLARY_IFINDEX = 0xFFFFF008;

    /**
     * A program compiled without a capture handle may read what only the kernel knows of a live packet (its
     * direction, its interface): a file has none of it, and such a filter would reject every packet in
     * silence. libpcap refuses these filters on a savefile; so does trawl, with libpcap's words.
     */
    static void refuseLiveOnly(BpfProgram program, String expression, LinkType linkType) throws InvalidFilterException {
        for (var insn : program.instructions()) {
            if ((insn.code() & 0x07) != 0x00 || (insn.code() & 0xE0) != 0x20) {
                continue; // only absolute loads reach the ancillary area
            }
            if (insn.k() == ANCILLARY_PACKET_TYPE) {
                throw new InvalidFilterException("inbound/outbound not supported on " + linkType.description()
                        + " when reading savefiles", expression, -1);
            }
            if (insn.k() == ANCILLARY_IFINDEX) {
                throw new InvalidFilterException("ifindex not supported on " + linkType.description()
                        + " when reading savefiles", expression, -1);
            }
        }
    }

    private static int netmask(LiveHandle handle, Backends backends) {
        try {
            for (var device : backends.forLive().devices()) {
                if (device.name().equals(handle.device())) {
                    for (DeviceAddress a : device.addresses()) {
                        if (a.address() instanceof Inet4Address && a.netmask() instanceof Inet4Address mask) {
                            return ByteBuffer.wrap(mask.getAddress()).getInt();
                        }
                    }
                }
            }
        } catch (PcapException | CliException | RuntimeException e) {
            // no netmask: 'broadcast' filters then fail to compile, as with tcpdump on such a device
        }
        return Handle.NETMASK_UNKNOWN;
    }
}
