package dev.trawl.pcap.jna;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import dev.trawl.pcap.Device;
import dev.trawl.pcap.DeviceAddress;
import dev.trawl.pcap.PcapException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists devices with {@code pcap_findalldevs} and frees the list.
 *
 * <pre>
 * struct pcap_if   { pcap_if *next; char *name; char *description; pcap_addr *addresses; bpf_u_int32 flags; }
 * struct pcap_addr { pcap_addr *next; sockaddr *addr; sockaddr *netmask; sockaddr *broadaddr; sockaddr *dstaddr; }
 * Linux sockaddr: u16 family at 0; sockaddr_in address at 4; sockaddr_in6 address at 8 (16 bytes), scope id at 24.
 * BSD and macOS sockaddr: u8 length at 0, u8 family at 1, same address offsets.
 * </pre>
 */
final class Devices {
    private static final int P = Native.POINTER_SIZE;
    private static final int AF_INET = 2;
    private static final int AF_INET6 = Platform.isLinux() ? 10 : Platform.isMac() ? 30
            : Platform.isFreeBSD() ? 28 : Platform.isWindows() ? 23 : 24;

    private Devices() {
    }

    static List<Device> list() throws PcapException {
        Memory head = new Memory(P);
        head.clear();
        byte[] errbuf = Errors.errbuf();
        if (NativePcap.pcap_findalldevs(Pointer.nativeValue(head), errbuf) != 0) {
            throw new PcapException("cannot list devices: " + Errors.text(errbuf));
        }
        Pointer first = head.getPointer(0);
        try {
            List<Device> devices = new ArrayList<>();
            for (Pointer dev = first; dev != null; dev = dev.getPointer(0)) {
                String name = dev.getPointer(P).getString(0, "UTF-8");
                Pointer desc = dev.getPointer(2L * P);
                List<DeviceAddress> addresses = new ArrayList<>();
                for (Pointer a = dev.getPointer(3L * P); a != null; a = a.getPointer(0)) {
                    InetAddress address = address(a.getPointer(P));
                    if (address != null) {
                        addresses.add(new DeviceAddress(address, address(a.getPointer(2L * P)),
                                address(a.getPointer(3L * P)), address(a.getPointer(4L * P))));
                    }
                }
                devices.add(new Device(name, desc == null ? null : desc.getString(0, "UTF-8"), addresses,
                        dev.getInt(4L * P)));
            }
            return List.copyOf(devices);
        } finally {
            if (first != null) {
                NativePcap.pcap_freealldevs(Pointer.nativeValue(first));
            }
        }
    }

    /** An IPv4 or IPv6 address from a sockaddr, or {@code null} for none or another family. */
    static InetAddress address(Pointer sockaddr) {
        if (sockaddr == null) {
            return null;
        }
        int family = Platform.isLinux() || Platform.isWindows() ? sockaddr.getShort(0) & 0xffff
                : sockaddr.getByte(1) & 0xff;
        try {
            if (family == AF_INET) {
                return InetAddress.getByAddress(sockaddr.getByteArray(4, 4));
            }
            if (family == AF_INET6) {
                byte[] bytes = sockaddr.getByteArray(8, 16);
                int scope = sockaddr.getInt(24);
                return scope != 0 ? java.net.Inet6Address.getByAddress(null, bytes, scope)
                        : InetAddress.getByAddress(bytes);
            }
        } catch (UnknownHostException e) {
            return null; // cannot happen for 4 and 16 bytes
        }
        return null;
    }
}
