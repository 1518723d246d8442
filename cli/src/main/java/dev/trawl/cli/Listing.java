package dev.trawl.cli;

import dev.trawl.pcap.Backend;
import dev.trawl.pcap.BackendInfo;
import dev.trawl.pcap.Device;
import dev.trawl.pcap.DeviceAddress;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.LiveHandle;
import dev.trawl.pcap.LiveOptions;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.PcapException;

import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** The listings: {@code --list-backends}, {@code -D} and {@code -L}. Stateless. */
final class Listing {
    private Listing() {
    }

    static int backends(Io io) {
        PrintStream out = io.out();
        List<BackendInfo> all = Pcap.backends();
        if (all.isEmpty()) {
            out.println("no backends found; put trawl-backend-jna, -panama or -pcap4j on the class path");
            return 0;
        }
        String chosen = null;
        try {
            chosen = Pcap.backend().name();
        } catch (PcapException e) {
            // none available: nothing is marked
        }
        for (BackendInfo info : all) {
            String mark = info.name().equals(chosen) ? "*" : " ";
            if (info.available()) {
                Backend b = info.backend().get();
                out.printf("%s %-8s priority %-4d available    %s%n", mark, info.name(), info.priority(),
                        b.libraryVersion());
                out.printf("  %-8s capabilities: %s%n", "", b.capabilities());
            } else {
                out.printf("%s %-8s priority %-4s unavailable  %s%n", mark, info.name(),
                        info.priority() == Integer.MIN_VALUE ? "-" : String.valueOf(info.priority()), info.problem());
            }
        }
        out.println("(* the default; choose with --backend NAME, -Dtrawl.backend=NAME or TRAWL_BACKEND)");
        return 0;
    }

    static int devices(Io io, Backend backend) throws PcapException {
        List<Device> devices = backend.devices();
        PrintStream out = io.out();
        int n = 0;
        for (Device d : devices) {
            StringBuilder line = new StringBuilder().append(++n).append('.').append(d.name());
            if (d.description() != null && !d.description().isEmpty()) {
                line.append(" (").append(d.description()).append(')');
            }
            List<String> flags = new ArrayList<>();
            if (d.isUp()) {
                flags.add("Up");
            }
            if (d.isRunning()) {
                flags.add("Running");
            }
            if (d.isWireless()) {
                flags.add("Wireless");
            }
            if (d.isLoopback()) {
                flags.add("Loopback");
            }
            switch (d.connectionStatus()) {
                case CONNECTED -> flags.add(d.isWireless() ? "Associated" : "Connected");
                case DISCONNECTED -> flags.add(d.isWireless() ? "Not associated" : "Disconnected");
                default -> { }
            }
            line.append(" [").append(flags.isEmpty() ? "none" : String.join(", ", flags)).append(']');
            out.println(line);
            for (DeviceAddress a : d.addresses()) {
                StringBuilder addr = new StringBuilder("\t").append(a.address() instanceof Inet4Address ? "inet " : "inet6 ")
                        .append(text(a.address()));
                if (a.netmask() != null) {
                    addr.append(" netmask ").append(text(a.netmask()));
                }
                if (a.broadcast() != null) {
                    addr.append(" broadcast ").append(text(a.broadcast()));
                }
                if (a.destination() != null) {
                    addr.append(" peer ").append(text(a.destination()));
                }
                out.println(addr);
            }
        }
        if (n == 0) {
            io.err().println("trawl: no capture devices found (capturing may need CAP_NET_RAW; run as root)");
            return 1;
        }
        return 0;
    }

    private static String text(InetAddress address) {
        String s = address.getHostAddress();
        int percent = s.indexOf('%');
        return percent >= 0 ? s.substring(0, percent) : s;
    }

    static int linkTypes(Trawl t, Backend backend) throws PcapException, CliException {
        String device = t.device != null ? t.device
                : backend.defaultDevice().map(Device::name).orElseThrow(() -> new CliException("no capture device found"));
        try (LiveHandle handle = backend.openLive(device, LiveOptions.defaults())) {
            t.io.out().println("Data link types for " + device + " (use option -y to set):");
            for (LinkType type : handle.linkTypes()) {
                t.io.out().println("  " + type.name() + " (" + type.description() + ")");
            }
        }
        return 0;
    }
}
