package dev.trawl.cli.print;

import dev.trawl.decode.ProtocolRegistry;
import dev.trawl.decode.Protocols;
import java.util.Arrays;

/**
 * Which {@link LayerPrinter} prints each decode protocol id. {@link #standard()} builds a fresh set (printers
 * keep state, so each packet printer has its own). Not thread-safe.
 */
final class LayerPrinters {
    private LayerPrinter[] byProtocol = new LayerPrinter[128];

    /** The printers for every protocol the tool prints: one line per protocol. */
    static LayerPrinters standard() {
        LayerPrinters r = new LayerPrinters();
        r.register(Protocols.ETH, new EthernetPrinter());
        r.registerNamed("dsa_tag_dsa", new SwitchTagPrinter(SwitchTagPrinter.Kind.DSA));
        r.registerNamed("dsa_tag_edsa", new SwitchTagPrinter(SwitchTagPrinter.Kind.EDSA));
        r.registerNamed("dsa_tag_brcm", new SwitchTagPrinter(SwitchTagPrinter.Kind.BRCM));
        r.registerNamed("dsa_tag_brcm_prepend", new SwitchTagPrinter(SwitchTagPrinter.Kind.BRCM_PREPEND));
        r.registerNamed("avsp", new AristaPrinter());
        r.register(Protocols.SLL, new CookedPrinter(false));
        int sll2 = ProtocolRegistry.standard().id("sll2");
        if (sll2 >= 0) {
            r.register(sll2, new CookedPrinter(true));
        }
        r.register(Protocols.NULL, new LoopbackPrinter());
        r.register(Protocols.RAW, new RawIpPrinter());
        r.register(Protocols.CLIP, new ClipPrinter());
        r.register(Protocols.PPP, new PppPrinter());
        r.register(Protocols.IPNET, new CaptureHeaderPrinter("IPNET"));
        r.register(Protocols.NFLOG, new CaptureHeaderPrinter("NFLOG"));
        r.register(Protocols.VLAN, new VlanPrinter());
        r.register(Protocols.IEEE8021AD, new VlanPrinter());
        r.register(Protocols.MPLS, new MplsPrinter());
        r.register(Protocols.ARP, new ArpPrinter());
        r.register(Protocols.LOOP, new EthernetLoopbackPrinter());
        PppoePrinter pppoe = new PppoePrinter();
        r.register(Protocols.PPPOED, pppoe);
        r.register(Protocols.PPPOES, pppoe);
        r.register(Protocols.IP, new Ipv4Printer());
        r.register(Protocols.IPV6, new Ipv6Printer());
        Ipv6ExtensionPrinter extension = new Ipv6ExtensionPrinter();
        r.register(Protocols.IPV6_HOPOPTS, extension);
        r.register(Protocols.IPV6_DSTOPTS, extension);
        r.register(Protocols.IPV6_ROUTING, extension);
        r.register(Protocols.IPV6_FRAGHDR, extension);
        r.register(Protocols.AH, extension);
        r.register(Protocols.ICMP, new IcmpPrinter());
        r.register(Protocols.ICMPV6, new Icmp6Printer());
        r.register(Protocols.IGMP, new IgmpPrinter());
        r.register(Protocols.TCP, new TcpPrinter());
        r.register(Protocols.UDP, new UdpPrinter());
        DnsPrinter dns = new DnsPrinter();
        r.register(Protocols.DNS, dns);
        r.register(Protocols.MDNS, dns);
        r.register(Protocols.DHCP, new DhcpPrinter());
        r.register(Protocols.NTP, new NtpPrinter());
        r.register(Protocols.VXLAN, new TunnelPrinters.VxlanPrinter());
        r.register(Protocols.GENEVE, new TunnelPrinters.GenevePrinter());
        r.register(Protocols.GRE, new TunnelPrinters.GrePrinter());
        r.register(Protocols.LLC, new LlcPrinter());
        r.register(Protocols.STP, new StpPrinter());
        r.register(Protocols.VRRP, new VrrpPrinter());
        r.register(Protocols.SYSLOG, new SyslogPrinter());
        r.register(Protocols.SLOW, new SlowPrinter());
        r.register(Protocols.UDLD, new UdldPrinter());
        r.register(Protocols.CDP, new CdpPrinter());
        r.register(Protocols.LLDP, new LldpPrinter());
        r.register(Protocols.DTP, new DtpPrinter());
        r.register(Protocols.OSPF, new RoutingPrinters.OspfPrinter());
        r.register(Protocols.PIM, new PimPrinter());
        r.register(Protocols.ESP, new EspPrinter());
        r.registerNamed("ipcomp", new IpcompPrinter());
        r.registerNamed("resp", new RespPrinter());
        r.register(Protocols.UDPENCAP, new UdpEncapsulationPrinter());
        r.register(Protocols.ISAKMP, new IsakmpPrinter());
        r.register(Protocols.RADIUS, new RadiusPrinter());
        r.register(Protocols.DHCPV6, new Dhcp6Printer());
        r.register(Protocols.RIP, new RipPrinter());
        r.register(Protocols.RIPNG, new RipngPrinter());
        r.register(Protocols.LDP, new LdpPrinter());
        r.register(Protocols.BGP, new BgpPrinter());
        r.registerNamed("eigrp", new EigrpPrinter());
        r.registerNamed("igrp", new IgrpPrinter());
        r.register(Protocols.OSI, new OsiPrinter());
        r.register(Protocols.ISIS, new IsisPrinter());
        r.register(Protocols.ESIS, new EsisPrinter());
        r.registerNamed("clnp", new ClnpPrinter());
        r.register(Protocols.SCTP, new SctpPrinter());
        r.register(Protocols.HSRP, new HsrpPrinter());
        r.register(Protocols.SFLOW, new SflowPrinter());
        r.registerNamed("olsr", new OlsrPrinter());
        r.registerNamed("lisp", new LispPrinter());
        r.registerNamed("aodv", new AodvPrinter());
        r.registerNamed("mipv6", new MobilityPrinter());
        r.registerNamed("bfd", new BfdPrinter());
        r.registerNamed("rsvp", new RsvpPrinter());
        r.registerNamed("lmp", new LmpPrinter());
        r.registerNamed("rpkirtr", new RpkiRtrPrinter());
        r.registerNamed("babel", new BabelPrinter());
        r.registerNamed("bfd_echo", new BfdPrinter());
        r.registerNamed("dccp", new DccpPrinter());
        r.registerNamed("l2tp", new L2tpPrinter());
        r.register(Protocols.CHDLC, new ChdlcPrinter());
        r.register(Protocols.SLARP, new SlarpPrinter());
        r.register(Protocols.FR, new FrameRelayPrinter());
        r.register(Protocols.EAPOL, new EapolPrinter());
        r.registerNamed("pgm", new PgmPrinter());
        r.register(Protocols.MPLS_ECHO, new LspPingPrinter());
        r.registerNamed("tsp", new TimedPrinter());
        r.registerNamed("nsh", new NshPrinter());
        Ieee80211Printer wlan = new Ieee80211Printer();
        r.register(Protocols.RADIOTAP, wlan);
        r.register(Protocols.WLAN, wlan);
        r.registerNamed("prism", wlan);
        r.registerNamed("ppi", new PpiPrinter());
        r.register(Protocols.WPAN, new Ieee802154Printer());
        r.register(Protocols.VSOCK, new VsockPrinter());
        r.register(Protocols.LWAPP, new LwappPrinter());
        r.register(Protocols.PKTAP, new PktapPrinter());
        r.registerNamed("atm", new SunAtmPrinter());
        r.registerNamed("slip", new SlipPrinter());
        r.registerNamed("aoe", new AoePrinter());
        r.register(Protocols.IPOIB, new IpoibPrinter());
        r.registerNamed("msnlb", new MsNlbPrinter());
        r.register(Protocols.JUNIPER, new JuniperPrinter(JuniperPrinter.Pic.ETHER));
        r.registerNamed("juniper.atm1", new JuniperPrinter(JuniperPrinter.Pic.ATM1));
        r.registerNamed("juniper.es", new JuniperPrinter(JuniperPrinter.Pic.ES));
        r.registerNamed("juniper.monitor", new JuniperPrinter(JuniperPrinter.Pic.MONITOR));
        r.registerNamed("ptp", new PtpPrinter());
        r.registerNamed("vqp", new VqpPrinter());
        r.registerNamed("vtp", new VtpPrinter());
        r.registerNamed("macsec", new MacsecPrinter());
        r.register(Protocols.IPX, new IpxPrinter());
        r.register(Protocols.ARCNET, new ArcnetPrinter());
        AppleTalkPrinter appleTalk = new AppleTalkPrinter();
        r.registerNamed("ddp", appleTalk);
        r.registerNamed("aarp", appleTalk);
        r.registerNamed("tipc", new TipcPrinter());
        r.registerNamed("dec_dna", new DecnetPrinter());
        r.registerNamed("cfm", new CfmPrinter());
        return r;
    }

    /** Registers {@code printer} for the protocol of this name in decode's standard registry, if it has one. */
    void registerNamed(String name, LayerPrinter printer) {
        int id = ProtocolRegistry.standard().id(name);
        if (id >= 0) {
            register(id, printer);
        }
    }

    /** Makes {@code printer} print layers of {@code protocol}, replacing any printer registered before. */
    void register(int protocol, LayerPrinter printer) {
        if (protocol < 0) {
            throw new IllegalArgumentException("no protocol id " + protocol);
        }
        if (protocol >= byProtocol.length) {
            byProtocol = Arrays.copyOf(byProtocol, Math.max(protocol + 1, byProtocol.length * 2));
        }
        byProtocol[protocol] = printer;
    }

    /** The printer of {@code protocol}, or null when none is registered. */
    LayerPrinter get(int protocol) {
        return protocol >= 0 && protocol < byProtocol.length ? byProtocol[protocol] : null;
    }
}
