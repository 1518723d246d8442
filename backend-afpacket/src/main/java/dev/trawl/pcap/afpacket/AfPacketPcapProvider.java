package dev.trawl.pcap.afpacket;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.BackendUnavailableException;
import dev.trawl.pcap.Capability;
import dev.trawl.pcap.spi.PcapProvider;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code afpacket} provider: live capture on Linux from the kernel's memory-mapped packet ring
 * ({@code TPACKET_V3}), read in place with {@code java.lang.foreign}, with no libpcap. Priority 400 for live
 * capture, above {@code panama}; for files it ranks below every other provider, since it reads them with the
 * built-in {@code java} codec.
 *
 * <p><b>Native access.</b> Like {@code panama}, it needs {@code --enable-native-access=dev.trawl.pcap.afpacket}
 * (module path) or {@code ALL-UNNAMED} (class path); without the flag it reports itself unavailable, naming
 * the flag, unless {@value #ALLOW_WITHOUT_FLAG_PROPERTY} is {@code true}.
 *
 * <p>The constructor does nothing; {@link #create()} checks the platform. Thread-safe.
 */
public final class AfPacketPcapProvider implements PcapProvider {
    /** The backend's name. */
    public static final String NAME = "afpacket";
    /** Its priority for live capture: above every libpcap backend. */
    public static final int PRIORITY = 400;
    /** Its priority for files, which it reads with the {@code java} codec: below that codec itself. */
    public static final int FILE_PRIORITY = -1;
    /** Set to {@code true} to use this backend without {@code --enable-native-access}. */
    public static final String ALLOW_WITHOUT_FLAG_PROPERTY = "trawl.afpacket.allowWithoutNativeAccessFlag";

    private static final Set<Capability> LIVE = EnumSet.of(Capability.DEVICE_LIST, Capability.LIVE_CAPTURE,
            Capability.SEND, Capability.STATS, Capability.NON_BLOCKING, Capability.DIRECTION, Capability.SET_LINK_TYPE,
            Capability.TIMESTAMP_TYPE, Capability.IMMEDIATE_MODE, Capability.BREAK_LOOP, Capability.FANOUT);

    /** Creates the provider; does nothing else, as {@link PcapProvider} asks. */
    public AfPacketPcapProvider() {
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
    public int priority(Capability capability) {
        return LIVE.contains(capability) ? PRIORITY : FILE_PRIORITY;
    }

    @Override
    public Backend create() throws BackendUnavailableException {
        String os = System.getProperty("os.name", "");
        if (!os.toLowerCase(Locale.ROOT).startsWith("linux")) {
            throw new BackendUnavailableException("packet sockets are Linux's; this is " + os);
        }
        Module module = AfPacketPcapProvider.class.getModule();
        if (!module.isNativeAccessEnabled() && !Boolean.getBoolean(ALLOW_WITHOUT_FLAG_PROPERTY)) {
            String flag = module.isNamed() ? module.getName() : "ALL-UNNAMED";
            throw new BackendUnavailableException("native access is not enabled for " + (module.isNamed()
                    ? "module " + flag : "the class path") + "; run java with --enable-native-access=" + flag
                    + " (or set -D" + ALLOW_WITHOUT_FLAG_PROPERTY + "=true to accept the JDK's warning)");
        }
        if (!Libc.complete()) {
            throw new BackendUnavailableException("the C library lacks a function packet capture needs");
        }
        return new AfPacketBackend();
    }
}
