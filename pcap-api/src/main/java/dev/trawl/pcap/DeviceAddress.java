package dev.trawl.pcap;

import java.net.InetAddress;
import java.util.Objects;

/**
 * One address of a {@link Device}. Only IPv4 and IPv6 addresses are reported.
 *
 * @param address the address
 * @param netmask its netmask, or {@code null}
 * @param broadcast its broadcast address, or {@code null}
 * @param destination the other end of a point-to-point link, or {@code null}
 */
public record DeviceAddress(InetAddress address, InetAddress netmask, InetAddress broadcast, InetAddress destination) {
    public DeviceAddress {
        Objects.requireNonNull(address, "address");
    }
}
