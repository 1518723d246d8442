package dev.trawl.pcap.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.file.JavaPcapProvider;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.Set;
import java.util.function.Predicate;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery through {@link ServiceProviders}: broken providers, duplicates, and the class-loader setups of
 * application servers and Spark (a child loader, a child-first loader with or without its own copy of the
 * API), and the module path. {@link Greeter} is registered on the test class path in
 * {@code META-INF/services}, with {@link Hello} as its one provider; each test adds what it needs in a
 * directory of its own.
 */
class ServiceProvidersTest {
    /** A service only this test knows. */
    public interface Greeter {
        String greet();
    }

    /** The provider registered on the test class path. */
    public static final class Hello implements Greeter {
        @Override
        public String greet() {
            return "hello";
        }
    }

    /** A second provider, registered only where a test registers it. */
    public static final class Ahoy implements Greeter {
        @Override
        public String greet() {
            return "ahoy";
        }
    }

    /** A provider whose constructor fails. */
    public static final class Throwing implements Greeter {
        public Throwing() {
            throw new IllegalStateException("no greeting today");
        }

        @Override
        public String greet() {
            return "never";
        }
    }

    /** Registered as a provider, but not one. */
    public static final class NotAGreeter {
    }

    @TempDir
    Path dir;

    @Test
    void aBrokenProviderIsReportedAndTheOthersAreStillFound() throws Exception {
        register(dir, Greeter.class, Throwing.class.getName(), "no.such.Provider", NotAGreeter.class.getName(),
                Ahoy.class.getName());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, testLoader())) {
            ServiceProviders<Greeter> found = ServiceProviders.load(Greeter.class, List.of(loader));

            assertEquals(List.of("hello", "ahoy"), greetings(found), "the parent's provider first, then the child's");
            List<String> failed = found.failures().stream().map(ServiceProviders.Failure::provider).toList();
            assertEquals(List.of(Throwing.class.getName(), "no.such.Provider", NotAGreeter.class.getName()), failed);
            assertEquals("IllegalStateException: no greeting today", found.failures().get(0).reason());
            assertTrue(found.failures().get(1).reason().contains("not found"), found.failures().get(1).reason());
            assertTrue(found.failures().get(2).reason().contains("not a subtype"), found.failures().get(2).reason());
            assertThrows(UnsupportedOperationException.class, () -> found.providers().clear());
            assertThrows(UnsupportedOperationException.class, () -> found.failures().clear());
        }
    }

    @Test
    void aProviderRegisteredTwiceOrSeenThroughTwoLoadersIsKeptOnce() throws Exception {
        register(dir, Greeter.class, Hello.class.getName(), Ahoy.class.getName(), Hello.class.getName());
        try (URLClassLoader child = new URLClassLoader(new URL[] {dir.toUri().toURL()}, testLoader())) {
            ServiceProviders<Greeter> found = ServiceProviders.load(Greeter.class, List.of(child, testLoader(), child));
            assertEquals(List.of("hello", "ahoy"), greetings(found));
            assertTrue(found.failures().isEmpty(), found.toString());
        }
    }

    @Test
    void theContextLoaderIsSearchedFirstAndTheApisOwnLoaderToo() throws Exception {
        register(dir, Greeter.class, Ahoy.class.getName());
        try (URLClassLoader child = new URLClassLoader(new URL[] {dir.toUri().toURL()}, testLoader())) {
            assertEquals(List.of("hello", "ahoy"), withContextLoader(child, () -> greetings(
                    ServiceProviders.load(Greeter.class))));
            // A thread whose context loader knows nothing of trawl (a pool thread) still finds what was
            // deployed beside the API.
            ClassLoader unrelated = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());
            assertEquals(List.of("hello"), withContextLoader(unrelated, () -> greetings(
                    ServiceProviders.load(Greeter.class))));
            assertEquals(List.of("hello"), withContextLoader(null, () -> greetings(
                    ServiceProviders.load(Greeter.class))));
        }
    }

    @Test
    void underAChildFirstLoaderWithItsOwnCopyOfTheApiTheWorkingCopyIsKept() throws Exception {
        // Spark's userClassPathFirst: the job's jar carries the API and the provider, and its loader defines
        // them again. The provider seen there implements the other copy of the service and cannot be used;
        // the one found through the API's own loader can, and no failure is reported for the copy.
        try (ChildFirstLoader childFirst = new ChildFirstLoader(testClasses(), testLoader(), name -> false)) {
            Class<?> copy = childFirst.loadClass(Greeter.class.getName());
            assertTrue(copy != Greeter.class, "the loader defines its own copy of the service");

            ServiceProviders<Greeter> found = withContextLoader(childFirst, () -> ServiceProviders.load(Greeter.class));

            assertEquals(List.of("hello"), greetings(found));
            assertSame(testLoader(), found.providers().get(0).getClass().getClassLoader());
            assertTrue(found.failures().isEmpty(), found.toString());
        }
    }

    @Test
    void underAChildFirstLoaderAProviderOnlyTheJobCarriesIsFound() throws Exception {
        // The job's jar carries a provider and its registration, the API comes from the parent.
        register(dir, Greeter.class, Ahoy.class.getName());
        URL[] urls = {dir.toUri().toURL(), testClasses()[0]};
        try (ChildFirstLoader childFirst = new ChildFirstLoader(urls, testLoader(),
                name -> name.equals(Greeter.class.getName()))) {
            ServiceProviders<Greeter> found = withContextLoader(childFirst, () -> ServiceProviders.load(Greeter.class));

            assertEquals(List.of("ahoy", "hello"), greetings(found), "the job's registration comes first");
            assertSame(childFirst, found.providers().get(0).getClass().getClassLoader());
            assertTrue(found.failures().isEmpty(), found.toString());
        }
    }

    @Test
    void onTheModulePathAServiceOfAnotherModuleIsFoundWithoutItBeingDeclared() throws Exception {
        // dev.trawl.pcap declares no 'uses' for a decoder plugin or any other module's service.
        Path src = dir.resolve("src");
        Path classes = dir.resolve("classes");
        write(src.resolve("module-info.java"), """
                module probe.greeting {
                    requires dev.trawl.pcap;
                    exports probe.greeting;
                    provides probe.greeting.Greeting with probe.greeting.English;
                }
                """);
        write(src.resolve("probe/greeting/Greeting.java"), """
                package probe.greeting;
                public interface Greeting { String text(); }
                """);
        write(src.resolve("probe/greeting/English.java"), """
                package probe.greeting;
                public final class English implements Greeting { public String text() { return "hello"; } }
                """);
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow(() -> new AssertionError("needs a JDK"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--module-path", apiClasses().toString()));
        try (var files = Files.walk(src)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        assertEquals(0, javac.run(System.out, System.err, args.toArray(new String[0])), "compiling the probe module");

        ModuleFinder finder = ModuleFinder.of(apiClasses(), classes);
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolveAndBind(finder, ModuleFinder.of(), Set.of("probe.greeting"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration,
                ClassLoader.getPlatformClassLoader());
        ClassLoader loader = layer.findLoader("dev.trawl.pcap");
        Class<?> helper = loader.loadClass(ServiceProviders.class.getName());
        assertTrue(helper.getModule().isNamed(), "the helper runs in the named module dev.trawl.pcap");
        Class<?> greeting = loader.loadClass("probe.greeting.Greeting");

        Object found = withContextLoader(loader, () -> helper.getMethod("load", Class.class).invoke(null, greeting));
        List<?> providers = (List<?>) helper.getMethod("providers").invoke(found);
        assertEquals(1, providers.size(), found.toString());
        assertEquals("hello", greeting.getMethod("text").invoke(providers.get(0)));
        // The module's own provider of capture backends is found the same way.
        Class<?> pcapProvider = loader.loadClass(PcapProvider.class.getName());
        Object backends = withContextLoader(loader, () -> helper.getMethod("load", Class.class).invoke(null, pcapProvider));
        List<?> backendProviders = (List<?>) helper.getMethod("providers").invoke(backends);
        assertEquals(List.of(JavaPcapProvider.class.getName()),
                backendProviders.stream().map(p -> p.getClass().getName()).toList());
    }

    @Test
    void aProviderThatFailsToLoadIsNamedByItsClass() {
        assertEquals("dev.trawl.pcap.panama.PanamaPcapProvider", ServiceProviders.Failure.providerNameOf(
                new UnsupportedClassVersionError("dev/trawl/pcap/panama/PanamaPcapProvider has been compiled by a "
                        + "more recent version of the Java Runtime")));
        assertEquals("x.y.Z", ServiceProviders.Failure.providerNameOf(new ServiceConfigurationError(
                "dev.trawl.pcap.spi.PcapProvider: Provider x.y.Z could not be instantiated")));
        assertEquals("x.y.Z", ServiceProviders.Failure.providerNameOf(new ServiceConfigurationError(
                "dev.trawl.pcap.spi.PcapProvider: x.y.Z not a subtype")));
        assertEquals("unknown provider", ServiceProviders.Failure.providerNameOf(new ServiceConfigurationError(
                "dev.trawl.pcap.spi.PcapProvider: Error reading configuration file")));
    }

    @Test
    void theReasonNamesTheFixForCommonLoadingFailures() {
        assertTrue(new ServiceProviders.Failure("p", new UnsupportedClassVersionError("x")).reason()
                .contains("newer Java"));
        assertTrue(new ServiceProviders.Failure("p", new ServiceConfigurationError("wrapped",
                new UnsatisfiedLinkError("libpcap.so"))).reason().contains("install libpcap"));
        assertTrue(new ServiceProviders.Failure("p", new NoClassDefFoundError("com/sun/jna/Native")).reason()
                .contains("check its dependencies"));
    }

    // ---- fixtures ---------------------------------------------------------------------------------------

    /** A loader that looks in its own URLs before asking its parent, as Spark's userClassPathFirst does. */
    private static final class ChildFirstLoader extends URLClassLoader {
        private final Predicate<String> parentFirst;

        ChildFirstLoader(URL[] urls, ClassLoader parent, Predicate<String> parentFirst) {
            super(urls, parent);
            this.parentFirst = parentFirst;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> type = findLoadedClass(name);
                if (type == null && !name.startsWith("java.") && !parentFirst.test(name)) {
                    try {
                        type = findClass(name);
                    } catch (ClassNotFoundException notHere) {
                        // the parent's, then
                    }
                }
                if (type == null) {
                    type = getParent().loadClass(name);
                }
                if (resolve) {
                    resolveClass(type);
                }
                return type;
            }
        }

        @Override
        public java.util.Enumeration<URL> getResources(String name) throws IOException {
            List<URL> own = java.util.Collections.list(findResources(name));
            List<URL> all = new ArrayList<>(own);
            for (URL url : java.util.Collections.list(getParent().getResources(name))) {
                if (!own.contains(url)) {
                    all.add(url);
                }
            }
            return java.util.Collections.enumeration(all);
        }
    }

    @FunctionalInterface
    private interface Action<T> {
        T run() throws Exception;
    }

    private static <T> T withContextLoader(ClassLoader loader, Action<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static List<String> greetings(ServiceProviders<Greeter> found) {
        return found.providers().stream().map(Greeter::greet).toList();
    }

    private static void register(Path root, Class<?> service, String... providers) throws IOException {
        write(root.resolve("META-INF/services/" + service.getName()), String.join("\n", Arrays.asList(providers)));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static ClassLoader testLoader() {
        return ServiceProvidersTest.class.getClassLoader();
    }

    private static URL[] testClasses() throws Exception {
        return new URL[] {ServiceProvidersTest.class.getProtectionDomain().getCodeSource().getLocation()};
    }

    private static Path apiClasses() throws Exception {
        return Path.of(ServiceProviders.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
