package dev.trawl.filter;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves host names used in filter expressions ({@code host gateway.example}). The default asks the system
 * resolver, as libpcap's getaddrinfo call does; tests and sandboxed callers can supply their own (for example
 * one that reads only /etc/hosts). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface HostResolver {
    /**
     * Returns the addresses of a name, in the resolver's order, or an empty list if the name is unknown.
     * Must not throw for unknown names.
     */
    List<InetAddress> resolve(String name);

    /** The system resolver. */
    static HostResolver system() {
        return name -> {
            try {
                return List.of(InetAddress.getAllByName(name));
            } catch (UnknownHostException | SecurityException e) {
                return List.of();
            }
        };
    }
}
