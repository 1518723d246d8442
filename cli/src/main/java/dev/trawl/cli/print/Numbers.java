package dev.trawl.cli.print;

import dev.trawl.pcap.EtherType;
import dev.trawl.pcap.IpProtocol;

/**
 * The EtherTypes and IP protocol numbers the printers compare with each packet's, as {@code int}s read once
 * from pcap-api's constants (a constant to the compiler, where a call to {@code value()} per packet is not).
 */
final class Numbers {
    static final int ETHERTYPE_IPV4 = EtherType.IPV4.value();
    static final int ETHERTYPE_IPV6 = EtherType.IPV6.value();
    static final int ETHERTYPE_ARP = EtherType.ARP.value();
    static final int ETHERTYPE_RARP = EtherType.RARP.value();
    static final int ETHERTYPE_TRAILER = EtherType.TRAILER.value();
    static final int ETHERTYPE_VLAN = EtherType.VLAN.value();
    static final int ETHERTYPE_QINQ = EtherType.QINQ.value();
    static final int ETHERTYPE_QINQ_LEGACY = EtherType.QINQ_LEGACY.value();
    static final int ETHERTYPE_MPLS = EtherType.MPLS.value();

    static final int IP_HOPOPTS = IpProtocol.HOPOPTS.value();
    static final int IP_ICMP = IpProtocol.ICMP.value();
    static final int IP_IGMP = IpProtocol.IGMP.value();
    static final int IP_IPV4 = IpProtocol.IPV4.value();
    static final int IP_TCP = IpProtocol.TCP.value();
    static final int IP_UDP = IpProtocol.UDP.value();
    static final int IP_IPV6 = IpProtocol.IPV6.value();
    static final int IP_ROUTING = IpProtocol.ROUTING.value();
    static final int IP_FRAGMENT = IpProtocol.FRAGMENT.value();
    static final int IP_AH = IpProtocol.AH.value();
    static final int IP_ICMPV6 = IpProtocol.ICMPV6.value();
    static final int IP_NO_NEXT_HEADER = IpProtocol.NO_NEXT_HEADER.value();
    static final int IP_DSTOPTS = IpProtocol.DSTOPTS.value();

    private Numbers() {
    }
}
