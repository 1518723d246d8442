package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.ProtocolRegistry;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Udp;

/**
 * Broadcom's lawful-intercept shim as tcpdump prints it: tcpdump takes every UDP datagram from source port 49152
 * for one, unless a protocol it tries first claims the ports ({@code BCM-LI-SHIM: direction egress, pkt-type
 * ipv4, pkt-subtype untagged, li-id 7}). No decoder dissects it (port 49152 is the first dynamic port), so
 * {@link UdpPrinter} asks here before it hands the payload on. The packet the shim carries is not printed. Not
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
            c.truncated("bcm_li");
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
                c.truncated("bcm_li");
            }
            return;
        }
        if (type == 4) {
            if (!u.has(payload, 1)) {
                c.truncated("bcm_li");
            } else if (u.u8At(payload) >> 4 != 4 && u.u8At(payload) >> 4 != 6) {
                out.ascii("unknown payload");
            }
        } else if (type < 4 || type > 7) {
            out.ascii(" (invalid)");
        }
    }
}
