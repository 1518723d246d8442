package dev.trawl.pcap.panama;

import dev.trawl.pcap.BackendInfo;
import dev.trawl.pcap.BackendUnavailableException;
import dev.trawl.pcap.Pcap;

/** Run in a separate JVM by {@link PanamaPcapProviderTest}: prints what discovery says of the panama backend. */
public final class NativeAccessProbe {
    private NativeAccessProbe() {
    }

    public static void main(String[] args) {
        for (BackendInfo info : Pcap.backends()) {
            System.out.println("backend: " + info);
        }
        try {
            System.out.println("panama: " + Pcap.backend("panama").libraryVersion());
        } catch (BackendUnavailableException e) {
            System.out.println("unavailable: " + e.getMessage());
        }
    }
}
