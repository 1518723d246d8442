package dev.trawl.pcap.pcap4j;

import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.PcapException;

/** Run by {@link PermissionDeniedTest} in a child JVM without capture privileges: prints what opening gives. */
final class PermissionProbe {
    private PermissionProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (var handle = Pcap.backend(Pcap4jPcapProvider.NAME).openLive(args[0], LiveOptions.defaults())) {
            System.out.println("opened " + handle.device());
        } catch (PcapException e) {
            System.out.println(e.getClass().getName() + " status=" + e.status() + ": " + e.getMessage());
        }
    }
}
