package dev.trawl.decode.internal.network;

import static dev.trawl.decode.spi.Dispatch.ETHERTYPE;
import static dev.trawl.decode.spi.Dispatch.GRE_PROTO;
import static dev.trawl.decode.spi.Dispatch.IP_PROTO;
import static dev.trawl.decode.spi.Dispatch.LINKTYPE;
import static dev.trawl.decode.spi.Dispatch.LLC_SAP;
import static dev.trawl.decode.spi.Dispatch.NULL_FAMILY;
import static dev.trawl.decode.spi.Dispatch.PPP_PROTO;
import static dev.trawl.decode.spi.Dispatch.UDP_PORT;

import dev.trawl.decode.internal.Decoders;
import dev.trawl.decode.internal.FastPath;
import dev.trawl.decode.spi.ProtocolRegistrar;
import dev.trawl.pcap.EtherType;
import dev.trawl.pcap.IpProtocol;
import dev.trawl.pcap.LinkType;

/**
 * The network layer: IPv4, IPv6 and its extension headers, IPsec (AH, ESP, IPComp, NAT-traversal UDP
 * encapsulation, IKE by name), ICMP, ICMPv6 and IGMP, each bound wherever a lower layer names it (EtherType, IP
 * protocol, PPP protocol, LLC SAP, GRE, link type), and the other network protocols Wireshark only names (IPX,
 * AppleTalk, DECnet, GeoNetworking, NHRP, Mobile IPv6). Stateless.
 */
public final class NetworkProtocols {
    private NetworkProtocols() {
    }

    /** PPP's protocol numbers for IPv4, IPv6 and IPX. */
    private static final int PPP_IPV4 = 0x0021;
    private static final int PPP_IPV6 = 0x0057;
    private static final int PPP_IPX = 0x002B;
    /** The LLC SAPs of IP (RFC 1042's SNAP aside), and of IPX (Novell's, and the raw 802.3 frames' 0xFF). */
    private static final int SAP_IP = 0x06;
    private static final int SAP_IPX = 0xE0;
    private static final int SAP_NOVELL_RAW = 0xFF;
    /** The BSD loopback address family of IPX. */
    private static final int AF_IPX = 23;
    private static final int UDP_ENCAPSULATION_PORT = 4500;
    private static final int IKE_PORT = 500;

    /** Registers the network protocols and binds them. */
    public static void register(ProtocolRegistrar r) {
        int ipv4 = r.protocol("ip", FastPath.IPV4);
        r.bind(ETHERTYPE, EtherType.IPV4.value(), ipv4);
        r.bind(GRE_PROTO, EtherType.IPV4.value(), ipv4);
        r.bind(IP_PROTO, IpProtocol.IPV4.value(), ipv4);
        r.bind(PPP_PROTO, PPP_IPV4, ipv4);
        r.bind(LLC_SAP, SAP_IP, ipv4);
        r.bind(LINKTYPE, LinkType.IPV4.value(), ipv4);
        int ipv6 = r.protocol("ipv6", FastPath.IPV6);
        r.bind(ETHERTYPE, EtherType.IPV6.value(), ipv6);
        r.bind(GRE_PROTO, EtherType.IPV6.value(), ipv6);
        r.bind(IP_PROTO, IpProtocol.IPV6.value(), ipv6);
        r.bind(PPP_PROTO, PPP_IPV6, ipv6);
        r.bind(LINKTYPE, LinkType.IPV6.value(), ipv6);
        r.bind(IP_PROTO, IpProtocol.HOPOPTS.value(), r.protocol("ipv6.hopopts", Ipv6OptionsDecoder::options));
        r.bind(IP_PROTO, IpProtocol.ROUTING.value(), r.protocol("ipv6.routing", Ipv6OptionsDecoder::routing));
        r.bind(IP_PROTO, IpProtocol.DSTOPTS.value(), r.protocol("ipv6.dstopts", Ipv6OptionsDecoder::options));
        r.bind(IP_PROTO, IpProtocol.FRAGMENT.value(), r.protocol("ipv6.fraghdr", Ipv6FragmentDecoder::decode));
        r.bind(IP_PROTO, IpProtocol.AH.value(), r.protocol("ah", IpsecDecoders::ah));
        r.bind(IP_PROTO, IpProtocol.ESP.value(), r.protocol("esp", IpsecDecoders::esp));
        r.bind(IP_PROTO, IpProtocol.IPCOMP.value(), r.protocol("ipcomp", IpsecDecoders::ipcomp));
        r.bind(UDP_PORT, UDP_ENCAPSULATION_PORT, r.protocol("udpencap", IpsecDecoders::udpEncapsulation));
        r.bind(UDP_PORT, IKE_PORT, r.protocol("isakmp", Decoders.OPAQUE));
        r.bind(IP_PROTO, IpProtocol.ICMP.value(), r.protocol("icmp", IcmpDecoder::decode));
        r.bind(IP_PROTO, IpProtocol.ICMPV6.value(), r.protocol("icmpv6", Icmpv6Decoder::decode));
        r.bind(IP_PROTO, IpProtocol.IGMP.value(), r.protocol("igmp", new IgmpDecoder(r)));
        named(r);
    }

    /** Network protocols decoded only as far as their name. */
    private static void named(ProtocolRegistrar r) {
        int ipx = r.protocol("ipx", Decoders.OPAQUE);
        r.bind(ETHERTYPE, EtherType.IPX.value(), ipx);
        r.bind(LLC_SAP, SAP_IPX, ipx);
        r.bind(LLC_SAP, SAP_NOVELL_RAW, ipx);
        r.bind(NULL_FAMILY, AF_IPX, ipx);
        r.bind(PPP_PROTO, PPP_IPX, ipx);
        r.bind(ETHERTYPE, EtherType.APPLETALK.value(), r.protocol("ddp", null));
        r.bind(ETHERTYPE, EtherType.DECNET.value(), r.protocol("dec_dna", null));
        r.bind(ETHERTYPE, EtherType.GEONETWORKING.value(), r.protocol("gnw", null));
        r.bind(IP_PROTO, IpProtocol.NHRP.value(), r.protocol("nhrp", null));
        r.bind(IP_PROTO, IpProtocol.MOBILITY.value(), r.protocol("mipv6", null));
    }
}
