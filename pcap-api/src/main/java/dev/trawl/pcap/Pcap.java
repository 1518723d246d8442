package dev.trawl.pcap;

import dev.trawl.pcap.spi.PcapProvider;
import dev.trawl.pcap.spi.ServiceProviders;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The entry point: finds the installed backends and opens captures through the chosen one.
 *
 * <p>Backends are {@link PcapProvider}s found with {@link ServiceProviders} (the context class loader, then
 * this module's own) on the module path and the class path, once, on first use; each provider builds its backend (loading its native library) only when that
 * backend is first needed. A provider that cannot load or cannot work here (a class file too new for this
 * JDK, libpcap missing, native access not enabled) never breaks discovery: {@link #backends()} lists it with
 * the reason.
 *
 * <p>{@link #backend()} chooses, in order: the backend named by the {@value #BACKEND_PROPERTY} system
 * property, else by the {@value #BACKEND_ENV} environment variable, else the available backend of highest
 * priority. Thread-safe.
 */
public final class Pcap {
    /** The system property that names the backend to use. */
    public static final String BACKEND_PROPERTY = "trawl.backend";
    /** The environment variable that names the backend to use, when the property is not set. */
    public static final String BACKEND_ENV = "TRAWL_BACKEND";

    private static final System.Logger LOG = System.getLogger(Pcap.class.getName());

    private Pcap() {
    }

    private static final class Registry {
        /** Every provider found, highest priority first; each backend is created on first use. */
        static final List<Entry> PROVIDERS = discover();
    }

    /**
     * One provider found by discovery. Creating its backend (which may load a native library) waits until
     * someone asks for it, and happens once.
     */
    private static final class Entry {
        final String name;
        final int priority;
        private final PcapProvider provider;
        private BackendInfo info;

        Entry(String name, int priority, PcapProvider provider, BackendInfo failed) {
            this.name = name;
            this.priority = priority;
            this.provider = provider;
            this.info = failed;
        }

        /** The provider's priority for work needing a capability; a broken one ranks last. */
        int priority(Capability capability) {
            if (provider == null) {
                return Integer.MIN_VALUE;
            }
            try {
                return provider.priority(capability);
            } catch (RuntimeException | LinkageError e) {
                return priority;
            }
        }

        synchronized BackendInfo info() {
            if (info == null) {
                info = create(provider, name, priority);
            }
            return info;
        }
    }

    /**
     * Every provider found, available or not, highest priority first. This creates every backend, loading
     * their native libraries; {@link #backend(String)} creates only the one it names.
     */
    public static List<BackendInfo> backends() {
        return Registry.PROVIDERS.stream().map(Entry::info).toList();
    }

    /**
     * The backend to use: the one named by {@value #BACKEND_PROPERTY} or {@value #BACKEND_ENV}, else the
     * available one of highest priority.
     *
     * @throws BackendUnavailableException if the named backend is missing or unavailable, or none is available
     */
    public static Backend backend() throws BackendUnavailableException {
        Optional<String> named = configuredName();
        if (named.isPresent()) {
            return backend(named.get());
        }
        for (Entry entry : Registry.PROVIDERS) {
            Optional<Backend> backend = entry.info().backend();
            if (backend.isPresent()) {
                return backend.get();
            }
        }
        throw new BackendUnavailableException("no capture backend is available: " + summary());
    }

    /**
     * The backend with this name.
     *
     * @throws BackendUnavailableException if it is not installed or cannot work here; the message says why
     */
    public static Backend backend(String name) throws BackendUnavailableException {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Entry entry : Registry.PROVIDERS) {
            if (entry.name.equals(wanted)) {
                BackendInfo info = entry.info();
                return info.backend().orElseThrow(() -> new BackendUnavailableException(
                        "backend '" + wanted + "' is installed but unavailable: " + info.problem()));
            }
        }
        throw new BackendUnavailableException("no backend named '" + wanted + "'; installed: " + summary());
    }

    /**
     * The backend to use for a capability: the configured backend when one is named, else the available one
     * that has the capability and ranks highest for it ({@link PcapProvider#priority(Capability)}).
     */
    public static Backend backendFor(Capability capability) throws BackendUnavailableException {
        if (configuredName().isPresent()) {
            return backend();
        }
        List<Entry> ranked = new ArrayList<>(Registry.PROVIDERS);
        ranked.sort(Comparator.comparingInt((Entry e) -> e.priority(capability)).reversed());
        for (Entry entry : ranked) {
            Optional<Backend> backend = entry.info().backend();
            if (backend.isPresent() && backend.get().supports(capability)) {
                return backend.get();
            }
        }
        throw new BackendUnavailableException("no available backend supports " + capability + ": " + summary());
    }

    /** Opens a capture file with the default backend for files. */
    public static OfflineHandle openOffline(Path file) throws PcapException {
        return backendFor(Capability.OFFLINE_FILE).openOffline(file, OfflineOptions.defaults());
    }

    /** Opens a capture file with the default backend for files. */
    public static OfflineHandle openOffline(Path file, OfflineOptions options) throws PcapException {
        return backendFor(Capability.OFFLINE_FILE).openOffline(file, options);
    }

    /** Opens a live capture with the default backend for live capture (for fanout, if the options ask for it). */
    public static LiveHandle openLive(String device, LiveOptions options) throws PcapException {
        return backendFor(options.fanout() != null ? Capability.FANOUT : Capability.LIVE_CAPTURE)
                .openLive(device, options);
    }

    private static Optional<String> configuredName() {
        String name = System.getProperty(BACKEND_PROPERTY);
        if (name == null || name.isBlank()) {
            name = System.getenv(BACKEND_ENV);
        }
        return name == null || name.isBlank() ? Optional.empty() : Optional.of(name);
    }

    private static String summary() {
        List<BackendInfo> all = backends();
        if (all.isEmpty()) {
            return "none found; put a backend (trawl-backend-jna, -panama, -pcap4j) on the class path";
        }
        StringBuilder text = new StringBuilder();
        for (BackendInfo info : all) {
            text.append(text.isEmpty() ? "" : "; ").append(info);
        }
        return text.toString();
    }

    private static List<Entry> discover() {
        ServiceProviders<PcapProvider> found = ServiceProviders.load(PcapProvider.class);
        Map<String, Entry> byName = new LinkedHashMap<>();
        List<Entry> broken = new ArrayList<>();
        for (ServiceProviders.Failure failure : found.failures()) {
            LOG.log(System.Logger.Level.DEBUG, "capture provider " + failure.provider() + " failed to load",
                    failure.cause());
            broken.add(new Entry(failure.provider(), Integer.MIN_VALUE, null, new BackendInfo(failure.provider(),
                    Integer.MIN_VALUE, Optional.empty(), failure.reason())));
        }
        for (PcapProvider provider : found.providers()) {
            String name;
            int priority;
            try {
                name = provider.name().toLowerCase(Locale.ROOT);
                priority = provider.priority();
            } catch (RuntimeException | LinkageError e) {
                String className = provider.getClass().getName();
                broken.add(new Entry(className, Integer.MIN_VALUE, null, new BackendInfo(className,
                        Integer.MIN_VALUE, Optional.empty(), new ServiceProviders.Failure(className, e).reason())));
                continue;
            }
            // The first of two providers with one name wins, in the order discovery found them.
            byName.putIfAbsent(name, new Entry(name, priority, provider, null));
        }
        List<Entry> all = new ArrayList<>(byName.values());
        all.addAll(broken);
        all.sort(Comparator.comparingInt((Entry e) -> e.priority).reversed());
        return List.copyOf(all);
    }

    private static BackendInfo create(PcapProvider provider, String name, int priority) {
        try {
            Backend backend = provider.create();
            return new BackendInfo(name, priority, Optional.of(backend), null);
        } catch (BackendUnavailableException e) {
            return new BackendInfo(name, priority, Optional.empty(), e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "capture provider " + name + " failed", e);
            return new BackendInfo(name, priority, Optional.empty(), new ServiceProviders.Failure(name, e).reason());
        }
    }
}
