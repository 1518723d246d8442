package dev.trawl.decode.internal.lan;

import static dev.trawl.decode.field.FieldType.HEX16;
import static dev.trawl.decode.field.FieldType.HEX8;
import static dev.trawl.decode.field.FieldType.MAC;
import static dev.trawl.decode.field.FieldType.UINT;
import static dev.trawl.decode.internal.FieldSupport.bits;
import static dev.trawl.decode.internal.FieldSupport.byteAt;
import static dev.trawl.decode.internal.FieldSupport.bytesAt;
import static dev.trawl.decode.internal.FieldSupport.intAt;
import static dev.trawl.decode.internal.FieldSupport.shortAt;

import dev.trawl.decode.field.FieldRegistrar;

/** Fields of the spanning tree protocol's BPDUs, named as Wireshark names them. Stateless. */
public final class BridgeFields {
    private BridgeFields() {
    }

    /** Registers the fields of {@code stp}: the common header, and the root and bridge of a configuration. */
    public static void stp(FieldRegistrar r) {
        r.field("stp.protocol", "stp", HEX16, "Protocol Identifier", shortAt(0));
        r.field("stp.version", "stp", UINT, "Protocol Version Identifier", byteAt(2));
        r.field("stp.type", "stp", HEX8, "BPDU Type", byteAt(3));
        r.field("stp.flags", "stp", HEX8, "BPDU flags", byteAt(4));
        bridge(r, "root", "Root", 5);
        r.field("stp.root.cost", "stp", UINT, "Root Path Cost", intAt(13));
        bridge(r, "bridge", "Bridge", 17);
        r.field("stp.port", "stp", HEX16, "Port identifier", shortAt(25));
    }

    /** Registers the header fields of {@code cdp}, {@code udld} and the slow protocols' subtype and LACP version. */
    public static void discovery(FieldRegistrar r) {
        r.field("cdp.version", "cdp", UINT, "Version", byteAt(0));
        r.field("cdp.ttl", "cdp", UINT, "TTL", byteAt(1));
        r.field("cdp.checksum", "cdp", HEX16, "Checksum", shortAt(2));
        r.field("udld.version", "udld", UINT, "Version", bits(0, 1, 0xE0, 5));
        r.field("udld.opcode", "udld", UINT, "Opcode", bits(0, 1, 0x1F, 0));
        r.field("udld.flags", "udld", UINT, "Flags", byteAt(1));
        r.field("udld.checksum", "udld", HEX16, "Checksum", shortAt(2));
        r.field("slow.subtype", "slow", HEX8, "Slow Protocols subtype", byteAt(0));
    }

    /** A bridge id's fields: the priority (top 4 bits, in steps of 4096), the system id extension, the MAC. */
    private static void bridge(FieldRegistrar r, String name, String title, int rel) {
        r.field("stp." + name + ".prio", "stp", UINT, title + " Bridge Priority", bits(rel, 2, 0xF000, 0));
        r.field("stp." + name + ".ext", "stp", UINT, title + " Bridge System ID Extension",
                bits(rel, 2, 0x0FFF, 0));
        r.field("stp." + name + ".hw", "stp", MAC, title + " Bridge System ID", bytesAt(rel + 2, 6));
    }
}
