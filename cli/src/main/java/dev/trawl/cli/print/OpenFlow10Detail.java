package dev.trawl.cli.print;

import static dev.trawl.cli.print.CheckedReads.need;
import static dev.trawl.cli.print.CheckedReads.u16;
import static dev.trawl.cli.print.CheckedReads.u32;
import static dev.trawl.cli.print.CheckedReads.u8;

import dev.trawl.decode.layer.OpenFlow;
import dev.trawl.pcap.LinkType;

/**
 * The body of an OpenFlow 1.0 message as tcpdump prints it with {@code -v}: switch features and ports, flow
 * matches and action lists, the statistics requests and replies, packet-in and packet-out, errors, queue
 * configurations and Big Switch Networks vendor messages. Offsets are relative to the segment's payload (the
 * {@link OpenFlow} view); a read of a byte the capture lacks throws {@link Truncated}, which the caller turns into
 * {@code [|openflow]}, so the text stops exactly where tcpdump's does. Stateless.
 */
final class OpenFlow10Detail {
    private static final int BSN = 0x5c16c7;
    private static final int PORT_CONTROLLER = 0xfffd;
    private static final int ETHERTYPE_IP = 0x0800;
    private static final int ETHERTYPE_ARP = 0x0806;

    private static final String[] PORT_CONFIG = {"PORT_DOWN", "NO_STP", "NO_RECV", "NO_RECV_STP", "NO_FLOOD",
        "NO_FWD", "NO_PACKET_IN"};
    private static final String[] PORT_FEATURES = {"10MB_HD", "10MB_FD", "100MB_HD", "100MB_FD", "1GB_HD", "1GB_FD",
        "10GB_FD", "COPPER", "FIBER", "AUTONEG", "PAUSE", "PAUSE_ASYM"};
    /** Wildcard bits by bit number; the network address prefix lengths (bits 8 to 19) have no name. */
    private static final String[] WILDCARDS = {"IN_PORT", "DL_VLAN", "DL_SRC", "DL_DST", "DL_TYPE", "NW_PROTO",
        "TP_SRC", "TP_DST", null, null, null, null, null, null, null, null, null, null, null, null, "DL_VLAN_PCP",
        "NW_TOS"};
    private static final String[] ACTIONS = {"OUTPUT", "SET_VLAN_VID", "SET_VLAN_PCP", "STRIP_VLAN", "SET_DL_SRC",
        "SET_DL_DST", "SET_NW_SRC", "SET_NW_DST", "SET_NW_TOS", "SET_TP_SRC", "SET_TP_DST", "ENQUEUE"};
    /** Capability bits; bit 4 is named but reserved, so a switch setting it is also told bogus. */
    private static final String[] CAPABILITIES = {"FLOW_STATS", "TABLE_STATS", "PORT_STATS", "STP", "RESERVED",
        "IP_REASM", "QUEUE_STATS", "ARP_MATCH_IP"};
    private static final String[] FLOW_MOD_FLAGS = {"SEND_FLOW_REM", "CHECK_OVERLAP", "EMERG"};
    private static final String[] STATS_TYPES = {"DESC", "FLOW", "AGGREGATE", "TABLE", "PORT", "QUEUE"};
    private static final String[] ERROR_TYPES = {"HELLO_FAILED", "BAD_REQUEST", "BAD_ACTION", "FLOW_MOD_FAILED",
        "PORT_MOD_FAILED", "QUEUE_OP_FAILED"};
    private static final String[][] ERROR_CODES = {
        {"INCOMPATIBLE", "EPERM"},
        {"BAD_VERSION", "BAD_TYPE", "BAD_STAT", "BAD_VENDOR", "BAD_SUBTYPE", "EPERM", "BAD_LEN", "BUFFER_EMPTY",
            "BUFFER_UNKNOWN"},
        {"BAD_TYPE", "BAD_LEN", "BAD_VENDOR", "BAD_VENDOR_TYPE", "BAD_OUT_PORT", "BAD_ARGUMENT", "EPERM", "TOO_MANY",
            "BAD_QUEUE"},
        {"ALL_TABLES_FULL", "OVERLAP", "EPERM", "BAD_EMERG_TIMEOUT", "BAD_COMMAND", "UNSUPPORTED"},
        {"BAD_PORT", "BAD_HW_ADDR"},
        {"BAD_PORT", "BAD_QUEUE", "EPERM"}};
    private static final String[] FLOW_MOD_COMMANDS = {"ADD", "MODIFY", "MODIFY_STRICT", "DELETE", "DELETE_STRICT"};
    private static final String[] BSN_SUBTYPES = {"SET_IP_MASK", "GET_IP_MASK_REQUEST", "GET_IP_MASK_REPLY",
        "SET_MIRRORING", "GET_MIRRORING_REQUEST", "GET_MIRRORING_REPLY", "SHELL_COMMAND", "SHELL_OUTPUT",
        "SHELL_STATUS", "GET_INTERFACES_REQUEST", "GET_INTERFACES_REPLY", "SET_PKTIN_SUPPRESSION_REQUEST",
        "SET_L2_TABLE_REQUEST", "GET_L2_TABLE_REQUEST", "GET_L2_TABLE_REPLY", "VIRTUAL_PORT_CREATE_REQUEST",
        "VIRTUAL_PORT_CREATE_REPLY", "VIRTUAL_PORT_REMOVE_REQUEST", "BW_ENABLE_SET_REQUEST", "BW_ENABLE_GET_REQUEST",
        "BW_ENABLE_GET_REPLY", "BW_CLEAR_DATA_REQUEST", "BW_CLEAR_DATA_REPLY", "BW_ENABLE_SET_REPLY",
        "SET_L2_TABLE_REPLY", "SET_PKTIN_SUPPRESSION_REPLY", "VIRTUAL_PORT_REMOVE_REPLY", "HYBRID_GET_REQUEST",
        "HYBRID_GET_REPLY", null, null, "PDU_TX_REQUEST", "PDU_TX_REPLY", "PDU_RX_REQUEST", "PDU_RX_REPLY",
        "PDU_RX_TIMEOUT"};

    private OpenFlow10Detail() {
    }

    /**
     * Prints the body of a message of {@code type} whose header declared {@code len} body bytes starting at
     * {@code at}, the body's length already checked against what the type allows. Returns false for the types
     * tcpdump has no body printer for (the caller then only checks that the body was captured).
     */
    static boolean body(PrintContext c, OpenFlow m, int type, int at, int len) {
        switch (type) {
            case 0, 2, 3 -> data(c, m, at, len);
            case 1 -> error(c, m, at, len);
            case 4 -> vendorMessage(c, m, at, len);
            case 6 -> featuresReply(c, m, at, len);
            case 8, 9 -> {
                int flags = u16(m, at);
                c.out().ascii("\n\t flags ").ascii(switch (flags) {
                    case 0 -> "FRAG_NORMAL";
                    case 1 -> "FRAG_DROP";
                    case 2 -> "FRAG_REASM";
                    default -> "invalid (0x" + hex(flags, 4) + ")";
                });
                number(c.out(), ", miss_send_len ", u16(m, at + 2));
            }
            case 10 -> packetIn(c, m, at, len);
            case 11 -> flowRemoved(c, m, at);
            case 12 -> {
                int reason = u8(m, at);
                c.out().ascii("\n\t reason ").ascii(portReason(reason));
                phyPort(c, m, at + 8);
            }
            case 13 -> packetOut(c, m, at, len);
            case 14 -> flowMod(c, m, at, len);
            case 15 -> portMod(c, m, at);
            case 16 -> statsRequest(c, m, at, len);
            case 17 -> statsReply(c, m, at, len);
            case 20 -> {
                port(c, "\n\t port ", u16(m, at));
                need(m, at + 2, 2);
            }
            case 21 -> {
                port(c, "\n\t port ", u16(m, at));
                need(m, at + 2, 6);
                queues(c, m, at + 8, len - 8);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** tcpdump's {@code (invalid)} on a part whose length is wrong, then the check that the rest was captured. */
    private static void invalid(PrintContext c, OpenFlow m, int at, int len) {
        c.out().ascii(" (invalid)");
        need(m, at, len);
    }

    private static String hex(long v, int width) {
        String s = Long.toHexString(v);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    /** A port number, by its reserved name where it has one. */
    private static void port(PrintContext c, String label, int port) {
        Out out = c.out().ascii(label);
        String name = switch (port) {
            case 0xff00 -> "MAX";
            case 0xfff8 -> "IN_PORT";
            case 0xfff9 -> "TABLE";
            case 0xfffa -> "NORMAL";
            case 0xfffb -> "FLOOD";
            case 0xfffc -> "ALL";
            case PORT_CONTROLLER -> "CONTROLLER";
            case 0xfffe -> "LOCAL";
            case 0xffff -> "NONE";
            default -> null;
        };
        if (name != null) {
            out.ascii(name);
        } else {
            out.num(port);
        }
    }

    private static String portReason(int reason) {
        return switch (reason) {
            case 0 -> "ADD";
            case 1 -> "DELETE";
            case 2 -> "MODIFY";
            default -> "invalid (0x" + hex(reason, 2) + ")";
        };
    }

    /* Each writer takes the value read before it writes the label, as tcpdump reads a field before printing it. */

    private static void number(Out out, String label, long value) {
        out.ascii(label).num(value);
    }

    private static void hexField(Out out, String label, long value, int width) {
        out.ascii(label).hex(value, width);
    }

    private static void count(Out out, String label, long value) {
        out.ascii(label).ascii(Long.toUnsignedString(value));
    }

    private static void text(Out out, String label, String value) {
        out.ascii(label).ascii(value);
    }

    static long u64(OpenFlow m, int at) {
        need(m, at, 8);
        return m.intAt(at) << 32 | m.intAt(at + 4);
    }

    static long mac(OpenFlow m, int at) {
        need(m, at, 6);
        return m.macAt(at);
    }

    private static int ipv4(OpenFlow m, int at) {
        return (int) u32(m, at);
    }

    /**
     * A bitmap's value is followed by the names of its assigned bits that are set ({@code names} by bit number,
     * {@code null} for a bit assigned without a name) and by {@code (bogus)} when an unassigned bit is set.
     */
    static void bitmap(Out out, String[] names, long value, long assigned) {
        if ((value & assigned) != 0) {
            out.ascii(" (");
            String sep = "";
            for (int bit = 0; bit < names.length; bit++) {
                if (names[bit] != null && (value & 1L << bit) != 0) {
                    out.ascii(sep).ascii(names[bit]);
                    sep = ", ";
                }
            }
            out.ch(')');
        }
        if ((value & ~assigned & 0xffffffffL) != 0) {
            out.ascii(" (bogus)");
        }
    }

    /** Opaque data: its length, and with {@code -vv} its bytes as tcpdump's hex and ASCII lines. */
    static void data(PrintContext c, OpenFlow m, int at, int len) {
        if (len == 0) {
            return;
        }
        c.out().ascii("\n\t data (").num(len).ascii(" octets)");
        if (c.verbose() < 2) {
            need(m, at, len);
            return;
        }
        int captured = Math.min(len, m.remaining(at));
        PrintContext.hexLines(c.out(), m.buffer(), m.offset() + at, m.offset() + at + captured, true, "\n\t  ");
        if (captured < len) {
            c.truncatedRead("openflow");
        }
    }

    /**
     * A frame carried in a packet-in or packet-out: its length, and with {@code -vvv} the Ethernet frame itself on
     * the next line, printed as tcpdump prints it with three fewer {@code -v}.
     */
    private static void packetData(PrintContext c, OpenFlow m, int at, int len) {
        if (len == 0) {
            return;
        }
        c.out().ascii("\n\t data (").num(len).ascii(" octets)");
        if (c.verbose() < 3) {
            need(m, at, len);
            return;
        }
        c.out().ascii(", frame decoding below\n");
        int from = m.offset() + at;
        int to = Math.min(m.offset() + at + len, m.offset() + m.regionLength());
        if (to > from) {
            c.printFrame(LinkType.ETHERNET.value(), from, to, len, c.verbose() - 3);
        }
    }

    private static void vendor(PrintContext c, long vendor) {
        c.out().ascii(", vendor 0x").hex(vendor, 8).ascii(" (").ascii(vendorName(vendor)).ch(')');
    }

    /** A vendor id is an OUI when its top byte is zero, else an ONF experimenter id. */
    static String vendorName(long vendor) {
        if ((vendor & 0xff000000L) != 0) {
            if (vendor == 0x4f4e4600L) {
                return "ONF Extensions";
            }
            int n = (int) (vendor - 0xff000000L);
            String[] names = {"Budapest University of Technology and Economics", "NoviFlow",
                "L3+ Extensions, Vendor Neutral", "L4-L7 Extensions", "Wireless and Mobility Extensions",
                "Forwarding Abstractions Extensions", "Optical Transport Extensions", "Network Benchmarking Lab, NCTU",
                "Mobile Packet Core Extensions", "MPLS-TP OpenFlow Extensions for SPTN"};
            return n >= 1 && n <= names.length ? names[n - 1] : "unknown";
        }
        return switch ((int) vendor) {
            case 0x0012bb -> "ANSI/TIA";
            case 0x001b21 -> "DCBX";
            case 0x002320 -> "Nicira Networks";
            case BSN -> "Big Switch Networks";
            case 0xb0d2f5 -> "Vello Systems";
            case 0x002481 -> "HP";
            case 0x0004ea -> "HP-Labs";
            case 0x748771 -> "Infoblox Inc";
            case 0xa42305 -> "Open Networking Lab";
            case 0x00049f -> "Freescale";
            case 0x0015ad -> "Netronome";
            case 0x001018 -> "Broadcom";
            case 0x00e004 -> "PMC-Sierra";
            case 0xd0f0db -> "Ericsson";
            default -> {
                String name = LlcPrinter.ouiName((int) vendor);
                yield "Unknown".equals(name) ? "unknown" : name;
            }
        };
    }

    private static void error(PrintContext c, OpenFlow m, int at, int len) {
        error(c, m, at, len, ERROR_TYPES, ERROR_CODES, -1);
    }

    /**
     * Writes an error message's type and code by a version's tables ({@code \n\t type BAD_REQUEST, code
     * BAD_LEN}, {@code invalid (0x0042)} for a value past them), then its data. {@code experimenter} is the type
     * named EXPERIMENTER, or -1 when the version has none.
     */
    static void error(PrintContext c, OpenFlow m, int at, int len, String[] types, String[][] codes,
            int experimenter) {
        int type = u16(m, at);
        Out out = c.out().ascii("\n\t type ");
        if (type < types.length) {
            out.ascii(types[type]);
        } else if (type == experimenter) {
            out.ascii("EXPERIMENTER");
        } else {
            out.ascii("invalid (0x").hex(type, 4).ch(')');
        }
        int code = u16(m, at + 2);
        out.ascii(", code ");
        if (type < codes.length && code < codes[type].length) {
            out.ascii(codes[type][code]);
        } else {
            out.ascii("invalid (0x").hex(code, 4).ch(')');
        }
        data(c, m, at + 4, len - 4);
    }

    private static void vendorMessage(PrintContext c, OpenFlow m, int at, int len) {
        long vendor = u32(m, at);
        vendor(c, vendor);
        if (vendor == BSN) {
            bsnMessage(c, m, at + 4, len - 4);
        } else {
            data(c, m, at + 4, len - 4);
        }
    }

    /** A vendor id and opaque data after it, as a vendor statistics request or reply carries them. */
    private static void vendorData(PrintContext c, OpenFlow m, int at, int len) {
        if (len < 4) {
            invalid(c, m, at, len);
            return;
        }
        vendor(c, u32(m, at));
        data(c, m, at + 4, len - 4);
    }

    private static void bsnMessage(PrintContext c, OpenFlow m, int at, int len) {
        if (len < 4) {
            invalid(c, m, at, len);
            return;
        }
        long subtype = u32(m, at);
        Out out = c.out().ascii("\n\t subtype ");
        if (subtype < BSN_SUBTYPES.length && BSN_SUBTYPES[(int) subtype] != null) {
            out.ascii(BSN_SUBTYPES[(int) subtype]);
        } else {
            out.ascii("unknown (0x").hex(subtype, 8).ch(')');
        }
        at += 4;
        len -= 4;
        switch ((int) subtype) {
            case 1 -> {
                if (len != 8) {
                    invalid(c, m, at, len);
                    return;
                }
                number(out, ", index ", u8(m, at));
                need(m, at + 1, 7);
            }
            case 0, 2 -> {
                if (len != 8) {
                    invalid(c, m, at, len);
                    return;
                }
                number(out, ", index ", u8(m, at));
                int mask = ipv4(m, at + 4);
                out.ascii(", mask ");
                c.ipv4(mask);
            }
            case 3, 4, 5 -> {
                if (len != 4) {
                    invalid(c, m, at, len);
                    return;
                }
                int report = u8(m, at);
                out.ascii(", report_mirror_ports ")
                        .ascii(report == 0 ? "OFF" : report == 1 ? "ON" : "bogus (" + report + ")");
                need(m, at + 1, 3);
            }
            case 9, 13, 19, 21, 27 -> {
                if (len != 0) {
                    invalid(c, m, at, len);
                }
            }
            case 17 -> {
                if (len != 4) {
                    invalid(c, m, at, len);
                    return;
                }
                number(out, ", vport_no ", u32(m, at));
            }
            case 6 -> {
                if (len < 4) {
                    invalid(c, m, at, len);
                    return;
                }
                number(out, ", service ", u32(m, at));
                quoted(out, m, at + 4, len - 4);
            }
            case 7 -> quoted(out, m, at, len);
            case 8 -> {
                if (len != 4) {
                    invalid(c, m, at, len);
                    return;
                }
                hexField(out, ", status 0x", u32(m, at), 8);
            }
            default -> need(m, at, len);
        }
    }

    /** Shell text, every byte printed (a NUL does not end it). */
    private static void quoted(Out out, OpenFlow m, int at, int len) {
        out.ascii(", data '");
        for (int i = 0; i < len; i++) {
            VrrpPrinter.printable(out, u8(m, at + i));
        }
        out.ch('\'');
    }

    private static void featuresReply(PrintContext c, OpenFlow m, int at, int len) {
        Out out = c.out();
        long dpid = u64(m, at);
        out.ascii("\n\t dpid 0x").hex(dpid, 16);
        number(out, ", n_buffers ", u32(m, at + 8));
        number(out, ", n_tables ", u8(m, at + 12));
        long capabilities = u32(m, at + 16);
        out.ascii("\n\t capabilities 0x").hex(capabilities, 8);
        bitmap(out, CAPABILITIES, capabilities, 0xef);
        long actions = u32(m, at + 20);
        out.ascii("\n\t actions 0x").hex(actions, 8);
        bitmap(out, ACTIONS, actions, 0xfff);
        at += 24;
        len -= 24;
        while (len > 0) {
            if (len < 48) {
                invalid(c, m, at, len);
                return;
            }
            phyPort(c, m, at);
            at += 48;
            len -= 48;
        }
    }

    /** A port's description: number, address and name, and with {@code -vv} its configuration and state. */
    private static void phyPort(PrintContext c, OpenFlow m, int at) {
        port(c, "\n\t  port_no ", u16(m, at));
        long mac = mac(m, at + 2);
        Out out = c.out().ascii(", hw_addr ");
        c.mac(mac);
        out.ascii(", name '");
        CheckedReads.textToNul(out, m, at + 8, 16);
        out.ch('\'');
        if (c.verbose() < 2) {
            need(m, at + 24, 24);
            return;
        }
        long config = u32(m, at + 24);
        out.ascii("\n\t   config 0x").hex(config, 8);
        bitmap(out, PORT_CONFIG, config, 0x7f);
        long state = u32(m, at + 28);
        out.ascii("\n\t   state 0x").hex(state, 8).ascii(" (")
                .ascii(switch ((int) (state >> 8) & 3) {
                    case 0 -> "STP_LISTEN";
                    case 1 -> "STP_LEARN";
                    case 2 -> "STP_FORWARD";
                    default -> "STP_BLOCK";
                })
                .ascii((state & 1) != 0 ? ", LINK_DOWN" : "").ch(')')
                .ascii((state & ~0x301L) != 0 ? " (bogus)" : "");
        String[] labels = {"\n\t   curr 0x", "\n\t   advertised 0x", "\n\t   supported 0x", "\n\t   peer 0x"};
        for (int i = 0; i < labels.length; i++) {
            long features = u32(m, at + 32 + 4 * i);
            out.ascii(labels[i]).hex(features, 8);
            bitmap(out, PORT_FEATURES, features, 0xfff);
        }
    }

    private static String vlan(int vid) {
        if (vid == 0xffff) {
            return "NONE";
        }
        return vid > 0 && vid < 0x0fff ? Integer.toString(vid) : vid + " (bogus)";
    }

    private static String pcp(int pcp) {
        return pcp <= 7 ? Integer.toString(pcp) : pcp + " (bogus)";
    }

    /** A flow match: each field the wildcards leave matched, after {@code pfx}. */
    private static void match(PrintContext c, OpenFlow m, String pfx, int at) {
        Out out = c.out();
        long w = u32(m, at);
        if ((w & ~0x3fffffL) != 0) {
            out.ascii(pfx).ascii("wildcards 0x").hex(w, 8).ascii(" (bogus)");
        }
        if ((w & 1) == 0) {
            port(c, pfx + "match in_port ", u16(m, at + 4));
        }
        if ((w & 4) == 0) {
            long a = mac(m, at + 6);
            out.ascii(pfx).ascii("match dl_src ");
            c.mac(a);
        }
        if ((w & 8) == 0) {
            long a = mac(m, at + 12);
            out.ascii(pfx).ascii("match dl_dst ");
            c.mac(a);
        }
        if ((w & 2) == 0) {
            text(out, pfx + "match dl_vlan ", vlan(u16(m, at + 18)));
        }
        if ((w & 0x100000) == 0) {
            text(out, pfx + "match dl_vlan_pcp ", pcp(u8(m, at + 20)));
        }
        int dlType = u16(m, at + 22);
        boolean typed = (w & 0x10) == 0;
        if (typed) {
            out.ascii(pfx).ascii("match dl_type 0x").hex(dlType, 4);
        }
        if ((w & 0x200000) == 0) {
            hexField(out, pfx + "match nw_tos 0x", u8(m, at + 24), 2);
        }
        int nwProto = u8(m, at + 25);
        boolean proto = (w & 0x20) == 0;
        if (proto) {
            out.ascii(pfx).ascii(typed && dlType == ETHERTYPE_ARP ? "match arp_opcode " : "match nw_proto ")
                    .num(nwProto);
        }
        int srcBits = (int) (w >> 8) & 0x3f;
        if (srcBits < 32) {
            int a = ipv4(m, at + 28);
            out.ascii(pfx).ascii("match nw_src ");
            c.ipv4(a);
            out.ch('/').num(32 - srcBits);
        }
        int dstBits = (int) (w >> 14) & 0x3f;
        if (dstBits < 32) {
            int a = ipv4(m, at + 32);
            out.ascii(pfx).ascii("match nw_dst ");
            c.ipv4(a);
            out.ch('/').num(32 - dstBits);
        }
        boolean icmp = typed && dlType == ETHERTYPE_IP && proto && nwProto == 1;
        if ((w & 0x40) == 0) {
            number(out, pfx + (icmp ? "match icmp_type " : "match tp_src "), u16(m, at + 36));
        }
        if ((w & 0x80) == 0) {
            number(out, pfx + (icmp ? "match icmp_code " : "match tp_dst "), u16(m, at + 38));
        } else {
            need(m, at + 38, 2);
        }
    }

    /** An action list of {@code len} bytes, each action after {@code pfx}. */
    private static void actions(PrintContext c, OpenFlow m, String pfx, int at, int len) {
        Out out = c.out();
        while (len > 0) {
            if (len < 8) {
                invalid(c, m, at, len);
                return;
            }
            int type = u16(m, at);
            out.ascii(pfx).ascii("action type ");
            if (type < ACTIONS.length) {
                out.ascii(ACTIONS[type]);
            } else if (type == 0xffff) {
                out.ascii("VENDOR");
            } else {
                out.ascii("invalid (0x").hex(type, 4).ch(')');
            }
            int alen = u16(m, at + 2);
            out.ascii(", len ").num(alen);
            at += 4;
            len -= 4;
            if (alen < 8 || alen > len + 4) {
                invalid(c, m, at, len);
                return;
            }
            boolean skip;
            switch (type) {
                case 0, 1, 2, 3, 6, 7, 8, 9, 10 -> skip = alen != 8;
                case 4, 5, 11 -> skip = alen != 16;
                case 0xffff -> skip = alen % 8 != 0;
                default -> skip = true;
            }
            if (skip && (type < ACTIONS.length || type == 0xffff)) {
                out.ascii(" (bogus)");
            }
            if (skip) {
                need(m, at, alen - 4);
                at += alen - 4;
                len -= alen - 4;
                continue;
            }
            switch (type) {
                case 0 -> {
                    int port = u16(m, at);
                    port(c, ", port ", port);
                    if (port == PORT_CONTROLLER) {
                        number(out, ", max_len ", u16(m, at + 2));
                    } else {
                        need(m, at + 2, 2);
                    }
                }
                case 1 -> {
                    text(out, ", vlan_vid ", vlan(u16(m, at)));
                    need(m, at + 2, 2);
                }
                case 2 -> {
                    text(out, ", vlan_pcp ", pcp(u8(m, at)));
                    need(m, at + 1, 3);
                }
                case 3 -> need(m, at, 4);
                case 4, 5 -> {
                    long a = mac(m, at);
                    out.ascii(", dl_addr ");
                    c.mac(a);
                    need(m, at + 6, 6);
                }
                case 6, 7 -> {
                    int a = ipv4(m, at);
                    out.ascii(", nw_addr ");
                    c.ipv4(a);
                }
                case 8 -> {
                    hexField(out, ", nw_tos 0x", u8(m, at), 2);
                    need(m, at + 1, 3);
                }
                case 9, 10 -> {
                    number(out, ", tp_port ", u16(m, at));
                    need(m, at + 2, 2);
                }
                case 11 -> {
                    port(c, ", port ", u16(m, at));
                    queueId(out, u32(m, at + 8));
                }
                default -> vendorAction(c, m, at, alen - 4);
            }
            at += alen - 4;
            len -= alen - 4;
        }
    }

    private static void queueId(Out out, long id) {
        out.ascii(", queue_id ");
        if (id == 0xffffffffL) {
            out.ascii("ALL");
        } else {
            out.num(id);
        }
    }

    private static void vendorAction(PrintContext c, OpenFlow m, int at, int len) {
        if (len < 4) {
            invalid(c, m, at, len);
            return;
        }
        long vendor = u32(m, at);
        vendor(c, vendor);
        at += 4;
        len -= 4;
        if (vendor != BSN) {
            data(c, m, at, len);
            return;
        }
        if (len < 4) {
            invalid(c, m, at, len);
            return;
        }
        long subtype = u32(m, at);
        Out out = c.out().ascii("\n\t  subtype ");
        switch ((int) subtype) {
            case 1 -> out.ascii("MIRROR");
            case 2 -> out.ascii("SET_TUNNEL_DST");
            case 4 -> out.ascii("CHECKSUM");
            default -> out.ascii("unknown (0x").hex(subtype, 8).ch(')');
        }
        at += 4;
        len -= 4;
        if (subtype != 1) {
            need(m, at, len);
            return;
        }
        if (len != 12) {
            invalid(c, m, at, len);
            return;
        }
        number(out, ", dest_port ", u32(m, at));
        long tag = u32(m, at + 4);
        int tpid = (int) (tag >>> 16);
        int tci = (int) tag & 0xffff;
        if (tpid == 0) {
            out.ascii(", vlan_tag none");
        } else if (tpid == 0x8100) {
            out.ascii(", vlan_tag 802.1Q (vlan ").num(tci & 0xfff).ascii(", p ").num(tci >> 13)
                    .ascii((tci & 0x1000) != 0 ? ", DEI" : "").ch(')');
        } else {
            out.ascii(", vlan_tag unknown (0x").hex(tpid, 4).ch(')');
        }
        int stage = u8(m, at + 8);
        out.ascii(", copy_stage ").ascii(stage == 0 ? "INGRESS" : stage == 1 ? "EGRESS" : "unknown (" + stage + ")");
        need(m, at + 9, 3);
    }

    private static void bufferId(Out out, long id) {
        if (id == 0xffffffffL) {
            out.ascii("NONE");
        } else {
            out.ascii("0x").hex(id, 8);
        }
    }

    private static void packetIn(PrintContext c, OpenFlow m, int at, int len) {
        Out out = c.out().ascii("\n\t buffer_id ");
        bufferId(out, u32(m, at));
        number(out, ", total_len ", u16(m, at + 4));
        port(c, ", in_port ", u16(m, at + 6));
        int reason = u8(m, at + 8);
        out.ascii(", reason ").ascii(switch (reason) {
            case 0 -> "NO_MATCH";
            case 1 -> "ACTION";
            default -> "invalid (0x" + hex(reason, 2) + ")";
        });
        need(m, at + 9, 1);
        packetData(c, m, at + 10, len - 10);
    }

    private static void packetOut(PrintContext c, OpenFlow m, int at, int len) {
        long id = u32(m, at);
        c.out().ascii("\n\t buffer_id 0x").hex(id, 8);
        port(c, ", in_port ", u16(m, at + 4));
        int actionsLength = u16(m, at + 6);
        at += 8;
        len -= 8;
        if (actionsLength > len) {
            invalid(c, m, at, len);
            return;
        }
        actions(c, m, "\n\t ", at, actionsLength);
        packetData(c, m, at + actionsLength, len - actionsLength);
    }

    private static void flowMod(PrintContext c, OpenFlow m, int at, int len) {
        match(c, m, "\n\t ", at);
        Out out = c.out();
        hexField(out, "\n\t cookie 0x", u64(m, at + 40), 16);
        int command = u16(m, at + 48);
        out.ascii(", command ");
        if (command < FLOW_MOD_COMMANDS.length) {
            out.ascii(FLOW_MOD_COMMANDS[command]);
        } else {
            out.ascii("invalid (0x").hex(command, 4).ch(')');
        }
        nonZero(out, ", idle_timeout ", u16(m, at + 50));
        nonZero(out, ", hard_timeout ", u16(m, at + 52));
        nonZero(out, ", priority ", u16(m, at + 54));
        if (command <= 2) {
            long id = u32(m, at + 56);
            out.ascii(", buffer_id ");
            bufferId(out, id);
        }
        if (command == 3 || command == 4) {
            port(c, ", out_port ", u16(m, at + 60));
        }
        int flags = u16(m, at + 62);
        out.ascii(", flags 0x").hex(flags, 4);
        bitmap(out, FLOW_MOD_FLAGS, flags, 7);
        actions(c, m, "\n\t ", at + 64, len - 64);
    }

    private static void nonZero(Out out, String label, long v) {
        if (v != 0) {
            out.ascii(label).num(v);
        }
    }

    private static void flowRemoved(PrintContext c, OpenFlow m, int at) {
        match(c, m, "\n\t ", at);
        Out out = c.out();
        hexField(out, "\n\t cookie 0x", u64(m, at + 40), 16);
        nonZero(out, ", priority ", u16(m, at + 48));
        int reason = u8(m, at + 50);
        out.ascii(", reason ").ascii(switch (reason) {
            case 0 -> "IDLE_TIMEOUT";
            case 1 -> "HARD_TIMEOUT";
            case 2 -> "DELETE";
            default -> "unknown (0x" + hex(reason, 2) + ")";
        });
        number(out, ", duration_sec ", u32(m, at + 52));
        number(out, ", duration_nsec ", u32(m, at + 56));
        nonZero(out, ", idle_timeout ", u16(m, at + 60));
        count(out, ", packet_count ", u64(m, at + 64));
        count(out, ", byte_count ", u64(m, at + 72));
    }

    private static void portMod(PrintContext c, OpenFlow m, int at) {
        port(c, "\n\t port_no ", u16(m, at));
        long a = mac(m, at + 2);
        Out out = c.out().ascii(", hw_addr ");
        c.mac(a);
        long config = u32(m, at + 8);
        out.ascii("\n\t config 0x").hex(config, 8);
        bitmap(out, PORT_CONFIG, config, 0x7f);
        long mask = u32(m, at + 12);
        out.ascii("\n\t mask 0x").hex(mask, 8);
        bitmap(out, PORT_CONFIG, mask, 0x7f);
        long advertise = u32(m, at + 16);
        out.ascii("\n\t advertise 0x").hex(advertise, 8);
        bitmap(out, PORT_FEATURES, advertise, 0xfff);
        need(m, at + 20, 4);
    }

    private static void statsType(Out out, int type) {
        out.ascii("\n\t type ");
        if (type < STATS_TYPES.length) {
            out.ascii(STATS_TYPES[type]);
        } else if (type == 0xffff) {
            out.ascii("VENDOR");
        } else {
            out.ascii("invalid (0x").hex(type, 4).ch(')');
        }
    }

    private static void tableId(Out out, String label, int id) {
        out.ascii(label).ascii(id == 0xfe ? "EMERG" : id == 0xff ? "ALL" : Integer.toString(id));
    }

    private static void statsRequest(PrintContext c, OpenFlow m, int at, int len) {
        Out out = c.out();
        int type = u16(m, at);
        statsType(out, type);
        int flags = u16(m, at + 2);
        out.ascii(", flags 0x").hex(flags, 4).ascii(flags != 0 ? " (bogus)" : "");
        at += 4;
        len -= 4;
        switch (type) {
            case 0, 3 -> {
                if (len != 0) {
                    invalid(c, m, at, len);
                }
            }
            case 1, 2 -> {
                if (len != 44) {
                    invalid(c, m, at, len);
                    return;
                }
                match(c, m, "\n\t ", at);
                tableId(out, "\n\t table_id ", u8(m, at + 40));
                port(c, ", out_port ", u16(m, at + 42));
            }
            case 4 -> {
                if (len != 8) {
                    invalid(c, m, at, len);
                    return;
                }
                port(c, "\n\t port_no ", u16(m, at));
                need(m, at + 2, 6);
            }
            case 5 -> {
                if (len != 8) {
                    invalid(c, m, at, len);
                    return;
                }
                port(c, "\n\t port_no ", u16(m, at));
                queueId(out, u32(m, at + 4));
            }
            case 0xffff -> vendorData(c, m, at, len);
            default -> {
                // tcpdump prints nothing more of a statistics type it does not know
            }
        }
    }

    private static void statsReply(PrintContext c, OpenFlow m, int at, int len) {
        Out out = c.out();
        int type = u16(m, at);
        statsType(out, type);
        int flags = u16(m, at + 2);
        out.ascii(", flags 0x").hex(flags, 4);
        bitmap(out, new String[] {"MORE"}, flags, 1);
        at += 4;
        len -= 4;
        switch (type) {
            case 0 -> descStats(c, m, at, len);
            case 1 -> flowStats(c, m, at, len);
            case 2 -> {
                if (len != 24) {
                    invalid(c, m, at, len);
                    return;
                }
                count(out, "\n\t packet_count ", u64(m, at));
                count(out, ", byte_count ", u64(m, at + 8));
                number(out, ", flow_count ", u32(m, at + 16));
                need(m, at + 20, 4);
            }
            case 3 -> tableStats(c, m, at, len);
            case 4 -> portStats(c, m, at, len);
            case 5 -> queueStats(c, m, at, len);
            case 0xffff -> vendorData(c, m, at, len);
            default -> need(m, at, len);
        }
    }

    private static void descStats(PrintContext c, OpenFlow m, int at, int len) {
        if (len != 1056) {
            invalid(c, m, at, len);
            return;
        }
        String[] labels = {"\n\t  mfr_desc '", "\n\t  hw_desc '", "\n\t  sw_desc '", "\n\t  serial_num '",
            "\n\t  dp_desc '"};
        int[] sizes = {256, 256, 256, 32, 256};
        Out out = c.out();
        for (int i = 0; i < labels.length; i++) {
            out.ascii(labels[i]);
            CheckedReads.textToNul(out, m, at, sizes[i]);
            out.ch('\'');
            at += sizes[i];
        }
    }

    private static void flowStats(PrintContext c, OpenFlow m, int at, int len) {
        Out out = c.out();
        while (len > 0) {
            if (len < 88) {
                invalid(c, m, at, len);
                return;
            }
            int entry = u16(m, at);
            out.ascii("\n\t length ").num(entry);
            if (entry < 88 || entry > len) {
                invalid(c, m, at, len);
                return;
            }
            tableId(out, ", table_id ", u8(m, at + 2));
            match(c, m, "\n\t  ", at + 4);
            number(out, "\n\t  duration_sec ", u32(m, at + 44));
            number(out, ", duration_nsec ", u32(m, at + 48));
            number(out, ", priority ", u16(m, at + 52));
            number(out, ", idle_timeout ", u16(m, at + 54));
            number(out, ", hard_timeout ", u16(m, at + 56));
            hexField(out, ", cookie 0x", u64(m, at + 64), 16);
            count(out, ", packet_count ", u64(m, at + 72));
            count(out, ", byte_count ", u64(m, at + 80));
            actions(c, m, "\n\t  ", at + 88, entry - 88);
            at += entry;
            len -= entry;
        }
    }

    private static void tableStats(PrintContext c, OpenFlow m, int at, int len) {
        Out out = c.out();
        while (len > 0) {
            if (len < 64) {
                invalid(c, m, at, len);
                return;
            }
            tableId(out, "\n\t table_id ", u8(m, at));
            out.ascii(", name '");
            CheckedReads.textToNul(out, m, at + 4, 32);
            out.ch('\'');
            long wildcards = u32(m, at + 36);
            out.ascii("\n\t  wildcards 0x").hex(wildcards, 8);
            bitmap(out, WILDCARDS, wildcards, 0x3fffff);
            number(out, "\n\t  max_entries ", u32(m, at + 40));
            number(out, ", active_count ", u32(m, at + 44));
            count(out, ", lookup_count ", u64(m, at + 48));
            count(out, ", matched_count ", u64(m, at + 56));
            at += 64;
            len -= 64;
        }
    }

    private static final String[] PORT_COUNTERS = {", rx_packets ", ", tx_packets ", ", rx_bytes ", ", tx_bytes ",
        ", rx_dropped ", ", tx_dropped ", ", rx_errors ", ", tx_errors ", ", rx_frame_err ", ", rx_over_err ",
        ", rx_crc_err ", ", collisions "};

    private static void portStats(PrintContext c, OpenFlow m, int at, int len) {
        Out out = c.out();
        while (len > 0) {
            if (len < 104) {
                invalid(c, m, at, len);
                return;
            }
            port(c, "\n\t  port_no ", u16(m, at));
            if (c.verbose() < 2) {
                need(m, at + 2, 102);
            } else {
                for (int i = 0; i < PORT_COUNTERS.length; i++) {
                    count(out, PORT_COUNTERS[i], u64(m, at + 8 + 8 * i));
                }
            }
            at += 104;
            len -= 104;
        }
    }

    private static void queueStats(PrintContext c, OpenFlow m, int at, int len) {
        Out out = c.out();
        while (len > 0) {
            if (len < 32) {
                invalid(c, m, at, len);
                return;
            }
            port(c, "\n\t  port_no ", u16(m, at));
            number(out, ", queue_id ", u32(m, at + 4));
            count(out, ", tx_bytes ", u64(m, at + 8));
            count(out, ", tx_packets ", u64(m, at + 16));
            count(out, ", tx_errors ", u64(m, at + 24));
            at += 32;
            len -= 32;
        }
    }

    private static void queues(PrintContext c, OpenFlow m, int at, int len) {
        Out out = c.out();
        while (len > 0) {
            if (len < 8) {
                invalid(c, m, at, len);
                return;
            }
            number(out, "\n\t  queue_id ", u32(m, at));
            int desc = u16(m, at + 4);
            out.ascii(", len ").num(desc);
            if (desc < 8 || desc > len) {
                invalid(c, m, at + 6, len - 6);
                return;
            }
            need(m, at + 6, 2);
            if (c.verbose() >= 2) {
                queueProperties(c, m, at + 8, desc - 8);
            } else {
                need(m, at + 8, desc - 8);
            }
            at += desc;
            len -= desc;
        }
    }

    private static void queueProperties(PrintContext c, OpenFlow m, int at, int len) {
        Out out = c.out();
        while (len > 0) {
            if (len < 8) {
                invalid(c, m, at, len);
                return;
            }
            int property = u16(m, at);
            out.ascii("\n\t   property ").ascii(switch (property) {
                case 0 -> "NONE";
                case 1 -> "MIN_RATE";
                default -> "invalid (0x" + hex(property, 4) + ")";
            });
            int plen = u16(m, at + 2);
            out.ascii(", len ").num(plen);
            if (plen < 8 || plen > len) {
                invalid(c, m, at + 4, len - 4);
                return;
            }
            need(m, at + 4, 4);
            boolean bogus = property == 0 ? plen != 8 : property == 1 && plen != 16;
            if (bogus) {
                out.ascii(" (bogus)");
            }
            if (bogus || property > 1) {
                need(m, at + 8, plen - 8);
            } else if (property == 1) {
                int rate = u16(m, at + 8);
                if (rate > 1000) {
                    out.ascii(", rate disabled");
                } else {
                    out.ascii(", rate ").num(rate / 10).ch('.').num(rate % 10).ch('%');
                }
                need(m, at + 10, 6);
            }
            at += plen;
            len -= plen;
        }
    }
}
