package dev.trawl.spark;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.PacketDecoder;
import dev.trawl.decode.ProjectedRow;
import dev.trawl.decode.Projection;
import dev.trawl.decode.Projector;
import dev.trawl.pcap.EtherType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The decoded columns a query selects, read through a {@link Projection} of the fields behind them: a packet whose
 * stack the projection reads from its bytes (Ethernet, one IPv4 or IPv6 header, TCP or UDP, a payload that ends
 * the stack) gets exactly those columns' values from the bytes; any other packet (a tunnel, a VLAN tag, options
 * the projection does not read) is left to the caller's decoder, which says so by {@link #fill} returning false.
 * The values are those {@link RowValues} takes from the decoder: the outermost layers' fields, addresses in
 * tshark's text. Not thread-safe; one per reader.
 */
final class ProjectedColumns {
    private static final Integer ETHERTYPE_IPV4 = EtherType.IPV4.value();
    private static final Integer ETHERTYPE_IPV6 = EtherType.IPV6.value();
    private static final int ETHERNET_HEADER = 14;
    private static final int IPV6_HEADER = 40;
    private static final int UDP_HEADER = 8;

    private final BitSet needed;
    private final Projector projector;
    private final List<String> names = new ArrayList<>();
    private final StringBuilder text = new StringBuilder(40);
    private byte[] lastData;
    private ByteBuffer lastView;
    /** Where each field is in the projection; -1 where it is not asked. */
    private final int ethType;
    private final int ipVersion;
    private final int ipv6Version;
    private final int tcpPort;
    private final int udpPort;
    private final int capLen;
    private final int ipLen;
    private final int ipHdrLen;
    private final int ipv6Plen;
    private final int tcpHdrLen;
    private final int udpLength;
    private final int ethSrc;
    private final int ethDst;
    private final int ipSrc;
    private final int ipDst;
    private final int ipProto;
    private final int ipTtl;
    private final int ipv6Src;
    private final int ipv6Dst;
    private final int ipv6Nxt;
    private final int ipv6Hlim;
    private final int tcpDst;
    private final int tcpFlags;
    private final int tcpSeq;
    private final int tcpAck;
    private final int udpDst;

    ProjectedColumns(BitSet needed) {
        this.needed = needed;
        // What tells the stack apart, always: one Ethernet frame, IPv4 or IPv6, TCP or UDP.
        ethType = add("eth.type");
        ipVersion = add("ip.version");
        ipv6Version = add("ipv6.version");
        tcpPort = add("tcp.srcport");
        udpPort = add("udp.srcport");
        boolean payload = needs(Column.PAYLOAD_LEN);
        capLen = payload ? add("frame.cap_len") : -1;
        ipLen = payload ? add("ip.len") : -1;
        ipHdrLen = payload ? add("ip.hdr_len") : -1;
        ipv6Plen = payload ? add("ipv6.plen") : -1;
        tcpHdrLen = payload ? add("tcp.hdr_len") : -1;
        udpLength = payload ? add("udp.length") : -1;
        ethSrc = add("eth.src");
        ethDst = add("eth.dst");
        ipSrc = add("ip.src");
        ipDst = add("ip.dst");
        ipProto = add("ip.proto");
        ipTtl = add("ip.ttl");
        ipv6Src = add("ipv6.src");
        ipv6Dst = add("ipv6.dst");
        ipv6Nxt = add("ipv6.nxt");
        ipv6Hlim = add("ipv6.hlim");
        tcpDst = add("tcp.dstport");
        tcpFlags = add("tcp.flags");
        tcpSeq = add("tcp.seq_raw");
        tcpAck = add("tcp.ack_raw");
        udpDst = add("udp.dstport");
        projector = Projection.compile(names).projector(new PacketDecoder());
    }

    private boolean needs(Column c) {
        return needed.get(c.ordinal());
    }

    private int add(String name) {
        names.add(name);
        return names.size() - 1;
    }

    /**
     * Sets the decoded columns of the packet in {@code data} into {@code values} (indexed by column ordinal, all
     * null on entry) if the projection reads it from its bytes, and says whether it did.
     */
    boolean fill(int linkType, byte[] data, int length, Object[] values) {
        if (data != lastData) {
            lastData = data;
            lastView = ByteBuffer.wrap(data);
        }
        ProjectedRow row = projector.project(linkType, lastView, 0, length);
        if (!row.specialised() || row.count(ethType) != 1) {
            return false; // not read from its bytes, or a tunnel's second frame: the decoder finds the outermost
        }
        boolean v4 = row.count(ipVersion) > 0;
        if (!v4 && row.count(ipv6Version) == 0) {
            return false;
        }
        if (v4 ? row.integer(ipVersion, 0) != 4 : row.integer(ipv6Version, 0) != 6) {
            return false; // a header of another version, which Wireshark shows as data: the decoder's columns
        }
        set(values, Column.ETH_SRC, row, ethSrc);
        set(values, Column.ETH_DST, row, ethDst);
        if (needs(Column.ETHERTYPE)) {
            values[Column.ETHERTYPE.ordinal()] = v4 ? ETHERTYPE_IPV4 : ETHERTYPE_IPV6;
        }
        set(values, Column.IP_VERSION, row, v4 ? ipVersion : ipv6Version);
        set(values, Column.SRC, row, v4 ? ipSrc : ipv6Src);
        set(values, Column.DST, row, v4 ? ipDst : ipv6Dst);
        set(values, Column.PROTOCOL, row, v4 ? ipProto : ipv6Nxt); // no extension header here
        set(values, Column.TTL, row, v4 ? ipTtl : ipv6Hlim);
        boolean tcp = row.count(tcpPort) > 0;
        boolean udp = row.count(udpPort) > 0;
        if (tcp) {
            set(values, Column.SRC_PORT, row, tcpPort);
            set(values, Column.DST_PORT, row, tcpDst);
            set(values, Column.TCP_FLAGS, row, tcpFlags);
            set(values, Column.TCP_SEQ, row, tcpSeq);
            set(values, Column.TCP_ACK, row, tcpAck);
        } else if (udp) {
            set(values, Column.SRC_PORT, row, udpPort);
            set(values, Column.DST_PORT, row, udpDst);
        }
        if ((tcp || udp) && needs(Column.PAYLOAD_LEN)) {
            values[Column.PAYLOAD_LEN.ordinal()] = payloadLength(row, v4, tcp);
        }
        return true;
    }

    /** The decoder's result for the last packet {@link #fill} left to the decoder, or null where it read a tunnel. */
    DecodedPacket decoded() {
        return projector.decoded();
    }

    /**
     * The transport payload captured: from the end of the TCP or UDP header to the end of the IP datagram (or of
     * the UDP length, where it fits in it), within what was captured; the projection has checked that each of
     * those lengths is possible.
     */
    private int payloadLength(ProjectedRow row, boolean v4, boolean tcp) {
        int captured = (int) row.integer(capLen, 0);
        int ip = ETHERNET_HEADER;
        int ipHeader = v4 ? (int) row.integer(ipHdrLen, 0) : IPV6_HEADER;
        int ipEnd = Math.min(captured, v4 ? ip + (int) row.integer(ipLen, 0)
                : ip + IPV6_HEADER + (int) row.integer(ipv6Plen, 0));
        int transport = ip + ipHeader;
        if (tcp) {
            return Math.max(0, ipEnd - transport - (int) row.integer(tcpHdrLen, 0));
        }
        int length = (int) row.integer(udpLength, 0);
        int end = length >= UDP_HEADER && transport + length <= ipEnd ? transport + length : ipEnd;
        return Math.max(0, end - transport - UDP_HEADER);
    }

    /** Sets column {@code c}, if needed, to the first occurrence of the row's field {@code f}. */
    private void set(Object[] values, Column c, ProjectedRow row, int f) {
        if (!needs(c) || row.count(f) == 0) {
            return;
        }
        if (c.type == DataTypes.StringType) {
            text.setLength(0);
            values[c.ordinal()] = UTF8String.fromString(row.append(f, 0, text).toString());
        } else {
            long v = row.integer(f, 0);
            values[c.ordinal()] = c.type == DataTypes.LongType ? (Object) v : (Object) (int) v;
        }
    }
}
