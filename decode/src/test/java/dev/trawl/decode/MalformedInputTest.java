package dev.trawl.decode;

import static dev.trawl.decode.TestPackets.IP_A;
import static dev.trawl.decode.TestPackets.IP_B;
import static dev.trawl.decode.TestPackets.cat;
import static dev.trawl.decode.TestPackets.eth;
import static dev.trawl.decode.TestPackets.ethIpUdp;
import static dev.trawl.decode.TestPackets.hex;
import static dev.trawl.decode.TestPackets.ipv4;
import static dev.trawl.decode.TestPackets.u16;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.EtherType;
import dev.trawl.pcap.IpProtocol;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MalformedInputTest extends FrameDecoding {
    @Test
    void aDnsCompressionLoopEndsTheNameInsteadOfLooping() {
        // One question whose name is a pointer to itself, and one answer pointing into that loop.
        byte[] dns = hex("1234 8180 0001 0001 0000 0000 c00c 0001 0001 c00c 0001 0001 00000010 0004 0a000001");
        DecodedPacket p = decode(ethIpUdp(53, 40000, dns));
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertEquals("", field(p, "dns.qry.name"));
            assertEquals("", field(p, "dns.resp.name"));
        });
        assertEquals("0x1234", field(p, "dns.id"));
    }

    @Test
    void resolvesDnsNameCompression() {
        byte[] dns = hex("0001 8180 0001 0001 0000 0000 03777777 07 6578616d706c65 03636f6d 00 0001 0001"
                + " c00c 0001 0001 00000e10 0004 5db8d822");
        DecodedPacket p = decode(ethIpUdp(53, 40000, dns));
        assertEquals("www.example.com", field(p, "dns.qry.name"));
        assertEquals("www.example.com", field(p, "dns.resp.name"));
        assertEquals("93.184.216.34", field(p, "dns.a"));
    }

    @Test
    void aHugeDnsCountOnAShortMessageEndsAtTheData() {
        byte[] dns = hex("0001 0100 ffff ffff ffff ffff 01 61 00 0001 0001");
        DecodedPacket p = decode(ethIpUdp(40000, 53, dns));
        assertEquals("a", field(p, "dns.qry.name"));
        assertEquals("", field(p, "dns.resp.name"));
    }

    @Test
    void aUdpLengthBelowTheHeaderIsABadLength() {
        byte[] udp = cat(u16(1), u16(2), u16(4), u16(0), hex("00000000"));
        DecodedPacket p = decode(eth(EtherType.IPV4, ipv4(IpProtocol.UDP, IP_A, IP_B, udp)));
        assertTrue((p.flags(p.find(Protocols.UDP)) & LayerFlags.BAD_LENGTH) != 0);
        assertEquals(p.find(Protocols.UDP), p.layerCount() - 1, "nothing is decoded past it");
    }

    @Test
    void anIpv4HeaderLengthBelowFiveWordsShowsNoFields() {
        byte[] packet = eth(EtherType.IPV4, ipv4(IpProtocol.UDP, IP_A, IP_B, new byte[8]));
        packet[14] = 0x43;
        DecodedPacket p = decode(packet);
        assertTrue((p.flags(p.find(Protocols.IP)) & LayerFlags.MALFORMED) != 0);
        assertEquals("", field(p, "ip.src"));
        assertEquals("4", field(p, "ip.version"));
    }

    @Test
    void anIpv4TotalLengthBelowTheHeaderShowsNoFieldAfterIt() {
        byte[] packet = eth(EtherType.IPV4, ipv4(IpProtocol.UDP, IP_A, IP_B, new byte[8]));
        packet[14 + 2] = 0;
        packet[14 + 3] = 12; // tshark: "Bogus IP length (12, less than header length 20)"
        DecodedPacket p = decode(packet);
        assertEquals("12", field(p, "ip.len"));
        assertEquals("", field(p, "ip.src"));
        assertEquals("", field(p, "ip.ttl"));
        assertEquals("", field(p, "ip.proto"));
    }

    @Test
    void aTcpHeaderLengthBelowTwentyShowsItsSegmentLengthButNoFlagsAcknowledgmentOrWindow() {
        byte[] packet = TestPackets.ethIpTcp(0x18, new byte[4]);
        packet[14 + 20 + 12] = 0x20; // 8 bytes; tshark shows the ports, sequence number and header length only
        DecodedPacket p = decode(packet);
        assertEquals("43210", field(p, "tcp.srcport"));
        assertEquals("1000", field(p, "tcp.seq_raw"));
        assertEquals("8", field(p, "tcp.hdr_len"));
        assertEquals("16", field(p, "tcp.len")); // the 24 bytes IP gives TCP, less the header length
        assertEquals("", field(p, "tcp.flags"));
        assertEquals("", field(p, "tcp.ack_raw"));
        assertEquals("", field(p, "tcp.window_size_value"));
    }

    @Test
    void anIpv6OptionThatRunsPastItsHeaderEndsTheDecoding() {
        byte[] tcp = TestPackets.tcp(1, 2, 3, 4, 0x10, new byte[0], new byte[0]);
        // destination options of 8 bytes whose PadN claims 146 bytes: tshark reports it malformed and stops
        byte[] bad = hex("06 00 01 92 00000000");
        DecodedPacket p = decode(eth(EtherType.IPV6, TestPackets.ipv6(IpProtocol.DSTOPTS, cat(bad, tcp))));
        assertEquals("eth:ethertype:ipv6:ipv6.dstopts", protocols(p));
        assertTrue((p.flags(p.find(Protocols.IPV6_DSTOPTS)) & LayerFlags.MALFORMED) != 0);
        byte[] good = hex("06 00 01 04 00000000");
        p = decode(eth(EtherType.IPV6, TestPackets.ipv6(IpProtocol.DSTOPTS, cat(good, tcp))));
        assertEquals("eth:ethertype:ipv6:ipv6.dstopts:tcp", protocols(p));
    }

    @Test
    void anIpv4TotalLengthPastTheCaptureIsTruncatedButDecoded() {
        byte[] packet = ethIpUdp(1, 2, new byte[40]);
        DecodedPacket p = decoder.decode(1, packet, 0, 14 + 20 + 8 + 4);
        assertTrue((p.flags(p.find(Protocols.IP)) & LayerFlags.TRUNCATED) != 0);
        assertEquals("1", field(p, "udp.srcport"));
        assertEquals("48", field(p, "udp.length"));
    }

    @Test
    void emptyAndTinyFramesDecodeToAtMostOneLayer() {
        assertEquals(0, decoder.decode(1, new byte[0], 0, 0).layerCount());
        DecodedPacket p = decoder.decode(1, new byte[5], 0, 5);
        assertEquals(1, p.layerCount());
        assertTrue((p.flags(0) & LayerFlags.TRUNCATED) != 0);
        assertEquals("", field(p, "eth.src"));
    }

    @Test
    void anSctpChunkOfLengthZeroStopsTheChunkWalk() {
        byte[] sctp = cat(u16(2905), u16(2905), hex("00000001 00000000"), hex("00 00 0000"), new byte[16]);
        DecodedPacket p = decode(eth(EtherType.IPV4, ipv4(IpProtocol.SCTP, IP_A, IP_B, sctp)));
        assertTrue((p.flags(p.find(Protocols.SCTP)) & LayerFlags.BAD_LENGTH) != 0);
        assertEquals("0", field(p, "sctp.chunk_type"));
    }

    @Test
    void anUnknownLinkTypeIsOpaqueData() {
        DecodedPacket p = decoder.decode(60000, new byte[10], 0, 10);
        assertEquals("data", p.protocolName(0));
        assertEquals(10, p.layerLength(0));
    }

    @Test
    void aRadiotapLengthPastTheFrameIsTruncated() {
        byte[] frame = hex("00 00 4000 00000000 0000");
        DecodedPacket p = decoder.decode(127, frame, 0, frame.length);
        assertEquals(1, p.layerCount());
        assertTrue((p.flags(0) & LayerFlags.TRUNCATED) != 0);
    }
}
