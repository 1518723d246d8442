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
import static dev.trawl.decode.TestPackets.tcp;
import static dev.trawl.decode.TestPackets.u16;
import static dev.trawl.decode.TestPackets.udp;
import static dev.trawl.decode.TestPackets.vlan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.decode.field.FieldPrinter;
import dev.trawl.decode.field.FieldRegistry;
import dev.trawl.decode.layer.Tcp;
import dev.trawl.pcap.EtherType;
import dev.trawl.pcap.IpProtocol;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.PacketRecord;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PacketDecoderTest extends FrameDecoding {
    /** A UDP datagram of 2,000 bytes of DNS-port payload split into fragments of {@code size} payload bytes. */
    private static java.util.List<byte[]> fragments(int size) {
        byte[] datagram = udp(5353, 53, new byte[1992]);
        for (int i = 8; i < datagram.length; i++) {
            datagram[i] = (byte) i;
        }
        java.util.List<byte[]> frames = new java.util.ArrayList<>();
        for (int at = 0; at < datagram.length; at += size) {
            int end = Math.min(datagram.length, at + size);
            int fragment = (at / 8) | (end < datagram.length ? 0x2000 : 0);
            frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.UDP, IP_A, IP_B, fragment,
                    java.util.Arrays.copyOfRange(datagram, at, end))));
        }
        return frames;
    }

    @Test
    void theFrameThatCompletesAFragmentedDatagramDecodesItWhenReassemblyIsOn() {
        java.util.List<byte[]> frames = fragments(800);
        PacketDecoder decoder = new PacketDecoder().reassembleFragments(true);
        FieldRegistry fields = FieldRegistry.standard();
        FieldPrinter printer = new FieldPrinter();
        for (int i = 0; i < frames.size() - 1; i++) {
            DecodedPacket p = decoder.decode(1, frames.get(i), 0, frames.get(i).length);
            assertEquals("eth:ethertype:ip:data", printer.toString(fields.require("frame.protocols"), p));
        }
        byte[] last = frames.get(frames.size() - 1);
        DecodedPacket p = decoder.decode(1, last, 0, last.length);
        assertEquals("eth:ethertype:ip:udp:dns", printer.toString(fields.require("frame.protocols"), p));
        assertEquals("2000", printer.toString(fields.require("udp.length"), p));
        assertEquals(String.valueOf(20 + 400), printer.toString(fields.require("ip.len"), p),
                "the IP header is the completing fragment's own");
        assertEquals(last.length, p.capturedLength(), "the captured length stays the frame's");
    }

    @Test
    void withoutReassemblyEveryFragmentStaysData() {
        PacketDecoder decoder = new PacketDecoder();
        FieldPrinter printer = new FieldPrinter();
        for (byte[] frame : fragments(800)) {
            DecodedPacket p = decoder.decode(1, frame, 0, frame.length);
            assertEquals("eth:ethertype:ip:data",
                    printer.toString(FieldRegistry.standard().require("frame.protocols"), p));
        }
    }

    /** An HTTP response from port 80 cut into segments at {@code cuts}, sequence numbers from 1000. */
    private static java.util.List<byte[]> responseSegments(int... cuts) {
        byte[] message = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 10\r\n\r\n0123456789"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.util.List<byte[]> frames = new java.util.ArrayList<>();
        int from = 0;
        for (int to : cuts) {
            frames.add(eth(EtherType.IPV4, ipv4(IpProtocol.TCP, IP_B, IP_A, tcp(80, 40000, 1000 + from, 1,
                    Tcp.ACK | Tcp.PSH, new byte[0], Arrays.copyOfRange(message, from, Math.min(to, message.length))))));
            from = Math.min(to, message.length);
        }
        return frames;
    }

    @Test
    void anHttpMessageSpanningSegmentsIsDecodedInTheSegmentThatCompletesIt() {
        java.util.List<byte[]> frames = responseSegments(30, 60, 100);
        PacketDecoder reassembling = new PacketDecoder().reassembleStreams(true);
        for (int i = 0; i < 2; i++) {
            byte[] f = frames.get(i);
            assertEquals("eth:ethertype:ip:tcp", protocols(reassembling.decode(1, f, 0, f.length)));
        }
        byte[] last = frames.get(2);
        DecodedPacket p = reassembling.decode(1, last, 0, last.length);
        assertEquals("eth:ethertype:ip:tcp:http:data-text-lines", protocols(p));
        assertEquals("200", field(p, "http.response.code"), "read from the message put back together");
        assertEquals(last.length, p.capturedLength(), "the captured length stays the frame's");
        assertEquals(String.valueOf(last.length - 54), field(p, "tcp.len"), "so does the segment's length");
        assertEquals("eth:ethertype:ip:tcp", protocols(decode(last)), "off by default");
    }

    @Test
    void aMissingSegmentDropsTheMessageAndARetransmissionIsIgnored() {
        java.util.List<byte[]> frames = responseSegments(30, 60, 100);
        PacketDecoder reassembling = new PacketDecoder().reassembleStreams(true);
        reassembling.decode(1, frames.get(0), 0, frames.get(0).length);
        byte[] last = frames.get(2);
        assertEquals("eth:ethertype:ip:tcp", protocols(reassembling.decode(1, last, 0, last.length)),
                "a gap: nothing to put back together");
        // every byte of what follows was seen before (the first copy wins): the segments sent again put nothing
        // back together, as tshark 4.0 shows the same seven frames
        for (int i : new int[] {0, 1, 1, 0, 2}) {
            byte[] f = frames.get(i);
            assertEquals("eth:ethertype:ip:tcp", protocols(reassembling.decode(1, f, 0, f.length)));
        }
        // a retransmission of a segment of the message in progress adds nothing to it
        PacketDecoder again = new PacketDecoder().reassembleStreams(true);
        for (int i : new int[] {0, 0, 1, 0, 1}) {
            byte[] f = frames.get(i);
            assertEquals("eth:ethertype:ip:tcp", protocols(again.decode(1, f, 0, f.length)));
        }
        byte[] f = frames.get(2);
        assertEquals("eth:ethertype:ip:tcp:http:data-text-lines", protocols(again.decode(1, f, 0, f.length)));
    }

    @Test
    void aTftpRequestMakesItsTransferTftpWhenConversationsAreFollowed() {
        byte[] request = eth(EtherType.IPV4, ipv4(IpProtocol.UDP, IP_A, IP_B, udp(40069, 69, hex("0001660000"))));
        byte[] data = eth(EtherType.IPV4, ipv4(IpProtocol.UDP, IP_B, IP_A, udp(50123, 40069, hex("0003000161626364"))));
        byte[] ack = eth(EtherType.IPV4, ipv4(IpProtocol.UDP, IP_A, IP_B, udp(40069, 50123, hex("00040001"))));
        byte[] other = eth(EtherType.IPV4, ipv4(IpProtocol.UDP, IP_A, IP_B, udp(40070, 50123, hex("00040001"))));
        PacketDecoder following = new PacketDecoder().followConversations(true);
        assertEquals("eth:ethertype:ip:udp:tftp", protocols(following.decode(1, request, 0, request.length)));
        assertEquals("eth:ethertype:ip:udp:tftp:data", protocols(following.decode(1, data, 0, data.length)));
        assertEquals("eth:ethertype:ip:udp:tftp", protocols(following.decode(1, ack, 0, ack.length)));
        assertEquals("eth:ethertype:ip:udp:data", protocols(following.decode(1, other, 0, other.length)),
                "another client port is another conversation");
        following.followConversations(false).followConversations(true);
        assertEquals("eth:ethertype:ip:udp:data", protocols(following.decode(1, data, 0, data.length)),
                "turning it off forgets");
        assertEquals("eth:ethertype:ip:udp:data", protocols(decode(data)), "off by default");
    }

    @Test
    void nextWalksTheStackOneLayerAtATimeAndEndsAfterTheLast() {
        DecodedPacket p = decode(ethIpUdp(40000, 53, hex("1234010000010000000000000377777707657861"
                + "6d706c6503636f6d0000010001")));
        StringBuilder walk = new StringBuilder();
        for (int i = 0; i >= 0; i = p.next(i)) {
            walk.append(p.protocolName(i)).append(' ');
        }
        assertEquals("eth ethertype ip udp dns ", walk.toString());
        assertEquals(p.find(Protocols.UDP), p.next(p.find(Protocols.IP)), "what IP carries");
        assertEquals(-1, p.next(p.layerCount() - 1));
    }

    @Test
    void aLayerPastTheLastIsAnIndexErrorNotAStaleLayer() {
        decode(ethIpTcp(Tcp.ACK, hex("01020304"))); // five layers, left in the reused result
        DecodedPacket p = decode(eth(EtherType.ARP, new byte[0])); // Ethernet with nothing after the type
        int count = p.layerCount();
        org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class, () -> p.protocol(count));
        org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class, () -> p.ipv4(count));
        org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class, () -> p.flags(count));
        org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class, () -> p.next(count));
        org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class, () -> p.offset(-1));
    }

    @Test
    void decodesEthernetIpv4TcpIntoLayersAndFields() {
        DecodedPacket p = decode(ethIpTcp(Tcp.PSH | Tcp.ACK, hex("01020304")));
        assertEquals("eth:ethertype:ip:tcp:data", protocols(p));
        int ip = p.find(Protocols.IP);
        assertEquals(14, p.offset(ip));
        assertEquals(20, p.headerLength(ip));
        assertEquals(64, p.ipv4(ip).timeToLive());
        int tcp = p.find(Protocols.TCP);
        assertEquals(43210, p.tcp(tcp).sourcePort());
        assertEquals(4, p.payloadLength(tcp));
        assertEquals("10.0.0.1", field(p, "ip.src"));
        assertEquals("0x0018", field(p, "tcp.flags"));
        assertEquals("4", field(p, "tcp.len"));
        assertEquals("02:00:00:00:00:01", field(p, "eth.src"));
        assertEquals("0x0800", field(p, "eth.type"));
        assertFalse(p.isMalformed());
    }

    @Test
    void decodesFromTheBufferPositionNotZero() {
        byte[] packet = ethIpUdp(5000, 53, hex("1234"));
        byte[] padded = cat(new byte[7], packet, new byte[3]);
        ByteBuffer buf = ByteBuffer.wrap(padded).asReadOnlyBuffer();
        buf.position(7).limit(7 + packet.length);
        DecodedPacket p = decoder.decode(LinkType.ETHERNET, buf);
        assertEquals(packet.length, p.capturedLength());
        assertEquals("5000", field(p, "udp.srcport"));
        assertEquals(7, buf.position(), "the decoder must not move the buffer");
        ByteBuffer writable = ByteBuffer.wrap(padded);
        writable.position(7).limit(7 + packet.length);
        DecodedPacket q = decoder.decode(LinkType.ETHERNET, writable);
        assertEquals(7, q.start(), "an array-backed buffer is decoded in place");
        assertEquals("53", field(q, "udp.dstport"));
        ByteBuffer direct = ByteBuffer.allocateDirect(padded.length).put(padded);
        direct.position(7).limit(7 + packet.length);
        assertEquals("53", field(decoder.decode(LinkType.ETHERNET, direct), "udp.dstport"));
    }

    @Test
    void decodesAPacketRecordWithItsMetadata() {
        byte[] packet = ethIpUdp(5000, 5001, hex("00"));
        DecodedPacket p = decoder.decode(LinkType.ETHERNET, new PacketRecord(1700000000L, 5000, 1514, packet));
        assertEquals("1700000000.000005000", field(p, "frame.time_epoch"));
        assertEquals("1514", field(p, "frame.len"));
        assertEquals(String.valueOf(packet.length), field(p, "frame.cap_len"));
    }

    @Test
    void reusesOneResultAndCountsFrames() {
        byte[] a = ethIpTcp(Tcp.ACK, new byte[0]);
        DecodedPacket first = decode(a);
        DecodedPacket second = decode(a);
        assertSame(first, second);
        assertEquals(2, second.frameNumber());
        decoder.resetFrameNumber();
        assertEquals(1, decode(a).frameNumber());
    }

    @Test
    void marksATruncatedIpv4HeaderAndStopsThere() {
        byte[] full = ethIpTcp(Tcp.ACK, new byte[0]);
        DecodedPacket p = decoder.decode(1, full, 0, 14 + 12);
        assertEquals("eth:ethertype:ip", protocols(p));
        assertTrue((p.flags(p.find(Protocols.IP)) & LayerFlags.TRUNCATED) != 0);
        assertEquals("", field(p, "ip.src"), "a field past the captured bytes is absent");
        assertEquals("64", field(p, "ip.ttl"));
        assertTrue(p.isMalformed());
    }

    @Test
    void flagsATcpDataOffsetBelowTwentyBytes() {
        byte[] packet = ethIpTcp(Tcp.ACK, new byte[0]);
        packet[14 + 20 + 12] = 0x30; // data offset 3 words
        DecodedPacket p = decode(packet);
        assertTrue((p.flags(p.find(Protocols.TCP)) & LayerFlags.BAD_LENGTH) != 0);
    }

    @Test
    void verifiesTheIpv4ChecksumOnlyWhenAsked() {
        byte[] packet = ethIpTcp(Tcp.ACK, new byte[0]);
        packet[14 + 10] ^= 0x55;
        assertEquals(0, decode(packet).flags(2 + 0) & LayerFlags.BAD_CHECKSUM);
        decoder.verifyChecksums(true);
        DecodedPacket p = decode(packet);
        assertNotEquals(0, p.flags(p.find(Protocols.IP)) & LayerFlags.BAD_CHECKSUM);
        assertEquals(0, decode(ethIpTcp(Tcp.ACK, new byte[0])).flags(2) & LayerFlags.BAD_CHECKSUM);
    }

    @Test
    void verifiesTcpAndUdpChecksumsOverThePseudoHeader() {
        decoder.verifyChecksums(true);
        byte[] packet = ethIpUdp(5000, 5001, hex("0102030405"));
        int udp = 14 + 20;
        // Pseudo-header: 10.0.0.1 and 10.0.0.2 as 16-bit words, protocol 17, UDP length 13.
        int sum = TestPackets.checksum(packet, udp, 13, 0x0a00 + 0x0001 + 0x0a00 + 0x0002 + 17 + 13);
        packet[udp + 6] = (byte) (sum >>> 8);
        packet[udp + 7] = (byte) sum;
        DecodedPacket good = decode(packet);
        assertEquals(0, good.flags(good.find(Protocols.UDP)) & LayerFlags.BAD_CHECKSUM);
        packet[udp + 8] ^= 1;
        DecodedPacket bad = decode(packet);
        assertNotEquals(0, bad.flags(bad.find(Protocols.UDP)) & LayerFlags.BAD_CHECKSUM);
        byte[] tcp = ethIpTcp(Tcp.ACK, hex("00"));
        DecodedPacket t = decode(tcp);
        assertNotEquals(0, t.flags(t.find(Protocols.TCP)) & LayerFlags.BAD_CHECKSUM, "a zero TCP checksum is wrong");
    }

    @Test
    void decodesStackedVlanTagsOutermostFirst() {
        byte[] inner = ipv4(IpProtocol.UDP, IP_A, IP_B, udp(1, 2, new byte[0]));
        byte[] packet = eth(EtherType.QINQ, vlan(100, EtherType.VLAN, vlan(200, EtherType.IPV4, inner)));
        DecodedPacket p = decode(packet);
        assertEquals("eth:ethertype:ieee8021ad:ethertype:vlan:ethertype:ip:udp", protocols(p));
        assertEquals("200", field(p, "vlan.id"));
        assertEquals("100", field(p, "ieee8021ad.id"));
        assertEquals("0x88a8", field(p, "eth.type"));
    }

    @Test
    void decodesAnMplsLabelStackAsOneLayer() {
        byte[] labels = hex("00064000" + "0006e1ff"); // label 100, then label 110 with bottom of stack
        DecodedPacket p = decode(eth(EtherType.MPLS, cat(labels, ipv4(IpProtocol.ICMP, IP_A, IP_B,
                hex("0800f7ff00000000")))));
        assertEquals("eth:ethertype:mpls:ip:icmp", protocols(p));
        assertEquals("100,110", field(p, "mpls.label"));
    }

    @Test
    void followsIpv6ExtensionHeaders() {
        byte[] udp = udp(546, 547, hex("01"));
        byte[] frag = cat(new byte[] {17, 0}, u16(0), hex("00000001"));
        byte[] routing = cat(new byte[] {44, 0, 0, 0}, new byte[4]);
        byte[] hop = cat(new byte[] {43, 0}, hex("010400000000"));
        DecodedPacket p = decode(eth(EtherType.IPV6, ipv6(IpProtocol.HOPOPTS, cat(hop, routing, frag, udp))));
        assertEquals("eth:ethertype:ipv6:ipv6.hopopts:ipv6.routing:ipv6.fraghdr:udp:dhcpv6", protocols(p));
        assertEquals("fe80::1", field(p, "ipv6.src"));
        assertEquals("ff02::1", field(p, "ipv6.dst"));
    }

    @Test
    void boundsAnEndlessChainOfExtensionHeaders() {
        byte[] hop = new byte[] {0, 0, 1, 4, 0, 0, 0, 0}; // each hop-by-hop header names another one
        byte[] chain = new byte[8 * 500];
        for (int i = 0; i < 500; i++) {
            System.arraycopy(hop, 0, chain, 8 * i, 8);
        }
        DecodedPacket p = decode(eth(EtherType.IPV6, ipv6(IpProtocol.HOPOPTS, chain)));
        assertEquals(DecodedPacket.MAX_LAYERS, p.layerCount());
        assertTrue(p.tooManyLayers());
        assertTrue(p.isMalformed());
    }

    @Test
    void decodesTheHeaderQuotedInAnIcmpError() {
        byte[] quoted = ipv4(IpProtocol.UDP, IP_B, IP_A, udp(33000, 53, new byte[0]));
        byte[] icmp = cat(hex("0303 0000 00000000"), Arrays.copyOf(quoted, 28));
        DecodedPacket p = decode(eth(EtherType.IPV4, ipv4(IpProtocol.ICMP, IP_A, IP_B, icmp)));
        assertEquals("eth:ethertype:ip:icmp:ip:udp", protocols(p));
        assertEquals("10.0.0.1,10.0.0.2", field(p, "ip.src"));
        int inner = p.findLast(Protocols.IP);
        assertTrue((p.flags(inner) & LayerFlags.QUOTED) != 0);
        assertEquals("3", field(p, "icmp.type"));
    }

    @Test
    void decodesThroughGreWithKeyAndSequence() {
        byte[] inner = ipv4(IpProtocol.ICMP, IP_B, IP_A, hex("0000ffff00000000"));
        byte[] gre = cat(hex("3000 0800"), hex("0000002a"), hex("00000007"), inner);
        DecodedPacket p = decode(eth(EtherType.IPV4, ipv4(IpProtocol.GRE, IP_A, IP_B, gre)));
        assertEquals("eth:ethertype:ip:gre:ip:icmp", protocols(p));
        assertEquals("0x0000002a", field(p, "gre.key"));
        assertEquals("7", field(p, "gre.sequence_number"));
    }

    @Test
    void decodesThroughVxlanAndGeneveToTheInnerFrame() {
        byte[] innerFrame = eth(EtherType.IPV4, ipv4(IpProtocol.TCP, IP_B, IP_A, tcp(1, 2, 3, 4, Tcp.SYN, new byte[0],
                new byte[0])));
        DecodedPacket vx = decode(ethIpUdp(40000, 4789, cat(hex("0800000000001200"), innerFrame)));
        assertEquals("eth:ethertype:ip:udp:vxlan:eth:ethertype:ip:tcp", protocols(vx));
        assertEquals("18", field(vx, "vxlan.vni"));
        assertEquals("40000", field(vx, "udp.srcport"));
        DecodedPacket gn = decode(ethIpUdp(40000, 6081, cat(hex("00006558 00000100"), innerFrame)));
        assertEquals("eth:ethertype:ip:udp:geneve:eth:ethertype:ip:tcp", protocols(gn));
        assertEquals("10.0.0.1,10.0.0.2", field(gn, "ip.src"));
    }

    @Test
    void decodesThroughL2tpGtpAndTeredo() {
        byte[] inner = ipv4(IpProtocol.UDP, IP_B, IP_A, udp(1, 2, new byte[0]));
        byte[] l2tp = cat(hex("0002 0001 0002 ff03"), u16(0x0021), inner);
        assertEquals("eth:ethertype:ip:udp:l2tp:ppp:ip:udp", protocols(decode(ethIpUdp(1701, 1701, l2tp))));
        byte[] gtp = cat(hex("30ff"), u16(inner.length), hex("00000001"), inner);
        DecodedPacket g = decode(ethIpUdp(2152, 2152, gtp));
        assertEquals("eth:ethertype:ip:udp:gtp:ip:udp", protocols(g));
        assertEquals("10.0.0.1,10.0.0.2", field(g, "ip.src"));
        byte[] v6 = TestPackets.ipv6(IpProtocol.NO_NEXT_HEADER, new byte[0]);
        assertEquals("eth:ethertype:ip:udp:teredo:ipv6", protocols(decode(ethIpUdp(3544, 40000, v6))));
    }

    @Test
    void keepsAnUnknownEtherTypeAsOpaqueData() {
        DecodedPacket p = decode(eth(0x1234, hex("deadbeef")));
        assertEquals("eth:ethertype:data", protocols(p));
        int data = p.find(Protocols.DATA);
        assertEquals(14, p.offset(data));
        assertEquals(4, p.layerEnd(data) - p.offset(data));
    }

    @Test
    void decodesLinuxCookedAndLoopbackAndRawLinkTypes() {
        byte[] ip = ipv4(IpProtocol.UDP, IP_A, IP_B, udp(1000, 2000, hex("00")));
        byte[] sll = cat(hex("0000 0001 0006 020000000001 0000"), u16(EtherType.IPV4.value()), ip);
        DecodedPacket p = decoder.decode(113, sll, 0, sll.length);
        assertEquals("sll:ethertype:ip:udp:data", protocols(p));
        byte[] sll2 = cat(u16(EtherType.IPV4.value()), hex("0000 00000002 0001 00 06 020000000001 0000"), ip);
        assertEquals("sll:ethertype:ip:udp:data", protocols(decoder.decode(276, sll2, 0, sll2.length)));
        byte[] nul = cat(hex("02000000"), ip);
        assertEquals("null:ip:udp:data", protocols(decoder.decode(0, nul, 0, nul.length)));
        assertEquals("raw:ip:udp:data", protocols(decoder.decode(101, ip, 0, ip.length)));
        assertEquals("ip:udp:data", protocols(decoder.decode(228, ip, 0, ip.length)));
    }

    @Test
    void decodesArpAndPppoe() {
        byte[] arp = hex("0001 0800 06 04 0001 020000000001 0a000001 000000000000 0a000002");
        DecodedPacket p = decode(eth(EtherType.ARP, arp));
        assertEquals("eth:ethertype:arp", protocols(p));
        assertEquals("1", field(p, "arp.opcode"));
        assertEquals("10.0.0.2", field(p, "arp.dst.proto_ipv4"));
        byte[] ip = ipv4(IpProtocol.ICMP, IP_A, IP_B, hex("0800f7ff00000000"));
        byte[] pppoe = cat(hex("1100 0001"), u16(ip.length + 2), u16(0x0021), ip);
        assertEquals("eth:ethertype:pppoes:ppp:ip:icmp", protocols(decode(eth(EtherType.PPPOE_SESSION, pppoe))));
    }

    @Test
    void readsTcpOptions() {
        byte[] options = hex("020405b4 01030307 0402 080a 00000001 00000002");
        DecodedPacket p = decode(eth(EtherType.IPV4, ipv4(IpProtocol.TCP, IP_A, IP_B, tcp(1, 2, 3, 0, Tcp.SYN,
                options, new byte[0]))));
        Tcp t = p.tcp(p.find(Protocols.TCP));
        assertEquals(1460, t.mss());
        assertEquals(7, t.windowScale());
        assertTrue(t.sackPermitted());
        assertEquals(1, t.timestampValue());
        assertEquals(2, t.timestampEchoReply());
        assertEquals("1460", field(p, "tcp.options.mss_val"));
        assertEquals("2,1,3,4,8", field(p, "tcp.option_kind"));
    }
}
