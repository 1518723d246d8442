package dev.trawl.pcap.jna;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import dev.trawl.pcap.Backend;
import dev.trawl.pcap.BackendUnavailableException;
import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.Capability;
import dev.trawl.pcap.Device;
import dev.trawl.pcap.DumpOptions;
import dev.trawl.pcap.Dumper;
import dev.trawl.pcap.FilterSpec;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.UnsupportedCapabilityException;
import dev.trawl.pcap.spi.DumperChecks;
import dev.trawl.pcap.spi.LibpcapErrors;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code jna} backend: libpcap, loaded once per class loader. Thread-safe; handles are not (see
 * {@link dev.trawl.pcap.Handle}).
 *
 * <p>It lacks {@link Capability#READ_GZIP} (libpcap reads no compressed files) and
 * {@link Capability#DUMP_PCAPNG} (libpcap 1.10 writes only pcap); asking for either throws
 * {@link UnsupportedCapabilityException}.
 */
final class JnaBackend implements Backend {
    static final String NAME = "jna";
    private static final String[] LIBRARY_NAMES = {"pcap", "libpcap.so.1", "libpcap.so.0.8", "wpcap"};
    private static final int PCAP_CHAR_ENC_UTF_8 = 1;

    private static JnaBackend instance;

    private final String version;
    private final OptionalPcap optional;
    private final boolean canAppend;
    private final Set<Capability> capabilities;

    private JnaBackend(NativeLibrary library) {
        this.optional = OptionalPcap.load(library);
        if (OptionalPcap.has(library, "pcap_init")) {
            // UTF-8 error messages and device names, whatever the locale; failure just keeps the local encoding.
            optional.pcap_init(PCAP_CHAR_ENC_UTF_8, Errors.errbuf());
        }
        this.canAppend = OptionalPcap.has(library, "pcap_dump_open_append");
        this.version = NativePcap.pcap_lib_version();
        EnumSet<Capability> caps = EnumSet.allOf(Capability.class);
        caps.remove(Capability.READ_GZIP);
        caps.remove(Capability.DUMP_PCAPNG);
        caps.remove(Capability.FANOUT); // libpcap has no API for it
        if (!canAppend) {
            caps.remove(Capability.DUMP_APPEND);
        }
        this.capabilities = Collections.unmodifiableSet(caps);
    }

    /** Loads libpcap and binds it, once. */
    static synchronized JnaBackend load() throws BackendUnavailableException {
        if (instance != null) {
            return instance;
        }
        try {
            if (Native.POINTER_SIZE != 8) {
                throw new BackendUnavailableException("the jna backend needs a 64-bit JVM; this one has "
                        + (8 * Native.POINTER_SIZE) + "-bit pointers");
            }
            NativeLibrary library = findLibrary(LIBRARY_NAMES);
            NativePcap.register(library);
            Libc.register();
            instance = new JnaBackend(library);
            return instance;
        } catch (UnsatisfiedLinkError e) {
            throw new BackendUnavailableException("libpcap is too old or incomplete for the jna backend "
                    + "(it needs libpcap 1.5 or newer): " + e.getMessage(), e);
        } catch (NoClassDefFoundError e) {
            throw new BackendUnavailableException("JNA (net.java.dev.jna:jna) is not on the class path", e);
        } catch (IllegalCallerException e) {
            throw new BackendUnavailableException("native access is not enabled: run java with "
                    + "--enable-native-access=ALL-UNNAMED (or =com.sun.jna on the module path)", e);
        }
    }

    /**
     * The first of the names that loads.
     *
     * @throws BackendUnavailableException if none does, saying what to install
     */
    static NativeLibrary findLibrary(String... names) throws BackendUnavailableException {
        UnsatisfiedLinkError firstFailure = null;
        for (String name : names) {
            try {
                return NativeLibrary.getInstance(name);
            } catch (UnsatisfiedLinkError e) {
                if (firstFailure == null) {
                    firstFailure = e;
                }
            }
        }
        throw new BackendUnavailableException("libpcap not found (tried " + String.join(", ", names)
                + "): install it, e.g. 'sudo apt-get install libpcap0.8' on Debian and Ubuntu, "
                + "'sudo dnf install libpcap' on Fedora", firstFailure);
    }

    @Override
    public String name() {
        return NAME;
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
        return Devices.list();
    }

    @Override
    public LiveHandle openLive(String device, LiveOptions options) throws PcapException {
        LibpcapErrors.refuseFanout(NAME, options);
        return LiveOpener.open(this, device, options);
    }

    @Override
    public OfflineHandle openOffline(Path file, OfflineOptions options) throws PcapException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        checkReadable(file);
        byte[] errbuf = Errors.errbuf();
        long p = NativePcap.pcap_open_offline_with_tstamp_precision(file.toString(), options.precision().code(), errbuf);
        if (p == 0) {
            throw new MalformedCaptureException(file + ": " + Errors.text(errbuf), -1);
        }
        return new JnaOfflineHandle(this, p, options.precision(), file.toString(), null);
    }

    /**
     * Refuses a gzip file, and a missing or unreadable one, in words that say what is wrong: libpcap would
     * call a gzip file a bad dump file.
     */
    private static void checkReadable(Path file) throws PcapException {
        byte[] magic = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(magic, 0, 4);
            LibpcapErrors.refuseGzip(NAME, file.toString(), magic, n);
        } catch (NoSuchFileException e) {
            throw new PcapException(file + ": No such file or directory", e);
        } catch (IOException e) {
            throw new PcapException(file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public OfflineHandle openOffline(InputStream in, OfflineOptions options) throws PcapException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(options, "options");
        Pump pump = Pump.from(in);
        byte[] errbuf = Errors.errbuf();
        long p = NativePcap.pcap_fopen_offline_with_tstamp_precision(pump.file(), options.precision().code(), errbuf);
        if (p == 0) {
            Libc.fclose(pump.file()); // libpcap leaves the FILE to the caller when it fails
            pump.stop();
            IOException failure = pump.failure();
            if (failure != null) {
                throw new PcapException("reading the capture stream failed: " + failure.getMessage(), failure);
            }
            throw new MalformedCaptureException("stream: " + Errors.text(errbuf), -1);
        }
        return new JnaOfflineHandle(this, p, options.precision(), "stream", pump);
    }

    @Override
    public Dumper openDumper(Path file, LinkType linkType, int snaplen, DumpOptions options) throws PcapException {
        Objects.requireNonNull(file, "file");
        DumperChecks.openLibpcap(NAME, linkType, snaplen, options, false, canAppend);
        return dumper(file, null, linkType, snaplen, options);
    }

    @Override
    public Dumper openDumper(OutputStream out, LinkType linkType, int snaplen, DumpOptions options)
            throws PcapException {
        Objects.requireNonNull(out, "out");
        DumperChecks.openLibpcap(NAME, linkType, snaplen, options, true, canAppend);
        return dumper(null, out, linkType, snaplen, options);
    }

    private Dumper dumper(Path file, OutputStream out, LinkType linkType, int snaplen, DumpOptions options)
            throws PcapException {
        TimestampPrecision precision = options.precision() == null ? TimestampPrecision.MICRO : options.precision();
        long dead = NativePcap.pcap_open_dead_with_tstamp_precision(linkType.toDlt(), snaplen, precision.code());
        if (dead == 0) {
            throw new PcapException("pcap_open_dead failed for link type " + linkType);
        }
        Pump pump = null;
        long dumper = 0;
        try {
            if (file != null) {
                dumper = options.append() ? optional.pcap_dump_open_append(dead, file.toString())
                        : NativePcap.pcap_dump_open(dead, file.toString());
            } else {
                pump = Pump.to(out);
                dumper = NativePcap.pcap_dump_fopen(dead, pump.file());
                if (dumper == 0) {
                    Libc.fclose(pump.file());
                }
            }
            if (dumper == 0) {
                String text = NativePcap.pcap_geterr(dead);
                throw options.append() && text.contains("different")
                        ? new MalformedCaptureException(text, 0) : new PcapException(text);
            }
            return new JnaDumper(dead, dumper, precision, pump, file != null ? file.toString() : "stream");
        } finally {
            if (dumper == 0) {
                NativePcap.pcap_close(dead);
            }
        }
    }

    @Override
    public BpfProgram compileFilter(FilterSpec spec) throws PcapException {
        long dead = NativePcap.pcap_open_dead_with_tstamp_precision(spec.linkType().toDlt(), spec.snaplen(), 0);
        if (dead == 0) {
            throw new PcapException("pcap_open_dead failed for link type " + spec.linkType());
        }
        try {
            return Filters.compile(dead, spec.expression(), spec.optimize(), spec.netmask());
        } finally {
            NativePcap.pcap_close(dead);
        }
    }

    @Override
    public String toString() {
        return "jna backend (" + version + ")";
    }
}
