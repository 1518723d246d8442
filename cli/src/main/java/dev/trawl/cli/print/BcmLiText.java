package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.ProtocolRegistry;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Udp;
import dev.trawl.pcap.LinkType;

/**
 * Broadcom's lawful-intercept shim as tcpdump prints it: tcpdump takes every UDP datagram from source port 49152
 * for one, unless a protocol it tries first claims the ports ({@code BCM-LI-SHIM: direction egress, pkt-type
 * ipv4, pkt-subtype untagged, li-id 7}). No decoder dissects it (port 49152 is the first dynamic port), so
 * {@link UdpPrinter} asks here before it hands the payload on. With {@code -v} the packet the shim carries
 * prints after it (IPv4, IPv6 or Ethernet, by the shim's type; an undecided type by the IP version). Not
 * thread-safe.
 */
final class BcmLiText {
    /** The source port tcpdump reads as the shim's. */
    static final int PORT = 49152;
    private static final int SHIM_LENGTH = 4;
    /** The protocols of other ports that tcpdump tries before the shim (DNS, DHCP, NTP, ..., LSP ping). */
    private static final boolean[] EARLIER = new boolean[256];
    private static final String[] DIRECTIONS = {null, "unused", "egress", "ingress"};
    private static final String[] SUBTYPES = {null, "single VLAN tag", "double VLAN tag", "untagged"};
    private static final String[] TYPES = {"undecided", "ipv4", "ipv6", "ethernet"};

    static {
        for (String name : new String[] {"dns", "mdns", "tsp", "tftp", "dhcp", "rip", "aodv", "isakmp", "udpencap",
            "snmp", "ntp", "kerberos", "krb4", "l2tp", "nbns", "nbdgm", "rx", "afs", "ripng", "dhcpv6", "babel",
            "auto_rp", "radius", "hsrp", "ldp", "olsr", "mpls-echo"}) {
            int id = ProtocolRegistry.standard().id(name);
            if (id >= 0 && id < EARLIER.length) {
                EARLIER[id] = true;
            }
        }
    }

    private final Udp view = new Udp();

    /**
     * Whether tcpdump reads the datagram of UDP layer {@code udp} as the shim: it comes from {@link #PORT} and
     * what decode found above it (layer {@code next}, -1 for nothing) is no protocol tcpdump tries first.
     */
    static boolean claims(PrintContext c, int udp, int next) {
        DecodedPacket p = c.packet();
        if (p.udp(udp).sourcePort() != PORT) {
            return false;
        }
        int proto = next < 0 ? Protocols.DATA : p.protocol(next);
        return proto < 0 || proto >= EARLIER.length || !EARLIER[proto];
    }

    /** Prints the shim at the start of UDP layer {@code udp}'s payload of {@code length} bytes. */
    void print(PrintContext c, int udp, int length) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        Udp u = view.wrap(p.buffer(), p.offset(udp), p.end() - p.offset(udp));
        if (length < SHIM_LENGTH) {
            out.ascii(" (length ").num(length).ascii(" < 4) (invalid)");
            return;
        }
        if (!u.has(Udp.HEADER_LENGTH, SHIM_LENGTH)) {
            c.truncatedRead("bcm_li");
            return;
        }
        long shim = u.u32At(Udp.HEADER_LENGTH);
        int direction = (int) (shim >>> 29) & 7;
        int type = (int) (shim >>> 25) & 0xf;
        int subtype = (int) (shim >>> 22) & 7;
        boolean verbose = c.verbose() > 0;
        out.ascii(verbose ? "\n    " : "").ascii("BCM-LI-SHIM: direction ")
                .ascii(direction < DIRECTIONS.length && direction > 0 ? DIRECTIONS[direction] : "unknown")
                .ascii(", pkt-type ").ascii(type >= 4 && type < 8 ? TYPES[type - 4] : "unknown")
                .ascii(", pkt-subtype ").ascii(subtype < SUBTYPES.length && subtype > 0 ? SUBTYPES[subtype] : "unknown")
                .ascii(", li-id ").num(shim & 0x3fffff).ascii(verbose ? "\n    " : "");
        int payload = Udp.HEADER_LENGTH + SHIM_LENGTH;
        if (!verbose) {
            if (!u.has(payload, length - SHIM_LENGTH)) {
                c.truncatedRead("bcm_li");
            }
            return;
        }
        int from = p.offset(udp) + payload;
        int to = Math.min(p.end(), from + length - SHIM_LENGTH);
        int inner;
        if (type == 4) {
            if (!u.has(payload, 1)) {
                c.truncatedRead("bcm_li");
                return;
            }
            int version = u.u8At(payload) >> 4;
            inner = version == 4 ? LinkType.IPV4.value() : version == 6 ? LinkType.IPV6.value() : -1;
            if (inner < 0) {
                out.ascii("unknown payload");
                return;
            }
        } else if (type == 5) {
            inner = LinkType.IPV4.value();
        } else if (type == 6) {
            inner = LinkType.IPV6.value();
        } else if (type == 7) {
            inner = LinkType.ETHERNET.value();
        } else {
            out.ascii(" (invalid)");
            return;
        }
        if (!c.printFrame(inner, from, to, length - SHIM_LENGTH)) {
            c.truncatedRead("bcm_li");
        }
    }
}
