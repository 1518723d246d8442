package dev.trawl.pcap.panama;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.BackendUnavailableException;
import dev.trawl.pcap.spi.PcapProvider;

/**
 * The {@code panama} provider: libpcap through {@code java.lang.foreign}, priority 300, the preferred native
 * backend.
 *
 * <p><b>Native access.</b> The JDK restricts {@code java.lang.foreign} linking to modules granted native
 * access: {@code --enable-native-access=dev.trawl.pcap.panama} on the module path, or
 * {@code --enable-native-access=ALL-UNNAMED} on the class path. Without the flag, JDK 22 to 25 only print a
 * warning (later JDKs may refuse), and that warning would appear at some random first capture. This provider
 * checks instead, with {@link Module#isNativeAccessEnabled()}, and reports itself unavailable with a message
 * naming the flag, so that {@link dev.trawl.pcap.Pcap} falls back to another backend and lists why. Set the
 * system property {@value #ALLOW_WITHOUT_FLAG_PROPERTY}{@code =true} to go ahead anyway, with the JDK's
 * warning.
 *
 * <p>The constructor does nothing; {@link #create()} loads libpcap. Thread-safe.
 */
public final class PanamaPcapProvider implements PcapProvider {
    /** The backend's name. */
    public static final String NAME = "panama";
    /** Its priority: the highest of the native backends. */
    public static final int PRIORITY = 300;
    /** Set to {@code true} to use this backend without {@code --enable-native-access}. */
    public static final String ALLOW_WITHOUT_FLAG_PROPERTY = "trawl.panama.allowWithoutNativeAccessFlag";

    /** Creates the provider; does nothing else, as {@link PcapProvider} asks. */
    public PanamaPcapProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Backend create() throws BackendUnavailableException {
        Module module = PanamaPcapProvider.class.getModule();
        if (!module.isNativeAccessEnabled() && !Boolean.getBoolean(ALLOW_WITHOUT_FLAG_PROPERTY)) {
            String flag = module.isNamed() ? module.getName() : "ALL-UNNAMED";
            throw new BackendUnavailableException("native access is not enabled for " + (module.isNamed()
                    ? "module " + flag : "the class path") + "; run java with --enable-native-access=" + flag
                    + " (or set -D" + ALLOW_WITHOUT_FLAG_PROPERTY + "=true to accept the JDK's warning)");
        }
        Libpcap.load();
        try {
            return new PanamaBackend();
        } catch (UnsatisfiedLinkError e) {
            throw new BackendUnavailableException("libpcap loaded from " + Libpcap.loadedFrom()
                    + " is too old: " + e.getMessage() + " (libpcap 1.5 or newer is needed)", e);
        }
    }
}
