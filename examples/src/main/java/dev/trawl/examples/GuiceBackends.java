package dev.trawl.examples;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import dev.trawl.pcap.Backend;
import dev.trawl.pcap.BackendUnavailableException;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;

import java.nio.file.Path;
import java.util.Properties;

/**
 * Chooses and wires a backend with Guice. The application depends on {@link Backend} and on handles, never
 * on a backend class; a {@link CaptureModule} provides the backend named by configuration, so swapping
 * libpcap bindings (or running on the pure-Java codec where libpcap is absent) is a configuration change.
 *
 * <pre>./trawl example GuiceBackends FILE [BACKEND]</pre>
 *
 * e.g. {@code ./trawl example GuiceBackends capture.pcap java}, then the same with {@code panama} or
 * {@code jna}: the application code does not change.
 */
public final class GuiceBackends {
    private GuiceBackends() {
    }

    /** Binds {@link Backend} to the configured one, and a factory for offline handles over it. */
    public static final class CaptureModule extends AbstractModule {
        private final Properties config;

        public CaptureModule(Properties config) {
            this.config = config;
        }

        @Override
        protected void configure() {
            // Configuration values become injectable @Named strings.
            Names.bindProperties(binder(), config);
        }

        @Provides
        @Singleton
        Backend backend(@Named("capture.backend") String name) throws BackendUnavailableException {
            // "auto" means: let trawl pick the best available backend.
            return name.equals("auto") ? Pcap.backend() : Pcap.backend(name);
        }

        @Provides
        HandleFactory handles(Backend backend) {
            return backend::openOffline;
        }
    }

    /** Opens capture files; what the application asks Guice for instead of a backend-specific class. */
    @FunctionalInterface
    public interface HandleFactory {
        OfflineHandle open(Path file) throws PcapException;
    }

    /** The application: counts packets and bytes of a file, unaware of which backend reads it. */
    public static final class PacketCounter {
        private final HandleFactory handles;
        private final Backend backend;

        @Inject
        PacketCounter(HandleFactory handles, Backend backend) {
            this.handles = handles;
            this.backend = backend;
        }

        String count(Path file) throws PcapException {
            long packets = 0;
            long bytes = 0;
            try (OfflineHandle handle = handles.open(file)) {
                while (handle.next() == ReadStatus.PACKET) {
                    packets++;
                    bytes += handle.packet().originalLength();
                }
            }
            return file + ": " + packets + " packets, " + bytes + " bytes, read by " + backend.name();
        }
    }

    public static void main(String[] args) throws PcapException {
        if (args.length < 1) {
            System.err.println("usage: GuiceBackends FILE [BACKEND]");
            return;
        }
        Properties config = new Properties();
        config.setProperty("capture.backend", args.length > 1 ? args[1] : "auto");
        Injector injector = Guice.createInjector(new CaptureModule(config));
        System.out.println(injector.getInstance(PacketCounter.class).count(Path.of(args[0])));
    }
}
