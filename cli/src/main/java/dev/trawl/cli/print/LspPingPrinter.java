package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.MplsEcho;

/**
 * MPLS LSP ping as tcpdump prints it: {@code LSP-PINGv1, MPLS Echo Request, seq 5, length: 48}; with {@code -v}
 * the header's fields on lines of their own (reply mode, return code, sender handle, sequence, timestamps) and
 * the TLVs: the target FEC stack with its sub-TLVs (LDP, BGP and VPN prefixes, RSVP session queries, L2 VPN
 * endpoints and pseudowires), downstream mappings, BFD discriminators, the rest as hex dumps. Not thread-safe.
 */
final class LspPingPrinter implements LayerPrinter {
    private static final String[] REPLY_MODES = {null, "Do not reply", "Reply via an IPv4/IPv6 UDP packet",
        "Reply via an IPv4/IPv6 UDP packet with Router Alert", "Reply via application level control channel"};
    private static final String[] RETURN_CODES = {"No return code or return code contained in the Error Code TLV",
        "Malformed echo request received", "One or more of the TLVs was not understood",
        "Replying router is an egress for the FEC at stack depth",
        "Replying router has no mapping for the FEC at stack depth", "Reserved", "Reserved", "Reserved",
        "Label switched at stack-depth", "Label switched but no MPLS forwarding at stack-depth",
        "Mapping for this FEC is not the given label at stack depth", "No label entry at stack-depth",
        "Protocol not associated with interface at FEC stack depth",
        "Premature termination of ping due to label stack shrinking to a single label"};
    private static final String[] TLVS = {null, "Target FEC Stack", "Downstream Mapping", "Pad", null,
        "Vendor Enterprise Code", null, "Interface Label Stack", null, "Error Code", "Reply TOS Byte", null, null,
        null, null, "BFD Discriminator"};
    private static final String[] SUB_TLVS = {null, "LDP IPv4 prefix", "LDP IPv6 prefix",
        "RSVP IPv4 Session Query", "RSVP IPv6 Session Query", "Reserved", "VPN IPv4 prefix", "VPN IPv6 prefix",
        "L2 VPN endpoint", "FEC 128 pseudowire (old)", "FEC 128 pseudowire", null, "BGP labeled IPv4 prefix",
        "BGP labeled IPv6 prefix"};
    /** The length each known sub-TLV must have, by type. */
    private static final int[] SUB_TLV_LENGTHS = {0, 5, 17, 20, 56, 0, 13, 25, 14, 10, 14, 0, 5, 17};
    private static final String[] PW_TYPES = {"Reserved", "Frame Relay DLCI (Martini Mode)",
        "ATM AAL5 SDU VCC transport", "ATM transparent cell transport", "Ethernet VLAN", "Ethernet", "Cisco-HDLC",
        "PPP", "SONET/SDH Circuit Emulation Service over MPLS", "ATM n-to-one VCC cell transport",
        "ATM n-to-one VPC cell transport", "IP Layer2 Transport", "ATM one-to-one VCC Cell Mode",
        "ATM one-to-one VPC Cell Mode", "ATM AAL5 PDU VCC transport", "Frame-Relay Port mode",
        "SONET/SDH Circuit Emulation over Packet", "Structure-agnostic E1 over Packet",
        "Structure-agnostic T1 (DS1) over Packet", "Structure-agnostic E3 over Packet",
        "Structure-agnostic T3 (DS3) over Packet", "CESoPSN basic mode", "TDMoIP basic mode",
        "CESoPSN TDM with CAS", "TDMoIP TDM with CAS", "Frame Relay DLCI"};
    private static final String[] ADDRESS_TYPES = {null, "IPv4", "Unnumbered IPv4", "IPv6", "IPv6"};

    private final MplsEcho view = new MplsEcho();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        MplsEcho m = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int length = ApplicationPrinters.udpPayload(c, layer);
        if (length < MplsEcho.HEADER_LENGTH) {
            out.ascii("\n\t\t packet is too short");
            return;
        }
        if (!m.has(0, MplsEcho.HEADER_LENGTH)) {
            c.truncated("lspping");
            return;
        }
        if (m.version() != 1) {
            out.ascii("LSP-PING version ").num(m.version()).ascii(" packet not supported");
            return;
        }
        int type = m.messageType();
        if (c.verbose() > 0) {
            try {
                verbose(c, m, length);
            } catch (Truncated t) {
                c.truncated("lspping");
            }
            return;
        }
        out.ascii("LSP-PINGv1, ");
        switch (type) {
            case 1 -> out.ascii("MPLS Echo Request");
            case 2 -> out.ascii("MPLS Echo Reply");
            default -> out.ascii("unknown (").num(type).ch(')');
        }
        out.ascii(", seq ").num(m.sequence()).ascii(", length: ").num(length);
    }

    private static void verbose(PrintContext c, MplsEcho m, int length) {
        Out out = c.out();
        int type = m.messageType();
        int mode = m.replyMode();
        out.ascii("\n\tLSP-PINGv1, msg-type: ")
                .ascii(type == 1 ? "MPLS Echo Request" : type == 2 ? "MPLS Echo Reply" : "unknown").ascii(" (")
                .num(type).ascii("), length: ").num(length).ascii("\n\t  reply-mode: ")
                .ascii(mode < REPLY_MODES.length && mode > 0 ? REPLY_MODES[mode] : "unknown").ascii(" (").num(mode)
                .ch(')');
        int code = m.byteAt(6);
        int subcode = m.byteAt(7);
        out.ascii("\n\t  Return Code: ").ascii(code < RETURN_CODES.length ? RETURN_CODES[code] : "unknown");
        if (code == 3 || code == 4 || code == 8 || code == 10 || code == 11 || code == 12) {
            out.ch(' ').num(subcode);
        }
        out.ascii(" (").num(code).ascii(")\n\t  Return Subcode: (").num(subcode).ch(')')
                .ascii("\n\t  Sender Handle: 0x").hex(m.intAt(8), 8).ascii(", Sequence: ").num(m.sequence())
                .ascii("\n\t  Sender Timestamp: ");
        NtpPrinter.timestamp(out, m.intAt(16), m.intAt(20));
        out.ascii(" Receiver Timestamp: ");
        if (m.intAt(24) == 0 && m.intAt(28) == 0) {
            out.ascii("no timestamp");
        } else {
            NtpPrinter.timestamp(out, m.intAt(24), m.intAt(28));
        }
        int at = MplsEcho.HEADER_LENGTH;
        int left = length - MplsEcho.HEADER_LENGTH;
        boolean vv = c.verbose() > 1;
        while (left != 0) {
            if (left < 4) {
                out.ascii("\n\t\t packet is too short");
                return;
            }
            need(m, at, 4);
            int tlv = m.shortAt(at);
            int tlvLength = m.shortAt(at + 2);
            String name = tlv < TLVS.length ? TLVS[tlv] : tlv == 0xfc00 ? "Vendor Private Code" : null;
            out.ascii("\n\t  ").ascii(name != null ? name : "Unknown").ascii(" TLV (").num(tlv).ascii("), length: ")
                    .num(tlvLength);
            if (tlvLength == 0) {
                at += 4;
                left -= 4;
                continue;
            }
            if (left < tlvLength + 4) {
                out.ascii("\n\t\t packet is too short");
                return;
            }
            need(m, at + 4, tlvLength);
            int result = tlv(c, m, tlv, at + 4, tlvLength);
            if (result == STOP) {
                return;
            }
            if (vv || result == HEXDUMP) {
                TlvText.dump(out, m, at + 4, tlvLength, "\n\t    ");
            }
            if (tlvLength % 4 != 0) {
                tlvLength += 4 - tlvLength % 4;
                if (left < tlvLength + 4) {
                    out.ascii("\n\t\t packet is too short");
                    return;
                }
            }
            at += tlvLength + 4;
            left -= tlvLength + 4;
        }
    }

    private static final int DONE = 0;
    private static final int HEXDUMP = 1;
    private static final int STOP = 2;

    private static int tlv(PrintContext c, MplsEcho m, int type, int o, int len) {
        Out out = c.out();
        switch (type) {
            case 1 -> {
                return fecStack(c, m, o, len);
            }
            case 2 -> {
                if (len < 4) {
                    out.ascii("\n\t      TLV is too short");
                    return HEXDUMP;
                }
                need(m, o, 4);
                int family = m.byteAt(o + 2);
                out.ascii("\n\t    MTU: ").num(m.shortAt(o)).ascii(", Address-Type: ")
                        .ascii(family > 0 && family < ADDRESS_TYPES.length ? ADDRESS_TYPES[family] : "unknown")
                        .ascii(" (").num(family).ch(')');
                int size = switch (family) {
                    case 1, 2 -> 12;
                    case 3 -> 36;
                    case 4 -> 24;
                    default -> 0;
                };
                if (size > 0) {
                    if (len < size) {
                        out.ascii("\n\t      TLV is too short");
                        return HEXDUMP;
                    }
                    need(m, o, size);
                    out.ascii("\n\t    Downstream IP: ");
                    if (family <= 2) {
                        c.ipv4((int) m.intAt(o + 4));
                    } else {
                        ipv6(c, m, o + 4);
                    }
                    if (family == 1) {
                        out.ascii("\n\t    Downstream Interface IP: ");
                        c.ipv4((int) m.intAt(o + 8));
                    } else if (family == 3) {
                        out.ascii("\n\t    Downstream Interface IP: ");
                        ipv6(c, m, o + 20);
                    } else {
                        out.ascii("\n\t    Downstream Interface Index: 0x").hex(m.intAt(o + size - 4), 8);
                    }
                    len -= size;
                    o += size;
                }
                if (len < 4) {
                    out.ascii("\n\t      TLV is too short");
                    return HEXDUMP;
                }
                need(m, o, 4);
                return HEXDUMP;
            }
            case 15 -> {
                if (len < 4) {
                    out.ascii("\n\t      TLV is too short");
                    return HEXDUMP;
                }
                out.ascii("\n\t    BFD Discriminator 0x").hex(m.intAt(o), 8);
            }
            default -> {
                if (c.verbose() <= 1) {
                    TlvText.dump(out, m, o, len, "\n\t    ");
                }
            }
        }
        return DONE;
    }

    /** The sub-TLVs of a target FEC stack. */
    private static int fecStack(PrintContext c, MplsEcho m, int at, int left) {
        Out out = c.out();
        while (left != 0) {
            if (left < 4) {
                out.ascii("\n\t      TLV is too short");
                return HEXDUMP;
            }
            int type = m.shortAt(at);
            int length = m.shortAt(at + 2);
            int o = at + 4;
            if (left < length + 4) {
                out.ascii("\n\t      TLV is too short");
                return HEXDUMP;
            }
            need(m, o, length);
            String name = type < SUB_TLVS.length ? SUB_TLVS[type] : null;
            out.ascii("\n\t    ").ascii(name != null ? name : "Unknown").ascii(" subTLV (").num(type)
                    .ascii("), length: ").num(length);
            boolean hexdump = false;
            int expected = type < SUB_TLV_LENGTHS.length ? SUB_TLV_LENGTHS[type] : 0;
            if (expected == 0) {
                hexdump = true;
            } else if (length != expected) {
                out.ascii("\n\t      invalid subTLV length, should be ").num(expected);
                hexdump = true;
            } else {
                subTlv(c, m, type, o);
            }
            if (c.verbose() > 1 || hexdump) {
                TlvText.dump(out, m, o, length, "\n\t      ");
            }
            if (length % 4 != 0) {
                length += 4 - length % 4;
                if (left < length + 4) {
                    out.ascii("\n\t\t TLV is too short");
                    return STOP;
                }
            }
            // tcpdump steps over the value only, not the sub-TLV's header, yet counts both as used
            at += length;
            left -= length + 4;
        }
        return DONE;
    }

    private static void subTlv(PrintContext c, MplsEcho m, int type, int o) {
        Out out = c.out();
        switch (type) {
            case 1, 12 -> {
                out.ascii("\n\t      ");
                c.ipv4((int) m.intAt(o));
                out.ch('/').num(m.byteAt(o + 4));
            }
            case 2, 13 -> {
                out.ascii("\n\t      ");
                ipv6(c, m, o);
                out.ch('/').num(m.byteAt(o + 16));
            }
            case 3 -> {
                out.ascii("\n\t      tunnel end-point ");
                c.ipv4((int) m.intAt(o));
                out.ascii(", tunnel sender ");
                c.ipv4((int) m.intAt(o + 12));
                out.ascii(", lsp-id 0x").hex(m.shortAt(o + 18), 4).ascii("\n\t      tunnel-id 0x")
                        .hex(m.shortAt(o + 6), 4).ascii(", extended tunnel-id ");
                c.ipv4((int) m.intAt(o + 8));
            }
            case 4 -> {
                out.ascii("\n\t      tunnel end-point ");
                ipv6(c, m, o);
                out.ascii(", tunnel sender ");
                ipv6(c, m, o + 36);
                out.ascii(", lsp-id 0x").hex(m.shortAt(o + 54), 4).ascii("\n\t      tunnel-id 0x")
                        .hex(m.shortAt(o + 18), 4).ascii(", extended tunnel-id ");
                ipv6(c, m, o + 20);
            }
            case 6, 7 -> {
                out.ascii("\n\t      RD: ");
                routeDistinguisher(c, m, o);
                out.ascii(", ");
                if (type == 6) {
                    c.ipv4((int) m.intAt(o + 8));
                    out.ch('/').num(m.byteAt(o + 12));
                } else {
                    ipv6(c, m, o + 8);
                    out.ch('/').num(m.byteAt(o + 24));
                }
            }
            case 8 -> {
                out.ascii("\n\t      RD: ");
                routeDistinguisher(c, m, o);
                out.ascii(", Sender VE ID: ").num(m.shortAt(o + 8)).ascii(", Receiver VE ID: ")
                        .num(m.shortAt(o + 10)).ascii("\n\t      Encapsulation Type: ");
                pwType(out, m.shortAt(o + 12));
            }
            case 9 -> {
                out.ascii("\n\t      Remote PE: ");
                c.ipv4((int) m.intAt(o));
                out.ascii("\n\t      PW ID: 0x").hex(m.intAt(o + 4), 8).ascii(", PW Type: ");
                pwType(out, m.shortAt(o + 8));
            }
            case 10 -> {
                out.ascii("\n\t      Sender PE: ");
                c.ipv4((int) m.intAt(o));
                out.ascii(", Remote PE: ");
                c.ipv4((int) m.intAt(o + 4));
                out.ascii("\n\t      PW ID: 0x").hex(m.intAt(o + 8), 8).ascii(", PW Type: ");
                pwType(out, m.shortAt(o + 12));
            }
            default -> { }
        }
    }

    private static void pwType(Out out, int type) {
        out.ascii(type < PW_TYPES.length ? PW_TYPES[type] : type == 0x40 ? "IP-interworking" : "unknown")
                .ascii(" (").num(type).ch(')');
    }

    /** An RFC 4364 route distinguisher in each of its three formats, as tcpdump writes it. */
    private static void routeDistinguisher(PrintContext c, MplsEcho m, int at) {
        Out out = c.out();
        switch (m.shortAt(at)) {
            case 0 -> {
                out.num(m.shortAt(at + 2)).ch(':').num(m.intAt(at + 4)).ascii(" (= ");
                c.ipv4((int) m.intAt(at + 4));
                out.ch(')');
            }
            case 1 -> {
                c.ipv4((int) m.intAt(at + 2));
                out.ch(':').num(m.shortAt(at + 6));
            }
            case 2 -> {
                out.num(m.intAt(at + 2)).ch(':').num(m.shortAt(at + 6)).ascii(" (");
                c.ipv4((int) m.intAt(at + 2));
                out.ch(':').num(m.shortAt(at + 6)).ch(')');
            }
            default -> out.ascii("unknown RD format");
        }
    }

    private static void ipv6(PrintContext c, MplsEcho m, int at) {
        byte[] a = c.addressScratch();
        for (int i = 0; i < 16; i++) {
            a[i] = (byte) m.byteAt(at + i);
        }
        c.ipv6(a);
    }

    /** Throws {@link Truncated} unless the {@code n} bytes at {@code at} were captured. */
    private static void need(MplsEcho m, int at, int n) {
        if (!m.has(at, n)) {
            throw Truncated.INSTANCE;
        }
    }
}
