package dev.trawl.decode;

import dev.trawl.pcap.EtherType;
import dev.trawl.pcap.IpProtocol;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds packets byte by byte for tests: each method returns a header followed by its payload. */
final class TestPackets {
    private TestPackets() {
    }

    static final byte[] MAC_A = hex("020000000001");
    static final byte[] MAC_B = hex("020000000002");
    static final byte[] IP_A = {10, 0, 0, 1};
    static final byte[] IP_B = {10, 0, 0, 2};

    static byte[] hex(String s) {
        String h = s.replaceAll("[^0-9a-fA-F]", "");
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] u16(int v) {
        return new byte[] {(byte) (v >>> 8), (byte) v};
    }

    static byte[] u32(long v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    static byte[] eth(EtherType type, byte[] payload) {
        return eth(type.value(), payload);
    }

    /** An Ethernet header with any type or 802.3 length. */
    static byte[] eth(int typeOrLength, byte[] payload) {
        return cat(MAC_B, MAC_A, u16(typeOrLength), payload);
    }

    static byte[] vlan(int id, EtherType type, byte[] payload) {
        return vlan(id, type.value(), payload);
    }

    /** A VLAN tag with any type or 802.3 length. */
    static byte[] vlan(int id, int typeOrLength, byte[] payload) {
        return cat(u16(id & 0x0FFF), u16(typeOrLength), payload);
    }

    static int checksum(byte[] b, int off, int len, long initial) {
        long sum = initial;
        for (int i = 0; i + 1 < len; i += 2) {
            sum += ((b[off + i] & 0xFF) << 8) | (b[off + i + 1] & 0xFF);
        }
        if ((len & 1) != 0) {
            sum += (b[off + len - 1] & 0xFF) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) (~sum & 0xFFFF);
    }

    static byte[] ipv4(IpProtocol proto, byte[] src, byte[] dst, byte[] payload) {
        return ipv4(proto, src, dst, 0, payload);
    }

    static byte[] ipv4(IpProtocol proto, byte[] src, byte[] dst, int fragment, byte[] payload) {
        byte[] h = cat(hex("4500"), u16(20 + payload.length), u16(0x1234), u16(fragment),
                new byte[] {64, (byte) proto.value()}, u16(0), src, dst);
        int c = checksum(h, 0, 20, 0);
        h[10] = (byte) (c >>> 8);
        h[11] = (byte) c;
        return cat(h, payload);
    }

    static byte[] ipv6(IpProtocol next, byte[] payload) {
        return cat(hex("60000000"), u16(payload.length), new byte[] {(byte) next.value(), 64},
                hex("fe800000000000000000000000000001"), hex("ff020000000000000000000000000001"), payload);
    }

    static byte[] tcp(int sport, int dport, long seq, long ack, int flags, byte[] options, byte[] payload) {
        int hl = 20 + options.length;
        return cat(u16(sport), u16(dport), u32(seq), u32(ack), u16((hl / 4) << 12 | flags), u16(65535),
                u16(0), u16(0), options, payload);
    }

    static byte[] udp(int sport, int dport, byte[] payload) {
        return cat(u16(sport), u16(dport), u16(8 + payload.length), u16(0), payload);
    }

    /** Ethernet / IPv4 / TCP with the given flags and payload. */
    static byte[] ethIpTcp(int flags, byte[] payload) {
        return eth(EtherType.IPV4, ipv4(IpProtocol.TCP, IP_A, IP_B, tcp(43210, 5555, 1000, 2000, flags, new byte[0],
                payload)));
    }

    /** Ethernet / IPv4 / UDP with the given ports and payload. */
    static byte[] ethIpUdp(int sport, int dport, byte[] payload) {
        return eth(EtherType.IPV4, ipv4(IpProtocol.UDP, IP_A, IP_B, udp(sport, dport, payload)));
    }

    /**
     * Writes a little-endian, microsecond pcap file of {@code linkType} holding, for each frame, its first
     * {@code capturedLengths[n]} bytes (the whole frame when {@code capturedLengths} is null), one second apart.
     */
    static void writePcap(Path file, int linkType, List<byte[]> frames, int[] capturedLengths) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535)
                    .putInt(linkType);
            out.write(header.array());
            for (int n = 0; n < frames.size(); n++) {
                byte[] frame = frames.get(n);
                int cap = capturedLengths == null ? frame.length : capturedLengths[n];
                ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                record.putInt(1_700_000_000 + n).putInt(0).putInt(cap).putInt(frame.length);
                out.write(record.array());
                out.write(frame, 0, cap);
            }
        }
    }
}
