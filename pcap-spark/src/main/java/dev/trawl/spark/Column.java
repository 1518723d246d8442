package dev.trawl.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The columns of the {@code pcap} data source, in schema order. */
enum Column {
    FILE("file", DataTypes.StringType, false, "the file's path"),
    OFFSET("offset", DataTypes.LongType, false, "byte offset of the record (pcap) or block (pcapng) in the file"),
    TIMESTAMP("timestamp", DataTypes.TimestampType, false, "capture time, to the microsecond"),
    NANOS("nanos", DataTypes.IntegerType, false, "nanoseconds within the second of the capture time"),
    CAPLEN("caplen", DataTypes.IntegerType, false, "captured length"),
    LEN("len", DataTypes.IntegerType, false, "length on the wire"),
    LINKTYPE("linktype", DataTypes.IntegerType, false, "LINKTYPE_ value of the packet's interface"),
    INTERFACE("interface", DataTypes.IntegerType, false, "pcapng interface id (0 for pcap)"),
    DATA("data", DataTypes.BinaryType, false, "the captured bytes"),
    ETH_SRC("eth_src", DataTypes.StringType, true, "Ethernet source MAC (eth.src)"),
    ETH_DST("eth_dst", DataTypes.StringType, true, "Ethernet destination MAC (eth.dst)"),
    VLAN("vlan", DataTypes.IntegerType, true, "outermost VLAN id (vlan.id or ieee8021ad.id)"),
    ETHERTYPE("ethertype", DataTypes.IntegerType, true, "EtherType of the network layer"),
    IP_VERSION("ip_version", DataTypes.IntegerType, true, "version field of the outermost IP header (ip.version or "
            + "ipv6.version): 4 or 6, anything else when the header is bogus"),
    SRC("src", DataTypes.StringType, true, "IP source address (ip.src or ipv6.src)"),
    DST("dst", DataTypes.StringType, true, "IP destination address (ip.dst or ipv6.dst)"),
    PROTOCOL("protocol", DataTypes.IntegerType, true, "IP protocol (IPv6: the next header after extension headers)"),
    TTL("ttl", DataTypes.IntegerType, true, "IPv4 TTL or IPv6 hop limit (ip.ttl or ipv6.hlim)"),
    SRC_PORT("src_port", DataTypes.IntegerType, true, "TCP or UDP source port"),
    DST_PORT("dst_port", DataTypes.IntegerType, true, "TCP or UDP destination port"),
    TCP_FLAGS("tcp_flags", DataTypes.IntegerType, true, "TCP flags (tcp.flags)"),
    TCP_SEQ("tcp_seq", DataTypes.LongType, true, "TCP sequence number (tcp.seq_raw)"),
    TCP_ACK("tcp_ack", DataTypes.LongType, true, "TCP acknowledgement number (tcp.ack_raw)"),
    PAYLOAD_LEN("payload_len", DataTypes.IntegerType, true, "bytes of transport payload captured");

    private static final Column[] ALL = values();

    final String columnName;
    final DataType type;
    final boolean decoded;
    final String comment;

    Column(String columnName, DataType type, boolean decoded, String comment) {
        this.columnName = columnName;
        this.type = type;
        this.decoded = decoded;
        this.comment = comment;
    }

    /** The full schema, with or without the decoded columns. */
    static StructType schema(boolean decode) {
        List<StructField> fields = new ArrayList<>();
        for (Column c : ALL) {
            if (decode || !c.decoded) {
                fields.add(new StructField(c.columnName, c.type, c.decoded, Metadata.empty()).withComment(c.comment));
            }
        }
        return new StructType(fields.toArray(new StructField[0]));
    }

    /** The column of that name, or null. */
    static Column named(String name) {
        for (Column c : ALL) {
            if (c.columnName.equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }

    static int count() {
        return ALL.length;
    }

    static Column at(int ordinal) {
        return ALL[ordinal];
    }
}
