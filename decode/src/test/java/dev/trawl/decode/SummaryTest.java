package dev.trawl.decode;

import static dev.trawl.decode.TestPackets.IP_A;
import static dev.trawl.decode.TestPackets.IP_B;
import static dev.trawl.decode.TestPackets.cat;
import static dev.trawl.decode.TestPackets.eth;
import static dev.trawl.decode.TestPackets.ethIpTcp;
import static dev.trawl.decode.TestPackets.ethIpUdp;
import static dev.trawl.decode.TestPackets.hex;
import static dev.trawl.decode.TestPackets.ipv4;
import static dev.trawl.decode.TestPackets.ipv6;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.decode.field.FieldRegistry;
import dev.trawl.decode.field.JsonWriter;
import dev.trawl.decode.layer.Tcp;
import org.junit.jupiter.api.Test;

class SummaryTest {
    private final PacketDecoder decoder = new PacketDecoder();

    private DecodedPacket decode(byte[] b) {
        return decoder.decode(1, b, 0, b.length);
    }

    @Test
    void describesTcpLikeTcpdump() {
        assertEquals("IP 10.0.0.1.43210 > 10.0.0.2.5555: Flags [S.], seq 1000, ack 2000, win 65535, length 0",
                Summary.line(decode(ethIpTcp(Tcp.SYN | Tcp.ACK, new byte[0]))));
    }

    @Test
    void describesUdpIcmpAndIpv6() {
        assertEquals("IP 10.0.0.1.5000 > 10.0.0.2.5001: UDP, length 3",
                Summary.line(decode(ethIpUdp(5000, 5001, hex("010203")))));
        assertEquals("IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 7, seq 9, length 8",
                Summary.line(decode(eth(0x0800, ipv4(1, IP_A, IP_B, hex("0800 0000 0007 0009"))))));
        assertEquals("IP6 fe80::1 > ff02::1: ICMP6, type 135, code 0, length 8",
                Summary.line(decode(eth(0x86DD, ipv6(58, hex("8700 0000 00000000"))))));
    }

    @Test
    void describesTheInnerPacketOfATunnelAndMarksDamage() {
        byte[] inner = eth(0x0800, ipv4(17, IP_B, IP_A, TestPackets.udp(1, 2, new byte[0])));
        String line = Summary.line(decode(ethIpUdp(40000, 4789, cat(hex("0800000000000100"), inner))));
        assertEquals("IP 10.0.0.2.1 > 10.0.0.1.2: UDP, length 0", line);
        byte[] cut = ethIpTcp(Tcp.ACK, new byte[0]);
        assertTrue(Summary.line(decoder.decode(1, cut, 0, cut.length - 4)).endsWith("[malformed]"));
        assertEquals("eth:ethertype:data, length 18", Summary.line(decode(eth(0x1234, hex("0102 0304")))));
    }

    @Test
    void writesTsharkLikeJson() {
        DecodedPacket p = decode(ethIpUdp(5000, 53, hex("abcd 0100 0001 0000 0000 0000 03777777 00 0001 0001")));
        String json = new JsonWriter(FieldRegistry.standard()).appendPacket(p, new StringBuilder()).toString();
        assertTrue(json.startsWith("{\"_index\":\"packets\",\"_type\":\"doc\",\"_source\":{\"layers\":{\"frame\":{"), json);
        assertTrue(json.contains("\"ip\":{"), json);
        assertTrue(json.contains("\"udp.dstport\":\"53\""), json);
        assertTrue(json.contains("\"dns.qry.name\":\"www\""), json);
        assertTrue(json.contains("\"dns.id\":\"0xabcd\""), json);
        assertTrue(!json.contains("\"ethertype\""), "layers without fields are left out");
    }
}
