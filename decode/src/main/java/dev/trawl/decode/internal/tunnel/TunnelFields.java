package dev.trawl.decode.internal.tunnel;

import static dev.trawl.decode.field.FieldType.HEX16;
import static dev.trawl.decode.field.FieldType.HEX24;
import static dev.trawl.decode.field.FieldType.HEX32;
import static dev.trawl.decode.field.FieldType.UINT;
import static dev.trawl.decode.internal.FieldSupport.bits;
import static dev.trawl.decode.internal.FieldSupport.has;
import static dev.trawl.decode.internal.FieldSupport.shortAt;
import static dev.trawl.decode.internal.FieldSupport.u16;
import static dev.trawl.decode.internal.FieldSupport.u32;
import static dev.trawl.decode.internal.FieldSupport.u8;

import dev.trawl.decode.field.FieldRegistrar;

/** Fields of MPLS, GRE, VXLAN and GENEVE, named as Wireshark names them. Stateless. */
public final class TunnelFields {
    private TunnelFields() {
    }

    /** Registers the fields of {@code mpls}. */
    public static void mpls(FieldRegistrar r) {
        r.field("mpls.label", "mpls", UINT, "MPLS label", (p, i, s) -> {
            for (int rel = 0; rel < p.headerLength(i) && has(p, i, rel, 4); rel += 4) {
                s.integer(u32(p, i, rel) >>> 12);
            }
        });
        r.field("mpls.ttl", "mpls", UINT, "MPLS TTL", (p, i, s) -> {
            for (int rel = 0; rel < p.headerLength(i) && has(p, i, rel, 4); rel += 4) {
                s.integer(u8(p, i, rel + 3));
            }
        });
    }

    /** Registers the fields of {@code gre}, {@code vxlan} and {@code geneve}. */
    public static void register(FieldRegistrar r) {
        r.field("gre.flags_and_version", "gre", HEX16, "Flags and version", shortAt(0));
        r.field("gre.proto", "gre", HEX16, "Protocol type", shortAt(2));
        r.field("gre.key", "gre", HEX32, "Key", (p, i, s) -> {
            if (!has(p, i, 0, 4)) {
                return;
            }
            int fv = u16(p, i, 0);
            // Enhanced GRE (version 1, PPTP) puts a payload length and call id where the key would be.
            if ((fv & GreDecoder.KEY) != 0 && (fv & 7) == 0) {
                int rel = 4 + ((fv & (GreDecoder.CHECKSUM | GreDecoder.ROUTING)) != 0 ? 4 : 0);
                if (has(p, i, rel, 4)) {
                    s.integer(u32(p, i, rel));
                }
            }
        });
        r.field("gre.call_id", "gre", UINT, "Call ID (enhanced GRE)", (p, i, s) -> {
            if (has(p, i, 0, 8) && (u16(p, i, 0) & 7) == 1 && (u16(p, i, 0) & GreDecoder.KEY) != 0) {
                s.integer(u16(p, i, 6));
            }
        });
        r.field("gre.sequence_number", "gre", UINT, "Sequence number", (p, i, s) -> {
            if (!has(p, i, 0, 4)) {
                return;
            }
            int fv = u16(p, i, 0);
            if ((fv & GreDecoder.SEQUENCE) != 0) {
                int rel = 4 + ((fv & (GreDecoder.CHECKSUM | GreDecoder.ROUTING)) != 0 ? 4 : 0)
                        + ((fv & GreDecoder.KEY) != 0 ? 4 : 0);
                if (has(p, i, rel, 4)) {
                    s.integer(u32(p, i, rel));
                }
            }
        });
        r.field("vxlan.flags", "vxlan", HEX16, "Flags", shortAt(0));
        r.field("vxlan.vni", "vxlan", UINT, "VXLAN network identifier", bits(4, 4, 0xFFFFFF00L, 8));
        r.field("geneve.vni", "geneve", HEX24, "Virtual network identifier",
                bits(4, 4, 0xFFFFFF00L, 8));
        r.field("geneve.proto_type", "geneve", HEX16, "Protocol type", shortAt(2));
    }
}
