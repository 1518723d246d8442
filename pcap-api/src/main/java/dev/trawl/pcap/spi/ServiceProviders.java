package dev.trawl.pcap.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Spliterator;

/**
 * The providers of one service found with {@link ServiceLoader}, and the ones that could not be loaded, with
 * why. trawl finds its capture backends, its filter compiler and its decoder plugins this way.
 *
 * <p><b>Tolerant.</b> Each provider is loaded and instantiated on its own: a class that is missing, was
 * compiled for a newer Java, does not implement the service, or whose constructor throws becomes a
 * {@link Failure} in {@link #failures()}, and the search goes on with the next one. Nothing is thrown for
 * one bad provider, and nothing is logged: the caller decides how to report {@link #failures()}.
 *
 * <p><b>Class loaders.</b> {@link #load(Class)} searches the calling thread's context class loader first, then
 * the loader of the service type itself (the API's own loader), skipping a loader already searched. The
 * context loader sees what an application server or Spark added for the running job; the service's loader
 * sees what was deployed beside the API, even on a thread whose context loader knows nothing of it (a pool
 * thread). A provider class is kept once, by name, the first time it is found, and a failure is dropped when
 * the same class loaded elsewhere: under a child-first loader that carries its own copy of the service type,
 * the copy found there is not a subtype of the caller's service type, while the one found through the API's
 * loader works. On the module path, providers declared with {@code provides} in named modules are found as
 * well; the service need not be declared with {@code uses} by {@code dev.trawl.pcap}.
 *
 * <p>Instances are immutable and thread-safe; the lists are unmodifiable. Each call searches again and
 * instantiates every provider anew: callers that need the providers once keep the result.
 *
 * @param <S> the service type
 */
public final class ServiceProviders<S> {
    /** The most failures taken from one loader, in case a broken configuration file keeps failing. */
    private static final int MAX_FAILURES_PER_LOADER = 64;

    private final Class<S> service;
    private final List<S> providers;
    private final List<Failure> failures;

    private ServiceProviders(Class<S> service, List<S> providers, List<Failure> failures) {
        this.service = service;
        this.providers = Collections.unmodifiableList(providers);
        this.failures = Collections.unmodifiableList(failures);
    }

    /**
     * Finds the providers of {@code service} through the context class loader of the calling thread, then
     * through the class loader of {@code service}.
     */
    public static <S> ServiceProviders<S> load(Class<S> service) {
        Objects.requireNonNull(service, "service");
        List<ClassLoader> loaders = new ArrayList<>(2);
        loaders.add(Thread.currentThread().getContextClassLoader());
        loaders.add(service.getClassLoader());
        return load(service, loaders);
    }

    /**
     * Finds the providers of {@code service} through each of {@code loaders} in turn; a {@code null} entry
     * stands for the system class loader, as in {@link ServiceLoader#load(Class, ClassLoader)}, and a loader
     * listed twice is searched once.
     */
    public static <S> ServiceProviders<S> load(Class<S> service, List<ClassLoader> loaders) {
        Objects.requireNonNull(service, "service");
        // ServiceLoader asks its caller's module to declare the service; this module finds services of other
        // modules (decoder plugins) on their behalf. A no-op on the class path.
        ServiceProviders.class.getModule().addUses(service);
        Map<String, S> found = new LinkedHashMap<>();
        Map<String, Failure> failed = new LinkedHashMap<>();
        List<ClassLoader> searched = new ArrayList<>(loaders.size());
        for (ClassLoader given : loaders) {
            ClassLoader loader = given != null ? given : ClassLoader.getSystemClassLoader();
            if (searched.stream().noneMatch(seen -> seen == loader)) {
                searched.add(loader);
                search(service, loader, found, failed);
            }
        }
        failed.keySet().removeAll(found.keySet());
        return new ServiceProviders<>(service, new ArrayList<>(found.values()), new ArrayList<>(failed.values()));
    }

    private static <S> void search(Class<S> service, ClassLoader loader, Map<String, S> found,
            Map<String, Failure> failed) {
        Spliterator<ServiceLoader.Provider<S>> candidates;
        try {
            candidates = ServiceLoader.load(service, loader).stream().spliterator();
        } catch (ServiceConfigurationError e) {
            record(failed, new Failure(service.getName(), e));
            return;
        }
        int failures = 0;
        boolean more = true;
        while (more && failures < MAX_FAILURES_PER_LOADER) {
            try {
                // ServiceLoader goes on with the next provider after one that failed to load.
                more = candidates.tryAdvance(candidate -> instantiate(candidate, found, failed));
            } catch (ServiceConfigurationError | LinkageError e) {
                failures++;
                record(failed, new Failure(Failure.providerNameOf(e), e));
            }
        }
    }

    private static <S> void instantiate(ServiceLoader.Provider<S> candidate, Map<String, S> found,
            Map<String, Failure> failed) {
        String name = candidate.type().getName();
        if (found.containsKey(name)) {
            return; // the same provider, seen again through another loader
        }
        try {
            found.put(name, candidate.get());
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            record(failed, new Failure(name, e));
        }
    }

    private static void record(Map<String, Failure> failed, Failure failure) {
        failed.putIfAbsent(failure.provider(), failure);
    }

    /** The service these providers implement. */
    public Class<S> service() {
        return service;
    }

    /** The providers found, in the order found, each class once. Unmodifiable. */
    public List<S> providers() {
        return providers;
    }

    /** The first provider found, if any. */
    public Optional<S> first() {
        return providers.isEmpty() ? Optional.empty() : Optional.of(providers.get(0));
    }

    /** The providers that were registered but could not be loaded, each with why. Unmodifiable. */
    public List<Failure> failures() {
        return failures;
    }

    @Override
    public String toString() {
        return service.getName() + ": " + providers.size() + " found"
                + (failures.isEmpty() ? "" : ", " + failures.size() + " failed " + failures);
    }

    /**
     * A provider that was registered but could not be loaded or instantiated.
     *
     * @param provider the provider's class name, as far as the error tells it; {@code "unknown provider"}
     *     when it does not
     * @param cause what was thrown
     */
    public record Failure(String provider, Throwable cause) {
        /** Checks the components. */
        public Failure {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(cause, "cause");
        }

        /**
         * Why the provider failed, with what to do about it where that is known: a class file too new for
         * this Java, a native library or a dependency missing.
         */
        public String reason() {
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t instanceof UnsupportedClassVersionError) {
                    return "compiled for a newer Java than this one (" + System.getProperty("java.version")
                            + "); run on a newer JDK or remove it from the class path";
                }
                if (t instanceof UnsatisfiedLinkError) {
                    return "native library not found (" + t.getMessage()
                            + "); install libpcap (Debian: apt-get install libpcap0.8)";
                }
                if (t instanceof NoClassDefFoundError) {
                    return "a class it needs is missing (" + t.getMessage()
                            + "); check its dependencies are on the class path";
                }
            }
            if (cause instanceof ServiceConfigurationError && String.valueOf(cause.getMessage()).endsWith("not a subtype")) {
                return cause.getMessage() + ": it implements another copy of the service, loaded twice by different "
                        + "class loaders; keep one copy of the API on the class path";
            }
            Throwable root = cause;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return root == cause && cause instanceof ServiceConfigurationError
                    ? cause.getMessage()
                    : root.getClass().getSimpleName() + ": " + root.getMessage();
        }

        @Override
        public String toString() {
            return provider + ": " + reason();
        }

        /**
         * The class name of a provider that failed to load, from the error: a {@link ServiceConfigurationError}
         * says "SERVICE: Provider NAME could not be..." or "SERVICE: NAME not a subtype", a {@link LinkageError}
         * thrown while the class loads starts with the class's internal name ("dev/trawl/.../X has been
         * compiled by...").
         */
        static String providerNameOf(Throwable e) {
            String name = String.valueOf(e.getMessage());
            if (e instanceof ServiceConfigurationError) {
                name = name.substring(name.indexOf(": ") + 2);
                if (name.startsWith("Provider ")) {
                    name = name.substring("Provider ".length());
                }
            }
            int end = name.indexOf(' ');
            name = (end > 0 ? name.substring(0, end) : name).replace('/', '.');
            // A class name has a package; words from a message that names no class ("Error reading") do not.
            return name.matches("[\\p{javaJavaIdentifierPart}$]+(\\.[\\p{javaJavaIdentifierPart}$]+)+")
                    ? name : "unknown provider";
        }
    }
}
