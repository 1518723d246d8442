package dev.trawl.decode.internal.tunnel;

import static dev.trawl.decode.spi.Dispatch.ETHERTYPE;
import static dev.trawl.decode.spi.Dispatch.GRE_PROTO;
import static dev.trawl.decode.spi.Dispatch.IP_PROTO;
import static dev.trawl.decode.spi.Dispatch.PPP_PROTO;
import static dev.trawl.decode.spi.Dispatch.TCP_PORT;
import static dev.trawl.decode.spi.Dispatch.UDP_PORT;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.ProtocolDecoder;
import dev.trawl.decode.spi.ProtocolRegistrar;
import dev.trawl.pcap.EtherType;
import dev.trawl.pcap.IpProtocol;

/**
 * Tunnels and encapsulations, decoded through to what they carry: GRE (with ERSPAN, Cisco MetaData and WCCP's
 * redirect header in it), MPLS, VXLAN, VXLAN-GPE and NSH (also straight on Ethernet), GENEVE, L2TP versions 2
 * and 3, GTP-U and GTP-C, Teredo, EtherIP, Ethernet in IP (protocol 143) and LISP's data plane; and the VPNs
 * Wireshark only names (OpenVPN, WireGuard, PPTP). Stateless.
 */
public final class TunnelProtocols {
    /**
     * The built-in VXLAN decoder, as registered, so that a projection can tell it from a plugin's: it records its
     * 8-byte header and an Ethernet frame after it, and nothing else.
     */
    public static final ProtocolDecoder VXLAN = VxlanDecoder::decode;

    private TunnelProtocols() {
    }

    /** The IP protocol number of an Ethernet frame carried bare (RFC 8986's segment routing end.DX2). */
    private static final int IP_PROTO_ETHERNET = 143;

    /** PPP's protocol numbers of MPLS, unicast and multicast. */
    private static final int PPP_MPLS = 0x0281;
    private static final int PPP_MPLS_MULTICAST = 0x0283;

    /** Registers the tunnels and binds them to their protocol numbers, EtherTypes and ports. */
    public static void register(ProtocolRegistrar r) {
        r.bind(IP_PROTO, IpProtocol.GRE.value(), r.protocol("gre", GreDecoder::decode));
        int erspan = r.protocol("erspan", ErspanDecoder::decode);
        r.bind(GRE_PROTO, EtherType.ERSPAN.value(), erspan);
        r.bind(GRE_PROTO, EtherType.ERSPAN_III.value(), erspan);
        r.bind(GRE_PROTO, EtherType.CISCO_METADATA.value(), r.protocol("cmd", CiscoMetadataDecoder::decode));
        r.bind(GRE_PROTO, EtherType.WCCP.value(), r.protocol("wccp", WccpDecoder::decode));
        int mpls = r.protocol("mpls", MplsDecoder::decode);
        r.bind(ETHERTYPE, EtherType.MPLS.value(), mpls);
        r.bind(ETHERTYPE, EtherType.MPLS_MULTICAST.value(), mpls);
        r.bind(GRE_PROTO, EtherType.MPLS.value(), mpls);
        r.bind(PPP_PROTO, PPP_MPLS, mpls);
        r.bind(PPP_PROTO, PPP_MPLS_MULTICAST, mpls);
        r.bind(IP_PROTO, IpProtocol.MPLS_IN_IP.value(), mpls);
        r.bind(UDP_PORT, 6635, mpls);
        r.bind(UDP_PORT, 4789, r.protocol("vxlan", VXLAN));
        int nsh = r.protocol("nsh", NshDecoder::decode);
        r.bind(ETHERTYPE, EtherType.NSH.value(), nsh);
        r.bind(UDP_PORT, 4790, r.protocol("vxlan-gpe", new VxlanGpeDecoder(nsh)));
        r.bind(UDP_PORT, 6081, r.protocol("geneve", GeneveDecoder::decode));
        int l2tp = r.protocol("l2tp", L2tpDecoder::overUdp);
        r.bind(UDP_PORT, 1701, l2tp);
        r.bind(IP_PROTO, IpProtocol.L2TP.value(), r.protocol("l2tpv3-over-ip", L2tpDecoder.overIp(l2tp)));
        int gtp = r.protocol("gtp", GtpUserDecoder::decode);
        r.bind(UDP_PORT, 2152, gtp);
        r.bind(UDP_PORT, 2123, r.protocol("gtp-control", new GtpControlDecoder(gtp, r.protocol("gtpv2", null))));
        r.bind(UDP_PORT, 3544, r.protocol("teredo", TeredoDecoder::decode));
        r.bind(IP_PROTO, IpProtocol.ETHERIP.value(), r.protocol("etherip", EtherIpDecoder::decode));
        r.bind(IP_PROTO, IP_PROTO_ETHERNET, Protocols.ETH);
        r.bind(UDP_PORT, 4341, r.protocol("lisp-data", LispDataDecoder::decode));
        r.bind(UDP_PORT, 4342, r.protocol("lisp", null)); // control
        r.bind(UDP_PORT, 1194, r.protocol("openvpn", null));
        r.bind(UDP_PORT, 51820, r.protocol("wg", null));
        r.bind(TCP_PORT, 1723, r.protocol("pptp", null));
    }
}
