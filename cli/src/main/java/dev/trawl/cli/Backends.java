package dev.trawl.cli;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.BackendUnavailableException;
import dev.trawl.pcap.Capability;
import dev.trawl.pcap.Pcap;

/**
 * Chooses the backend for each job: the one named with {@code --backend} (or {@code trawl.backend} /
 * {@code TRAWL_BACKEND}) for everything, else the best available one for live capture or for files.
 * Not thread-safe.
 */
final class Backends {
    private final String named;

    Backends(String named) {
        this.named = named;
    }

    /** The backend for device listing and live capture. */
    Backend forLive() throws CliException {
        return choose(Capability.LIVE_CAPTURE);
    }

    /**
     * The backend for reading and writing files: the named one, else the built-in pure-Java codec, which
     * reads pcap, pcapng and gzip with no native library to load (the fastest start), else the best other.
     */
    Backend forFiles() throws CliException {
        if (named == null && System.getProperty(Pcap.BACKEND_PROPERTY) == null && System.getenv(Pcap.BACKEND_ENV) == null) {
            Backend java = createOnly("java");
            if (java != null) {
                return java;
            }
        }
        return choose(Capability.OFFLINE_FILE);
    }

    /** The backend with this name, created alone, or {@code null} if it is absent or cannot work here. */
    private static Backend createOnly(String name) {
        try {
            return Pcap.backend(name);
        } catch (BackendUnavailableException e) {
            return null; // choose() falls back to the best other, and --list-backends says why
        }
    }

    /** The backend that compiles filters natively: the named one, else the best with libpcap and filters. */
    Backend forFilters() throws CliException {
        return choose(Capability.FILTER);
    }

    /** The backend for a capability: the named one, else the best available one that has it. */
    Backend forCapability(Capability capability) throws CliException {
        return choose(capability);
    }

    private Backend choose(Capability capability) throws CliException {
        try {
            return named != null ? Pcap.backend(named) : Pcap.backendFor(capability);
        } catch (BackendUnavailableException e) {
            throw new CliException(e.getMessage() + " (see trawl --list-backends)", e);
        }
    }

    /** Whether a backend runs on libpcap (anything but the built-in file codec). */
    static boolean isNative(Backend backend) {
        return !backend.name().equals("java");
    }
}
