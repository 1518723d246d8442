package dev.trawl.pcap;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An IP protocol number: what an IPv4 header's protocol field or an IPv6 next-header field names, as IANA's
 * registry assigns them. IPv6 extension headers share the space ({@link #isIpv6ExtensionHeader()}).
 *
 * <p>An open number space, as {@link LinkType} is: {@link #valueOf(int)} returns a constant for the
 * well-known values and a new instance for any other. Two instances are equal when their values are equal.
 * Code on a per-packet path compares the {@code int} it read with {@link #value()} of a constant.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class IpProtocol extends NamedNumber {
    private static final Map<Integer, IpProtocol> KNOWN = new ConcurrentHashMap<>();

    public static final IpProtocol HOPOPTS = define(0, "HOPOPT", true);
    public static final IpProtocol ICMP = define(1, "ICMP", false);
    public static final IpProtocol IGMP = define(2, "IGMP", false);
    public static final IpProtocol IPV4 = define(4, "IPv4", false);
    public static final IpProtocol TCP = define(6, "TCP", false);
    public static final IpProtocol EGP = define(8, "EGP", false);
    public static final IpProtocol IGP = define(9, "IGP", false);
    public static final IpProtocol UDP = define(17, "UDP", false);
    public static final IpProtocol DCCP = define(33, "DCCP", false);
    public static final IpProtocol IPV6 = define(41, "IPv6", false);
    public static final IpProtocol ROUTING = define(43, "IPv6-Route", true);
    public static final IpProtocol FRAGMENT = define(44, "IPv6-Frag", true);
    public static final IpProtocol RSVP = define(46, "RSVP", false);
    public static final IpProtocol GRE = define(47, "GRE", false);
    public static final IpProtocol ESP = define(50, "ESP", true);
    public static final IpProtocol AH = define(51, "AH", true);
    public static final IpProtocol NHRP = define(54, "NARP", false);
    public static final IpProtocol ICMPV6 = define(58, "ICMPv6", false);
    public static final IpProtocol NO_NEXT_HEADER = define(59, "IPv6-NoNxt", false);
    public static final IpProtocol DSTOPTS = define(60, "IPv6-Opts", true);
    public static final IpProtocol EIGRP = define(88, "EIGRP", false);
    public static final IpProtocol OSPF = define(89, "OSPF", false);
    public static final IpProtocol ETHERIP = define(97, "EtherIP", false);
    public static final IpProtocol ENCAP = define(98, "ENCAP", false);
    public static final IpProtocol PIM = define(103, "PIM", false);
    public static final IpProtocol IPCOMP = define(108, "IPComp", false);
    public static final IpProtocol VRRP = define(112, "VRRP", false);
    public static final IpProtocol PGM = define(113, "PGM", false);
    public static final IpProtocol L2TP = define(115, "L2TP", false);
    public static final IpProtocol SCTP = define(132, "SCTP", false);
    public static final IpProtocol MOBILITY = define(135, "Mobility", true);
    public static final IpProtocol UDPLITE = define(136, "UDPLite", false);
    public static final IpProtocol MPLS_IN_IP = define(137, "MPLS-in-IP", false);
    public static final IpProtocol HIP = define(139, "HIP", true);
    public static final IpProtocol SHIM6 = define(140, "Shim6", true);

    private final boolean extensionHeader;

    private IpProtocol(int value, String name, boolean extensionHeader) {
        super(value, name);
        this.extensionHeader = extensionHeader;
    }

    private static IpProtocol define(int value, String name, boolean extensionHeader) {
        IpProtocol protocol = new IpProtocol(value, name, extensionHeader);
        KNOWN.put(value, protocol);
        return protocol;
    }

    /**
     * Returns the protocol for a number, a constant when it is a known one.
     *
     * @throws IllegalArgumentException if {@code value} does not fit in 8 bits
     */
    public static IpProtocol valueOf(int value) {
        if ((value & ~0xFF) != 0) {
            throw new IllegalArgumentException("an IP protocol number is 8 bits: " + value);
        }
        IpProtocol known = KNOWN.get(value);
        return known != null ? known : new IpProtocol(value, "ip-proto-" + value, false);
    }

    /** Whether IPv6 treats it as an extension header (RFC 7045's list). */
    public boolean isIpv6ExtensionHeader() {
        return extensionHeader;
    }

    /** Whether this is one of the protocols this class names. */
    public boolean isKnown() {
        return KNOWN.get(value()) == this;
    }
}
