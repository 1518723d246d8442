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

    /** The backend for reading and writing files. */
    Backend forFiles() throws CliException {
        return choose(Capability.OFFLINE_FILE);
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
