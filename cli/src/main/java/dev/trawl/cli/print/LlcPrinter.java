package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Ethernet;
import dev.trawl.decode.layer.Llc;
import dev.trawl.decode.layer.Vlan;

/**
 * IEEE 802.2 LLC and SNAP as tcpdump prints them. With {@code -e} the header shows as {@code LLC, dsap STP (0x42)
 * Individual, ssap STP (0x42) Command, ctrl 0x03: } and a SNAP header as {@code oui Cisco (0x00000c), pid PVST
 * (0x010b), length 42: }; without it only what the frame carries is printed, or, for a SAP no printer knows,
 * tcpdump's summary of the frame ({@code Unnumbered, xid, Flags [Poll], length 20}). Not thread-safe.
 */
final class LlcPrinter implements LayerPrinter {
    /** The link type whose frames may carry a Fore 802.6 MAC header before the LLC header. */
    private static final int ATM_RFC1483 = 100;
    private static final int ATM_MAC_HEADER = 20;
    /** The XID command (poll bit clear), and the format identifier of a basic XID information field. */
    private static final int XID = 0xAF;
    private static final int XID_FORMAT = 0x81;
    private static final int CONTROL_UI = 0x03;
    private static final int SAP_NETBEUI = 0xF0;
    private final Llc llc = new Llc();
    private final Llc atmLlc = new Llc();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Llc h = llc.wrap(p.buffer(), p.offset(layer), p.layerEnd(layer) - p.offset(layer));
        int length = frameLength(c, layer);
        if (!h.has(0, 3)) {
            c.truncated("llc");
            return;
        }
        int hl = h.headerLength();
        int below = c.below(layer);
        if (below >= 0 && (p.protocol(below) == Protocols.ETH || p.protocol(below) == Protocols.VLAN
                || p.protocol(below) == Protocols.IEEE8021AD) || below < 0 && p.linkType() == ATM_RFC1483) {
            // tcpdump counts an 802.3 (or ATM) frame's LLC and SNAP header in the link header that -x skips
            c.linkHeaderEnd(h.offset() + (h.isSnap() && h.has(hl, 5) ? hl + 5 : hl));
        }
        if (below < 0 && p.linkType() == ATM_RFC1483 && !routedAtmHeader(h)) {
            atmMacHeader(c, h.offset(), length);
            return;
        }
        header(c, h, hl);
        length -= hl;
        if (h.isSnap()) {
            snap(c, layer, h, length - 5);
            return;
        }
        int next = c.after(layer);
        // tcpdump hands on only unnumbered information frames (any unnumbered frame on NetBEUI's SAP)
        boolean handsOn = h.control() == CONTROL_UI || h.isUnnumbered() && (h.dsapField() & 0xFE) == SAP_NETBEUI;
        if (handsOn && next >= 0 && p.protocol(next) != Protocols.DATA && c.print(next)) {
            return;
        }
        summary(c, h, length, c.below(layer));
    }

    /**
     * Whether an ATM frame starts with one of the three LLC headers tcpdump takes as such (SNAP, OSI or IP
     * unnumbered information); any other it takes for a 20-byte 802.6 MAC header in front of the LLC header.
     */
    private static boolean routedAtmHeader(Llc h) {
        int first = h.u24At(0);
        return first == 0xAAAA03 || first == 0xFEFE03 || first == 0x060603;
    }

    /** tcpdump's reading of an ATM frame with a Fore 802.6 MAC header: with -e its first 16 bytes, then the LLC. */
    private void atmMacHeader(PrintContext c, int start, int length) {
        Out out = c.out();
        DecodedPacket p = c.packet();
        Llc h = atmLlc.wrap(p.buffer(), start, p.end() - start);
        if (c.linkHeader()) {
            if (!h.has(0, 16)) {
                c.truncatedRead("atm");
                return;
            }
            out.hex((int) h.u32At(0), 8).hex((int) h.u32At(4), 8).ch(' ').hex((int) h.u32At(8), 8)
                    .hex((int) h.u32At(12), 8).ch(' ');
        }
        if (!h.has(0, ATM_MAC_HEADER)) {
            c.truncatedRead("atm");
            return;
        }
        int from = start + ATM_MAC_HEADER;
        Llc inner = atmLlc.wrap(p.buffer(), from, p.end() - from);
        length -= ATM_MAC_HEADER;
        if (!inner.has(0, 3) || !inner.isUnnumbered() && !inner.has(0, 4)) {
            c.truncated("llc");
            return;
        }
        int hl = inner.headerLength();
        c.linkHeaderEnd(from + hl);
        header(c, inner, hl);
        summary(c, inner, length - hl, -1);
    }

    /** With {@code -e}, the LLC header: {@code LLC, dsap STP (0x42) Individual, ssap ... Command, ctrl 0x03: }. */
    private static void header(PrintContext c, Llc h, int hl) {
        Out out = c.out();
        int dsap = h.dsapField() & 0xFE;
        int ssap = h.ssapField() & 0xFE;
        if (c.linkHeader()) {
            out.ascii("LLC, dsap ").ascii(sapName(dsap, "Unknown")).ascii(" (0x").hex2(dsap).ascii(") ")
                    .ascii((h.dsapField() & 1) == 0 ? "Individual" : "Group").ascii(", ssap ")
                    .ascii(sapName(ssap, "Unknown")).ascii(" (0x").hex2(ssap).ascii(") ")
                    .ascii((h.ssapField() & 1) == 0 ? "Command" : "Response");
            if (hl == 3) {
                out.ascii(", ctrl 0x").hex2(h.control()).ascii(": ");
            } else {
                out.ascii(", ctrl 0x").hex(h.control16(), 4).ascii(": ");
            }
        }
    }

    /**
     * tcpdump's summary of a frame on a SAP nothing decodes: without {@code -e} the link addresses and SAP names,
     * then the frame's kind and fields ({@code Unnumbered, xid, Flags [Poll], length 20}); {@code length} counts
     * the bytes after the LLC header, {@code link} is the link layer below or -1.
     */
    private static void summary(PrintContext c, Llc h, int length, int link) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        int hl = h.headerLength();
        int dsap = h.dsapField() & 0xFE;
        int ssap = h.ssapField() & 0xFE;
        if (!c.linkHeader()) {
            if (ssap == dsap) {
                addresses(c, link);
                out.ascii(sapName(dsap, null));
                out.ch(' ');
            } else if (link >= 0 && p.protocol(link) == Protocols.ETH) {
                // each address followed by its SAP's name
                Ethernet e = p.ethernet(link);
                c.mac(e.source());
                out.ch(' ').ascii(sapName(ssap, "Unknown SSAP 0x" + hex2(ssap))).ascii(" > ");
                c.mac(e.destination());
                out.ch(' ').ascii(sapName(dsap, null)).ch(' ');
            } else {
                out.ascii(sapName(ssap, "Unknown SSAP 0x" + hex2(ssap))).ascii(" > ").ascii(sapName(dsap, null)).ch(' ');
            }
        }
        int total = Math.max(0, length) + hl;
        // what was captured of the frame, LLC header included, up to what its length says
        int captured = Math.max(0, Math.min(p.end(), h.offset() + total) - h.offset());
        if (hl == 3) {
            int control = h.control();
            out.ascii("Unnumbered, ").ascii(command(control & 0xEF)).ascii(", Flags [")
                    .ascii(flag((h.ssapField() & 1) | (control & 0x10))).ascii("], length ").num(total);
            if ((control & 0xEF) == XID) {
                if (length <= 0) {
                    return; // an XID without an information field, SNA's short form
                }
                if (captured <= hl) {
                    c.truncated("llc");
                    return;
                }
                if (p.buffer().get(h.offset() + hl) == (byte) XID_FORMAT) {
                    if (captured < hl + 3 || length < 3) {
                        c.truncated("llc");
                        c.rawDump(h.offset() + hl, h.offset() + captured);
                    } else {
                        out.ascii(": ").hex2(p.buffer().get(h.offset() + hl + 1)).ch(' ')
                                .hex2(p.buffer().get(h.offset() + hl + 2));
                    }
                    return;
                }
            }
        } else {
            int control = h.control16();
            if ((control & 1) == 0) {
                out.ascii("Information, send seq ").num((control >>> 1) & 0x7F);
            } else {
                out.ascii("Supervisory, ").ascii(switch ((control >>> 2) & 3) {
                    case 0 -> "Receiver Ready";
                    case 1 -> "Receiver not Ready";
                    case 2 -> "Reject";
                    default -> "?";
                });
            }
            out.ascii(", rcv seq ").num((control >>> 9) & 0x7F).ascii(", Flags [")
                    .ascii(flag((h.ssapField() & 1) | (control & 0x100))).ascii("], length ").num(total);
            if ((control & 1) != 0) {
                return; // a supervisory frame carries nothing
            }
        }
        // tcpdump cannot name what the frame carries: it dumps the frame from its LLC header on
        c.rawDump(h.offset(), h.offset() + captured);
    }

    private void snap(PrintContext c, int layer, Llc h, int length) {
        Out out = c.out();
        if (!h.has(3, 5)) {
            c.truncated("snap");
            return;
        }
        int oui = h.oui();
        int pid = h.protocolId();
        if (c.linkHeader()) {
            out.ascii("oui ").ascii(ouiName(oui)).ascii(" (0x").hex(oui, 6).ascii("), ")
                    .ascii(oui == 0 ? "ethertype " : "pid ").ascii(pidName(oui, pid)).ascii(" (0x").hex(pid, 4)
                    .ascii("), length ").num(Math.max(0, length)).ascii(": ");
        }
        if (!c.next(layer)) {
            if (!c.linkHeader()) {
                addresses(c, c.below(layer));
                out.ascii("SNAP, oui ").ascii(ouiName(oui)).ascii(" (0x").hex(oui, 6).ascii("), ")
                        .ascii(oui == 0 ? "ethertype " : "pid ").ascii(pidName(oui, pid)).ascii(" (0x").hex(pid, 4)
                        .ascii("), length ").num(Math.max(0, length));
            }
            if (pidName(oui, pid).equals("Unknown")) {
                // a payload tcpdump cannot name either: the frame from the LLC header on, as raw data, up to the
                // 802.3 length (not into the padding after it)
                if (!c.linkHeader()) {
                    out.ascii(": ");
                }
                int end = h.offset() + h.headerLength() + 5 + Math.max(0, length); // length counts after SNAP
                c.rawDump(h.offset(), Math.min(c.packet().end(), end));
            }
        }
    }

    /**
     * The length tcpdump gives layer {@code layer} (LLC or what it carries): up to the end of the payload that
     * the 802.3 length field of the link header below states, else up to the end of the frame on the wire.
     */
    static int frameLength(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        for (int i = layer - 1; i >= 0; i--) {
            int proto = p.protocol(i);
            if (proto == Protocols.ETH) {
                Ethernet e = p.ethernet(i);
                if (!e.isEthernetII()) {
                    return Math.min(c.wireLength(layer),
                            e.offset() + Ethernet.HEADER_LENGTH + e.typeOrLength() - p.offset(layer));
                }
                break;
            }
            if (proto == Protocols.VLAN || proto == Protocols.IEEE8021AD) {
                Vlan v = p.vlan(i);
                if (v.etherType() <= 1500) {
                    return v.offset() + Vlan.HEADER_LENGTH + v.etherType() - p.offset(layer);
                }
                break;
            }
        }
        return c.wireLength(layer);
    }

    /** {@code src > dst }, when the layer below is Ethernet (tcpdump prints them for frames it cannot name). */
    private static void addresses(PrintContext c, int link) {
        if (link >= 0 && c.packet().protocol(link) == Protocols.ETH) {
            Ethernet e = c.packet().ethernet(link);
            c.mac(e.source());
            c.out().ascii(" > ");
            c.mac(e.destination());
            c.out().ch(' ');
        }
    }

    private static String sapName(int sap, String unknown) {
        return switch (sap) {
            case 0x00 -> "Null";
            case 0xFE -> "OSI";
            case 0x02 -> "802.1B I";
            case 0x03 -> "802.1B G";
            case 0x06 -> "IP";
            case 0x04 -> "SNA";
            case 0x0E -> "ProWay NM";
            case 0x42 -> "STP";
            case 0x4E -> "RS511";
            case 0x7E -> "ISO8208";
            case 0x8E -> "ProWay";
            case 0xAA -> "SNAP";
            case 0xE0 -> "IPX";
            case 0xF0 -> "NetBeui";
            case 0xFF -> "Global";
            default -> unknown != null ? unknown : "Unknown DSAP 0x" + hex2(sap);
        };
    }

    private static String hex2(int v) {
        return (v < 16 ? "0" : "") + Integer.toHexString(v);
    }

    private static String command(int cmd) {
        return switch (cmd) {
            case 0x03 -> "ui";
            case 0xE3 -> "test";
            case 0xAF -> "xid";
            case 0x63 -> "ua";
            case 0x43 -> "disc";
            case 0x0F -> "dm";
            case 0x6F -> "sabme";
            case 0x87 -> "frmr";
            default -> hex2(cmd);
        };
    }

    private static String flag(int f) {
        return switch (f) {
            case 0 -> "Command";
            case 1 -> "Response";
            case 0x10 -> "Poll";
            case 0x11 -> "Final";
            case 0x100 -> "Poll";
            case 0x101 -> "Final";
            default -> "?";
        };
    }

    static String ouiName(int oui) {
        return switch (oui) {
            case 0x000000 -> "Ethernet";
            case 0x00000C -> "Cisco";
            case 0x00005E -> "IANA";
            case 0x000081 -> "Nortel Networks SONMP";
            case 0x0000F8 -> "Cisco bridged";
            case 0x0080C2 -> "Ethernet bridged";
            case 0x00A03E -> "ATM Forum";
            case 0x00E02F -> "DOCSIS Spanning Tree";
            case 0x080007 -> "Appletalk";
            case 0x009069 -> "Juniper";
            case 0x080009 -> "Hewlett-Packard";
            case 0x00120F -> "IEEE 802.3 Private";
            default -> "Unknown";
        };
    }

    /** The name of a SNAP protocol id under {@code oui}, as tcpdump's tables give it. */
    private static String pidName(int oui, int pid) {
        if (oui == 0x000000 || oui == 0x0000F8) {
            return Names.etherType(pid);
        }
        if (oui == 0x00000C) {
            return switch (pid) {
                case 0x2000 -> "CDP";
                case 0x2001 -> "CGMP";
                case 0x2003 -> "VTP";
                case 0x2004 -> "DTP";
                case 0x0111 -> "UDLD";
                case 0x010B -> "PVST";
                default -> "Unknown";
            };
        }
        return "Unknown";
    }
}
