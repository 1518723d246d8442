package dev.trawl.bench.data;

import dev.trawl.pcap.EtherType;
import dev.trawl.pcap.IpProtocol;

import java.nio.charset.StandardCharsets;

/**
 * Builds Ethernet/IPv4 frames carrying TCP, UDP or DNS into a reusable array. Headers are well formed
 * (lengths and the IPv4 header checksum are right) so that decoders and filters see realistic traffic;
 * payload bytes are a fixed pattern. Not thread-safe.
 */
final class FrameBuilder {
    static final int ETHERNET = 14;
    static final int IPV4 = 20;
    static final int UDP = 8;
    static final int TCP = 20;
    static final int PROTO_TCP = IpProtocol.TCP.value();
    static final int PROTO_UDP = IpProtocol.UDP.value();

    final byte[] frame = new byte[2048];

    /**
     * Writes Ethernet, IPv4 and a transport header for a frame of {@code length} bytes, padding the rest.
     *
     * @return the offset of the transport payload
     */
    int ipv4(int length, int protocol, int srcIp, int dstIp, int srcPort, int dstPort, int sequence) {
        put48(0, 0x02_00_00_00_00_01L + (dstIp & 0xff));
        put48(6, 0x02_00_00_00_00_02L + (srcIp & 0xff));
        put16(12, EtherType.IPV4.value());
        int ipLength = length - ETHERNET;
        frame[14] = 0x45;
        frame[15] = 0;
        put16(16, ipLength);
        put16(18, sequence & 0xffff);
        put16(20, 0x4000); // don't fragment
        frame[22] = 64;
        frame[23] = (byte) protocol;
        put16(24, 0);
        put32(26, srcIp);
        put32(30, dstIp);
        put16(24, checksum(14, IPV4));
        int l4 = ETHERNET + IPV4;
        put16(l4, srcPort);
        put16(l4 + 2, dstPort);
        int payload;
        if (protocol == PROTO_TCP) {
            put32(l4 + 4, sequence * 1460);
            put32(l4 + 8, sequence * 31);
            frame[l4 + 12] = 0x50;
            frame[l4 + 13] = 0x18; // PSH, ACK
            put16(l4 + 14, 64_240);
            put16(l4 + 16, 0);
            put16(l4 + 18, 0);
            payload = l4 + TCP;
        } else {
            put16(l4 + 4, length - l4);
            put16(l4 + 6, 0); // no checksum, as IPv4 allows
            payload = l4 + UDP;
        }
        for (int i = payload; i < length; i++) {
            frame[i] = (byte) (i * 7);
        }
        return payload;
    }

    /**
     * Writes a DNS query or response for {@code name} over UDP port 53 and returns the frame length.
     */
    int dns(int srcIp, int dstIp, int clientPort, int id, String name, boolean response, int answerAddress) {
        byte[] qname = encodeName(name);
        int dnsLength = 12 + qname.length + 4 + (response ? 16 : 0);
        int length = ETHERNET + IPV4 + UDP + dnsLength;
        int at = response ? ipv4(length, PROTO_UDP, dstIp, srcIp, 53, clientPort, id)
                : ipv4(length, PROTO_UDP, srcIp, dstIp, clientPort, 53, id);
        put16(at, id);
        put16(at + 2, response ? 0x8180 : 0x0100);
        put16(at + 4, 1);
        put16(at + 6, response ? 1 : 0);
        put16(at + 8, 0);
        put16(at + 10, 0);
        System.arraycopy(qname, 0, frame, at + 12, qname.length);
        int q = at + 12 + qname.length;
        put16(q, 1); // A
        put16(q + 2, 1); // IN
        if (response) {
            int a = q + 4;
            put16(a, 0xc00c); // the name, compressed to the question's
            put16(a + 2, 1);
            put16(a + 4, 1);
            put32(a + 6, 300);
            put16(a + 10, 4);
            put32(a + 12, answerAddress);
        }
        return length;
    }

    private static byte[] encodeName(String name) {
        byte[] out = new byte[name.length() + 2];
        int at = 0;
        for (String label : name.split("\\.")) {
            byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
            out[at++] = (byte) bytes.length;
            System.arraycopy(bytes, 0, out, at, bytes.length);
            at += bytes.length;
        }
        out[at] = 0;
        return out;
    }

    private int checksum(int offset, int length) {
        int sum = 0;
        for (int i = offset; i < offset + length; i += 2) {
            sum += ((frame[i] & 0xff) << 8) | (frame[i + 1] & 0xff);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return ~sum & 0xffff;
    }

    private void put16(int at, int value) {
        frame[at] = (byte) (value >>> 8);
        frame[at + 1] = (byte) value;
    }

    private void put32(int at, int value) {
        put16(at, value >>> 16);
        put16(at + 2, value);
    }

    private void put48(int at, long value) {
        put16(at, (int) (value >>> 32));
        put32(at + 2, (int) value);
    }
}
