package dev.trawl.decode.internal.lan;

import static dev.trawl.decode.spi.Dispatch.ETHERTYPE;
import static dev.trawl.decode.spi.Dispatch.GRE_PROTO;
import static dev.trawl.decode.spi.Dispatch.LLC_SAP;
import static dev.trawl.decode.spi.Dispatch.UDP_PORT;

import dev.trawl.decode.internal.Decoders;
import dev.trawl.decode.internal.link.LlcDecoder;
import dev.trawl.decode.spi.ProtocolRegistrar;
import dev.trawl.pcap.EtherType;

/**
 * What a LAN carries beside IP: VLAN tags, ARP, PPPoE, MACsec, Arista's timestamp header, the Ethernet loopback
 * test, the slow protocols, B.A.T.M.A.N. advanced, and the bridge and switch protocols Wireshark names (spanning
 * tree, LLDP, 802.1X, CFM, CDP and Cisco's other SNAP protocols, VQP, ...). Stateless.
 */
public final class LanProtocols {
    private LanProtocols() {
    }

    /** The LLC SAP of the spanning tree protocol. */
    private static final int STP_SAP = 0x42;
    /** SNAP organisation codes: Cisco, and Nortel (SynOptics). */
    private static final int OUI_CISCO = 0x00000C;
    private static final int OUI_NORTEL = 0x000081;

    /** Registers the LAN protocols and binds them to their EtherTypes, SAPs and SNAP ids. */
    public static void register(ProtocolRegistrar r) {
        int vlan = r.protocol("vlan", VlanTagDecoder::decode);
        r.bind(ETHERTYPE, EtherType.VLAN.value(), vlan);
        r.bind(ETHERTYPE, EtherType.QINQ_LEGACY.value(), vlan);
        r.bind(ETHERTYPE, EtherType.QINQ.value(), r.protocol("ieee8021ad", VlanTagDecoder::decode));
        int arp = r.protocol("arp", new ArpDecoder(r.protocol("atmarp", null)));
        r.bind(ETHERTYPE, EtherType.ARP.value(), arp);
        r.bind(ETHERTYPE, EtherType.RARP.value(), arp);
        r.bind(GRE_PROTO, EtherType.ARP.value(), arp);
        r.bind(ETHERTYPE, EtherType.PPPOE_DISCOVERY.value(), r.protocol("pppoed", PppoeDecoder::discovery));
        r.bind(ETHERTYPE, EtherType.PPPOE_SESSION.value(), r.protocol("pppoes", PppoeDecoder::session));
        r.bind(ETHERTYPE, EtherType.MACSEC.value(), r.protocol("macsec", MacsecDecoder::decode));
        r.bind(ETHERTYPE, EtherType.ARISTA.value(), r.protocol("avsp", AristaDecoder::decode));
        r.bind(ETHERTYPE, EtherType.LOOPBACK.value(), r.protocol("loop", EthernetLoopbackDecoder::decode));
        r.protocol("lacp", Decoders.OPAQUE);
        r.bind(ETHERTYPE, EtherType.SLOW_PROTOCOLS.value(), r.protocol("slow", new SlowProtocolsDecoder(r)));
        r.bind(ETHERTYPE, EtherType.BATMAN_ADV.value(), r.protocol("batadv", BatmanDecoder::decode));
        r.bind(ETHERTYPE, EtherType.JUMBO_LLC.value(), r.protocol("llc", null));
        named(r);
    }

    /** Protocols decoded only as far as their name: one opaque layer each. */
    private static void named(ProtocolRegistrar r) {
        r.bind(ETHERTYPE, EtherType.LLDP.value(), r.protocol("lldp", Decoders.OPAQUE));
        r.bind(ETHERTYPE, EtherType.EAPOL.value(), r.protocol("eapol", Decoders.OPAQUE));
        r.bind(ETHERTYPE, EtherType.CFM.value(), r.protocol("cfm", null));
        r.bind(ETHERTYPE, EtherType.TIPC.value(), r.protocol("tipc", null));
        r.bind(ETHERTYPE, EtherType.AOE.value(), r.protocol("aoe", null));
        r.bind(ETHERTYPE, EtherType.AARP.value(), r.protocol("aarp", null));
        r.bind(ETHERTYPE, EtherType.MS_NLB.value(), r.protocol("msnlb", null));
        r.bind(ETHERTYPE, EtherType.BROADCOM_TAG.value(), r.protocol("brcm-tag", null));
        int cdp = r.protocol("cdp", Decoders.OPAQUE);
        r.bind(ETHERTYPE, EtherType.CDP.value(), cdp);
        r.bind(GRE_PROTO, EtherType.CDP.value(), cdp);
        r.bind(LLC_SAP, LlcDecoder.snapKey(OUI_CISCO, EtherType.CDP.value()), cdp);
        int stp = r.protocol("stp", Decoders.OPAQUE);
        r.bind(LLC_SAP, STP_SAP, stp);
        r.bind(LLC_SAP, LlcDecoder.snapKey(OUI_CISCO, 0x010B), stp); // Cisco's per-VLAN spanning tree
        r.bind(LLC_SAP, LlcDecoder.snapKey(OUI_CISCO, 0x2003), r.protocol("vtp", Decoders.OPAQUE));
        r.bind(LLC_SAP, LlcDecoder.snapKey(OUI_CISCO, 0x2004), r.protocol("dtp", Decoders.OPAQUE));
        r.bind(LLC_SAP, LlcDecoder.snapKey(OUI_CISCO, 0x0111), r.protocol("udld", Decoders.OPAQUE));
        r.bind(UDP_PORT, 1589, r.protocol("vqp", Decoders.OPAQUE)); // Cisco's VLAN membership queries
        int ndp = r.protocol("ndp", Decoders.OPAQUE); // Nortel's discovery protocol
        r.bind(LLC_SAP, LlcDecoder.snapKey(OUI_NORTEL, 0x01A1), ndp);
        r.bind(LLC_SAP, LlcDecoder.snapKey(OUI_NORTEL, 0x01A2), ndp);
        r.protocol("pvst", Decoders.OPAQUE);
    }
}
