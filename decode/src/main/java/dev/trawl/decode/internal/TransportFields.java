package dev.trawl.decode.internal;

import static dev.trawl.decode.field.FieldType.HEX16;
import static dev.trawl.decode.field.FieldType.HEX32;
import static dev.trawl.decode.field.FieldType.UINT;
import static dev.trawl.decode.internal.FieldSupport.bits;
import static dev.trawl.decode.internal.FieldSupport.has;
import static dev.trawl.decode.internal.FieldSupport.shortAt;
import static dev.trawl.decode.internal.FieldSupport.u16;
import static dev.trawl.decode.internal.FieldSupport.u32;

import dev.trawl.decode.field.FieldRegistrar;
import dev.trawl.decode.internal.network.IcmpFields;
import dev.trawl.decode.internal.transport.DatagramFields;
import dev.trawl.decode.internal.transport.TcpFields;

/** Fields of ICMP, ICMPv6, IGMP, TCP, UDP, SCTP and the tunnel headers. */
final class TransportFields {
    private TransportFields() {
    }

    static void register(FieldRegistrar r) {
        IcmpFields.register(r);
        TcpFields.register(r);
        DatagramFields.udp(r);
        DatagramFields.sctp(r);
        tunnels(r);
    }

    private static void tunnels(FieldRegistrar r) {
        r.field("gre.flags_and_version", "gre", HEX16, "Flags and version", shortAt(0));
        r.field("gre.proto", "gre", HEX16, "Protocol type", shortAt(2));
        r.field("gre.key", "gre", HEX32, "Key", (p, i, s) -> {
            if (!has(p, i, 0, 4)) {
                return;
            }
            int fv = u16(p, i, 0);
            // Enhanced GRE (version 1, PPTP) puts a payload length and call id where the key would be.
            if ((fv & Tunnels.GRE_KEY) != 0 && (fv & 7) == 0) {
                int rel = 4 + ((fv & (Tunnels.GRE_CHECKSUM | Tunnels.GRE_ROUTING)) != 0 ? 4 : 0);
                if (has(p, i, rel, 4)) {
                    s.integer(u32(p, i, rel));
                }
            }
        });
        r.field("gre.call_id", "gre", UINT, "Call ID (enhanced GRE)", (p, i, s) -> {
            if (has(p, i, 0, 8) && (u16(p, i, 0) & 7) == 1 && (u16(p, i, 0) & Tunnels.GRE_KEY) != 0) {
                s.integer(u16(p, i, 6));
            }
        });
        r.field("gre.sequence_number", "gre", UINT, "Sequence number", (p, i, s) -> {
            if (!has(p, i, 0, 4)) {
                return;
            }
            int fv = u16(p, i, 0);
            if ((fv & Tunnels.GRE_SEQUENCE) != 0) {
                int rel = 4 + ((fv & (Tunnels.GRE_CHECKSUM | Tunnels.GRE_ROUTING)) != 0 ? 4 : 0)
                        + ((fv & Tunnels.GRE_KEY) != 0 ? 4 : 0);
                if (has(p, i, rel, 4)) {
                    s.integer(u32(p, i, rel));
                }
            }
        });
        r.field("vxlan.flags", "vxlan", HEX16, "Flags", shortAt(0));
        r.field("vxlan.vni", "vxlan", UINT, "VXLAN network identifier", bits(4, 4, 0xFFFFFF00L, 8));
        r.field("geneve.vni", "geneve", dev.trawl.decode.field.FieldType.HEX24, "Virtual network identifier",
                bits(4, 4, 0xFFFFFF00L, 8));
        r.field("geneve.proto_type", "geneve", HEX16, "Protocol type", shortAt(2));
    }
}
