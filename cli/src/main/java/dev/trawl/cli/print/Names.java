package dev.trawl.cli.print;

import dev.trawl.pcap.EtherType;
import dev.trawl.pcap.IpProtocol;

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

    /** tcpdump's names for Ethernet types. */
    private static final Map<Integer, String> ETHER_TYPES = Map.ofEntries(
            name(EtherType.IPV4, "IPv4"),
            name(EtherType.ARP, "ARP"),
            name(EtherType.RARP, "Reverse ARP"),
            name(EtherType.IPV6, "IPv6"),
            name(EtherType.ARISTA, "Arista Vendor Specific Protocol"),
            name(EtherType.VLAN, "802.1Q"),
            name(EtherType.QINQ, "802.1Q-QinQ"),
            name(EtherType.QINQ_LEGACY, "802.1Q-9100"),
            name(EtherType.MPLS, "MPLS unicast"),
            name(EtherType.MPLS_MULTICAST, "MPLS multicast"),
            name(EtherType.PPPOE_DISCOVERY, "PPPoE D"),
            name(EtherType.PPPOE_SESSION, "PPPoE S"),
            name(EtherType.PPP, "PPP"),
            name(EtherType.AOE, "AoE"),
            name(EtherType.MS_NLB, "MS NLB heartbeat"),
            name(EtherType.EAPOL, "EAPOL"),
            name(EtherType.LLDP, "LLDP"),
            name(EtherType.SLOW_PROTOCOLS, "Slow Protocols"),
            name(EtherType.MACSEC, "802.1AE MACsec"),
            name(EtherType.PTP, "PTP"),
            name(EtherType.CFM, "CFM"),
            Map.entry(0xFEFE, "OSI"),
            Map.entry(0x00FE, "GRE-OSI"),
            Map.entry(0x88CA, "TIPC"),
            Map.entry(0x0707, "GeoNet (old)"),
            Map.entry(0x8947, "GeoNet"),
            Map.entry(0x1111, "CALM FAST"),
            name(EtherType.APPLETALK, "Appletalk"),
            name(EtherType.AARP, "Appletalk ARP"),
            name(EtherType.DECNET, "DN"),
            name(EtherType.IPX, "IPX"),
            name(EtherType.IEEE_1905, "IEEE1905.1"),
            name(EtherType.NSH, "NSH"),
            Map.entry(0x9200, "802.1Q-9200"),
            Map.entry(0x0200, "PUP"),
            Map.entry(0x0500, "Sprite"),
            Map.entry(0x0600, "NS"),
            Map.entry(0x1000, "Trail"),
            Map.entry(0x6001, "MOP DL"),
            Map.entry(0x6002, "MOP RC"),
            Map.entry(0x6004, "LAT"),
            Map.entry(0x6007, "SCA"),
            Map.entry(0x6558, "TEB"),
            Map.entry(0x8038, "Lanbridge"),
            Map.entry(0x803c, "DEC DNS"),
            Map.entry(0x803e, "DEC DTS"),
            Map.entry(0x805b, "VEXP"),
            Map.entry(0x805c, "VPROD"),
            Map.entry(0x8808, "MPCP"),
            Map.entry(0x8899, "Realtek protocols"),
            Map.entry(0x8870, "Jumbo"),
            Map.entry(0x9000, "Loopback"),
            Map.entry(0xabcd, "CFM (old)"));

    /** tcpdump's names for IP protocol numbers. */
    private static final Map<Integer, String> IP_PROTOCOLS = Map.ofEntries(
            name(IpProtocol.HOPOPTS, "Options"),
            name(IpProtocol.ICMP, "ICMP"),
            name(IpProtocol.IGMP, "IGMP"),
            name(IpProtocol.IPV4, "IPIP"),
            name(IpProtocol.TCP, "TCP"),
            name(IpProtocol.EGP, "EGP"),
            name(IpProtocol.IGP, "IGRP"),
            name(IpProtocol.UDP, "UDP"),
            name(IpProtocol.DCCP, "DCCP"),
            name(IpProtocol.IPV6, "IPv6"),
            name(IpProtocol.ROUTING, "Routing"),
            name(IpProtocol.FRAGMENT, "Fragment"),
            name(IpProtocol.RSVP, "RSVP"),
            name(IpProtocol.GRE, "GRE"),
            name(IpProtocol.ESP, "ESP"),
            name(IpProtocol.AH, "AH"),
            name(IpProtocol.ICMPV6, "ICMPv6"),
            name(IpProtocol.EIGRP, "EIGRP"),
            name(IpProtocol.OSPF, "OSPF"),
            name(IpProtocol.PIM, "PIM"),
            name(IpProtocol.VRRP, "VRRP"),
            name(IpProtocol.SCTP, "SCTP"),
            name(IpProtocol.MOBILITY, "Mobility"),
            name(IpProtocol.valueOf(55), "Mobile IP"),
            name(IpProtocol.valueOf(62), "Mobile IP (old)"),
            name(IpProtocol.IPCOMP, "Compressed IP"),
            name(IpProtocol.PGM, "PGM"),
            name(IpProtocol.valueOf(143), "Ethernet"));

    /** The lower-case names getprotobynumber gives. */
    private static final Map<Integer, String> NETDB_PROTOCOLS = Map.ofEntries(
            name(IpProtocol.ICMP, "icmp"),
            name(IpProtocol.IGMP, "igmp"),
            name(IpProtocol.TCP, "tcp"),
            name(IpProtocol.UDP, "udp"),
            name(IpProtocol.GRE, "gre"),
            name(IpProtocol.ESP, "esp"),
            name(IpProtocol.AH, "ah"),
            name(IpProtocol.ICMPV6, "ipv6-icmp"),
            name(IpProtocol.OSPF, "ospf"),
            name(IpProtocol.SCTP, "sctp"));

    private static Map.Entry<Integer, String> name(EtherType type, String name) {
        return Map.entry(type.value(), name);
    }

    private static Map.Entry<Integer, String> name(IpProtocol protocol, String name) {
        return Map.entry(protocol.value(), name);
    }

    /** tcpdump's name for an Ethernet type, or {@code Unknown}. */
    static String etherType(int type) {
        return ETHER_TYPES.getOrDefault(type, "Unknown");
    }

    /** tcpdump's name for an IP protocol number, or {@code null}. */
    static String ipProtocol(int proto) {
        return IP_PROTOCOLS.get(proto);
    }

    /** The lower-case protocol name getprotobynumber gives, used for later fragments without -n. */
    static String netdbProtocol(int proto) {
        return NETDB_PROTOCOLS.get(proto);
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
