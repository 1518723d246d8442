package dev.trawl.decode.internal.routing;

import static dev.trawl.decode.spi.Dispatch.GRE_PROTO;
import static dev.trawl.decode.spi.Dispatch.IP_PROTO;
import static dev.trawl.decode.spi.Dispatch.LLC_SAP;
import static dev.trawl.decode.spi.Dispatch.NULL_FAMILY;
import static dev.trawl.decode.spi.Dispatch.PPP_PROTO;
import static dev.trawl.decode.spi.Dispatch.TCP_PORT;
import static dev.trawl.decode.spi.Dispatch.UDP_PORT;

import dev.trawl.decode.internal.Decoders;
import dev.trawl.decode.spi.ProtocolRegistrar;
import dev.trawl.pcap.IpProtocol;

/**
 * Routing and router redundancy: OSI's network layer with IS-IS (and ES-IS and CLNP by name), PIM (whose register
 * messages carry IP), and the protocols Wireshark names (OSPF, VRRP, EIGRP, IGRP, RSVP, RIP, RIPng, BGP, LDP, BFD,
 * HSRP, MPLS echo, Babel, OLSR, AODV, Auto-RP, LMP, RPKI-router). Stateless.
 */
public final class RoutingProtocols {
    private RoutingProtocols() {
    }

    /**
     * OSI's LLC SAP, BSD loopback address family, PPP protocol number and GRE protocol type. Ethernet's type 0xFEFE,
     * which tcpdump reads as OSI, stays data: Wireshark binds nothing to it.
     */
    private static final int SAP_OSI = 0xFE;
    private static final int AF_OSI = 7;
    private static final int PPP_OSI = 0x0023;
    private static final int GRE_OSI = 0x00FE;
    /** Cisco's IGRP, which has no constant of its own among the IP protocols. */
    private static final int IP_IGRP = 9;

    /** Registers the routing protocols and binds them. */
    public static void register(ProtocolRegistrar r) {
        int osi = r.protocol("osi", new OsiDecoder(r.protocol("clnp", Decoders.OPAQUE)));
        r.bind(LLC_SAP, SAP_OSI, osi);
        r.bind(NULL_FAMILY, AF_OSI, osi);
        r.bind(PPP_PROTO, PPP_OSI, osi);
        r.bind(GRE_PROTO, GRE_OSI, osi);
        r.protocol("isis", new IsisDecoder(r));
        r.protocol("esis", Decoders.OPAQUE);
        r.bind(IP_PROTO, IpProtocol.PIM.value(), r.protocol("pim", PimDecoder::decode));
        r.bind(IP_PROTO, IpProtocol.OSPF.value(), r.protocol("ospf", Decoders.OPAQUE));
        r.bind(IP_PROTO, IpProtocol.VRRP.value(), r.protocol("vrrp", Decoders.OPAQUE));
        r.bind(IP_PROTO, IpProtocol.EIGRP.value(), r.protocol("eigrp", null));
        r.bind(IP_PROTO, IP_IGRP, r.protocol("igrp", Decoders.OPAQUE));
        r.bind(IP_PROTO, IpProtocol.RSVP.value(), r.protocol("rsvp", null));
        r.bind(UDP_PORT, 520, r.protocol("rip", Decoders.OPAQUE));
        r.bind(UDP_PORT, 521, r.protocol("ripng", Decoders.OPAQUE));
        r.bind(TCP_PORT, 179, r.protocol("bgp", Decoders.OPAQUE));
        int ldp = r.protocol("ldp", Decoders.OPAQUE);
        r.bind(UDP_PORT, 646, ldp);
        r.bind(TCP_PORT, 646, ldp);
        r.bind(UDP_PORT, 1985, r.protocol("hsrp", Decoders.OPAQUE));
        r.bind(UDP_PORT, 3503, r.protocol("mpls-echo", Decoders.OPAQUE));
        int bfd = r.protocol("bfd", null);
        for (int port : new int[] {3784, 4784, 6784, 7784}) { // single-hop, multihop, LAG, seamless
            r.bind(UDP_PORT, port, bfd);
        }
        r.bind(UDP_PORT, 3785, r.protocol("bfd_echo", null));
        r.bind(UDP_PORT, 6696, r.protocol("babel", null));
        r.bind(UDP_PORT, 698, r.protocol("olsr", null));
        r.bind(UDP_PORT, 654, r.protocol("aodv", null));
        r.bind(UDP_PORT, 496, r.protocol("auto_rp", null));
        r.bind(UDP_PORT, 701, r.protocol("lmp", null));
        r.bind(TCP_PORT, 323, r.protocol("rpkirtr", null));
    }
}
