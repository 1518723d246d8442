package dev.trawl.examples;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.Capability;
import dev.trawl.pcap.Device;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.ReadStatus;

import java.time.Duration;

/**
 * Lists the capture devices, then captures ten packets on one of them, using nothing but pcap-api.
 *
 * <pre>./trawl example ListDevices [DEVICE]</pre>
 *
 * Capturing needs root or CAP_NET_RAW; without them the listing still works and the capture fails with a
 * message that says so.
 */
public final class ListDevices {
    private ListDevices() {
    }

    public static void main(String[] args) throws PcapException {
        // The backend that can capture live: panama, jna or pcap4j, whichever is installed and works here.
        Backend backend = Pcap.backendFor(Capability.LIVE_CAPTURE);
        System.out.println("backend " + backend.name() + ": " + backend.libraryVersion());

        for (Device device : backend.devices()) {
            System.out.printf("%-12s %s%s%n", device.name(), device.isUp() ? "up" : "down",
                    device.description() == null ? "" : "  (" + device.description() + ")");
        }

        String name = args.length > 0 ? args[0]
                : backend.defaultDevice().map(Device::name).orElseThrow(() -> new PcapException("no device"));
        // Short timeout so that a quiet interface still returns to the loop; the defaults are tcpdump's.
        LiveOptions options = LiveOptions.builder().timeout(Duration.ofMillis(200)).build();
        try (LiveHandle handle = backend.openLive(name, options)) {
            System.out.println("capturing 10 packets on " + name + " (" + handle.linkType() + ")");
            int seen = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen < 10 && System.nanoTime() < deadline) {
                if (handle.next() == ReadStatus.PACKET) {
                    // The packet is a view into the backend's buffer, valid until the next read.
                    Packet p = handle.packet();
                    System.out.printf("%d.%09d  %d bytes (%d on the wire)%n", p.timestampSeconds(),
                            p.timestampNanos(), p.capturedLength(), p.originalLength());
                    seen++;
                }
            }
            System.out.println(handle.stats());
        }
    }
}
