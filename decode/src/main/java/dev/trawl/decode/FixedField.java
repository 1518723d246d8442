package dev.trawl.decode;

import java.util.Map;

/**
 * How a projection reads one field straight from the packet bytes, once its {@link Projector} has checked which
 * headers the packet holds and where (an Ethernet frame with one IPv4 or IPv6 header and one TCP or UDP header,
 * perhaps a VXLAN tunnel's inner frame, perhaps a DNS message): which header, where in it, how wide, and how the
 * value is cut out. Only fields whose value then follows from those bytes alone are here; every other field is
 * read by its registered extractor from a decoded packet. Immutable.
 */
final class FixedField {
    static final int FRAME = 0;
    static final int ETH = 1;
    static final int IP = 2;
    static final int IPV6 = 3;
    static final int TCP = 4;
    static final int UDP = 5;
    /** A DNS or mDNS message over UDP, whose fields need bytes of the message ({@link #need}). */
    static final int DNS = 6;
    /** The number of headers. */
    static final int HEADERS = 7;

    /** The frame fields, by what they read ({@link #rel} of a {@link #FRAME} field). */
    static final int FRAME_NUMBER = 0;
    static final int FRAME_LEN = 1;
    static final int FRAME_CAP_LEN = 2;
    static final int FRAME_ENCAP = 3;

    /** What an {@link #eager} field of a DNS message reads: the questions' names or types. */
    static final int QUESTION_NAMES = 0;
    static final int QUESTION_TYPES = 1;

    final int header;
    final int rel;
    /** The bytes read: 1, 2 or 4 for an integer, the address length for bytes. */
    final int size;
    final long mask;
    final int shift;
    final int scale;
    final boolean bytes;
    /** Where a second occurrence is read (the destination of {@code ip.addr}, {@code tcp.port}), or -1. */
    final int rel2;
    /** The occurrences each header gives: 2 for a pair ({@link #rel2}), else 1. */
    final int per;
    /** The bytes of its header the field needs to be present (DNS fields; the guard ensures the others'). */
    final int need;
    /**
     * Whether the field's occurrences are found by walking the message ({@link #rel} says which), when the packet
     * is read, rather than read from one place when asked.
     */
    final boolean eager;

    private FixedField(int header, int rel, int size, long mask, int shift, int scale, boolean bytes, int rel2) {
        this(header, rel, size, mask, shift, scale, bytes, rel2, 0, false);
    }

    private FixedField(int header, int rel, int size, long mask, int shift, int scale, boolean bytes, int rel2,
            int need, boolean eager) {
        this.header = header;
        this.rel = rel;
        this.size = size;
        this.mask = mask;
        this.shift = shift;
        this.scale = scale;
        this.bytes = bytes;
        this.rel2 = rel2;
        this.per = rel2 >= 0 ? 2 : 1;
        this.need = need;
        this.eager = eager;
    }

    private static FixedField integer(int header, int rel, int size) {
        return new FixedField(header, rel, size, -1L, 0, 1, false, -1);
    }

    private static FixedField bits(int header, int rel, int size, long mask, int shift) {
        return new FixedField(header, rel, size, mask, shift, 1, false, -1);
    }

    private static FixedField address(int header, int rel, int size) {
        return new FixedField(header, rel, size, 0, 0, 1, true, -1);
    }

    private static FixedField addresses(int header, int rel, int size, int rel2) {
        return new FixedField(header, rel, size, 0, 0, 1, true, rel2);
    }

    private static FixedField pair(int header, int rel, int size, int rel2) {
        return new FixedField(header, rel, size, -1L, 0, 1, false, rel2);
    }

    /** A field of the DNS header, present when the message holds {@code need} bytes. */
    private static FixedField dns(int rel, long mask, int shift, int need) {
        return new FixedField(DNS, rel, 2, mask, shift, 1, false, -1, need, false);
    }

    private static FixedField questions(int what) {
        return new FixedField(DNS, what, 0, 0, 0, 1, false, -1, 0, true);
    }

    private static FixedField frame(int what) {
        return new FixedField(FRAME, what, 0, 0, 0, 1, false, -1);
    }

    /**
     * The fields read this way, by name. Each reads what its registered extractor reads when the checks of
     * {@link Projector} hold (the differential test holds each to it).
     */
    private static final Map<String, FixedField> TABLE = Map.ofEntries(
            Map.entry("frame.number", frame(FRAME_NUMBER)),
            Map.entry("frame.len", frame(FRAME_LEN)),
            Map.entry("frame.cap_len", frame(FRAME_CAP_LEN)),
            Map.entry("frame.encap_type", frame(FRAME_ENCAP)),
            Map.entry("eth.dst", address(ETH, 0, 6)),
            Map.entry("eth.src", address(ETH, 6, 6)),
            Map.entry("eth.addr", addresses(ETH, 0, 6, 6)),
            Map.entry("eth.type", integer(ETH, 12, 2)),
            Map.entry("ip.version", bits(IP, 0, 1, 0xF0, 4)),
            Map.entry("ip.hdr_len", new FixedField(IP, 0, 1, 0x0F, 0, 4, false, -1)),
            Map.entry("ip.dsfield", integer(IP, 1, 1)),
            Map.entry("ip.dsfield.dscp", bits(IP, 1, 1, 0xFC, 2)),
            Map.entry("ip.dsfield.ecn", bits(IP, 1, 1, 0x03, 0)),
            Map.entry("ip.len", integer(IP, 2, 2)),
            Map.entry("ip.id", integer(IP, 4, 2)),
            Map.entry("ip.flags", bits(IP, 6, 1, 0xE0, 5)),
            Map.entry("ip.flags.df", bits(IP, 6, 1, 0x40, 6)),
            Map.entry("ip.frag_offset", bits(IP, 6, 2, 0x1FFF, 0)),
            Map.entry("ip.ttl", integer(IP, 8, 1)),
            Map.entry("ip.proto", integer(IP, 9, 1)),
            Map.entry("ip.checksum", integer(IP, 10, 2)),
            Map.entry("ip.src", address(IP, 12, 4)),
            Map.entry("ip.dst", address(IP, 16, 4)),
            Map.entry("ip.addr", addresses(IP, 12, 4, 16)),
            Map.entry("ipv6.version", bits(IPV6, 0, 1, 0xF0, 4)),
            Map.entry("ipv6.tclass", bits(IPV6, 0, 2, 0x0FF0, 4)),
            Map.entry("ipv6.flow", bits(IPV6, 1, 3, 0x0FFFFF, 0)),
            Map.entry("ipv6.plen", integer(IPV6, 4, 2)),
            Map.entry("ipv6.nxt", integer(IPV6, 6, 1)),
            Map.entry("ipv6.hlim", integer(IPV6, 7, 1)),
            Map.entry("ipv6.src", address(IPV6, 8, 16)),
            Map.entry("ipv6.dst", address(IPV6, 24, 16)),
            Map.entry("ipv6.addr", addresses(IPV6, 8, 16, 24)),
            Map.entry("tcp.srcport", integer(TCP, 0, 2)),
            Map.entry("tcp.dstport", integer(TCP, 2, 2)),
            Map.entry("tcp.port", pair(TCP, 0, 2, 2)),
            Map.entry("tcp.seq_raw", integer(TCP, 4, 4)),
            Map.entry("tcp.ack_raw", integer(TCP, 8, 4)),
            Map.entry("tcp.hdr_len", new FixedField(TCP, 12, 1, 0xF0, 4, 4, false, -1)),
            Map.entry("tcp.flags", bits(TCP, 12, 2, 0x0FFF, 0)),
            Map.entry("tcp.window_size_value", integer(TCP, 14, 2)),
            Map.entry("tcp.checksum", integer(TCP, 16, 2)),
            Map.entry("tcp.urgent_pointer", integer(TCP, 18, 2)),
            Map.entry("udp.srcport", integer(UDP, 0, 2)),
            Map.entry("udp.dstport", integer(UDP, 2, 2)),
            Map.entry("udp.port", pair(UDP, 0, 2, 2)),
            Map.entry("udp.length", integer(UDP, 4, 2)),
            Map.entry("udp.checksum", integer(UDP, 6, 2)),
            Map.entry("dns.id", dns(0, -1L, 0, 4)),
            Map.entry("dns.flags", dns(2, -1L, 0, 4)),
            Map.entry("dns.flags.response", dns(2, 0x8000, 15, 4)),
            Map.entry("dns.count.queries", dns(4, -1L, 0, 6)),
            Map.entry("dns.count.answers", dns(6, -1L, 0, 8)),
            Map.entry("dns.qry.name", questions(QUESTION_NAMES)),
            Map.entry("dns.qry.type", questions(QUESTION_TYPES)));

    /** How {@code name} is read from the bytes, or null when only its extractor can read it. */
    static FixedField of(String name) {
        return TABLE.get(name);
    }

    /** The protocol names whose layers these fields are read from, by header. */
    static String protocolName(int header) {
        return switch (header) {
            case ETH -> "eth";
            case IP -> "ip";
            case IPV6 -> "ipv6";
            case TCP -> "tcp";
            case UDP -> "udp";
            case DNS -> "dns";
            default -> "frame";
        };
    }

    /** The value of an integer field read at {@code at}, the start of its header. */
    long read(byte[] b, int at) {
        int p = at + rel;
        long raw = switch (size) {
            case 1 -> b[p] & 0xFF;
            case 2 -> (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF);
            case 3 -> (b[p] & 0xFF) << 16 | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF);
            default -> ((long) (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8
                    | (b[p + 3] & 0xFF));
        };
        return ((raw & mask) >>> shift) * scale;
    }

    /** The value of the second occurrence of a pair ({@code tcp.port}). */
    long read2(byte[] b, int at) {
        int p = at + rel2;
        return (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF);
    }

    /** Where occurrence {@code which} (0, or 1 for a pair's second) of a bytes field starts, in a header at {@code at}. */
    int index(int at, int which) {
        return at + (which == 0 ? rel : rel2);
    }
}
