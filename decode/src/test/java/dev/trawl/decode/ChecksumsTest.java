package dev.trawl.decode;

import static dev.trawl.decode.TestPackets.IP_A;
import static dev.trawl.decode.TestPackets.IP_B;
import static dev.trawl.decode.TestPackets.eth;
import static dev.trawl.decode.TestPackets.ethIpTcp;
import static dev.trawl.decode.TestPackets.hex;
import static dev.trawl.decode.TestPackets.ipv4;
import static dev.trawl.decode.TestPackets.ipv6;
import static dev.trawl.decode.TestPackets.udp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.trawl.pcap.EtherType;
import dev.trawl.pcap.IpProtocol;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link Checksums} gives the value a checksum field should hold: written into the field, the decoder's own
 * verification (which agrees with Wireshark's) passes, and the value does not depend on what the field held.
 */
class ChecksumsTest {
    private final PacketDecoder decoder = new PacketDecoder().verifyChecksums(true);

    private DecodedPacket decode(byte[] frame) {
        return decoder.decode(1, frame, 0, frame.length);
    }

    /** Writes the expected checksum of the layer into its field at {@code field}, and checks the decoder agrees. */
    private void fillAndVerify(byte[] frame, int protocol, int ipProtocol, int field) {
        DecodedPacket p = decode(frame);
        int layer = p.find(protocol);
        int length = p.layerEnd(layer) - p.offset(layer);
        int expected = Checksums.transport(p, layer, ipProtocol, length);
        int at = p.offset(layer) - p.start() + field;
        frame[at] = (byte) 0x5a; // whatever the field holds, the expected value is the same
        frame[at + 1] = (byte) 0xa5;
        p = decode(frame);
        assertEquals(expected, Checksums.transport(p, layer, ipProtocol, length));
        frame[at] = (byte) (expected >>> 8);
        frame[at + 1] = (byte) expected;
        p = decode(frame);
        assertEquals(0, p.flags(layer) & LayerFlags.BAD_CHECKSUM, "the decoder verifies the filled checksum");
    }

    @Test
    void overARegionIsZeroWhenItsOwnChecksumVerifiesIt() {
        byte[] frame = ethIpTcp(0x02, new byte[0]);
        DecodedPacket p = decode(frame);
        int ip = p.find(Protocols.IP);
        // an IPv4 header holds its own checksum: summed whole, it verifies
        assertEquals(0, Checksums.over(p, p.offset(ip), 20));
        frame[14 + 8] ^= 0x01; // the TTL changes, the stored checksum does not
        p = decode(frame);
        assertNotEquals(0, Checksums.over(p, p.offset(ip), 20));
        assertEquals(Checksums.UNKNOWN, Checksums.over(p, p.offset(ip), p.end() - p.offset(ip) + 1),
                "bytes past the capture cannot be summed");
    }

    @Test
    void ipv4HeaderChecksumIsTheOneTheHeaderShouldHold() {
        byte[] frame = ethIpTcp(0x02, new byte[0]);
        DecodedPacket p = decode(frame);
        int ip = p.find(Protocols.IP);
        int stored = p.ipv4(ip).headerChecksum();
        assertEquals(stored, Checksums.ipv4Header(p, ip));
        frame[14 + 10] ^= 0x11; // damage the stored checksum: what it should be stays the same
        p = decode(frame);
        assertNotEquals(stored, p.ipv4(ip).headerChecksum());
        assertEquals(stored, Checksums.ipv4Header(p, ip));
    }

    @Test
    void tcpOverIpv4ChecksumPassesTheDecodersVerification() {
        fillAndVerify(ethIpTcp(0x18, hex("48656c6c6f")), Protocols.TCP, 6, 16);
    }

    @Test
    void udpOverIpv6ChecksumPassesTheDecodersVerification() {
        byte[] frame = eth(EtherType.IPV6, ipv6(IpProtocol.UDP, udp(5000, 6000, hex("0102030405"))));
        fillAndVerify(frame, Protocols.UDP, 17, 6);
    }

    @Test
    void udpAfterASegmentRoutingHeaderSumsItsFinalSegment() {
        // a segment routing header (type 4, one segment left) lists the final destination first (RFC 8754)
        String segment = "20010db8000000000000000000000099";
        byte[] udp = udp(5000, 6000, hex("0102030405"));
        byte[] routed = eth(EtherType.IPV6, ipv6(IpProtocol.ROUTING,
                TestPackets.cat(hex("11020401" + "00000000" + segment), udp)));
        DecodedPacket p = decode(routed);
        int viaSegment = Checksums.transport(p, p.find(Protocols.UDP), 17, udp.length);
        // the same datagram sent straight to that address has the same pseudo-header
        byte[] direct = eth(EtherType.IPV6, TestPackets.cat(hex("60000000"), TestPackets.u16(udp.length),
                new byte[] {17, 64}, hex("fe800000000000000000000000000001"), hex(segment), udp));
        p = decode(direct);
        assertEquals(Checksums.transport(p, p.find(Protocols.UDP), 17, udp.length), viaSegment);
        byte[] plain = eth(EtherType.IPV6, ipv6(IpProtocol.UDP, udp));
        p = decode(plain);
        assertNotEquals(Checksums.transport(p, p.find(Protocols.UDP), 17, udp.length), viaSegment,
                "the header's own destination is not the one summed");
    }

    @Test
    void udpOverIpv4ChecksumPassesTheDecodersVerification() {
        byte[] frame = eth(EtherType.IPV4, ipv4(IpProtocol.UDP, IP_A, IP_B, udp(5000, 6000, hex("010203"))));
        fillAndVerify(frame, Protocols.UDP, 17, 6);
    }

    @Test
    void icmpChecksumPassesTheDecodersVerification() {
        byte[] echo = hex("0800000012340001" + "6162636465666768");
        byte[] frame = eth(EtherType.IPV4, ipv4(IpProtocol.ICMP, IP_A, IP_B, echo));
        DecodedPacket p = decode(frame);
        int icmp = p.find(Protocols.ICMP);
        int expected = Checksums.icmp(p, icmp, echo.length);
        frame[14 + 20 + 2] = (byte) (expected >>> 8);
        frame[14 + 20 + 3] = (byte) expected;
        p = decode(frame);
        assertEquals(0, p.flags(icmp) & LayerFlags.BAD_CHECKSUM);
        assertEquals(expected, p.icmp(icmp).checksum());
    }

    @Test
    void aSegmentNotAllCapturedHasNoChecksumToCompute() {
        byte[] whole = ethIpTcp(0x18, hex("48656c6c6f"));
        byte[] cut = Arrays.copyOf(whole, whole.length - 3);
        DecodedPacket p = decoder.decode(1, cut, 0, cut.length, whole.length, 0, 0);
        int tcp = p.find(Protocols.TCP);
        assertEquals(Checksums.UNKNOWN, Checksums.transport(p, tcp, 6, 25));
        byte[] header = Arrays.copyOf(whole, 14 + 12);
        p = decode(header);
        assertEquals(Checksums.UNKNOWN, Checksums.ipv4Header(p, p.find(Protocols.IP)));
    }
}
