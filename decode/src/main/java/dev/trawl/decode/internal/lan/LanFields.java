package dev.trawl.decode.internal.lan;

import static dev.trawl.decode.field.FieldType.BOOLEAN;
import static dev.trawl.decode.field.FieldType.HEX16;
import static dev.trawl.decode.field.FieldType.HEX8;
import static dev.trawl.decode.field.FieldType.IPV4;
import static dev.trawl.decode.field.FieldType.MAC;
import static dev.trawl.decode.field.FieldType.UINT;
import static dev.trawl.decode.internal.FieldSupport.bits;
import static dev.trawl.decode.internal.FieldSupport.byteAt;
import static dev.trawl.decode.internal.FieldSupport.emitBytes;
import static dev.trawl.decode.internal.FieldSupport.has;
import static dev.trawl.decode.internal.FieldSupport.shortAt;
import static dev.trawl.decode.internal.FieldSupport.u16;
import static dev.trawl.decode.internal.FieldSupport.u32;
import static dev.trawl.decode.internal.FieldSupport.u8;

import dev.trawl.decode.field.FieldExtractor;
import dev.trawl.decode.field.FieldRegistrar;
import dev.trawl.decode.internal.link.EthernetDecoder;

/** Fields of VLAN tags, ARP and PPPoE, named as Wireshark names them. Stateless. */
public final class LanFields {
    private LanFields() {
    }

    /** Registers the fields of {@code vlan} and {@code ieee8021ad}. */
    public static void vlanTags(FieldRegistrar r) {
        r.field("vlan.priority", "vlan", UINT, "Priority", bits(0, 2, 0xE000, 13));
        r.field("vlan.dei", "vlan", BOOLEAN, "DEI", bits(0, 2, 0x1000, 12));
        r.field("vlan.id", "vlan", UINT, "ID", bits(0, 2, 0x0FFF, 0));
        r.field("vlan.etype", "vlan", HEX16, "Type", (p, i, s) -> {
            if (has(p, i, 2, 2) && u16(p, i, 2) > EthernetDecoder.MAX_LENGTH) {
                s.integer(u16(p, i, 2));
            }
        });
        r.field("ieee8021ad.id", "ieee8021ad", UINT, "ID", bits(0, 2, 0x0FFF, 0));
        r.field("ieee8021ad.priority", "ieee8021ad", UINT, "Priority", bits(0, 2, 0xE000, 13));
    }

    /** Registers the fields of {@code arp}. */
    public static void arp(FieldRegistrar r) {
        r.field("arp.hw.type", "arp", UINT, "Hardware type", shortAt(0));
        r.field("arp.proto.type", "arp", HEX16, "Protocol type", shortAt(2));
        r.field("arp.hw.size", "arp", UINT, "Hardware size", byteAt(4));
        r.field("arp.proto.size", "arp", UINT, "Protocol size", byteAt(5));
        r.field("arp.opcode", "arp", UINT, "Opcode", shortAt(6));
        r.field("arp.src.hw_mac", "arp", MAC, "Sender MAC address", arpAddress(0, true));
        r.field("arp.src.proto_ipv4", "arp", IPV4, "Sender IP address", arpAddress(0, false));
        r.field("arp.dst.hw_mac", "arp", MAC, "Target MAC address", arpAddress(1, true));
        r.field("arp.dst.proto_ipv4", "arp", IPV4, "Target IP address", arpAddress(1, false));
        r.field("arp.isgratuitous", "arp", BOOLEAN, "Is gratuitous (a request or reply for the sender's own address; shown only then)", (p, i, s) -> {
            if (has(p, i, 0, 8) && u8(p, i, 5) == 4 && (u16(p, i, 6) == 1 || u16(p, i, 6) == 2)) {
                int hs = u8(p, i, 4);
                int type = u16(p, i, 2);
                if ((type == PROTO_IPV4 || type == PROTO_AX25_IP) && has(p, i, 0, 16 + 2 * hs)
                        && u32(p, i, 8 + hs) == u32(p, i, 12 + 2 * hs)) {
                    s.integer(1); // the sender announces its own address
                }
            }
        });
    }

    private static final int HW_ETHERNET = 1;
    private static final int HW_IEEE802 = 6;
    private static final int PROTO_IPV4 = 0x0800;
    private static final int PROTO_AX25_IP = 0xCC;

    /** The sender's ({@code which} 0) or target's (1) MAC or IPv4 address, when ARP carries those. */
    private static FieldExtractor arpAddress(int which, boolean hardware) {
        return (p, i, s) -> {
            if (!has(p, i, 0, 8)) {
                return;
            }
            int hs = u8(p, i, 4);
            int ps = u8(p, i, 5);
            int type = u16(p, i, hardware ? 0 : 2);
            // Wireshark reads a MAC for Ethernet and IEEE 802 hardware only, an IPv4 address for IP and AX.25's
            // IP protocol id only (arp.dst.hw and the like hold the others' bytes)
            if (hardware ? hs != 6 || type != HW_ETHERNET && type != HW_IEEE802
                    : ps != 4 || type != PROTO_IPV4 && type != PROTO_AX25_IP) {
                return;
            }
            if (!has(p, i, 0, 8 + 2 * (hs + ps))) {
                return; // Wireshark reads no address of a message whose addresses go past its end
            }
            int rel = 8 + which * (hs + ps) + (hardware ? 0 : hs);
            emitBytes(p, i, rel, hardware ? hs : ps, s);
        };
    }

    /** Registers the fields of {@code pppoes} and {@code pppoed}. */
    public static void pppoe(FieldRegistrar r) {
        r.field("pppoe.session_id", "pppoes", HEX16, "Session ID", shortAt(2));
        r.field("pppoe.code", "pppoed", HEX8, "Code", byteAt(1));
    }
}
