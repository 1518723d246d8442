package dev.trawl.decode.internal.application;

import static dev.trawl.decode.spi.Dispatch.ETHERTYPE;
import static dev.trawl.decode.spi.Dispatch.SCTP_PORT;
import static dev.trawl.decode.spi.Dispatch.TCP_PORT;
import static dev.trawl.decode.spi.Dispatch.UDP_PORT;

import dev.trawl.decode.internal.Decoders;
import dev.trawl.decode.internal.FastPath;
import dev.trawl.decode.spi.ProtocolRegistrar;
import dev.trawl.pcap.EtherType;

/**
 * Application protocols: DNS (and mDNS, LLMNR, DNS over TCP), DHCP, NTP, HTTP, TLS, QUIC, SIP with SDP,
 * Diameter, RADIUS, the NetBIOS services with SMB and SMB2, DCE/RPC, ONC RPC with NFS, Kerberos, Rx with AFS,
 * MGCP, CoAP, Modbus/TCP, OpenFlow, TFTP, sFlow, and about fifty more Wireshark names by port. Stateless.
 */
public final class ApplicationProtocols {
    private ApplicationProtocols() {
    }

    /** Registers the application protocols and binds them to their ports. */
    public static void register(ProtocolRegistrar r) {
        naming(r);
        web(r);
        sessions(r);
        remoteCalls(r);
        control(r);
        named(r);
    }

    /** DNS and what shares its format, DHCP, NTP, NetBIOS naming. */
    private static void naming(ProtocolRegistrar r) {
        r.bind(UDP_PORT, 53, r.protocol("dns", FastPath.DNS));
        r.bind(TCP_PORT, 53, r.protocol("dns-over-tcp", DnsDecoder::overTcp));
        r.bind(UDP_PORT, 5353, r.protocol("mdns", FastPath.MDNS));
        r.bind(UDP_PORT, 5355, r.protocol("llmnr", null));
        int dhcp = r.protocol("dhcp", Decoders.fixedHeader(236));
        r.bind(UDP_PORT, 67, dhcp);
        r.bind(UDP_PORT, 68, dhcp);
        ports(r, r.protocol("dhcpv6", Decoders.OPAQUE), UDP_PORT, 546, 547);
        r.bind(UDP_PORT, 123, r.protocol("ntp", FastPath.NTP));
        r.bind(UDP_PORT, 137, r.protocol("nbns", Decoders.OPAQUE));
    }

    /** HTTP and what its bodies are named as, TLS, QUIC, SSDP. */
    private static void web(ProtocolRegistrar r) {
        int xml = r.protocol("xml", null);
        int json = r.protocol("json", null);
        int media = r.protocol("media", null);
        r.protocol("data-text-lines", Decoders.OPAQUE);
        ports(r, r.protocol("http", new HttpDecoder(xml, json, media)), TCP_PORT, 80, 8080, 3128, 8000);
        // a connection that agreed on TLS 1.3 is followed as this protocol, which shows its layers as tls
        int tls13 = r.protocol("tls13", "tls", null);
        CertificateLayers certificates = new CertificateLayers(r);
        r.protocol("tls13", "tls", new TlsDecoder(tls13, true, certificates));
        ports(r, r.protocol("tls", new TlsDecoder(tls13, false, certificates)), TCP_PORT, 443, 993, 995, 465, 636,
                853);
        // DNS over DTLS's port, and the protocol UDP's heuristic names on ports nothing is bound to
        r.bind(UDP_PORT, 853, r.protocol("dtls", new DtlsDecoder(certificates)));
        r.bind(UDP_PORT, 443, r.protocol("quic", new QuicDecoder(r.protocol("gquic", Decoders.OPAQUE))));
        r.bind(UDP_PORT, 1900, r.protocol("ssdp", Decoders.OPAQUE));
    }

    /** Voice and media sessions, and their authentication and accounting: SIP, MGCP, Diameter, RADIUS. */
    private static void sessions(ProtocolRegistrar r) {
        int sdp = r.protocol("sdp", null);
        r.bind(UDP_PORT, 5060, r.protocol("sip", new SipDecoder(sdp, false)));
        r.bind(TCP_PORT, 5060, r.protocol("sip-over-tcp", new SipDecoder(sdp, true)));
        r.protocol("rtp", Decoders.OPAQUE);
        ports(r, r.protocol("mgcp", MgcpDecoder::decode), UDP_PORT, 2427, 2727);
        int diameter = r.protocol("diameter", DiameterDecoder::decode);
        r.bind(TCP_PORT, 3868, diameter);
        r.bind(SCTP_PORT, 3868, diameter);
        // 1700 and 3799 carry dynamic authorization (RFC 5176; 1700 as some vendors use it)
        ports(r, r.protocol("radius", new RadiusDecoder(r.protocol("eap", null))), UDP_PORT,
                1812, 1813, 1645, 1646, 1700, 3799);
        int kerberos = r.protocol("kerberos", new KerberosDecoder(r.protocol("krb4", null)));
        ports(r, kerberos, UDP_PORT, 88, 750, 4444);
        r.bind(TCP_PORT, 88, r.protocol("kerberos-over-tcp", KerberosDecoder::overTcp));
    }

    /** Remote calls and file sharing: NetBIOS sessions and datagrams with SMB, DCE/RPC, ONC RPC, Rx. */
    private static void remoteCalls(ProtocolRegistrar r) {
        int session = r.protocol("nbss", new NetbiosSessionDecoder(r.protocol("smb2", null)));
        r.bind(TCP_PORT, 139, session);
        r.bind(TCP_PORT, 445, session);
        r.bind(UDP_PORT, 138, r.protocol("nbdgm", NetbiosDatagramDecoder::decode));
        r.protocol("smb", SmbDecoder::decode);
        r.protocol("browser", Decoders.OPAQUE);
        r.bind(TCP_PORT, 135, r.protocol("dcerpc", DceRpcDecoder::decode));
        int rpc = r.protocol("rpc", new OncRpcDecoder(r.protocol("nfs", null)));
        ports(r, rpc, UDP_PORT, 2049, 111);
        ports(r, r.protocol("rpc-over-tcp", OncRpcDecoder.overTcp(rpc)), TCP_PORT, 2049, 111);
        int rx = r.protocol("rx", new RxDecoder(r.protocol("afs", Decoders.OPAQUE)));
        for (int port = 7000; port <= 7009; port++) {
            r.bind(UDP_PORT, port, rx);
        }
        r.bind(UDP_PORT, 7021, rx); // AFS backup
    }

    /** Control and monitoring: OpenFlow, Modbus/TCP, CoAP, TFTP, sFlow, PTP, SNMP, syslog. */
    private static void control(ProtocolRegistrar r) {
        r.bind(TCP_PORT, 6653, r.protocol("openflow", new OpenFlowDecoder(r)));
        r.bind(TCP_PORT, 502, r.protocol("mbtcp", new ModbusDecoder(r.protocol("modbus", null))));
        r.bind(UDP_PORT, 5683, r.protocol("coap", CoapDecoder::decode));
        r.bind(UDP_PORT, TftpDecoder.PORT, r.protocol("tftp", TftpDecoder::decode));
        r.bind(UDP_PORT, 6343, r.protocol("sflow", SflowDecoder::decode));
        int ptp = r.protocol("ptp", Decoders.OPAQUE);
        ports(r, ptp, UDP_PORT, 319, 320);
        r.bind(ETHERTYPE, EtherType.PTP.value(), ptp); // straight over Ethernet
        ports(r, r.protocol("snmp", Decoders.OPAQUE), UDP_PORT, 161, 162);
        r.bind(UDP_PORT, 514, r.protocol("syslog", Decoders.OPAQUE));
        int json = r.protocol("json", null);
        r.bind(UDP_PORT, 17500, r.protocol("db-lsp-disc", (buf, off, end, ctx) -> {
            ctx.addLayer(ctx.protocol(), off, 0, end); // Dropbox's LAN sync discovery: a JSON document
            return json;
        }));
    }

    /** Protocols decoded only as far as their name, by port. */
    private static void named(ProtocolRegistrar r) {
        r.bind(TCP_PORT, 22, r.protocol("ssh", Decoders.OPAQUE));
        r.bind(TCP_PORT, 25, r.protocol("smtp", Decoders.OPAQUE));
        r.bind(TCP_PORT, 21, r.protocol("ftp", Decoders.OPAQUE));
        r.bind(TCP_PORT, 23, r.protocol("telnet", Decoders.OPAQUE));
        r.bind(UDP_PORT, 525, r.protocol("tsp", null));
        ports(r, r.protocol("cflow", null), UDP_PORT, 2055, 9995, 9996, 4739);
        r.bind(UDP_PORT, 389, r.protocol("cldap", null));
        int tacplus = r.protocol("tacplus", null);
        r.bind(UDP_PORT, 49, tacplus);
        r.bind(TCP_PORT, 49, tacplus);
        r.bind(TCP_PORT, 110, r.protocol("pop", null));
        r.bind(TCP_PORT, 143, r.protocol("imap", null));
        ports(r, r.protocol("ldap", null), TCP_PORT, 389, 3268); // and the global catalog
        r.bind(TCP_PORT, 3306, r.protocol("mysql", null));
        r.bind(TCP_PORT, 5432, r.protocol("pgsql", null));
        r.bind(TCP_PORT, 1883, r.protocol("mqtt", null));
        r.bind(TCP_PORT, 554, r.protocol("rtsp", null));
        r.bind(TCP_PORT, 119, r.protocol("nntp", null));
        r.bind(TCP_PORT, 43, r.protocol("whois", null));
        r.bind(TCP_PORT, 6379, r.protocol("resp", null));
        r.bind(TCP_PORT, 1080, r.protocol("socks", null));
        int enip = r.protocol("enip", null);
        r.bind(TCP_PORT, 44818, enip);
        r.bind(UDP_PORT, 44818, enip);
        r.bind(UDP_PORT, 434, r.protocol("mip", null));
        r.bind(UDP_PORT, 8805, r.protocol("pfcp", null));
        r.bind(SCTP_PORT, 2905, r.protocol("m3ua", null));
    }

    private static void ports(ProtocolRegistrar r, int protocol, int table, int... ports) {
        for (int port : ports) {
            r.bind(table, port, protocol);
        }
    }
}
