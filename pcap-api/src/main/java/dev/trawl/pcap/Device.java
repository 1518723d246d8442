package dev.trawl.pcap;

import java.util.List;
import java.util.Objects;

/**
 * A capture device, as {@code pcap_findalldevs} describes it.
 *
 * @param name the name to open it by ({@code eth0}, {@code any}, {@code lo})
 * @param description a human-readable description, or {@code null} when the platform has none
 * @param addresses the device's network addresses, possibly empty
 * @param flags libpcap's {@code PCAP_IF_*} flag bits; see the accessor methods
 */
public record Device(String name, String description, List<DeviceAddress> addresses, int flags) {
    /** {@code PCAP_IF_LOOPBACK}. */
    public static final int FLAG_LOOPBACK = 0x1;
    /** {@code PCAP_IF_UP}. */
    public static final int FLAG_UP = 0x2;
    /** {@code PCAP_IF_RUNNING}. */
    public static final int FLAG_RUNNING = 0x4;
    /** {@code PCAP_IF_WIRELESS}. */
    public static final int FLAG_WIRELESS = 0x8;
    /** {@code PCAP_IF_CONNECTION_STATUS}: the two bits that hold a {@link ConnectionStatus}. */
    public static final int FLAG_CONNECTION_STATUS = 0x30;

    /** Whether a device is connected to a network, as libpcap reports it. */
    public enum ConnectionStatus {
        /** Not known. */
        UNKNOWN,
        /** Connected. */
        CONNECTED,
        /** Disconnected. */
        DISCONNECTED,
        /** The notion does not apply (loopback, {@code any}). */
        NOT_APPLICABLE
    }

    public Device {
        Objects.requireNonNull(name, "name");
        addresses = List.copyOf(addresses);
    }

    /** Whether this is a loopback device. */
    public boolean isLoopback() {
        return (flags & FLAG_LOOPBACK) != 0;
    }

    /** Whether the device is up. */
    public boolean isUp() {
        return (flags & FLAG_UP) != 0;
    }

    /** Whether the device is running. */
    public boolean isRunning() {
        return (flags & FLAG_RUNNING) != 0;
    }

    /** Whether this is a wireless device. */
    public boolean isWireless() {
        return (flags & FLAG_WIRELESS) != 0;
    }

    /** Whether the device is connected. */
    public ConnectionStatus connectionStatus() {
        return ConnectionStatus.values()[(flags & FLAG_CONNECTION_STATUS) >>> 4];
    }
}
