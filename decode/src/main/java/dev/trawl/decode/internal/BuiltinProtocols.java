package dev.trawl.decode.internal;

import static dev.trawl.decode.spi.Dispatch.ETHERTYPE;
import static dev.trawl.decode.spi.Dispatch.GRE_PROTO;
import static dev.trawl.decode.spi.Dispatch.IP_PROTO;
import static dev.trawl.decode.spi.Dispatch.LLC_SAP;
import static dev.trawl.decode.spi.Dispatch.NULL_FAMILY;
import static dev.trawl.decode.spi.Dispatch.PPP_PROTO;
import static dev.trawl.decode.spi.Dispatch.TCP_PORT;
import static dev.trawl.decode.spi.Dispatch.UDP_PORT;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.field.FieldRegistrar;
import dev.trawl.decode.spi.DecoderPlugin;
import dev.trawl.decode.spi.Dispatch;
import dev.trawl.decode.internal.lan.LanProtocols;
import dev.trawl.decode.internal.link.LinkProtocols;
import dev.trawl.decode.internal.link.LlcDecoder;
import dev.trawl.decode.internal.network.NetworkProtocols;
import dev.trawl.decode.internal.routing.RoutingProtocols;
import dev.trawl.decode.internal.transport.TransportProtocols;
import dev.trawl.decode.internal.tunnel.TunnelProtocols;
import dev.trawl.decode.internal.wireless.WirelessProtocols;
import dev.trawl.decode.spi.ProtocolRegistrar;

/**
 * The protocols trawl decodes out of the box, registered through the same plugin interface as any other.
 * The registry calls it first, whenever one is built; the ids it hands out are therefore the same in every
 * registry, which is why the helper classes may keep the ids of their sub-protocols in static fields
 * (rewritten with the same values by each build).
 */
public final class BuiltinProtocols implements DecoderPlugin {
    @Override
    public void registerProtocols(ProtocolRegistrar r) {
        registerDecoders(r);
        LinkProtocols.register(r);
        WirelessProtocols.register(r);
        LanProtocols.register(r);
        NetworkProtocols.register(r);
        TransportProtocols.register(r);
        TunnelProtocols.register(r);
        RoutingProtocols.register(r);
        Subprotocols.register(r);
        Streams.register(r);
        Named.register(r);
        registerEtherTypes(r);
        registerIpProtocols(r);
        registerPorts(r);
    }

    @Override
    public void registerFields(FieldRegistrar registrar) {
        BuiltinFields.register(registrar);
    }

    private static void registerDecoders(ProtocolRegistrar r) {
        r.protocol("data", FastPath.DATA);
        r.protocol("dns", FastPath.DNS);
        r.protocol("mdns", FastPath.MDNS);
        r.protocol("dhcp", Apps::dhcp);
        r.protocol("ntp", FastPath.NTP);
        // Protocols named but not decoded: their payload stays one opaque layer with Wireshark's name.
        for (int id = Protocols.DATA_TEXT_LINES; id < Protocols.BUILTIN_COUNT; id++) {
            r.protocol(Protocols.builtinName(id), Decoders.OPAQUE);
        }
    }

    private static void registerEtherTypes(ProtocolRegistrar r) {

        // GRE carries EtherTypes plus a few of its own.
        // PPP protocol numbers.
        // LLC SAPs and SNAP (Cisco OUI) protocol ids.
    }

    private static void registerIpProtocols(ProtocolRegistrar r) {
    }

    private static void registerPorts(ProtocolRegistrar r) {
        udp(r, Protocols.DNS, 53);
        udp(r, Protocols.MDNS, 5353);
        udp(r, Protocols.DHCP, 67, 68);
        udp(r, Protocols.NTP, 123);
        udp(r, Protocols.TFTP, 69);
        udp(r, Protocols.SYSLOG, 514);
        udp(r, Protocols.SNMP, 161, 162);
        udp(r, Protocols.NBNS, 137);
        udp(r, Protocols.NBDGM, 138);
        udp(r, Protocols.KERBEROS, 88, 750, 4444);
        udp(r, Protocols.QUIC, 443);
        udp(r, Protocols.RADIUS, 1812, 1813, 1645, 1646);
        udp(r, Protocols.PTP, 319, 320);
        udp(r, Protocols.SSDP, 1900);
        udp(r, Protocols.DHCPV6, 546, 547);
        udp(r, Protocols.SIP, 5060);
        for (int port = 7000; port <= 7009; port++) {
            udp(r, Protocols.RX, port);
        }
        udp(r, Protocols.RX, 7021); // AFS backup
        tcp(r, Protocols.HTTP, 80, 8080, 3128, 8000);
        tcp(r, Protocols.TLS, 443, 993, 995, 465, 636, 853);
        tcp(r, Protocols.SSH, 22);
        tcp(r, Protocols.SMTP, 25);
        tcp(r, Protocols.FTP, 21);
        tcp(r, Protocols.TELNET, 23);
        tcp(r, Protocols.OPENFLOW, 6653);
        r.bind(TCP_PORT, 53, r.protocol("dns-over-tcp", Apps::dnsTcp));
    }

    private static void udp(ProtocolRegistrar r, int protocol, int... ports) {
        for (int port : ports) {
            r.bind(UDP_PORT, port, protocol);
        }
    }

    private static void tcp(ProtocolRegistrar r, int protocol, int... ports) {
        for (int port : ports) {
            r.bind(TCP_PORT, port, protocol);
        }
    }
}
