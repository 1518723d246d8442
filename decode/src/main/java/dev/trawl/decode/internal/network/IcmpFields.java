package dev.trawl.decode.internal.network;

import static dev.trawl.decode.field.FieldType.HEX16;
import static dev.trawl.decode.field.FieldType.HEX8;
import static dev.trawl.decode.field.FieldType.IPV4;
import static dev.trawl.decode.field.FieldType.IPV6;
import static dev.trawl.decode.field.FieldType.UINT;
import static dev.trawl.decode.internal.FieldSupport.byteAt;
import static dev.trawl.decode.internal.FieldSupport.emitBytes;
import static dev.trawl.decode.internal.FieldSupport.has;
import static dev.trawl.decode.internal.FieldSupport.needs;
import static dev.trawl.decode.internal.FieldSupport.shortAt;
import static dev.trawl.decode.internal.FieldSupport.u16;
import static dev.trawl.decode.internal.FieldSupport.u8;

import dev.trawl.decode.field.FieldExtractor;
import dev.trawl.decode.field.FieldRegistrar;

/** Fields of ICMP, ICMPv6 and IGMP, named as Wireshark names them. Stateless. */
public final class IcmpFields {
    private IcmpFields() {
    }

    /** The ICMP header bytes tshark reads before it shows the type and code. */
    private static final int ICMP_FIXED = 6;

    /** Registers the fields of {@code icmp}, {@code icmpv6} and {@code igmp}. */
    public static void register(FieldRegistrar r) {
        r.field("icmp.type", "icmp", UINT, "Type", needs(ICMP_FIXED, byteAt(0)));
        r.field("icmp.code", "icmp", UINT, "Code", needs(ICMP_FIXED, byteAt(1)));
        r.field("icmp.checksum", "icmp", HEX16, "Checksum", shortAt(2));
        r.field("icmp.ident", "icmp", UINT, "Identifier (echo, timestamp, information, mask, extended echo)",
                typed(IDENTIFIED | 1L << 42 | 1L << 43, shortAt(4)));
        r.field("icmp.seq", "icmp", UINT, "Sequence number (echo, timestamp, information, mask)",
                typed(IDENTIFIED, shortAt(6)));
        r.field("icmp.mtu", "icmp", UINT, "MTU of next hop", (p, i, s) -> {
            if (has(p, i, 6, 2) && u8(p, i, 0) == 3 && u8(p, i, 1) == 4) {
                s.integer(u16(p, i, 6));
            }
        });
        r.field("icmpv6.type", "icmpv6", UINT, "Type", byteAt(0));
        r.field("icmpv6.code", "icmpv6", UINT, "Code", byteAt(1));
        r.field("icmpv6.checksum", "icmpv6", HEX16, "Checksum", shortAt(2));
        r.field("icmpv6.echo.identifier", "icmpv6", HEX16, "Identifier", echo6(shortAt(4)));
        r.field("icmpv6.echo.sequence_number", "icmpv6", UINT, "Sequence", echo6(shortAt(6)));
        r.field("icmpv6.nd.ns.target_address", "icmpv6", IPV6,
                "Neighbour solicitation target", ndTarget(135));
        r.field("icmpv6.nd.na.target_address", "icmpv6", IPV6,
                "Neighbour advertisement target", ndTarget(136));
        r.field("igmp.type", "igmp", HEX8, "Type", byteAt(0));
        r.field("igmp.maddr", "igmp", IPV4, "Multicast address",
                (p, i, s) -> {
                    int type = has(p, i, 0, 1) ? u8(p, i, 0) : 0;
                    if (type != 0x22) {
                        emitBytes(p, i, 4, 4, s);
                    }
                });
    }

    /** The types whose messages carry an identifier and a sequence number: echo, timestamp, information, mask. */
    private static final long IDENTIFIED = 1L | 1L << 8 | 1L << 13 | 1L << 14 | 1L << 15 | 1L << 16 | 1L << 17 | 1L << 18;

    /** An extractor for messages of the types in {@code types} (a bit per type below 64). */
    private static FieldExtractor typed(long types, FieldExtractor inner) {
        return (p, i, s) -> {
            if (has(p, i, 0, 1) && u8(p, i, 0) < 64 && (types >>> u8(p, i, 0) & 1) != 0) {
                inner.extract(p, i, s);
            }
        };
    }

    private static FieldExtractor echo6(FieldExtractor inner) {
        return (p, i, s) -> {
            if (has(p, i, 0, 1) && (u8(p, i, 0) == 128 || u8(p, i, 0) == 129)) {
                inner.extract(p, i, s);
            }
        };
    }

    private static FieldExtractor ndTarget(int type) {
        return (p, i, s) -> {
            if (has(p, i, 0, 1) && u8(p, i, 0) == type) {
                emitBytes(p, i, 8, 16, s);
            }
        };
    }
}
