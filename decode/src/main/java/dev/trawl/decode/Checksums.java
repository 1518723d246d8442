package dev.trawl.decode;

import dev.trawl.decode.internal.Bytes;
import java.nio.ByteBuffer;

/**
 * The Internet checksums (RFC 1071) of a decoded packet's layers, recomputed: what the checksum field should
 * hold, for printing beside what it does hold ({@code ip.checksum}, {@code tcp.checksum}, {@code udp.checksum}
 * and {@code icmp.checksum} are the stored values; Wireshark shows the computed one as
 * {@code *.checksum_calculated}). Stateless and thread-safe; reads the packet's buffer during the call only.
 */
public final class Checksums {
    /** Returned when the bytes a checksum covers were not all captured, or no IP header encloses the layer. */
    public static final int UNKNOWN = -1;

    private Checksums() {
    }

    /** What the IPv4 header checksum of IP layer {@code layer} should be, or {@link #UNKNOWN}. */
    public static int ipv4Header(DecodedPacket p, int layer) {
        int off = p.offset(layer);
        int hl = p.headerLength(layer);
        if (hl < 20 || off + hl > p.end()) {
            return UNKNOWN;
        }
        return expected(p.buffer(), off, hl, 10, 0);
    }

    /**
     * What the checksum of the TCP, UDP or ICMPv6 layer {@code layer} should be, over its IPv4 or IPv6
     * pseudo-header and the {@code length} bytes of its segment (header and payload, as the IP header states
     * them), or {@link #UNKNOWN} when they were not all captured.
     *
     * @param ipProtocol the IP protocol number of the layer (6 TCP, 17 UDP, 58 ICMPv6)
     */
    public static int transport(DecodedPacket p, int layer, int ipProtocol, int length) {
        int field = switch (ipProtocol) {
            case 6 -> 16;
            case 17 -> 6;
            default -> 2;
        };
        return covered(p, layer, ipProtocol, length, length, field);
    }

    /**
     * What the checksum of the DCCP layer {@code layer} should be (RFC 4340 section 9): over the IPv4 or IPv6
     * pseudo-header, which states all {@code length} bytes, and the first {@code coverage} bytes of the packet
     * (the header and as much of the payload as its checksum coverage field says); {@link #UNKNOWN} when they
     * were not all captured.
     */
    public static int dccp(DecodedPacket p, int layer, int length, int coverage) {
        return covered(p, layer, 33, length, Math.min(coverage, length), 6);
    }

    /** The checksum the field at {@code field} should hold over the pseudo-header and {@code covered} bytes. */
    private static int covered(DecodedPacket p, int layer, int ipProtocol, int length, int covered, int field) {
        int off = p.offset(layer);
        if (covered < field + 2 || off + covered > p.end()) {
            return UNKNOWN;
        }
        ByteBuffer buf = p.buffer();
        long pseudo = -1;
        for (int j = layer - 1; j >= 0; j--) {
            int proto = p.protocol(j);
            int o = p.offset(j);
            if (proto == Protocols.IP && o + 20 <= p.end()) {
                pseudo = Bytes.onesComplementSum(buf, o + 12, 8, 0) + ipProtocol + length;
                break;
            }
            if (proto == Protocols.IPV6 && o + 40 <= p.end()) {
                int destination = finalDestination(p, j, layer);
                pseudo = Bytes.onesComplementSum(buf, o + 8, 16, 0) + Bytes.onesComplementSum(buf, destination, 16, 0)
                        + ipProtocol + (length >>> 16) + (length & 0xFFFF);
                break;
            }
        }
        return pseudo < 0 ? UNKNOWN : expected(buf, off, covered, field, pseudo);
    }

    /**
     * Where the destination address of the IPv6 pseudo-header lies: the last address of a type 0 or type 2
     * routing header between IPv6 layer {@code ip} and {@code layer} (RFC 8200 section 8.1), the first segment
     * of a segment routing header, else the IPv6 header's own.
     */
    private static int finalDestination(DecodedPacket p, int ip, int layer) {
        for (int i = ip + 1; i < layer; i++) {
            if (p.protocol(i) != Protocols.IPV6_ROUTING) {
                continue;
            }
            ByteBuffer buf = p.buffer();
            int o = p.offset(i);
            if (o + 4 > p.end()) {
                break;
            }
            int len = Bytes.u8(buf, o + 1);
            int type = Bytes.u8(buf, o + 2);
            int addresses = len / 2;
            int last = o + 8 + 16 * (addresses - 1);
            if ((type == 0 || type == 2) && addresses > 0 && Bytes.u8(buf, o + 3) > 0 && last + 16 <= p.end()) {
                return last;
            }
            if (type == 4 && addresses > 0 && o + 24 <= p.end()) {
                return o + 8; // a segment routing header lists the segments last first (RFC 8754 section 2)
            }
        }
        return p.offset(ip) + 24;
    }

    /** What the ICMP checksum of layer {@code layer}, over its {@code length} bytes, should be, or UNKNOWN. */
    public static int icmp(DecodedPacket p, int layer, int length) {
        int off = p.offset(layer);
        if (length < 4 || off + length > p.end()) {
            return UNKNOWN;
        }
        return expected(p.buffer(), off, length, 2, 0);
    }

    /**
     * The Internet checksum (RFC 1071) of {@code length} bytes from absolute index {@code from}: 0 when the bytes,
     * their own checksum field among them, verify (an ICMP extension structure); UNKNOWN when not all were
     * captured.
     */
    public static int over(DecodedPacket p, int from, int length) {
        if (length < 0 || from < p.start() || from + length > p.end()) {
            return UNKNOWN;
        }
        return ~Bytes.onesComplementSum(p.buffer(), from, length, 0) & 0xFFFF;
    }

    /** The checksum the field at {@code field} should hold: the complement of the sum of all else. */
    private static int expected(ByteBuffer buf, int off, int length, int field, long initial) {
        int stored = Bytes.u16(buf, off + field);
        int sum = Bytes.onesComplementSum(buf, off, length, initial);
        // take the stored value back out of the ones' complement sum
        long without = (long) sum + (~stored & 0xFFFF);
        while ((without >>> 16) != 0) {
            without = (without & 0xFFFF) + (without >>> 16);
        }
        return (int) (~without & 0xFFFF);
    }
}
