package dev.trawl.pcap;

import java.util.Optional;

/**
 * What {@link Pcap} found about one installed provider: whether its backend works here, and if not, why.
 *
 * @param name the provider's name, or the class name of a provider that failed to load
 * @param priority its priority; higher wins when no backend is named; {@link Integer#MIN_VALUE} for a provider
 *     that failed to load, whose priority is not known
 * @param backend the backend, when it works here
 * @param problem why it does not work here, when it does not
 */
public record BackendInfo(String name, int priority, Optional<Backend> backend, String problem) {
    /** Whether the backend works here. */
    public boolean available() {
        return backend.isPresent();
    }

    @Override
    public String toString() {
        String rank = priority == Integer.MIN_VALUE ? "" : " (priority " + priority + ")";
        return available()
                ? name + rank + ": " + backend.get().libraryVersion()
                : name + rank + ": unavailable: " + problem;
    }
}
