package dev.trawl.cli.print;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names for numbers: Ethernet types, IP protocols, and (without {@code -n}) TCP and UDP service names from
 * {@code /etc/services}, as tcpdump prints them. Not thread-safe (the service table is built lazily).
 */
final class Names {
    private final boolean servicesEnabled;
    private Map<Integer, String> tcpServices;
    private Map<Integer, String> udpServices;

    Names(boolean servicesEnabled) {
        this.servicesEnabled = servicesEnabled;
    }

    /** tcpdump's name for an Ethernet type, or {@code Unknown}. */
    static String etherType(int type) {
        return switch (type) {
            case 0x0800 -> "IPv4";
            case 0x0806 -> "ARP";
            case 0x8035 -> "Reverse ARP";
            case 0x86dd -> "IPv6";
            case 0x8100 -> "802.1Q";
            case 0x88a8 -> "802.1Q-QinQ";
            case 0x9100 -> "802.1Q-9100";
            case 0x8847 -> "MPLS unicast";
            case 0x8848 -> "MPLS multicast";
            case 0x8863 -> "PPPoE D";
            case 0x8864 -> "PPPoE S";
            case 0x888e -> "EAPOL";
            case 0x88cc -> "LLDP";
            case 0x8809 -> "Slow Protocols";
            case 0x88e5 -> "MACsec";
            case 0x88f7 -> "PTP";
            case 0x8902 -> "CFM";
            case 0x809b -> "Appletalk";
            case 0x80f3 -> "Appletalk ARP";
            case 0x6003 -> "DECnet";
            case 0x8137 -> "IPX";
            case 0x22f0 -> "AVTP";
            case 0x893a -> "IEEE1905.1";
            default -> "Unknown";
        };
    }

    /** tcpdump's name for an IP protocol number, or {@code null}. */
    static String ipProtocol(int proto) {
        return switch (proto) {
            case 0 -> "Options";
            case 1 -> "ICMP";
            case 2 -> "IGMP";
            case 4 -> "IPIP";
            case 6 -> "TCP";
            case 17 -> "UDP";
            case 41 -> "IPv6";
            case 43 -> "Routing";
            case 44 -> "Fragment";
            case 46 -> "RSVP";
            case 47 -> "GRE";
            case 50 -> "ESP";
            case 51 -> "AH";
            case 58 -> "ICMPv6";
            case 59 -> "NONE";
            case 60 -> "DSTOPTS";
            case 88 -> "EIGRP";
            case 89 -> "OSPF";
            case 103 -> "PIM";
            case 112 -> "VRRP";
            case 115 -> "L2TP";
            case 132 -> "SCTP";
            case 135 -> "Mobility";
            default -> null;
        };
    }

    /** The lower-case protocol name getprotobynumber gives, used for later fragments without -n. */
    static String netdbProtocol(int proto) {
        return switch (proto) {
            case 1 -> "icmp";
            case 2 -> "igmp";
            case 6 -> "tcp";
            case 17 -> "udp";
            case 47 -> "gre";
            case 50 -> "esp";
            case 51 -> "ah";
            case 58 -> "ipv6-icmp";
            case 89 -> "ospf";
            case 132 -> "sctp";
            default -> null;
        };
    }

    /** Appends a TCP or UDP port: its service name without {@code -n} when one is known, else the number. */
    void port(Out out, int port, boolean tcp) {
        if (servicesEnabled) {
            String name = (tcp ? tcpServices() : udpServices()).get(port);
            if (name != null) {
                out.ascii(name);
                return;
            }
        }
        out.num(port);
    }

    private Map<Integer, String> tcpServices() {
        if (tcpServices == null) {
            loadServices();
        }
        return tcpServices;
    }

    private Map<Integer, String> udpServices() {
        if (udpServices == null) {
            loadServices();
        }
        return udpServices;
    }

    private void loadServices() {
        tcpServices = new HashMap<>();
        udpServices = new HashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/etc/services"));
        } catch (IOException | RuntimeException e) {
            return; // no services database: ports stay numeric, as tcpdump's would
        }
        for (String line : lines) {
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).trim();
            String[] parts = text.split("\\s+");
            if (parts.length < 2) {
                continue;
            }
            int slash = parts[1].indexOf('/');
            if (slash <= 0) {
                continue;
            }
            try {
                int port = Integer.parseInt(parts[1].substring(0, slash));
                String proto = parts[1].substring(slash + 1);
                Map<Integer, String> table = proto.equals("tcp") ? tcpServices : proto.equals("udp") ? udpServices : null;
                if (table != null) {
                    table.putIfAbsent(port, parts[0]);
                }
            } catch (NumberFormatException ignored) {
                // a malformed line in the services file is skipped
            }
        }
    }
}
