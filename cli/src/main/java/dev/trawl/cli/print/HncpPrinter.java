package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Hncp;

/**
 * HNCP as tcpdump prints it: {@code hncp (72)} and the TLVs' names on one line ({@code Node endpoint, Network
 * state, Node state (x2)}); with {@code -v} one line per top-level TLV with its fields and the names of the TLVs
 * nested in it on the next; with {@code -vv} every TLV on a line of its own, indented by its depth. A TLV that
 * breaks its parent's bounds ends that level with {@code (invalid)}, one past the capture with {@code [|hncp]}.
 * decode does not dissect HNCP (Wireshark has no dissector for it), so {@link UdpPortPrinters} hands the payload
 * of UDP port 8231 here. Not thread-safe.
 */
final class HncpPrinter implements LayerPrinter {
    private static final int REQUEST_NETWORK_STATE = 1;
    private static final int REQUEST_NODE_STATE = 2;
    private static final int NODE_ENDPOINT = 3;
    private static final int NETWORK_STATE = 4;
    private static final int NODE_STATE = 5;
    private static final int PEER = 8;
    private static final int KEEP_ALIVE_INTERVAL = 9;
    private static final int TRUST_VERDICT = 10;
    private static final int HNCP_VERSION = 32;
    private static final int EXTERNAL_CONNECTION = 33;
    private static final int DELEGATED_PREFIX = 34;
    private static final int ASSIGNED_PREFIX = 35;
    private static final int NODE_ADDRESS = 36;
    private static final int DHCPV4_DATA = 37;
    private static final int DHCPV6_DATA = 38;
    private static final int DNS_DELEGATED_ZONE = 39;
    private static final int DOMAIN_NAME = 40;
    private static final int NODE_NAME = 41;
    private static final int MANAGED_PSK = 42;
    private static final int PREFIX_POLICY = 43;
    /** Classes of types without a name of their own, above the 16-bit type space. */
    private static final int RESERVED = 0x10000;
    private static final int UNASSIGNED = 0x10001;
    private static final int PRIVATE_USE = 0x10002;
    private static final int FUTURE_USE = 0x10003;
    private static final int NO_CLASS = -1;

    private final Hncp view = new Hncp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Hncp m = view.wrap(p.buffer(), p.offset(layer), UdpPortPrinters.captured(c, layer));
        int length = BabelPrinter.datagramLength(c, layer);
        c.out().ascii("hncp (").num(length).ch(')');
        records(c, m, 0, length, 1);
    }

    /** Whether TLVs at this depth print as a list of names rather than one per line. */
    private static boolean inLine(PrintContext c, int indent) {
        return indent - 1 >= c.verbose() && c.verbose() < 3;
    }

    /** Prints the TLVs of {@code length} bytes from {@code start}; a truncation or invalid TLV ends this level. */
    private static void records(PrintContext c, Hncp m, int start, int length, int indent) {
        Out out = c.out();
        boolean inLine = inLine(c, indent);
        boolean[] first = {true};
        int lastClass = NO_CLASS;
        int lastCount = -1;
        for (int i = 0; i < length; ) {
            int tlv = start + i;
            if (!inLine) {
                HncpText.newLine(out, indent);
            }
            if (!m.has(tlv, Hncp.TLV_HEADER_LENGTH)) {
                c.truncated("hncp");
                return;
            }
            if (i + Hncp.TLV_HEADER_LENGTH > length) {
                out.ascii(" (invalid)");
                return;
            }
            int type = m.tlvType(tlv);
            int bodyLength = m.tlvLength(tlv);
            int value = tlv + Hncp.TLV_HEADER_LENGTH;
            if (!m.has(value, bodyLength)) {
                c.truncated("hncp");
                return;
            }
            if (i + bodyLength + Hncp.TLV_HEADER_LENGTH > length) {
                out.ascii(" (invalid)");
                return;
            }
            int typeClass = typeClass(type);
            if (inLine) {
                if (lastClass == typeClass) {
                    lastCount++;
                } else {
                    nameInLine(out, lastClass, lastCount, indent, first);
                    lastClass = typeClass;
                    lastCount = 1;
                }
            } else if (!body(c, m, type, typeClass, value, bodyLength, indent)) {
                return;
            }
            i += Hncp.TLV_HEADER_LENGTH + ((bodyLength + 3) & ~3);
        }
        nameInLine(out, lastClass, lastCount, indent, first);
    }

    private static void nameInLine(Out out, int typeClass, int count, int indent, boolean[] first) {
        if (count <= 0) {
            return;
        }
        if (first[0]) {
            first[0] = false;
            if (indent > 1) {
                HncpText.newLine(out, indent);
            } else {
                out.ch(' ');
            }
        } else {
            out.ascii(", ");
        }
        out.ascii(name(typeClass));
        if (count > 1) {
            out.ascii(" (x").num(count).ch(')');
        }
    }

    /** Prints one TLV on its line; false when the level ends there (tcpdump's {@code goto invalid}). */
    private static boolean body(PrintContext c, Hncp m, int type, int typeClass, int value, int len, int indent) {
        Out out = c.out();
        out.ascii(name(typeClass));
        if (typeClass > 0xFFFF) {
            out.ascii(": type=").num(type);
        }
        out.ascii(" (").num(len + Hncp.TLV_HEADER_LENGTH).ch(')');
        switch (typeClass) {
            case REQUEST_NETWORK_STATE -> {
                if (len != 0) {
                    invalid(out);
                }
            }
            case REQUEST_NODE_STATE -> {
                if (len != 4) {
                    invalid(out);
                } else {
                    nid(out.ascii(" NID: "), m, value);
                }
            }
            case NODE_ENDPOINT -> {
                if (len != 8) {
                    invalid(out);
                } else {
                    nid(out.ascii(" NID: "), m, value);
                    out.ascii(" EPID: ").hex(m.intAt(value + 4), 8);
                }
            }
            case NETWORK_STATE -> {
                if (len != 8) {
                    invalid(out);
                } else {
                    hash(out.ascii(" hash: "), m, value);
                }
            }
            case NODE_STATE -> {
                if (len < 20) {
                    invalid(out);
                } else {
                    nid(out.ascii(" NID: "), m, value);
                    out.ascii(" seqno: ").num(m.intAt(value + 4)).ch(' ');
                    interval(out, m.intAt(value + 8));
                    hash(out.ascii(" hash: "), m, value + 12);
                    records(c, m, value + 20, len - 20, indent + 1);
                }
            }
            case PEER -> {
                if (len != 12) {
                    invalid(out);
                } else {
                    nid(out.ascii(" Peer-NID: "), m, value);
                    out.ascii(" Peer-EPID: ").hex(m.intAt(value + 4), 8).ascii(" Local-EPID: ")
                            .hex(m.intAt(value + 8), 8);
                }
            }
            case KEEP_ALIVE_INTERVAL -> {
                if (len < 8) {
                    invalid(out);
                } else {
                    out.ascii(" EPID: ").hex(m.intAt(value), 8).ascii(" Interval: ");
                    interval(out, m.intAt(value + 4));
                }
            }
            case TRUST_VERDICT -> {
                if (len <= 36) {
                    invalid(out);
                } else {
                    out.ascii(" Verdict: ").num(m.byteAt(value)).ascii(" Fingerprint: ");
                    for (int k = 0; k < 32; k++) {
                        out.hex2(m.byteAt(value + 4 + k));
                    }
                    out.ascii(" Common Name: ");
                    TlvText.textToNul(out, m, value + 36, len - 36);
                }
            }
            case HNCP_VERSION -> {
                if (len < 5) {
                    invalid(out);
                } else {
                    int capabilities = m.shortAt(value + 2);
                    out.ascii(" M: ").num(capabilities >>> 12 & 0xF).ascii(" P: ").num(capabilities >>> 8 & 0xF)
                            .ascii(" H: ").num(capabilities >>> 4 & 0xF).ascii(" L: ").num(capabilities & 0xF)
                            .ascii(" User-agent: ");
                    TlvText.textToNul(out, m, value + 4, len - 4);
                }
            }
            case EXTERNAL_CONNECTION -> records(c, m, value, len, indent + 1);
            case DELEGATED_PREFIX -> {
                if (len < 9 || len < 9 + (m.byteAt(value + 8) + 7) / 8) {
                    invalid(out);
                    break;
                }
                out.ascii(" VLSO: ");
                interval(out, m.intAt(value));
                out.ascii(" PLSO: ");
                interval(out, m.intAt(value + 4));
                out.ascii(" Prefix: ");
                int l = HncpText.prefix(c, m, value + 8, len - 8);
                if (l == -1) {
                    out.ascii("(length is invalid)");
                } else if (l < 0) {
                    invalid(out);
                } else {
                    l += 8 + (-l & 3);
                    if (len >= l) {
                        records(c, m, value + l, len - l, indent + 1);
                    }
                }
            }
            case PREFIX_POLICY -> prefixPolicy(c, m, value, len);
            case DHCPV4_DATA -> {
                if (len == 0) {
                    invalid(out);
                } else if (!HncpText.dhcpv4(c, m, value, len, indent + 1)) {
                    invalid(out);
                    return false;
                }
            }
            case DHCPV6_DATA -> {
                if (len == 0 || !HncpText.dhcpv6(c, m, value, len, indent + 1)) {
                    invalid(out);
                }
            }
            case ASSIGNED_PREFIX -> {
                if (len < 6 || len < 6 + (m.byteAt(value + 5) + 7) / 8) {
                    invalid(out);
                    break;
                }
                out.ascii(" EPID: ").hex(m.intAt(value), 8).ascii(" Prty: ").num(m.byteAt(value + 4) & 0xF)
                        .ascii(" Prefix: ");
                int l = HncpText.prefix(c, m, value + 5, len - 5);
                if (l < 0) {
                    invalid(out);
                } else {
                    l += 5;
                    l += -l & 3;
                    if (len >= l) {
                        records(c, m, value + l, len - l, indent + 1);
                    }
                }
            }
            case NODE_ADDRESS -> {
                if (len < 20) {
                    invalid(out);
                } else {
                    out.ascii(" EPID: ").hex(m.intAt(value), 8).ascii(" IP Address: ");
                    HncpText.address(c, m, value + 4);
                    records(c, m, value + 20, len - 20, indent + 1);
                }
            }
            case DNS_DELEGATED_ZONE -> {
                if (len < 17) {
                    invalid(out);
                    break;
                }
                out.ascii(" IP-Address: ");
                HncpText.address(c, m, value);
                int f = m.byteAt(value + 16);
                out.ch(' ').ch((f & 4) != 0 ? 'l' : '-').ch((f & 2) != 0 ? 'b' : '-').ch((f & 1) != 0 ? 's' : '-')
                        .ch(' ');
                int l = HncpText.dnsLabels(out, m, value + 17, len - 17);
                if (l < 0) {
                    invalid(out);
                } else {
                    l += 17;
                    l += -l & 3;
                    if (len >= l) {
                        records(c, m, value + l, len - l, indent + 1);
                    }
                }
            }
            case DOMAIN_NAME -> {
                if (len == 0) {
                    invalid(out);
                } else {
                    out.ascii(" Domain: ");
                    HncpText.dnsLabels(out, m, value, len);
                }
            }
            case NODE_NAME -> {
                if (len < 17) {
                    invalid(out);
                    break;
                }
                int l = m.byteAt(value + 16);
                if (len < 17 + l) {
                    invalid(out);
                    break;
                }
                out.ascii(" IP-Address: ");
                HncpText.address(c, m, value);
                out.ascii(" Name: ");
                if (l < 64) {
                    out.ch('"');
                    TlvText.textToNul(out, m, value + 17, l);
                    out.ch('"');
                } else {
                    invalid(out);
                }
                l = (l + 17 + 3) & ~3;
                if (len >= l) {
                    records(c, m, value + l, len - l, indent + 1);
                }
            }
            case MANAGED_PSK -> {
                if (len < 32) {
                    invalid(out);
                } else {
                    out.ascii(" PSK: ");
                    for (int k = 0; k < 32; k++) {
                        out.hex2(m.byteAt(value + k));
                    }
                    records(c, m, value + 32, len - 32, indent + 1);
                }
            }
            default -> {
                // the unnamed classes print their name and length only
            }
        }
        return true;
    }

    private static void prefixPolicy(PrintContext c, Hncp m, int value, int len) {
        Out out = c.out();
        if (len < 1) {
            invalid(out);
            return;
        }
        int policy = m.byteAt(value);
        out.ascii(" type: ");
        if (policy == 0) {
            if (len != 1) {
                invalid(out);
            } else {
                out.ascii("Internet connectivity");
            }
        } else if (policy <= 128) {
            out.ascii("Dest-Prefix: ");
            int l = HncpText.prefix(c, m, value, len);
            if (l == -1) {
                out.ascii("(length is invalid)");
            } else if (l < 0) {
                invalid(out);
            }
        } else if (policy == 129) {
            out.ascii("DNS domain: ");
            HncpText.dnsLabels(out, m, value + 1, len - 1);
        } else if (policy == 130) {
            out.ascii("Opaque UTF-8: ");
            TlvText.textToNul(out, m, value + 1, len - 1);
        } else if (policy == 131) {
            if (len != 1) {
                invalid(out);
            } else {
                out.ascii("Restrictive assignment");
            }
        } else {
            out.ascii("Unknown (").num(policy).ch(')');
        }
    }

    private static void invalid(Out out) {
        out.ascii(" (invalid)");
    }

    /** The class a type falls in for printing: the type itself when it has a name. */
    private static int typeClass(int type) {
        if (type >= REQUEST_NETWORK_STATE && type <= NODE_STATE || type >= PEER && type <= TRUST_VERDICT
                || type >= HNCP_VERSION && type <= PREFIX_POLICY) {
            return type;
        }
        if (type == 0) {
            return RESERVED;
        }
        if (type >= 44 && type <= 511) {
            return UNASSIGNED;
        }
        if (type >= 768 && type <= 1023) {
            return PRIVATE_USE;
        }
        return FUTURE_USE;
    }

    private static String name(int typeClass) {
        return switch (typeClass) {
            case REQUEST_NETWORK_STATE -> "Request network state";
            case REQUEST_NODE_STATE -> "Request node state";
            case NODE_ENDPOINT -> "Node endpoint";
            case NETWORK_STATE -> "Network state";
            case NODE_STATE -> "Node state";
            case PEER -> "Peer";
            case KEEP_ALIVE_INTERVAL -> "Keep-alive interval";
            case TRUST_VERDICT -> "Trust-Verdict";
            case HNCP_VERSION -> "HNCP-Version";
            case EXTERNAL_CONNECTION -> "External-Connection";
            case DELEGATED_PREFIX -> "Delegated-Prefix";
            case PREFIX_POLICY -> "Prefix-Policy";
            case DHCPV4_DATA -> "DHCPv4-Data";
            case DHCPV6_DATA -> "DHCPv6-Data";
            case ASSIGNED_PREFIX -> "Assigned-Prefix";
            case NODE_ADDRESS -> "Node-Address";
            case DNS_DELEGATED_ZONE -> "DNS-Delegated-Zone";
            case DOMAIN_NAME -> "Domain-Name";
            case NODE_NAME -> "Node-Name";
            case MANAGED_PSK -> "Managed-PSK";
            case RESERVED -> "Reserved";
            case UNASSIGNED -> "Unassigned";
            case PRIVATE_USE -> "Private use";
            default -> "Future use";
        };
    }

    private static void nid(Out out, Hncp m, int at) {
        out.hex2(m.byteAt(at)).ch(':').hex2(m.byteAt(at + 1)).ch(':').hex2(m.byteAt(at + 2)).ch(':')
                .hex2(m.byteAt(at + 3));
    }

    private static void hash(Out out, Hncp m, int at) {
        out.hex(m.intAt(at), 8).hex(m.intAt(at + 4), 8);
    }

    /** Milliseconds as tcpdump's HNCP printer writes them: {@code 160.088s}. */
    private static void interval(Out out, long millis) {
        out.num(millis / 1000).ch('.').num(millis % 1000, 3).ch('s');
    }
}
