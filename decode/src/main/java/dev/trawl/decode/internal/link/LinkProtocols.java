package dev.trawl.decode.internal.link;

import static dev.trawl.decode.spi.Dispatch.LINKTYPE;
import static dev.trawl.decode.spi.Dispatch.PPP_PROTO;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.internal.Decoders;
import dev.trawl.decode.internal.FastPath;
import dev.trawl.decode.spi.Dispatch;
import dev.trawl.decode.spi.ProtocolRegistrar;
import dev.trawl.pcap.EtherType;
import dev.trawl.pcap.LinkType;

/**
 * The link layers: the first layer of a frame, chosen by its link type (Ethernet, LLC, Linux cooked capture,
 * loopback, raw IP, PPP, Cisco HDLC, Frame Relay, the capture headers of Solaris, netfilter, InfiniBand, ARCNET,
 * ATM, Apple and OpenBSD, SocketCAN, Bluetooth HCI), and the link types Wireshark only names. Stateless.
 */
public final class LinkProtocols {
    private LinkProtocols() {
    }

    /** LINKTYPE_JUNIPER_ATM1, which pcap-api does not name. */
    private static final int JUNIPER_ATM1 = 137;
    /** LINKTYPE_JUNIPER_ES and LINKTYPE_JUNIPER_MONITOR, which pcap-api does not name either. */
    private static final int JUNIPER_ES = 132;
    private static final int JUNIPER_MONITOR = 164;
    /** The switch-tag link types: Broadcom's (after the addresses, and prepended), Marvell's DSA and EDSA. */
    private static final int DSA_TAG_BRCM = 281;
    private static final int DSA_TAG_BRCM_PREPEND = 282;
    private static final int DSA_TAG_DSA = 284;
    private static final int DSA_TAG_EDSA = 285;
    /** LINKTYPE_USER0 to LINKTYPE_USER15, the link types reserved for private use. */
    private static final int USER0 = 147;
    private static final int USER15 = 162;
    /** The values of AF_INET6 on the BSDs (24), Darwin (30), FreeBSD (28) and Linux (10). */
    private static final int[] AF_INET6 = {10, 24, 28, 30};
    private static final int AF_INET = 2;

    /** Registers the link layers and binds them to their link types. */
    public static void register(ProtocolRegistrar r) {
        int ethernet = r.protocol("eth", FastPath.ETHERNET);
        r.bind(LINKTYPE, LinkType.ETHERNET.value(), ethernet);
        r.bind(Dispatch.GRE_PROTO, EtherType.TRANSPARENT_ETHERNET_BRIDGING.value(), ethernet);
        r.bind(LINKTYPE, LinkType.ATM_RFC1483.value(), r.protocol("llc", LlcDecoder::decode));
        r.bind(LINKTYPE, LinkType.LINUX_SLL.value(), r.protocol("sll", LinuxCookedDecoder::v1));
        r.bind(LINKTYPE, LinkType.LINUX_SLL2.value(), r.protocol("sll2", LinuxCookedDecoder::v2));
        int loopback = r.protocol("null", LoopbackDecoder::decode);
        r.bind(LINKTYPE, LinkType.NULL.value(), loopback);
        r.bind(LINKTYPE, LinkType.LOOP.value(), loopback);
        r.bind(LINKTYPE, LinkType.RAW.value(), r.protocol("raw", RawIpDecoder::decode));
        int ppp = r.protocol("ppp", PppDecoder::decode);
        r.bind(LINKTYPE, LinkType.PPP.value(), ppp);
        r.bind(LINKTYPE, LinkType.PPP_HDLC.value(), ppp);
        r.bind(Dispatch.GRE_PROTO, EtherType.PPP.value(), ppp);
        r.bind(Dispatch.ETHERTYPE, EtherType.PPP.value(), ppp);
        r.bind(LINKTYPE, LinkType.C_HDLC.value(), r.protocol("chdlc", CiscoHdlcDecoder::decode));
        r.bind(LINKTYPE, LinkType.FRELAY.value(), r.protocol("fr", FrameRelayDecoder::decode));
        r.bind(LINKTYPE, LinkType.IPNET.value(), r.protocol("ipnet", IpnetDecoder::decode));
        r.bind(LINKTYPE, LinkType.NFLOG.value(), r.protocol("nflog", NflogDecoder::decode));
        r.bind(LINKTYPE, LinkType.IPOIB.value(), r.protocol("ipoib", IpoibDecoder::decode));
        r.bind(LINKTYPE, LinkType.ARCNET_LINUX.value(), r.protocol("arcnet", ArcnetDecoder::decode));
        r.bind(LINKTYPE, LinkType.ATM_CLIP.value(), r.protocol("clip", ClipDecoder::decode));
        r.bind(LINKTYPE, LinkType.PKTAP.value(),
                r.protocol("pktap", new PktapDecoder(r.protocol("pcap_pktdata", null))));
        r.bind(LINKTYPE, LinkType.PFLOG.value(), r.protocol("pflog", PflogDecoder::decode));
        r.bind(LINKTYPE, LinkType.CAN_SOCKETCAN.value(), r.protocol("can", SocketCanDecoder::decode));
        BluetoothHciDecoder.register(r);
        switchTags(r);
        pppControlProtocols(r);
        namedLinkTypes(r);
        addressFamilies(r);
    }

    /**
     * The switch-tag link types, which Wireshark does not decode: named after the link type, then the frame
     * inside them as Ethernet's.
     */
    private static void switchTags(ProtocolRegistrar r) {
        r.bind(LINKTYPE, DSA_TAG_BRCM, r.protocol("dsa_tag_brcm", new SwitchTagDecoder(4, false)));
        r.bind(LINKTYPE, DSA_TAG_BRCM_PREPEND, r.protocol("dsa_tag_brcm_prepend", new SwitchTagDecoder(4, true)));
        r.bind(LINKTYPE, DSA_TAG_DSA, r.protocol("dsa_tag_dsa", new SwitchTagDecoder(4, false)));
        r.bind(LINKTYPE, DSA_TAG_EDSA, r.protocol("dsa_tag_edsa", new SwitchTagDecoder(8, false)));
    }

    /** PPP's control protocols, which Wireshark names and trawl does not decode further. */
    private static void pppControlProtocols(ProtocolRegistrar r) {
        r.bind(PPP_PROTO, 0xC021, r.protocol("lcp", Decoders.OPAQUE));
        r.bind(PPP_PROTO, 0x8021, r.protocol("ipcp", null));
        r.bind(PPP_PROTO, 0x8057, r.protocol("ipv6cp", null));
        r.bind(PPP_PROTO, 0xC023, r.protocol("pap", null));
        r.bind(PPP_PROTO, 0xC223, r.protocol("chap", null));
        r.bind(PPP_PROTO, 0x80FD, r.protocol("ccp", null));
        r.bind(PPP_PROTO, 0x8281, r.protocol("mplscp", null));
        r.bind(PPP_PROTO, 0xC029, r.protocol("cbcp", null));
        r.protocol("slarp", Decoders.OPAQUE); // Cisco HDLC's address resolution
    }

    /** Link types decoded only as far as their length: one layer with Wireshark's name. */
    private static void namedLinkTypes(ProtocolRegistrar r) {
        int wpan = r.protocol("wpan", Decoders.OPAQUE);
        r.bind(LINKTYPE, LinkType.IEEE802_15_4_WITHFCS.value(), wpan);
        r.bind(LINKTYPE, LinkType.IEEE802_15_4_NOFCS.value(), wpan);
        r.bind(LINKTYPE, LinkType.VSOCK.value(), r.protocol("vsock", Decoders.OPAQUE));
        r.bind(LINKTYPE, LinkType.DBUS.value(), r.protocol("dbus", Decoders.OPAQUE));
        int juniper = r.protocol("juniper", JuniperDecoder::ether);
        r.bind(LINKTYPE, LinkType.JUNIPER_ETHER.value(), juniper);
        // ATM1, ES and MONITOR frames carry a cookie and their payload after the same header: named only
        r.bind(LINKTYPE, JUNIPER_ATM1, r.protocol("juniper.atm1", "juniper", Decoders.OPAQUE));
        r.bind(LINKTYPE, JUNIPER_ES, r.protocol("juniper.es", "juniper", Decoders.OPAQUE));
        r.bind(LINKTYPE, JUNIPER_MONITOR, r.protocol("juniper.monitor", "juniper", Decoders.OPAQUE));
        r.bind(LINKTYPE, LinkType.SUNATM.value(), r.protocol("atm", Decoders.OPAQUE));
        // Wireshark leaves libpcap's SLIP captures (a 16-byte pseudo-header, then IP) as data
        r.bind(LINKTYPE, LinkType.SLIP.value(), r.protocol("slip", "data", Decoders.OPAQUE));
        r.bind(LINKTYPE, LinkType.NETLINK.value(), r.protocol("netlink", Decoders.OPAQUE));
        int user = r.protocol("user_dlt", Decoders.OPAQUE);
        for (int type = USER0; type <= USER15; type++) {
            r.bind(LINKTYPE, type, user);
        }
        r.protocol("ax25", Decoders.OPAQUE);
    }

    /** The BSD loopback address families of IPv4 and IPv6 (those of OSI and IPX are bound by their protocols). */
    private static void addressFamilies(ProtocolRegistrar r) {
        r.bind(Dispatch.NULL_FAMILY, AF_INET, Protocols.IP);
        for (int family : AF_INET6) {
            r.bind(Dispatch.NULL_FAMILY, family, Protocols.IPV6);
        }
    }

    /** Whether {@code family} is AF_INET6 on one of the systems a loopback or pflog capture comes from. */
    static boolean isInet6(int family) {
        for (int inet6 : AF_INET6) {
            if (family == inet6) {
                return true;
            }
        }
        return false;
    }
}
