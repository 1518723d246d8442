package dev.trawl.decode.internal.link;

import static dev.trawl.decode.field.FieldType.BOOLEAN;
import static dev.trawl.decode.field.FieldType.HEX16;
import static dev.trawl.decode.field.FieldType.HEX32;
import static dev.trawl.decode.field.FieldType.HEX8;
import static dev.trawl.decode.field.FieldType.MAC;
import static dev.trawl.decode.field.FieldType.UINT;
import static dev.trawl.decode.internal.FieldSupport.bits;
import static dev.trawl.decode.internal.FieldSupport.byteAt;
import static dev.trawl.decode.internal.FieldSupport.bytesAt;
import static dev.trawl.decode.internal.FieldSupport.emitBytes;
import static dev.trawl.decode.internal.FieldSupport.has;
import static dev.trawl.decode.internal.FieldSupport.needs;
import static dev.trawl.decode.internal.FieldSupport.u16;
import static dev.trawl.decode.internal.FieldSupport.u8;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.field.FieldExtractor;
import dev.trawl.decode.field.FieldRegistrar;
import dev.trawl.decode.field.FieldSink;
import dev.trawl.pcap.LinkType;

/**
 * Fields of the Ethernet header, of IEEE 802.2 LLC, of Linux cooked capture's and of Linux's vsock monitor header,
 * named as Wireshark names them. Stateless.
 */
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

    /** SNAP's organisation codes under which its protocol id is an EtherType, and Cisco's. */
    private static final int OUI_ETHERTYPE = 0x000000;
    private static final int OUI_BRIDGE_TUNNEL = 0x0000F8;
    private static final int OUI_CISCO = 0x00000C;

    /** Registers the fields of {@code llc}: the SAPs, the control field, and SNAP's code and protocol id. */
    public static void llc(FieldRegistrar r) {
        r.field("llc.dsap", "llc", HEX8, "DSAP", needs(3, byteAt(0)));
        r.field("llc.dsap.sap", "llc", UINT, "DSAP's SAP", needs(3, bits(0, 1, 0xFE, 1)));
        r.field("llc.dsap.ig", "llc", BOOLEAN, "DSAP's I/G bit", needs(3, bits(0, 1, 0x01, 0)));
        r.field("llc.ssap", "llc", HEX8, "SSAP", needs(3, byteAt(1)));
        r.field("llc.ssap.sap", "llc", UINT, "SSAP's SAP", needs(3, bits(1, 1, 0xFE, 1)));
        r.field("llc.ssap.cr", "llc", BOOLEAN, "SSAP's C/R bit", needs(3, bits(1, 1, 0x01, 0)));
        r.field("llc.control", "llc", HEX16, "Control field", (p, i, s) -> {
            if (has(p, i, 0, 3)) {
                int control = u8(p, i, 2);
                if ((control & 3) == 3) {
                    s.integer(control);
                } else if (has(p, i, 2, 2)) {
                    s.integer(u16(p, i, 2));
                }
            }
        });
        r.field("llc.control.ftype", "llc", HEX8, "Frame type", (p, i, s) -> {
            if (!has(p, i, 0, 3)) {
                return;
            }
            int control = u8(p, i, 2);
            if ((control & 3) == 3) {
                s.integer(3);
            } else if (has(p, i, 2, 2)) {
                // the type of an information or supervisory frame, part of a two-byte control field
                s.text((control & 1) == 0 ? "0x0000" : "0x0001");
            }
        });
        r.field("llc.control.u_modifier_cmd", "llc", HEX8, "Command", unnumbered(0));
        r.field("llc.control.u_modifier_resp", "llc", HEX8, "Response", unnumbered(1));
        r.field("llc.oui", "llc", UINT, "Organization code", snap((p, i, s, oui) -> s.integer(oui)));
        r.field("llc.type", "llc", HEX16, "Type", snap((p, i, s, oui) -> {
            if (oui == OUI_ETHERTYPE || oui == OUI_BRIDGE_TUNNEL) {
                s.integer(u16(p, i, 6));
            }
        }));
        r.field("llc.cisco_pid", "llc", HEX16, "PID", snap((p, i, s, oui) -> {
            if (oui == OUI_CISCO) {
                s.integer(u16(p, i, 6));
            }
        }));
    }

    /** The modifier of an unnumbered frame's control field, of a command (C/R clear) or a response. */
    private static FieldExtractor unnumbered(int response) {
        return (p, i, s) -> {
            if (has(p, i, 0, 3) && (u8(p, i, 2) & 3) == 3 && (u8(p, i, 1) & 1) == response) {
                s.integer((u8(p, i, 2) & 0xEC) >>> 2);
            }
        };
    }

    /** Receives a SNAP header's organisation code. */
    private interface SnapVisitor {
        void visit(DecodedPacket p, int i, FieldSink s, int oui);
    }

    /** An extractor of the SNAP header that follows SAPs 0xAA and an unnumbered control field. */
    private static FieldExtractor snap(SnapVisitor v) {
        return (p, i, s) -> {
            if (has(p, i, 0, 8) && u8(p, i, 0) == 0xAA && u8(p, i, 1) == 0xAA && (u8(p, i, 2) & 3) == 3) {
                v.visit(p, i, s, u8(p, i, 3) << 16 | u16(p, i, 4));
            }
        };
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

    /** Registers the fields of Linux's vsock monitor header and its virtio transport header, all little-endian. */
    public static void vsock(FieldRegistrar r) {
        leField(r, "vsock.src_cid", UINT, "Source cid", 0, 8);
        leField(r, "vsock.dst_cid", UINT, "Destination cid", 8, 8);
        leField(r, "vsock.src_port", UINT, "Source port", 16, 4);
        leField(r, "vsock.dst_port", UINT, "Destination port", 20, 4);
        leField(r, "vsock.op", UINT, "Operation", 24, 2);
        leField(r, "vsock.trans", UINT, "Transport", 26, 2);
        leField(r, "vsock.trans_len", UINT, "Transport length", 28, 2);
        virtioField(r, "vsock.virtio.src_cid", UINT, "Source cid", 0, 8);
        virtioField(r, "vsock.virtio.dst_cid", UINT, "Destination cid", 8, 8);
        virtioField(r, "vsock.virtio.src_prot", UINT, "Source port", 16, 4);
        virtioField(r, "vsock.virtio.dst_prot", UINT, "Destination port", 20, 4);
        virtioField(r, "vsock.virtio.len", UINT, "Length", 24, 4);
        virtioField(r, "vsock.virtio.type", UINT, "Type", 28, 2);
        virtioField(r, "vsock.virtio.op", UINT, "Operation", 30, 2);
        virtioField(r, "vsock.virtio.flags", HEX32, "Flags", 32, 4);
        virtioField(r, "vsock.virtio.buf_alloc", UINT, "Buf alloc", 36, 4);
        virtioField(r, "vsock.virtio.fwd_cnt", UINT, "Fwd cnt", 40, 4);
    }

    private static final int VSOCK_HEADER = 32;
    private static final int VSOCK_VIRTIO = 2;

    private static void leField(FieldRegistrar r, String name, dev.trawl.decode.field.FieldType type, String title,
            int rel, int size) {
        r.field(name, "vsock", type, title, (p, i, s) -> {
            if (has(p, i, rel, size)) {
                s.integer(littleEndian(p, i, rel, size));
            }
        });
    }

    /** A field of the virtio header, which follows the monitor header when its transport says virtio. */
    private static void virtioField(FieldRegistrar r, String name, dev.trawl.decode.field.FieldType type,
            String title, int rel, int size) {
        r.field(name, "vsock", type, title, (p, i, s) -> {
            if (has(p, i, 26, 2) && littleEndian(p, i, 26, 2) == VSOCK_VIRTIO
                    && has(p, i, VSOCK_HEADER + rel, size)) {
                s.integer(littleEndian(p, i, VSOCK_HEADER + rel, size));
            }
        });
    }

    private static long littleEndian(DecodedPacket p, int i, int rel, int size) {
        long v = 0;
        for (int k = size - 1; k >= 0; k--) {
            v = v << 8 | u8(p, i, rel + k);
        }
        return v;
    }
}
