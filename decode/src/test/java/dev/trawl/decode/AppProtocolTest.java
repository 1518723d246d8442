package dev.trawl.decode;

import static dev.trawl.decode.TestPackets.IP_A;
import static dev.trawl.decode.TestPackets.IP_B;
import static dev.trawl.decode.TestPackets.cat;
import static dev.trawl.decode.TestPackets.eth;
import static dev.trawl.decode.TestPackets.ethIpUdp;
import static dev.trawl.decode.TestPackets.hex;
import static dev.trawl.decode.TestPackets.ipv4;
import static dev.trawl.decode.TestPackets.tcp;
import static dev.trawl.decode.TestPackets.u16;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trawl.decode.layer.Tcp;
import dev.trawl.pcap.EtherType;
import dev.trawl.pcap.IpProtocol;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AppProtocolTest extends FrameDecoding {
    private static byte[] tcpTo(int port, byte[] payload) {
        return eth(EtherType.IPV4, ipv4(IpProtocol.TCP, IP_A, IP_B, tcp(40000, port, 1, 1, Tcp.ACK | Tcp.PSH,
                new byte[0], payload)));
    }

    @Test
    void readsTheHttpRequestAndStatusLines() {
        byte[] req = "GET /index.html HTTP/1.1\r\nHost: example.com\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        DecodedPacket p = decode(tcpTo(80, req));
        assertEquals("eth:ethertype:ip:tcp:http", protocols(p));
        assertEquals("GET", field(p, "http.request.method"));
        assertEquals("/index.html", field(p, "http.request.uri"));
        assertEquals("example.com", field(p, "http.host"));
        byte[] resp = "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nno"
                .getBytes(StandardCharsets.US_ASCII);
        DecodedPacket r = decode(tcpTo(80, resp));
        assertEquals("eth:ethertype:ip:tcp:http:data-text-lines", protocols(r));
        assertEquals("404", field(r, "http.response.code"));
        assertEquals("Not Found", field(r, "http.response.phrase"));
    }

    @Test
    void holdsBackAnHttpResponseWhoseBodyContinuesInLaterSegments() {
        byte[] resp = "HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\nabc".getBytes(StandardCharsets.US_ASCII);
        assertEquals("eth:ethertype:ip:tcp", protocols(decode(tcpTo(80, resp))));
    }

    @Test
    void findsTheServerNameOfATlsClientHello() {
        byte[] name = "www.example.org".getBytes(StandardCharsets.US_ASCII);
        byte[] sni = cat(u16(0), u16(name.length + 5), u16(name.length + 3), new byte[] {0}, u16(name.length), name);
        byte[] extensions = cat(u16(sni.length), sni);
        byte[] body = cat(hex("0303"), new byte[32], new byte[] {0}, hex("0002 1301"), hex("01 00"), extensions);
        byte[] handshake = cat(new byte[] {1, 0}, u16(body.length), body);
        byte[] record = cat(hex("16 0301"), u16(handshake.length), handshake);
        DecodedPacket p = decode(tcpTo(443, record));
        assertEquals("eth:ethertype:ip:tcp:tls", protocols(p));
        assertEquals("www.example.org", field(p, "tls.handshake.extensions_server_name"));
        assertEquals("1", field(p, "tls.handshake.type"));
        assertEquals("22", field(p, "tls.record.content_type"));
    }

    @Test
    void decodesDnsOverTcpAfterItsLengthPrefix() {
        byte[] msg = hex("beef 0100 0001 0000 0000 0000 07 6578616d706c65 03 6f7267 00 0001 0001");
        DecodedPacket p = decode(tcpTo(53, cat(u16(msg.length), msg)));
        assertEquals("eth:ethertype:ip:tcp:dns", protocols(p));
        assertEquals("0xbeef", field(p, "dns.id"));
        assertEquals("example.org", field(p, "dns.qry.name"));
    }

    @Test
    void readsDhcpAndNtpHeaders() {
        byte[] dhcp = new byte[240 + 4];
        dhcp[0] = 1;
        dhcp[1] = 1;
        dhcp[2] = 6;
        System.arraycopy(hex("0a0b0c0d"), 0, dhcp, 4, 4);
        System.arraycopy(hex("020000000001"), 0, dhcp, 28, 6);
        System.arraycopy(hex("63825363 350101 ff"), 0, dhcp, 236, 8);
        DecodedPacket p = decode(ethIpUdp(68, 67, dhcp));
        assertEquals("eth:ethertype:ip:udp:dhcp", protocols(p));
        assertEquals("0x0a0b0c0d", field(p, "dhcp.id"));
        assertEquals("02:00:00:00:00:01", field(p, "dhcp.hw.mac_addr"));
        assertEquals("1", field(p, "dhcp.option.dhcp"));
        byte[] ntp = new byte[48];
        ntp[0] = 0x23; // version 4, client
        ntp[1] = 2;
        DecodedPacket n = decode(ethIpUdp(123, 123, ntp));
        assertEquals("eth:ethertype:ip:udp:ntp", protocols(n));
        assertEquals("4", field(n, "ntp.flags.vn"));
        assertEquals("3", field(n, "ntp.flags.mode"));
        assertEquals("2", field(n, "ntp.stratum"));
    }

    @Test
    void decodesIcmpv6NeighbourSolicitation() {
        byte[] ns = cat(hex("8700 0000 00000000"), hex("fe800000000000000000000000000002"), hex("0101 020000000001"));
        DecodedPacket p = decode(eth(EtherType.IPV6, TestPackets.ipv6(IpProtocol.ICMPV6, ns)));
        assertEquals("135", field(p, "icmpv6.type"));
        assertEquals("fe80::2", field(p, "icmpv6.nd.ns.target_address"));
    }
}
