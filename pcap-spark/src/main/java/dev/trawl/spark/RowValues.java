package dev.trawl.spark;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.PacketDecoder;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Ipv4;
import dev.trawl.decode.layer.Ipv6;
import dev.trawl.pcap.EtherType;
import dev.trawl.pcap.IpProtocol;
import dev.trawl.spark.split.CaptureRecord;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.BitSet;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Computes a record's column values, in Spark's internal representations, for the columns a query needs:
 * decoding runs only when a decoded column is needed. The decoded columns describe the outermost layers
 * (the outer header of a tunnel). Not thread-safe; one per reader.
 */
final class RowValues {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int ETHERTYPE_IPV4 = EtherType.IPV4.value(), ETHERTYPE_IPV6 = EtherType.IPV6.value(),
            ETHERTYPE_ARP = EtherType.ARP.value();
    private static final int TCP = IpProtocol.TCP.value(), UDP = IpProtocol.UDP.value(),
            ICMPV6 = IpProtocol.ICMPV6.value(), SCTP = IpProtocol.SCTP.value();

    private final Object[] values = new Object[Column.count()];
    private final BitSet needed;
    private final boolean decodeNeeded;
    private final boolean nanoPrecision;
    private final UTF8String file;
    private final PacketDecoder decoder = new PacketDecoder();
    private final byte[] ipv6 = new byte[16];

    RowValues(BitSet needed, boolean nanoPrecision, String file) {
        this.needed = needed;
        this.nanoPrecision = nanoPrecision;
        this.file = UTF8String.fromString(file);
        boolean decode = false;
        for (int i = needed.nextSetBit(0); i >= 0; i = needed.nextSetBit(i + 1)) {
            decode |= Column.at(i).decoded;
        }
        this.decodeNeeded = decode;
    }

    /** Fills the values of {@code record}; returns them (reused). */
    Object[] fill(CaptureRecord r) {
        Arrays.fill(values, null);
        int nanos = nanoPrecision ? r.nanos : r.nanos / 1000 * 1000;
        set(Column.FILE, file);
        set(Column.OFFSET, r.offset);
        set(Column.TIMESTAMP, r.seconds * 1_000_000L + r.nanos / 1000);
        set(Column.NANOS, nanos);
        set(Column.CAPLEN, r.capturedLength);
        set(Column.LEN, r.originalLength);
        set(Column.LINKTYPE, r.linkType);
        set(Column.INTERFACE, r.interfaceId);
        if (needed.get(Column.DATA.ordinal())) {
            values[Column.DATA.ordinal()] = Arrays.copyOf(r.data, r.capturedLength);
        }
        if (decodeNeeded) {
            decode(r);
        }
        return values;
    }

    private void set(Column c, Object value) {
        if (needed.get(c.ordinal())) {
            values[c.ordinal()] = value;
        }
    }

    private void decode(CaptureRecord r) {
        DecodedPacket p = decoder.decode(r.linkType, r.data, 0, r.capturedLength);
        int eth = p.find(Protocols.ETH);
        if (eth >= 0) {
            set(Column.ETH_SRC, mac(p.ethernet(eth).source()));
            set(Column.ETH_DST, mac(p.ethernet(eth).destination()));
        }
        int vlan = p.find(Protocols.VLAN);
        if (vlan < 0) {
            vlan = p.find(Protocols.IEEE8021AD);
        }
        if (vlan >= 0) {
            set(Column.VLAN, p.vlan(vlan).id());
        }
        int ip = p.find(Protocols.IP);
        int ip6 = p.find(Protocols.IPV6);
        if (ip >= 0 && (ip6 < 0 || ip < ip6)) {
            Ipv4 v4 = p.ipv4(ip);
            set(Column.ETHERTYPE, ETHERTYPE_IPV4);
            set(Column.IP_VERSION, 4);
            set(Column.SRC, ipv4(v4.source()));
            set(Column.DST, ipv4(v4.destination()));
            set(Column.PROTOCOL, v4.protocol());
            set(Column.TTL, v4.timeToLive());
        } else if (ip6 >= 0) {
            Ipv6 v6 = p.ipv6(ip6);
            set(Column.ETHERTYPE, ETHERTYPE_IPV6);
            set(Column.IP_VERSION, 6);
            v6.source(ipv6);
            set(Column.SRC, ipv6Text());
            v6.destination(ipv6);
            set(Column.DST, ipv6Text());
            set(Column.PROTOCOL, upperProtocol(p, v6.nextHeader()));
            set(Column.TTL, v6.hopLimit());
        } else if (p.find(Protocols.ARP) >= 0) {
            set(Column.ETHERTYPE, ETHERTYPE_ARP);
        }
        int tcp = p.find(Protocols.TCP);
        int udp = p.find(Protocols.UDP);
        if (tcp >= 0 && (udp < 0 || tcp < udp)) {
            var t = p.tcp(tcp);
            set(Column.SRC_PORT, t.sourcePort());
            set(Column.DST_PORT, t.destinationPort());
            set(Column.TCP_FLAGS, t.flags());
            set(Column.TCP_SEQ, t.sequenceNumber());
            set(Column.TCP_ACK, t.acknowledgmentNumber());
            set(Column.PAYLOAD_LEN, p.payloadLength(tcp));
        } else if (udp >= 0) {
            var u = p.udp(udp);
            set(Column.SRC_PORT, u.sourcePort());
            set(Column.DST_PORT, u.destinationPort());
            set(Column.PAYLOAD_LEN, p.payloadLength(udp));
        }
    }

    /** The upper-layer protocol after IPv6 extension headers, where the decoder reached it. */
    private static int upperProtocol(DecodedPacket p, int nextHeader) {
        if (p.has(Protocols.TCP)) {
            return TCP;
        }
        if (p.has(Protocols.UDP)) {
            return UDP;
        }
        if (p.has(Protocols.ICMPV6)) {
            return ICMPV6;
        }
        if (p.has(Protocols.SCTP)) {
            return SCTP;
        }
        return nextHeader;
    }

    private static UTF8String mac(long address) {
        char[] text = new char[17];
        for (int i = 0; i < 6; i++) {
            int b = (int) (address >>> (40 - 8 * i)) & 0xff;
            text[i * 3] = HEX[b >>> 4];
            text[i * 3 + 1] = HEX[b & 0xf];
            if (i < 5) {
                text[i * 3 + 2] = ':';
            }
        }
        return UTF8String.fromString(new String(text));
    }

    private static UTF8String ipv4(int address) {
        return UTF8String.fromString((address >>> 24) + "." + (address >>> 16 & 0xff) + "." + (address >>> 8 & 0xff)
                + "." + (address & 0xff));
    }

    private UTF8String ipv6Text() {
        try {
            String text = InetAddress.getByAddress(ipv6).getHostAddress();
            return UTF8String.fromString(Ipv6Text.compress(text));
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // 16 bytes is always a valid address
        }
    }
}
