package dev.trawl.pcap.panama;

import dev.trawl.pcap.BackendInfo;
import dev.trawl.pcap.BackendUnavailableException;
import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.PcapException;

/** Run in a separate JVM by {@link PanamaPcapProviderTest}: prints what discovery says of the panama backend. */
public final class NativeAccessProbe {
    private NativeAccessProbe() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("live")) {
            try {
                Pcap.backend("panama").openLive("lo", LiveOptions.defaults()).close();
                System.out.println("opened");
            } catch (PcapException e) {
                System.out.println("failed: " + e.getClass().getSimpleName() + " status " + e.status() + ": "
                        + e.getMessage());
            }
            return;
        }
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
