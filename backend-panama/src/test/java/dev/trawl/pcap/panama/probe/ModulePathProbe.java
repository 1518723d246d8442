package dev.trawl.pcap.panama.probe;

import dev.trawl.pcap.BackendUnavailableException;
import dev.trawl.pcap.Pcap;

/**
 * Run in a separate JVM with the backend on the module path: prints whether the {@code panama} backend loads.
 * It lives outside the backend's package, which a named module owns.
 */
public final class ModulePathProbe {
    private ModulePathProbe() {
    }

    public static void main(String[] args) {
        System.out.println("module: " + Pcap.class.getModule().getName());
        try {
            var backend = Pcap.backend("panama");
            System.out.println("panama: " + backend.libraryVersion() + " from module "
                    + backend.getClass().getModule().getName());
        } catch (BackendUnavailableException e) {
            System.out.println("unavailable: " + e.getMessage());
        }
    }
}
