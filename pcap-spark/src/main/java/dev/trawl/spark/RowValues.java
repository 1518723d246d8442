package dev.trawl.spark;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.PacketDecoder;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.field.Field;
import dev.trawl.decode.field.FieldRegistry;
import dev.trawl.decode.field.FieldSink;
import dev.trawl.decode.field.Formats;
import dev.trawl.pcap.EtherType;
import dev.trawl.spark.split.CaptureRecord;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.BitSet;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Computes a record's column values, in Spark's internal representations, for the columns a query needs:
 * decoding runs only when a decoded column is needed, and then only as far as the needed columns ask for
 * common packets, whose columns a projection reads from their bytes ({@link ProjectedColumns}). The decoded columns describe the outermost layers (the
 * outer header of a tunnel) and are decode's Wireshark-named fields of those layers ({@code eth.src},
 * {@code ip.src} or {@code ipv6.src}, {@code tcp.flags}...), in tshark's text for addresses: a field the decoder
 * does not find in the packet (a frame too short for its Ethernet header, a header whose version or length is
 * impossible) is null. Not thread-safe; one per reader.
 */
final class RowValues {
    private static final FieldRegistry FIELDS = FieldRegistry.standard();
    private static final Field ETH_SRC = FIELDS.require("eth.src"), ETH_DST = FIELDS.require("eth.dst");
    private static final Field VLAN_ID = FIELDS.require("vlan.id"), QINQ_ID = FIELDS.require("ieee8021ad.id");
    private static final Field IP_VERSION = FIELDS.require("ip.version"), IP_SRC = FIELDS.require("ip.src"),
            IP_DST = FIELDS.require("ip.dst"), IP_PROTO = FIELDS.require("ip.proto"), IP_TTL = FIELDS.require("ip.ttl");
    private static final Field IPV6_VERSION = FIELDS.require("ipv6.version"), IPV6_SRC = FIELDS.require("ipv6.src"),
            IPV6_DST = FIELDS.require("ipv6.dst"), IPV6_NXT = FIELDS.require("ipv6.nxt"),
            IPV6_HLIM = FIELDS.require("ipv6.hlim");
    private static final Field TCP_SRCPORT = FIELDS.require("tcp.srcport"), TCP_DSTPORT = FIELDS.require("tcp.dstport"),
            TCP_FLAGS = FIELDS.require("tcp.flags"), TCP_SEQ = FIELDS.require("tcp.seq_raw"),
            TCP_ACK = FIELDS.require("tcp.ack_raw");
    private static final Field UDP_SRCPORT = FIELDS.require("udp.srcport"), UDP_DSTPORT = FIELDS.require("udp.dstport");
    private static final int ETHERTYPE_IPV4 = EtherType.IPV4.value(), ETHERTYPE_IPV6 = EtherType.IPV6.value(),
            ETHERTYPE_ARP = EtherType.ARP.value();

    private final Object[] values = new Object[Column.count()];
    private final BitSet needed;
    private final boolean decodeNeeded;
    private final boolean nanoPrecision;
    private final UTF8String file;
    private final PacketDecoder decoder = new PacketDecoder();
    private final First first = new First();
    /** Reads the decoded columns of common packets from their bytes; null when none is needed. */
    private final ProjectedColumns projected;

    RowValues(BitSet needed, boolean nanoPrecision, String file) {
        this(needed, nanoPrecision, file, true);
    }

    /** Values whose decoded columns come from the decoder alone when {@code project} is false (for comparing). */
    RowValues(BitSet needed, boolean nanoPrecision, String file, boolean project) {
        this.needed = needed;
        this.nanoPrecision = nanoPrecision;
        this.file = UTF8String.fromString(file);
        boolean decode = false;
        for (int i = needed.nextSetBit(0); i >= 0; i = needed.nextSetBit(i + 1)) {
            decode |= Column.at(i).decoded;
        }
        this.decodeNeeded = decode;
        this.projected = decode && project ? new ProjectedColumns(needed) : null;
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

    /** Sets column {@code c} to the first value of {@code field} in layer {@code layer}, if it has one. */
    private void field(Column c, Field field, DecodedPacket p, int layer) {
        if (!needed.get(c.ordinal())) {
            return;
        }
        first.collect(field, p, layer);
        if (first.found) {
            values[c.ordinal()] = c.type == DataTypes.StringType ? UTF8String.fromString(first.text.toString())
                    : c.type == DataTypes.LongType ? (Object) first.integer : (Object) (int) first.integer;
        }
    }

    private void decode(CaptureRecord r) {
        if (projected != null && projected.fill(r.linkType, r.data, r.capturedLength, values)) {
            return;
        }
        DecodedPacket p = projected == null ? null : projected.decoded();
        if (p == null) {
            p = decoder.decode(r.linkType, r.data, 0, r.capturedLength);
        }
        int eth = p.find(Protocols.ETH);
        if (eth >= 0) {
            field(Column.ETH_SRC, ETH_SRC, p, eth);
            field(Column.ETH_DST, ETH_DST, p, eth);
        }
        int vlan = outermost(p.find(Protocols.VLAN), p.find(Protocols.IEEE8021AD));
        if (vlan >= 0) {
            field(Column.VLAN, p.protocol(vlan) == Protocols.VLAN ? VLAN_ID : QINQ_ID, p, vlan);
        }
        int ip = p.find(Protocols.IP);
        // not a header of another version, which Wireshark lists as data
        int ip6 = p.find(Protocols.IPV6, LayerFlags.UNLISTED);
        if (ip >= 0 && (ip6 < 0 || ip < ip6)) {
            set(Column.ETHERTYPE, ETHERTYPE_IPV4);
            field(Column.IP_VERSION, IP_VERSION, p, ip);
            field(Column.SRC, IP_SRC, p, ip);
            field(Column.DST, IP_DST, p, ip);
            field(Column.PROTOCOL, IP_PROTO, p, ip);
            field(Column.TTL, IP_TTL, p, ip);
        } else if (ip6 >= 0) {
            set(Column.ETHERTYPE, ETHERTYPE_IPV6);
            field(Column.IP_VERSION, IPV6_VERSION, p, ip6);
            field(Column.SRC, IPV6_SRC, p, ip6);
            field(Column.DST, IPV6_DST, p, ip6);
            field(Column.PROTOCOL, IPV6_NXT, p, ip6);
            if (values[Column.PROTOCOL.ordinal()] != null) {
                set(Column.PROTOCOL, upperProtocol(p, ip6, (Integer) values[Column.PROTOCOL.ordinal()]));
            }
            field(Column.TTL, IPV6_HLIM, p, ip6);
        } else if (p.find(Protocols.ARP) >= 0) {
            set(Column.ETHERTYPE, ETHERTYPE_ARP);
        }
        int tcp = p.find(Protocols.TCP);
        int udp = p.find(Protocols.UDP);
        if (tcp >= 0 && (udp < 0 || tcp < udp)) {
            field(Column.SRC_PORT, TCP_SRCPORT, p, tcp);
            field(Column.DST_PORT, TCP_DSTPORT, p, tcp);
            field(Column.TCP_FLAGS, TCP_FLAGS, p, tcp);
            field(Column.TCP_SEQ, TCP_SEQ, p, tcp);
            field(Column.TCP_ACK, TCP_ACK, p, tcp);
            payload(p, tcp, true);
        } else if (udp >= 0) {
            field(Column.SRC_PORT, UDP_SRCPORT, p, udp);
            field(Column.DST_PORT, UDP_DSTPORT, p, udp);
            payload(p, udp, false);
        }
    }

    /**
     * The payload length, where the header's own length is possible: a TCP data offset of at least 20 bytes, a
     * UDP length of at least 8 (or 0, which segmentation offload leaves). The header bytes are read here rather
     * than the layer's flags, which would decode the layers above.
     */
    private void payload(DecodedPacket p, int layer, boolean tcp) {
        int at = p.offset(layer);
        ByteBuffer b = p.buffer();
        boolean possible;
        if (tcp) {
            possible = at + 13 <= p.layerEnd(layer) && (b.get(at + 12) & 0xF0) >= 0x50;
        } else {
            int length = at + 6 <= p.layerEnd(layer) ? b.getShort(at + 4) & 0xFFFF : -1;
            possible = length == 0 || length >= 8;
        }
        if (possible) {
            set(Column.PAYLOAD_LEN, p.payloadLength(layer));
        }
    }

    private static int outermost(int a, int b) {
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    /**
     * The protocol an IPv6 header carries after its extension headers: the next header of the last extension
     * header the decoder read right after it, else the IPv6 header's own.
     */
    private static int upperProtocol(DecodedPacket p, int ip6, int nextHeader) {
        for (int j = p.next(ip6); j >= 0 && isExtension(p.protocol(j)) && p.layerEnd(j) > p.offset(j); j = p.next(j)) {
            nextHeader = p.ipv6Extension(j).nextHeader();
        }
        return nextHeader;
    }

    private static boolean isExtension(int protocol) {
        return protocol == Protocols.IPV6_HOPOPTS || protocol == Protocols.IPV6_ROUTING
                || protocol == Protocols.IPV6_FRAGHDR || protocol == Protocols.IPV6_DSTOPTS;
    }

    /** Keeps the first occurrence a field reports: its integer, or its text as tshark prints it. */
    private static final class First implements FieldSink {
        final StringBuilder text = new StringBuilder(40);
        long integer;
        boolean found;
        private Field field;

        void collect(Field f, DecodedPacket p, int layer) {
            field = f;
            found = false;
            text.setLength(0);
            f.extract(p, layer, this);
        }

        @Override
        public void integer(long value) {
            if (!found) {
                found = true;
                integer = value;
            }
        }

        @Override
        public void bytes(ByteBuffer buf, int index, int length) {
            if (!found) {
                found = true;
                Formats.appendBytes(text, field.type(), buf, index, length);
            }
        }

        @Override
        public void text(CharSequence value) {
            if (!found) {
                found = true;
                text.append(value);
            }
        }
    }
}
