package dev.trawl.cli.print;

import dev.trawl.decode.layer.Ospf;

/**
 * The bodies of OSPFv2 opaque LSAs as tcpdump prints them with {@code -v}: traffic engineering (RFC 3630, with
 * the GMPLS link sub-TLVs of RFC 4203 and the bandwidth constraints of RFC 4124), graceful restart (RFC 3623) and
 * router information TLVs. {@link OspfDetail} calls it for those opaque types. Stateless.
 */
final class OspfTeText {
    private OspfTeText() {
    }

    /** Opaque types this class prints. */
    static final int TRAFFIC_ENGINEERING = 1;
    static final int GRACEFUL_RESTART = 3;
    static final int ROUTER_INFORMATION = 4;

    private static final String[] LINK_SUB_TLVS = {null, "Link Type", "Link ID", "Local Interface IP address",
        "Remote Interface IP address", "Traffic Engineering Metric", "Maximum Bandwidth",
        "Maximum Reservable Bandwidth", "Unreserved Bandwidth", "Administrative Group", null,
        "Link Local/Remote Identifier", null, null, "Link Protection Type", "Interface Switching Capability",
        "Shared Risk Link Group", "Bandwidth Constraints"};
    private static final String[] PROTECTIONS = {"Extra Traffic", "Unprotected", "Shared", "Dedicated 1:1",
        "Dedicated 1+1", "Enhanced", "Reserved", "Reserved"};
    private static final long[] EIGHT_BITS = {0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80};
    private static final String[] CAPABILITIES = {"Reserved", "Reserved", "Reserved", "Reserved",
        "graceful restart capable", "graceful restart helper", "Stub router support", "Traffic engineering",
        "p2p over LAN", "path computation server"};
    private static final long[] CAPABILITY_BITS = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512};
    private static final String[] GRACE_TLVS = {null, "Grace Period", "Graceful restart Reason",
        "IPv4 interface address"};
    private static final String[] GRACE_REASONS = {"Unknown", "Software Restart", "Software Reload/Upgrade",
        "Control Processor Switch"};

    /**
     * Prints the body of {@code length} bytes at {@code at} of an opaque LSA of type {@code opaque}; false when
     * tcpdump gave up on it (a bad length, or bytes it checked and found missing), so that the LSA gets no
     * {@code -vv} dump. Throws {@link Truncated} where tcpdump ends the packet.
     */
    static boolean print(PrintContext c, Ospf o, int opaque, int at, int length) {
        return switch (opaque) {
            case TRAFFIC_ENGINEERING -> trafficEngineering(c, o, at, length);
            case GRACEFUL_RESTART -> grace(c, o, at, length);
            default -> routerInformation(c, o, at, length);
        };
    }

    private static boolean trafficEngineering(PrintContext c, Ospf o, int at, int left) {
        Out out = c.out();
        while (left != 0) {
            if (!o.has(at, 4)) {
                return false;
            }
            if (left < 4) {
                out.ascii("\n\t    Remaining LS length ").num(left).ascii(" < 4");
                return false;
            }
            int type = o.u16At(at);
            int length = o.u16At(at + 2);
            at += 4;
            left -= 4;
            out.ascii("\n\t    ").ascii(type == 1 ? "Router Address" : type == 2 ? "Link" : "unknown").ascii(" TLV (")
                    .num(type).ascii("), length: ").num(length);
            if (length > left) {
                out.ascii("\n\t    Bogus length ").num(length).ascii(" > ").num(left);
                return false;
            }
            if (type == 0 || length == 0) {
                return false;
            }
            if (type == 2) {
                // tcpdump's sub-TLV walk uses up the TLV's length and moves its cursor: the LSA's remaining
                // length stays as it was after the TLV header, so the walk reads on past the TLV
                at = link(c, o, at, length);
                if (at < 0) {
                    return false;
                }
                continue;
            } else if (type == 1) {
                if (length < 4) {
                    out.ascii("\n\t    TLV length ").num(length).ascii(" < 4");
                    return false;
                }
                out.ascii(", ");
                ipv4(c, o, at);
            } else if (c.verbose() <= 1) {
                dump(out, o, at, length, "\n\t      ");
            }
            if (length % 4 != 0) {
                length += 4 - length % 4;
            }
            if (length > left) {
                out.ascii("\n\t    Bogus padded length ").num(length).ascii(" > ").num(left);
                return false;
            }
            left -= length;
            at += length;
        }
        return true;
    }

    /** The sub-TLVs of a Link TLV of {@code left} bytes at {@code at}; where tcpdump's cursor ends, or -1. */
    private static int link(PrintContext c, Ospf o, int at, int left) {
        Out out = c.out();
        while (left != 0) {
            if (left < 4) {
                out.ascii("\n\t    Remaining TLV length ").num(left).ascii(" < 4");
                return -1;
            }
            int type = u16(o, at);
            int length = u16(o, at + 2);
            at += 4;
            left -= 4;
            if (type == 0 || length == 0) {
                out.ascii(" (invalid)");
                return -1;
            }
            String name = type < LINK_SUB_TLVS.length ? LINK_SUB_TLVS[type] : null;
            out.ascii("\n\t      ").ascii(name != null ? name : "unknown").ascii(" subTLV (").num(type)
                    .ascii("), length: ").num(length);
            if (left < length) {
                out.ascii("\n\t    Remaining TLV length ").num(left + 4).ascii(" < ").num(length + 4);
                return -1;
            }
            if (!o.has(at, length)) {
                return -1;
            }
            if (!subTlv(c, o, type, at, length)) {
                out.ascii(" (invalid)");
                return -1;
            }
            if (type == 16) {
                at += length; // tcpdump's cursor walks the groups, and then steps over them once more
            }
            if (length % 4 != 0) {
                length += 4 - length % 4;
            }
            if (left < length) {
                out.ascii("\n\t    Remaining TLV length ").num(left + 4).ascii(" < ").num(length + 4);
                return -1;
            }
            left -= length;
            at += length;
        }
        return at;
    }

    /** One sub-TLV of a Link TLV; false when its length is wrong for its type (tcpdump's "invalid"). */
    private static boolean subTlv(PrintContext c, Ospf o, int type, int at, int length) {
        Out out = c.out();
        switch (type) {
            case 9 -> {
                if (length != 4) {
                    out.ascii(" != 4");
                    return false;
                }
                out.ascii(", 0x").hex(u32(o, at), 8);
            }
            case 2, 11 -> {
                if (length != 4 && length != 8) {
                    out.ascii(" != 4 && != 8");
                    return false;
                }
                out.ascii(", ");
                ipv4(c, o, at);
                out.ascii(" (0x").hex(u32(o, at), 8).ch(')');
                if (length == 8) {
                    out.ascii(", ");
                    ipv4(c, o, at + 4);
                    out.ascii(" (0x").hex(u32(o, at + 4), 8).ch(')');
                }
            }
            case 3, 4 -> {
                if (length != 4) {
                    out.ascii(" != 4");
                    return false;
                }
                out.ascii(", ");
                ipv4(c, o, at);
            }
            case 6, 7 -> {
                if (length != 4) {
                    out.ascii(" != 4");
                    return false;
                }
                out.ascii(", ").ascii(mbps(u32(o, at))).ascii(" Mbps");
            }
            case 8 -> {
                if (length != 32) {
                    out.ascii(" != 32");
                    return false;
                }
                for (int te = 0; te < 8; te++) {
                    out.ascii("\n\t\tTE-Class ").num(te).ascii(": ").ascii(mbps(u32(o, at + te * 4))).ascii(" Mbps");
                }
            }
            case 17 -> {
                if (length < 4) {
                    out.ascii(" < 4");
                    return false;
                }
                int model = u8(o, at);
                out.ascii("\n\t\tBandwidth Constraints Model ID: ").ascii(switch (model) {
                    case 0 -> "Russian dolls";
                    case 1 -> "Maximum allocation";
                    case 254 -> "Maximum allocation with E-LSP support";
                    default -> "unknown";
                }).ascii(" (").num(model).ch(')');
                if (length % 4 != 0) {
                    out.ascii("\n\t\tlength ").num(length).ascii(" != N x 4");
                    return false;
                }
                if (length > 36) {
                    out.ascii("\n\t\tlength ").num(length).ascii(" > 36");
                    return false;
                }
                for (int ct = 0; ct < (length - 4) / 4; ct++) {
                    out.ascii("\n\t\t  Bandwidth constraint CT").num(ct).ascii(": ")
                            .ascii(mbps(u32(o, at + 4 + ct * 4))).ascii(" Mbps");
                }
            }
            case 5 -> {
                if (length != 4) {
                    out.ascii(" != 4");
                    return false;
                }
                out.ascii(", Metric ").num(u32(o, at));
            }
            case 14 -> {
                if (length != 4) {
                    out.ascii(" != 4");
                    return false;
                }
                out.ascii(", ");
                GmplsText.flags(out, u8(o, at), EIGHT_BITS, PROTECTIONS, "none");
            }
            case 15 -> {
                if (length < 36) {
                    out.ascii(" < 36");
                    return false;
                }
                out.ascii("\n\t\tInterface Switching Capability: ").ascii(GmplsText.switchingCapability(u8(o, at)))
                        .ascii("\n\t\tLSP Encoding: ").ascii(GmplsText.encoding(u8(o, at + 1)))
                        .ascii("\n\t\tMax LSP Bandwidth:");
                for (int level = 0; level < 8; level++) {
                    out.ascii("\n\t\t  priority level ").num(level).ascii(": ").ascii(mbps(u32(o, at + 4 + level * 4)))
                            .ascii(" Mbps");
                }
            }
            case 1 -> {
                if (length != 1) {
                    out.ascii(" != 1");
                    return false;
                }
                int link = u8(o, at);
                out.ascii(", ").ascii(link == 1 ? "Point-to-point" : link == 2 ? "Multi-Access" : "unknown")
                        .ascii(" (").num(link).ch(')');
            }
            case 16 -> {
                if (length % 4 != 0) {
                    out.ascii(" != N x 4");
                    return false;
                }
                if (length != 0) {
                    out.ascii("\n\t\t  Shared risk group: ");
                }
                for (int i = 0; i < length; i += 4) {
                    out.num(u32(o, at + i)).ascii(i + 4 < length ? ", " : "");
                }
            }
            default -> {
                if (c.verbose() <= 1) {
                    dump(out, o, at, length, "\n\t\t");
                }
            }
        }
        return true;
    }

    private static boolean grace(PrintContext c, Ospf o, int at, int left) {
        Out out = c.out();
        while (left > 0) {
            if (!o.has(at, 4)) {
                return false;
            }
            if (left < 4) {
                out.ascii("\n\t    Remaining LS length ").num(left).ascii(" < 4");
                return false;
            }
            int type = o.u16At(at);
            int length = o.u16At(at + 2);
            at += 4;
            left -= 4;
            out.ascii("\n\t    ").ascii(type < GRACE_TLVS.length && type > 0 ? GRACE_TLVS[type] : "unknown")
                    .ascii(" TLV (").num(type).ascii("), length ").num(length).ascii(", value: ");
            if (length > left) {
                out.ascii("\n\t    Bogus length ").num(length).ascii(" > ").num(left);
                return false;
            }
            if (type == 0 || length == 0 || !o.has(at, length)) {
                return false;
            }
            switch (type) {
                case 1 -> {
                    if (length != 4) {
                        out.ascii("\n\t    Bogus length ").num(length).ascii(" != 4");
                        return false;
                    }
                    out.num(u32(o, at)).ch('s');
                }
                case 2 -> {
                    if (length != 1) {
                        out.ascii("\n\t    Bogus length ").num(length).ascii(" != 1");
                        return false;
                    }
                    int reason = u8(o, at);
                    out.ascii(reason < GRACE_REASONS.length ? GRACE_REASONS[reason] : "Unknown").ascii(" (")
                            .num(reason).ch(')');
                }
                case 3 -> {
                    if (length != 4) {
                        out.ascii("\n\t    Bogus length ").num(length).ascii(" != 4");
                        return false;
                    }
                    ipv4(c, o, at);
                }
                default -> {
                    if (c.verbose() <= 1) {
                        dump(out, o, at, length, "\n\t      ");
                    }
                }
            }
            if (length % 4 != 0) {
                length += 4 - length % 4;
            }
            left -= length;
            at += length;
        }
        return true;
    }

    private static boolean routerInformation(PrintContext c, Ospf o, int at, int left) {
        Out out = c.out();
        while (left != 0) {
            if (!o.has(at, 4)) {
                return false;
            }
            if (left < 4) {
                out.ascii("\n\t    Remaining LS length ").num(left).ascii(" < 4");
                return false;
            }
            int type = o.u16At(at);
            int length = o.u16At(at + 2);
            at += 4;
            left -= 4;
            out.ascii("\n\t    ").ascii(type == 1 ? "Router Capabilities" : "unknown").ascii(" TLV (").num(type)
                    .ascii("), length: ").num(length).ascii(", value: ");
            if (length > left) {
                out.ascii("\n\t    Bogus length ").num(length).ascii(" > remaining LS length ").num(left);
                return false;
            }
            if (!o.has(at, length)) {
                return false;
            }
            if (type == 1) {
                if (length != 4) {
                    out.ascii("\n\t    Bogus length ").num(length).ascii(" != 4");
                    return false;
                }
                out.ascii("Capabilities: ");
                GmplsText.flags(out, u32(o, at), CAPABILITY_BITS, CAPABILITIES, "Unknown");
            } else if (c.verbose() <= 1) {
                dump(out, o, at, length, "\n\t      ");
            }
            at += length;
            left -= length;
        }
        return true;
    }

    /** The captured part of {@code length} bytes from {@code at}, as tcpdump's {@code print_unknown_data}. */
    private static void dump(Out out, Ospf o, int at, int length, String indent) {
        TlvText.dump(out, i -> o.u8At(at + i), Math.max(0, Math.min(length, o.regionLength() - at)), indent);
    }

    private static String mbps(long bits) {
        float bandwidth = Float.intBitsToFloat((int) bits);
        return String.format(java.util.Locale.ROOT, "%.3f", (double) (bandwidth * 8 / 1000000));
    }

    private static void ipv4(PrintContext c, Ospf o, int at) {
        c.ipv4((int) u32(o, at));
    }

    static int u8(Ospf o, int at) {
        need(o, at, 1);
        return o.u8At(at);
    }

    static int u16(Ospf o, int at) {
        need(o, at, 2);
        return o.u16At(at);
    }

    static long u32(Ospf o, int at) {
        need(o, at, 4);
        return o.u32At(at);
    }

    /** Throws {@link Truncated} unless the {@code n} bytes at {@code at} were captured. */
    static void need(Ospf o, int at, int n) {
        if (!o.has(at, n)) {
            throw Truncated.INSTANCE;
        }
    }
}
