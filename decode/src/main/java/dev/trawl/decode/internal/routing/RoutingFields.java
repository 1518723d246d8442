package dev.trawl.decode.internal.routing;

import static dev.trawl.decode.field.FieldType.HEX16;
import static dev.trawl.decode.field.FieldType.IPV4;
import static dev.trawl.decode.field.FieldType.IPV6;
import static dev.trawl.decode.field.FieldType.UINT;
import static dev.trawl.decode.internal.FieldSupport.bits;
import static dev.trawl.decode.internal.FieldSupport.byteAt;
import static dev.trawl.decode.internal.FieldSupport.emitBytes;
import static dev.trawl.decode.internal.FieldSupport.has;
import static dev.trawl.decode.internal.FieldSupport.shortAt;
import static dev.trawl.decode.internal.FieldSupport.u8;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.field.FieldExtractor;
import dev.trawl.decode.field.FieldRegistrar;

/** Fields of the routing and router redundancy protocols, named as Wireshark names them. Stateless. */
public final class RoutingFields {
    private RoutingFields() {
    }

    /** Registers the fields of {@code vrrp}. */
    public static void vrrp(FieldRegistrar r) {
        r.field("vrrp.version", "vrrp", UINT, "Protocol Version", bits(0, 1, 0xF0, 4));
        r.field("vrrp.type", "vrrp", UINT, "Packet type", bits(0, 1, 0x0F, 0));
        r.field("vrrp.virt_rtr_id", "vrrp", UINT, "Virtual Rtr ID", byteAt(1));
        r.field("vrrp.prio", "vrrp", UINT, "Priority", byteAt(2));
        r.field("vrrp.addr_count", "vrrp", UINT, "Addr Count", byteAt(3));
        r.field("vrrp.auth_type", "vrrp", UINT, "Auth Type", versionTwo(byteAt(4)));
        r.field("vrrp.adver_int", "vrrp", UINT, "Adver Int", versionTwo(byteAt(5)));
        r.field("vrrp.checksum", "vrrp", HEX16, "Checksum", shortAt(6));
        r.field("vrrp.ip_addr", "vrrp", IPV4, "IP Address", addresses(false));
        r.field("vrrp.ipv6_addr", "vrrp", IPV6, "IPv6 Address", addresses(true));
    }

    /** Fields that only version 2 has (version 3 puts the interval where they were). */
    private static FieldExtractor versionTwo(FieldExtractor e) {
        return (p, i, s) -> {
            if (has(p, i, 0, 1) && u8(p, i, 0) >>> 4 == 2) {
                e.extract(p, i, s);
            }
        };
    }

    /** The virtual addresses, IPv4 or IPv6 as the IP header that carries the message is. */
    private static FieldExtractor addresses(boolean v6) {
        return (p, i, s) -> {
            if (!has(p, i, 0, 4) || isIpv6(p, i) != v6) {
                return;
            }
            int size = v6 ? 16 : 4;
            int count = u8(p, i, 3);
            for (int k = 0; k < count && has(p, i, 8 + k * size, size); k++) {
                emitBytes(p, i, 8 + k * size, size, s);
            }
        };
    }

    private static boolean isIpv6(DecodedPacket p, int layer) {
        for (int j = layer - 1; j >= 0; j--) {
            int proto = p.protocol(j);
            if (proto == Protocols.IP) {
                return false;
            }
            if (proto == Protocols.IPV6) {
                return true;
            }
        }
        return false;
    }
}
