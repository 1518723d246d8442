package dev.trawl.decode.internal.network;

import static dev.trawl.decode.field.FieldType.BOOLEAN;
import static dev.trawl.decode.field.FieldType.HEX16;
import static dev.trawl.decode.field.FieldType.HEX24;
import static dev.trawl.decode.field.FieldType.HEX32;
import static dev.trawl.decode.field.FieldType.HEX8;
import static dev.trawl.decode.field.FieldType.IPV4;
import static dev.trawl.decode.field.FieldType.IPV6;
import static dev.trawl.decode.field.FieldType.UINT;
import static dev.trawl.decode.internal.FieldSupport.bits;
import static dev.trawl.decode.internal.FieldSupport.byteAt;
import static dev.trawl.decode.internal.FieldSupport.bytesAt;
import static dev.trawl.decode.internal.FieldSupport.emitBytes;
import static dev.trawl.decode.internal.FieldSupport.has;
import static dev.trawl.decode.internal.FieldSupport.intAt;
import static dev.trawl.decode.internal.FieldSupport.needs;
import static dev.trawl.decode.internal.FieldSupport.shortAt;
import static dev.trawl.decode.internal.FieldSupport.u16;
import static dev.trawl.decode.internal.FieldSupport.u8;
import static dev.trawl.decode.internal.FieldSupport.walkOptions;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.field.FieldExtractor;
import dev.trawl.decode.field.FieldRegistrar;
import dev.trawl.decode.internal.FieldSupport.OptionVisitor;

/** Fields of IPv4, IPv6 and its extension headers, AH and ESP, named as Wireshark names them. Stateless. */
public final class IpFields {
    private IpFields() {
    }

    /** Registers the fields of {@code ip}. */
    public static void ipv4(FieldRegistrar r) {
        r.field("ip.version", "ip", UINT, "Version", bits(0, 1, 0xF0, 4));
        r.field("ip.hdr_len", "ip", UINT, "Header length", (p, i, s) -> {
            if (validIp(p, i)) {
                s.integer((u8(p, i, 0) & 0x0F) * 4);
            }
        });
        r.field("ip.dsfield", "ip", HEX8, "Differentiated services field", valid(byteAt(1)));
        r.field("ip.dsfield.dscp", "ip", UINT, "DSCP", valid(bits(1, 1, 0xFC, 2)));
        r.field("ip.dsfield.ecn", "ip", UINT, "ECN", valid(bits(1, 1, 0x03, 0)));
        r.field("ip.len", "ip", UINT, "Total length", (p, i, s) -> {
            if (validIp(p, i) && has(p, i, 2, 2)) {
                int total = u16(p, i, 2);
                // A zero length (segmentation offload) is shown as the length the frame reports.
                s.integer(total != 0 ? total : p.originalLength() - (p.offset(i) - p.start()));
            }
        });
        r.field("ip.id", "ip", HEX16, "Identification", lengthValid(shortAt(4)));
        r.field("ip.flags", "ip", HEX8, "Flags (reserved, DF, MF)", lengthValid(needs(8, bits(6, 1, 0xE0, 5))));
        r.field("ip.flags.rb", "ip", BOOLEAN, "Reserved bit", lengthValid(needs(8, bits(6, 1, 0x80, 7))));
        r.field("ip.flags.df", "ip", BOOLEAN, "Don't fragment", lengthValid(needs(8, bits(6, 1, 0x40, 6))));
        r.field("ip.flags.mf", "ip", BOOLEAN, "More fragments", lengthValid(needs(8, bits(6, 1, 0x20, 5))));
        r.field("ip.frag_offset", "ip", UINT, "Fragment offset (8-byte units)", lengthValid(bits(6, 2, 0x1FFF, 0)));
        r.field("ip.ttl", "ip", UINT, "Time to live", lengthValid(byteAt(8)));
        r.field("ip.proto", "ip", UINT, "Protocol", lengthValid(byteAt(9)));
        r.field("ip.checksum", "ip", HEX16, "Header checksum", lengthValid(shortAt(10)));
        r.field("ip.checksum.status", "ip", UINT, "Checksum status (0 bad, 1 good, 2 unverified)",
                lengthValid(needs(20, (p, i, s) -> s.integer((p.flags(i) & LayerFlags.BAD_CHECKSUM) != 0 ? 0 : 2))));
        r.field("ip.src", "ip", IPV4, "Source address", lengthValid(bytesAt(12, 4)));
        r.field("ip.dst", "ip", IPV4, "Destination address", lengthValid(bytesAt(16, 4)));
        r.field("ip.addr", "ip", IPV4, "Source or destination address", lengthValid((p, i, s) -> {
            emitBytes(p, i, 12, 4, s);
            emitBytes(p, i, 16, 4, s);
        }));
        options(r);
    }

    /** Calls {@code visitor} with each option of a valid IPv4 header captured whole (tshark shows none of another). */
    private static FieldExtractor options(OptionVisitor visitor) {
        return lengthValid((p, i, s) -> {
            int hl = (u8(p, i, 0) & 0x0F) * 4;
            if (has(p, i, 0, hl)) {
                walkOptions(p, i, 20, hl, s, visitor);
            }
        });
    }

    private static void options(FieldRegistrar r) {
        r.field("ip.opt.type", "ip", UINT, "Option type", options((p, i, type, o, len, s) -> s.integer(type)));
        r.field("ip.opt.type.copy", "ip", BOOLEAN, "Option copied on fragmentation",
                options((p, i, type, o, len, s) -> s.integer(type >>> 7)));
        r.field("ip.opt.type.class", "ip", UINT, "Option class",
                options((p, i, type, o, len, s) -> s.integer(type >>> 5 & 3)));
        r.field("ip.opt.type.number", "ip", UINT, "Option number",
                options((p, i, type, o, len, s) -> s.integer(type & 0x1F)));
        r.field("ip.opt.len", "ip", UINT, "Option length", options((p, i, type, o, len, s) -> {
            if (type > 1) {
                s.integer(len);
            }
        }));
        r.field("ip.opt.ra", "ip", UINT, "Router alert", options((p, i, type, o, len, s) -> {
            if (type == 148 && len == 4) {
                s.integer(u16(p, i, o + 2));
            }
        }));
    }

    /** Whether layer {@code i} is a usable IPv4 header (Wireshark shows no fields of a bogus one). */
    private static boolean validIp(DecodedPacket p, int i) {
        if (!has(p, i, 0, 1)) {
            return false;
        }
        int vhl = u8(p, i, 0);
        return (vhl >>> 4) == 4 && (vhl & 0x0F) >= 5;
    }

    /**
     * A field tshark shows only after it has found the total length possible: none is shown when the total length
     * is below the header length (but 0, which segmentation offload leaves, is taken, except in a header an ICMP
     * error quotes).
     */
    private static FieldExtractor lengthValid(FieldExtractor e) {
        return (p, i, s) -> {
            if (validIp(p, i) && has(p, i, 2, 2)) {
                int total = u16(p, i, 2);
                if (total >= (u8(p, i, 0) & 0x0F) * 4 || total == 0 && (p.flags(i) & LayerFlags.QUOTED) == 0) {
                    e.extract(p, i, s);
                }
            }
        };
    }

    private static FieldExtractor valid(FieldExtractor e) {
        return (p, i, s) -> {
            if (validIp(p, i)) {
                e.extract(p, i, s);
            }
        };
    }

    /** Registers the fields of {@code ipv6}, its extension headers, AH and ESP. */
    public static void ipv6(FieldRegistrar r) {
        r.field("ipv6.version", "ipv6", UINT, "Version", bits(0, 1, 0xF0, 4));
        r.field("ipv6.tclass", "ipv6", HEX8, "Traffic class", bits(0, 2, 0x0FF0, 4));
        r.field("ipv6.flow", "ipv6", HEX24, "Flow label",
                bits(1, 3, 0x0FFFFF, 0));
        r.field("ipv6.plen", "ipv6", UINT, "Payload length", shortAt(4));
        r.field("ipv6.nxt", "ipv6", UINT, "Next header", byteAt(6));
        r.field("ipv6.hlim", "ipv6", UINT, "Hop limit", byteAt(7));
        r.field("ipv6.src", "ipv6", IPV6, "Source address", bytesAt(8, 16));
        r.field("ipv6.dst", "ipv6", IPV6, "Destination address", bytesAt(24, 16));
        r.field("ipv6.addr", "ipv6", IPV6, "Source or destination address", (p, i, s) -> {
            emitBytes(p, i, 8, 16, s);
            emitBytes(p, i, 24, 16, s);
        });
        r.field("ipv6.fragment.offset", "ipv6.fraghdr", UINT, "Fragment offset", bits(2, 2, 0xFFF8, 3));
        r.field("ipv6.fragment.more", "ipv6.fraghdr", BOOLEAN, "More fragments", bits(2, 2, 1, 0));
        r.field("ipv6.fragment.id", "ipv6.fraghdr", HEX32, "Identification",
                intAt(4));
        r.field("ipv6.routing.type", "ipv6.routing", UINT, "Routing type", byteAt(2));
        r.field("ipv6.routing.segleft", "ipv6.routing", UINT, "Segments left", byteAt(3));
        r.field("ah.spi", "ah", HEX32, "AH SPI", intAt(4));
        r.field("ah.sequence", "ah", UINT, "AH sequence", intAt(8));
        r.field("esp.spi", "esp", HEX32, "ESP SPI", intAt(0));
        r.field("esp.sequence", "esp", UINT, "ESP sequence", intAt(4));
    }
}
