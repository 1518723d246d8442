package dev.trawl.decode.internal.link;

import static dev.trawl.decode.field.FieldType.BOOLEAN;
import static dev.trawl.decode.field.FieldType.HEX16;
import static dev.trawl.decode.field.FieldType.MAC;
import static dev.trawl.decode.field.FieldType.UINT;
import static dev.trawl.decode.internal.FieldSupport.bytesAt;
import static dev.trawl.decode.internal.FieldSupport.emitBytes;
import static dev.trawl.decode.internal.FieldSupport.has;
import static dev.trawl.decode.internal.FieldSupport.needs;
import static dev.trawl.decode.internal.FieldSupport.u16;
import static dev.trawl.decode.internal.FieldSupport.u8;

import dev.trawl.decode.field.FieldRegistrar;
import dev.trawl.pcap.LinkType;

/** Fields of the Ethernet header and of Linux cooked capture's, named as Wireshark names them. Stateless. */
public final class LinkFields {
    private LinkFields() {
    }

    private static final int LINUX_SLL = LinkType.LINUX_SLL.value();
    private static final int LINUX_SLL2 = LinkType.LINUX_SLL2.value();

    /** Registers the fields of {@code eth}. */
    public static void ethernet(FieldRegistrar r) {
        r.field("eth.dst", "eth", MAC, "Destination", needs(14, bytesAt(0, 6)));
        r.field("eth.src", "eth", MAC, "Source", needs(14, bytesAt(6, 6)));
        r.field("eth.addr", "eth", MAC, "Address (source or destination)", needs(14, (p, i, s) -> {
            emitBytes(p, i, 0, 6, s);
            emitBytes(p, i, 6, 6, s);
        }));
        // the individual/group and local/global bits of each address, the destination's before the source's
        r.field("eth.dst.lg", "eth", BOOLEAN, "LG bit", needs(14, (p, i, s) -> s.integer(u8(p, i, 0) >>> 1 & 1)));
        r.field("eth.dst.ig", "eth", BOOLEAN, "IG bit", needs(14, (p, i, s) -> s.integer(u8(p, i, 0) & 1)));
        r.field("eth.src.lg", "eth", BOOLEAN, "LG bit", needs(14, (p, i, s) -> s.integer(u8(p, i, 6) >>> 1 & 1)));
        r.field("eth.src.ig", "eth", BOOLEAN, "IG bit", needs(14, (p, i, s) -> s.integer(u8(p, i, 6) & 1)));
        r.field("eth.lg", "eth", BOOLEAN, "LG bit", needs(14, (p, i, s) -> {
            s.integer(u8(p, i, 0) >>> 1 & 1);
            s.integer(u8(p, i, 6) >>> 1 & 1);
        }));
        r.field("eth.ig", "eth", BOOLEAN, "IG bit", needs(14, (p, i, s) -> {
            s.integer(u8(p, i, 0) & 1);
            s.integer(u8(p, i, 6) & 1);
        }));
        r.field("eth.type", "eth", HEX16, "Type", (p, i, s) -> {
            if (has(p, i, 12, 2) && u16(p, i, 12) > EthernetDecoder.MAX_LENGTH) {
                s.integer(u16(p, i, 12));
            }
        });
        r.field("eth.len", "eth", UINT, "802.3 length", (p, i, s) -> {
            if (has(p, i, 12, 2) && u16(p, i, 12) <= EthernetDecoder.MAX_LENGTH) {
                s.integer(u16(p, i, 12));
            }
        });
    }

    /** Registers the fields of {@code sll}, versions 1 and 2. */
    public static void linuxCooked(FieldRegistrar r) {
        r.field("sll.pkttype", "sll", UINT, "Packet type", (p, i, s) -> {
            if (p.linkType() == LINUX_SLL && has(p, i, 0, 2)) {
                s.integer(u16(p, i, 0));
            } else if (p.linkType() == LINUX_SLL2 && has(p, i, 10, 1)) {
                s.integer(u8(p, i, 10));
            }
        });
        r.field("sll.etype", "sll", HEX16, "Protocol", (p, i, s) -> {
            int rel = p.linkType() == LINUX_SLL2 ? 0 : 14;
            if (has(p, i, rel, 2) && u16(p, i, rel) > EthernetDecoder.MAX_LENGTH) {
                s.integer(u16(p, i, rel));
            }
        });
    }
}
