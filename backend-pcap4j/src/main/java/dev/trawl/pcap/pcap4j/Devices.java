package dev.trawl.pcap.pcap4j;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

import dev.trawl.pcap.Device;
import dev.trawl.pcap.DeviceAddress;
import dev.trawl.pcap.PcapException;

import org.pcap4j.core.PcapAddress;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists devices with pcap4j's {@code Pcaps.findAllDevs}. pcap4j keeps only the loopback, up and running
 * bits of {@code pcap_if.flags}; the others (wireless, connection status) are read from libpcap's own list
 * through {@link LibPcap} and matched by name.
 */
final class Devices {
    private static final int PCAP4J_FLAGS = Device.FLAG_LOOPBACK | Device.FLAG_UP | Device.FLAG_RUNNING;

    private Devices() {
    }

    static List<Device> list() throws PcapException {
        List<PcapNetworkInterface> interfaces;
        try {
            interfaces = Pcaps.findAllDevs();
        } catch (PcapNativeException e) {
            throw new PcapException("pcap_findalldevs: " + e.getMessage(), Errors.status(e), e);
        }
        Map<String, Integer> nativeFlags = nativeFlags();
        List<Device> devices = new ArrayList<>(interfaces.size());
        for (PcapNetworkInterface nif : interfaces) {
            int flags = (nif.isLoopBack() ? Device.FLAG_LOOPBACK : 0) | (nif.isUp() ? Device.FLAG_UP : 0)
                    | (nif.isRunning() ? Device.FLAG_RUNNING : 0);
            Integer more = nativeFlags.get(nif.getName());
            if (more != null) {
                flags |= more & ~PCAP4J_FLAGS;
            }
            devices.add(new Device(nif.getName(), nif.getDescription(), addresses(nif), flags));
        }
        return List.copyOf(devices);
    }

    private static List<DeviceAddress> addresses(PcapNetworkInterface nif) {
        List<DeviceAddress> addresses = new ArrayList<>();
        for (PcapAddress address : nif.getAddresses()) {
            InetAddress ip = address.getAddress();
            if (ip instanceof Inet4Address || ip instanceof Inet6Address) {
                addresses.add(new DeviceAddress(ip, address.getNetmask(), address.getBroadcastAddress(),
                        address.getDestinationAddress()));
            }
        }
        return addresses;
    }

    /** Each device's full {@code pcap_if.flags}, or an empty map if libpcap's list cannot be had. */
    private static Map<String, Integer> nativeFlags() {
        Map<String, Integer> flags = new HashMap<>();
        PointerByReference all = new PointerByReference();
        byte[] errbuf = new byte[LibPcap.ERRBUF_SIZE];
        if (LibPcap.pcap_findalldevs(all, errbuf) != 0) {
            return flags; // the extra bits are a refinement; pcap4j's own list already succeeded
        }
        Pointer first = all.getValue();
        try {
            for (Pointer dev = first; dev != null; dev = dev.getPointer(0)) {
                Pointer name = dev.getPointer(LibPcap.IF_NAME);
                if (name != null) {
                    flags.put(name.getString(0), dev.getInt(LibPcap.IF_FLAGS));
                }
            }
        } finally {
            if (first != null) {
                LibPcap.pcap_freealldevs(first);
            }
        }
        return flags;
    }
}
