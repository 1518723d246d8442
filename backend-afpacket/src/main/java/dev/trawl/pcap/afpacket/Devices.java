package dev.trawl.pcap.afpacket;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.trawl.pcap.Device;
import dev.trawl.pcap.DeviceAddress;
import dev.trawl.pcap.PcapException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The capture devices, as libpcap lists them on Linux: every interface {@code getifaddrs} names (it names
 * those without addresses too), with its IPv4 and IPv6 addresses and its flags, then the {@code any} device,
 * ordered as libpcap orders them. Up, running, loopback come from the interface flags; wireless from the
 * interface's sysfs entry and hardware type; connected or disconnected from the link state the driver reports
 * through {@code ETHTOOL_GLINK}. Devices that are not network interfaces (libpcap's netfilter, D-Bus, USB and
 * Bluetooth monitors) cannot be captured through a packet socket and are not listed.
 */
@SuppressWarnings("restricted") // getifaddrs hands back pointers to read
final class Devices {
    static final String ANY_DESCRIPTION = "Pseudo-device that captures on all interfaces";

    // struct ifaddrs { next; name; unsigned flags; addr; netmask; broadaddr/dstaddr; data; }
    private static final long IFA_NEXT = 0;
    private static final long IFA_NAME = 8;
    private static final long IFA_FLAGS = 16;
    private static final long IFA_ADDR = 24;
    private static final long IFA_NETMASK = 32;
    private static final long IFA_IFU = 40;
    private static final int IFF_UP = 0x1;
    private static final int IFF_BROADCAST = 0x2;
    private static final int IFF_LOOPBACK = 0x8;
    private static final int IFF_POINTOPOINT = 0x10;
    private static final int IFF_RUNNING = 0x40;
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private Devices() {
    }

    /** One device being collected: flags fixed when first seen, addresses in the order they come. */
    private record Entry(String name, int flags, List<DeviceAddress> addresses) {
    }

    static List<Device> list() throws PcapException {
        Map<String, Entry> found = new LinkedHashMap<>();
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment state = Libc.newCallState(scratch);
            MemorySegment head = scratch.allocate(ADDRESS);
            if (Libc.getifaddrs(state, head) != 0) {
                throw new PcapException("cannot list devices: " + Libc.describe("getifaddrs", state));
            }
            long first = head.get(JAVA_LONG, 0);
            try {
                for (long ifa = first; ifa != 0; ifa = ALL.get(JAVA_LONG, ifa + IFA_NEXT)) {
                    String name = ALL.get(ADDRESS, ifa + IFA_NAME).reinterpret(Tpacket.IFNAMSIZ * 4L).getString(0);
                    int ifFlags = ALL.get(JAVA_INT, ifa + IFA_FLAGS);
                    Entry entry = found.get(name);
                    if (entry == null) {
                        entry = new Entry(name, flags(scratch, name, ifFlags), new ArrayList<>());
                        found.put(name, entry);
                    }
                    InetAddress address = inet(ALL.get(JAVA_LONG, ifa + IFA_ADDR));
                    if (address != null) {
                        long ifu = ALL.get(JAVA_LONG, ifa + IFA_IFU);
                        entry.addresses().add(new DeviceAddress(address, inet(ALL.get(JAVA_LONG, ifa + IFA_NETMASK)),
                                (ifFlags & IFF_BROADCAST) != 0 ? inet(ifu) : null,
                                (ifFlags & IFF_POINTOPOINT) != 0 ? inet(ifu) : null));
                    }
                }
            } finally {
                if (first != 0) {
                    Libc.freeifaddrs(first);
                }
            }
        }
        List<Device> devices = new ArrayList<>();
        for (Entry e : found.values()) {
            devices.add(new Device(e.name(), null, e.addresses(), e.flags()));
        }
        devices.add(new Device("any", ANY_DESCRIPTION, List.of(),
                Device.FLAG_UP | Device.FLAG_RUNNING | Device.FLAG_CONNECTION_STATUS));
        devices.sort((x, y) -> Integer.compareUnsigned(merit(x), merit(y))); // stable: ties keep their order
        return List.copyOf(devices);
    }

    /**
     * libpcap's figure of merit, lower first: not running, not up, loopback, disconnected (for wired devices)
     * rank last in that order; then the number at the end of the name; {@code any} after every running device
     * but loopback ones. Equal merits keep the order the devices were found in.
     */
    static int merit(Device d) {
        int n;
        if (d.name().equals("any")) {
            n = 0x1fffffff;
        } else {
            int end = d.name().length();
            int digits = end;
            while (digits > 0 && Character.isDigit(d.name().charAt(digits - 1))) {
                digits--;
            }
            n = digits == end ? 0 : (int) Math.min(Long.parseLong(d.name().substring(digits)), 0x0fffffff);
        }
        if (!d.isRunning()) {
            n |= 0x80000000;
        }
        if (!d.isUp()) {
            n |= 0x40000000;
        }
        if (d.isLoopback()) {
            n |= 0x20000000;
        }
        if (!d.isWireless() && d.connectionStatus() == Device.ConnectionStatus.DISCONNECTED) {
            n |= 0x10000000;
        }
        return n;
    }

    /** libpcap's flags for an interface: from its IFF_ flags, sysfs and the driver's link state. */
    private static int flags(Arena scratch, String name, int ifFlags) {
        int flags = 0;
        if ((ifFlags & IFF_LOOPBACK) != 0) {
            flags |= Device.FLAG_LOOPBACK;
        }
        if ((ifFlags & IFF_UP) != 0) {
            flags |= Device.FLAG_UP;
        }
        if ((ifFlags & IFF_RUNNING) != 0) {
            flags |= Device.FLAG_RUNNING;
        }
        if ((flags & Device.FLAG_LOOPBACK) != 0) {
            return flags | Device.FLAG_CONNECTION_STATUS; // not applicable
        }
        int type = Interfaces.hardwareType(name);
        if (type == Tpacket.ARPHRD_LOOPBACK) {
            return flags;
        }
        if (Interfaces.hasWirelessDirectory(name) || isWirelessType(type)) {
            flags |= Device.FLAG_WIRELESS;
        }
        return flags | linkState(scratch, name);
    }

    private static boolean isWirelessType(int type) {
        return switch (type) {
            case 783, 801, 802, 803, 804, 805, 825 -> true; // IrDA, 802.11 (plain, Prism, radiotap), 802.15.4, 6LoWPAN
            default -> false;
        };
    }

    /** The connection-status bits from {@code ETHTOOL_GLINK}: connected, disconnected, not applicable or unknown. */
    private static int linkState(Arena scratch, String name) {
        MemorySegment state = Libc.newCallState(scratch);
        int fd = Libc.socket(state, AF_INET, 2 /* SOCK_DGRAM */ | Tpacket.SOCK_CLOEXEC, 0);
        if (fd < 0) {
            return 0;
        }
        try {
            MemorySegment value = scratch.allocate(8, 4); // struct ethtool_value { u32 cmd; u32 data; }
            value.set(JAVA_INT, 0, Tpacket.ETHTOOL_GLINK);
            MemorySegment request = scratch.allocate(Tpacket.IFREQ_SIZE, 8);
            request.setString(0, name);
            request.set(JAVA_LONG, Tpacket.IFNAMSIZ, value.address());
            if (Libc.ioctl(state, fd, Tpacket.SIOCETHTOOL, request) != 0) {
                int errno = Libc.errno(state);
                // a driver without link state: libpcap calls that "not applicable"; a device gone: nothing
                return errno == Libc.EOPNOTSUPP || errno == Libc.EINVAL ? Device.FLAG_CONNECTION_STATUS : 0;
            }
            return value.get(JAVA_INT, 4) != 0 ? 0x10 : 0x20;
        } finally {
            Libc.close(fd);
        }
    }

    /** The IPv4 or IPv6 address of a {@code sockaddr}, or null for a null pointer or another family. */
    private static InetAddress inet(long sockaddr) {
        if (sockaddr == 0) {
            return null;
        }
        int family = ALL.get(JAVA_SHORT, sockaddr) & 0xffff;
        byte[] bytes;
        if (family == AF_INET) {
            bytes = new byte[4];
            MemorySegment.copy(ALL, JAVA_BYTE, sockaddr + 4, bytes, 0, 4);
        } else if (family == AF_INET6) {
            bytes = new byte[16];
            MemorySegment.copy(ALL, JAVA_BYTE, sockaddr + 8, bytes, 0, 16);
        } else {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // only for lengths other than 4 and 16
        }
    }

    /** The IPv4 netmask of a device's first IPv4 address, as {@code pcap_lookupnet} finds it; 0 for any. */
    static int netmask(String device) throws PcapException {
        if (device.equals("any")) {
            return 0;
        }
        for (Device d : list()) {
            if (d.name().equals(device)) {
                for (DeviceAddress a : d.addresses()) {
                    if (a.address() instanceof java.net.Inet4Address && a.netmask() != null) {
                        byte[] m = a.netmask().getAddress();
                        return (m[0] & 0xff) << 24 | (m[1] & 0xff) << 16 | (m[2] & 0xff) << 8 | (m[3] & 0xff);
                    }
                }
            }
        }
        return dev.trawl.pcap.Handle.NETMASK_UNKNOWN;
    }
}
