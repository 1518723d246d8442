package dev.trawl.pcap.afpacket;

import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.PcapException;

/**
 * Run by {@link PermissionTest} in a JVM without {@code CAP_NET_RAW}: opens a capture and prints the class and
 * message of what it throws, or {@code opened}.
 */
public final class PermissionProbe {
    private PermissionProbe() {
    }

    public static void main(String[] args) throws Exception {
        try {
            Pcap.backend("afpacket").openLive(args[0], LiveOptions.defaults()).close();
            System.out.println("opened");
        } catch (PcapException e) {
            System.out.println(e.getClass().getName() + ": " + e.getMessage());
        }
    }
}
