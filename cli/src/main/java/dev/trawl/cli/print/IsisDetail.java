package dev.trawl.cli.print;

import dev.trawl.decode.layer.Isis;
import dev.trawl.decode.layer.TlvMessage;

/**
 * IS-IS as tcpdump prints it with {@code -v}: the common header, the PDU type's header and every TLV on lines
 * of its own (area addresses, neighbours, reachability old and extended with their sub-TLVs, LSP entries,
 * authentication, restart signalling, ...), the TLVs tcpdump does not decode as a hex dump. Stateless.
 */
final class IsisDetail {
    private static final int H = Isis.HEADER_LENGTH;
    private static final int SYSTEM_ID = 6;
    private static final int NODE_ID = 7;
    private static final int LSP_ID = 8;
    private static final String TLV_INDENT = "\n\t      ";

    private IsisDetail() {
    }

    /** Thrown when the captured bytes end inside what is being printed, as tcpdump's {@code [|isis]}. */
    private static final class Truncated extends Exception {
        private static final Truncated INSTANCE = new Truncated();

        private Truncated() {
            super(null, null, false, false);
        }
    }

    /**
     * Prints the PDU after its common header passed tcpdump's checks; false when tcpdump gives up on it and
     * its caller dumps the PDU.
     */
    static boolean print(PrintContext c, Isis m, int length) {
        try {
            return pdu(c, m, length);
        } catch (Truncated | dev.trawl.cli.print.Truncated t) {
            c.truncated("isis");
            return true;
        }
    }

    private static void need(Isis m, int at, int n) throws Truncated {
        if (!m.has(at, n)) {
            throw Truncated.INSTANCE;
        }
    }

    private static boolean pdu(PrintContext c, Isis m, int length) throws Truncated {
        Out out = c.out();
        int type = m.pduTypeByte();
        int fixed = m.fixedLength();
        int idLength = m.idLength();
        int maxAreas = m.maxAreas();
        out.ascii(c.linkHeader() ? "" : ", ").ascii("length ").num(length);
        out.ascii("\n\t").ascii(typeName(type)).ascii(", hlen: ").num(fixed).ascii(", v: ").num(m.version())
                .ascii(", pdu-v: ").num(m.pduVersion()).ascii(", sys-id-len: 6 (").num(idLength)
                .ascii("), max-area: ").num(maxAreas == 0 ? 3 : maxAreas).ascii(" (").num(maxAreas).ch(')');
        if (c.verbose() > 1) {
            TlvText.dump(out, m, 0, H, "\n\t");
        }
        int specific;
        switch (type) {
            case 15, 16 -> specific = 19;
            case 17 -> specific = 12;
            case 18, 20 -> specific = 19;
            case 24, 25 -> specific = 25;
            case 26, 27 -> specific = 9;
            default -> {
                TlvText.dump(out, m, H, length, "\n\t  ");
                return false;
            }
        }
        if (fixed != H + specific) {
            boolean psnp = type == 26 || type == 27;
            out.ascii(psnp ? "- bogus fixed header length " : ", bogus fixed header length ").num(fixed)
                    .ascii(" should be ").num(type == 18 || type == 20 ? specific : H + specific);
            return false;
        }
        need(m, H, specific);
        if (length < H + specific) {
            throw Truncated.INSTANCE;
        }
        int pduLength;
        switch (type) {
            case 15, 16 -> {
                pduLength = m.shortAt(H + 9);
                out.ascii("\n\t  source-id: ");
                id(out, m, H + 1, SYSTEM_ID);
                out.ascii(",  holding time: ").num(m.shortAt(H + 7)).ascii("s, Flags: [")
                        .ascii(circuitType(m.byteAt(H))).ascii("]\n\t  lan-id:    ");
                id(out, m, H + 12, NODE_ID);
                out.ascii(", Priority: ").num(m.byteAt(H + 11) & 0x7f).ascii(", PDU length: ").num(pduLength);
            }
            case 17 -> {
                pduLength = m.shortAt(H + 9);
                out.ascii("\n\t  source-id: ");
                id(out, m, H + 1, SYSTEM_ID);
                out.ascii(", holding time: ").num(m.shortAt(H + 7)).ascii("s, Flags: [")
                        .ascii(circuitType(m.byteAt(H))).ascii("]\n\t  circuit-id: 0x").hex2(m.byteAt(H + 11))
                        .ascii(", PDU length: ").num(pduLength);
            }
            case 18, 20 -> {
                pduLength = m.shortAt(H);
                int checked = Math.min(length, pduLength);
                int checksum = m.shortAt(H + 16);
                out.ascii("\n\t  lsp-id: ");
                id(out, m, H + 4, LSP_ID);
                out.ascii(", seq: 0x").hex(m.intAt(H + 12), 8).ascii(", lifetime: ");
                padded(out, m.shortAt(H + 2), 5);
                out.ascii("s\n\t  chksum: 0x").hex(checksum, 4);
                checksum(out, m, checksum, H + 4, 12, checked - 12);
                int block = m.byteAt(H + 18);
                out.ascii(", PDU length: ").num(pduLength).ascii(", Flags: [ ");
                if ((block & 0x4) != 0) {
                    out.ascii("Overload bit set, ");
                }
                if ((block & 0x78) != 0) {
                    out.ascii((block & 0x8) != 0 ? "default " : "").ascii((block & 0x10) != 0 ? "delay " : "")
                            .ascii((block & 0x20) != 0 ? "expense " : "").ascii((block & 0x40) != 0 ? "error " : "")
                            .ascii("ATT bit set, ");
                }
                if ((block & 0x80) != 0) {
                    out.ascii("P bit set, ");
                }
                out.ascii(switch (block & 3) {
                    case 1 -> "L1 IS";
                    case 3 -> "L2 IS";
                    default -> "Unused 0x" + (block & 3) + " (invalid)";
                }).ascii(" ]");
            }
            case 24, 25 -> {
                pduLength = m.shortAt(H);
                out.ascii("\n\t  source-id:    ");
                id(out, m, H + 2, NODE_ID);
                out.ascii(", PDU length: ").num(pduLength).ascii("\n\t  start lsp-id: ");
                id(out, m, H + 9, LSP_ID);
                out.ascii("\n\t  end lsp-id:   ");
                id(out, m, H + 17, LSP_ID);
            }
            default -> {
                pduLength = m.shortAt(H);
                out.ascii("\n\t  source-id:    ");
                id(out, m, H + 2, NODE_ID);
                out.ascii(", PDU length: ").num(pduLength);
            }
        }
        if (c.verbose() > 1) {
            TlvText.dump(out, m, H, specific, "\n\t  ");
        }
        int left = Math.min(length, pduLength);
        int total = left;
        if (left < H + specific) {
            out.ascii(" [packet length ").num(left).ascii(" < ").num(H + specific).ascii("] (invalid)");
            return true;
        }
        left -= H + specific;
        int at = H + specific;
        while (left > 0) {
            need(m, at, 2);
            if (left < 2) {
                throw Truncated.INSTANCE;
            }
            int tlv = m.byteAt(at);
            int n = m.byteAt(at + 1);
            at += 2;
            left -= 2;
            out.ascii("\n\t    ").ascii(tlvName(tlv)).ascii(" TLV #").num(tlv).ascii(", length: ").num(n);
            if (left < n) {
                throw Truncated.INSTANCE;
            }
            if (!tlv(c, m, tlv, at, n, total)) {
                return true;
            }
            if (c.verbose() > 1) {
                TlvText.dump(out, m, at, n, TLV_INDENT);
            }
            at += n;
            left -= n;
        }
        return true;
    }

    /** Prints one TLV's value; false when tcpdump stops printing the PDU after it. */
    private static boolean tlv(PrintContext c, Isis m, int type, int v, int n, int pduLength) throws Truncated {
        Out out = c.out();
        int end = v + n;
        switch (type) {
            case 1 -> {
                for (int at = v; at < end; ) {
                    need(m, at, 1);
                    int alen = m.byteAt(at++);
                    if (end - at < alen) {
                        return true;
                    }
                    need(m, at, alen);
                    out.ascii(TLV_INDENT).ascii("Area address (length: ").num(alen).ascii("): ");
                    nsap(out, m, at, alen);
                    at += alen;
                }
            }
            case 6 -> {
                for (int at = v; at < end; at += 6) {
                    if (end - at < 6) {
                        return true;
                    }
                    need(m, at, 6);
                    out.ascii(TLV_INDENT).ascii("SNPA: ");
                    id(out, m, at, 6);
                }
            }
            case 7 -> {
                if (n < 4) {
                    return true;
                }
                int count = (n - 2) / 2;
                need(m, v, 2);
                out.ascii(TLV_INDENT).ascii("Instance ID: ").num(m.shortAt(v)).ascii(", ITIDs(").num(count).ch(')')
                        .ascii(count > 0 ? ":" : "").ch(' ');
                for (int i = 0; i < count; i++) {
                    need(m, v + 2 + 2 * i, 2);
                    out.num(m.shortAt(v + 2 + 2 * i)).ascii(i < count - 1 ? ", " : "");
                }
            }
            case 8 -> {
            }
            case 2 -> {
                if (n < 1) {
                    return true;
                }
                need(m, v, 1);
                int virtual = m.byteAt(v);
                out.ascii(TLV_INDENT).ascii(virtual == 0 ? "IsNotVirtual" : virtual == 1 ? "IsVirtual"
                        : "bogus virtual flag 0x" + hex2(virtual));
                for (int at = v + 1; at < end; at += 11) {
                    if (end - at < 11) {
                        return true;
                    }
                    need(m, at, 11);
                    out.ascii(TLV_INDENT).ascii("IS Neighbor: ");
                    id(out, m, at + 4, NODE_ID);
                    metricBlock(out, m, at);
                }
            }
            case 3 -> {
                for (int at = v; at < end; at += 10) {
                    if (end - at < 10) {
                        return true;
                    }
                    need(m, at, 10);
                    out.ascii(TLV_INDENT).ascii("ES Neighbor: ");
                    id(out, m, at + 4, SYSTEM_ID);
                    metricBlock(out, m, at);
                }
            }
            case 128, 130 -> {
                return ipReach(c, m, v, n);
            }
            case 22, 24, 222 -> entries(out, m, v, end, type == 222,
                    (at, left) -> extendedIsReach(c, m, at, type, left));
            case 135, 235, 236, 237 -> entries(out, m, v, end, type == 235 || type == 237,
                    (at, left) -> extendedIpReach(c, m, at, type == 236 || type == 237));
            case 232 -> {
                for (int at = v; at < end; at += 16) {
                    if (end - at < 16) {
                        return true;
                    }
                    out.ascii(TLV_INDENT).ascii("IPv6 interface address: ");
                    ipv6(c, m, at, 16);
                }
            }
            case 10 -> auth(c, m, v, n);
            case 240 -> {
                int left = n;
                if (left >= 1) {
                    need(m, v, 1);
                    int state = m.byteAt(v);
                    out.ascii(TLV_INDENT).ascii("Adjacency State: ").ascii(switch (state) {
                        case 0 -> "Up";
                        case 1 -> "Initializing";
                        case 2 -> "Down";
                        default -> "unknown";
                    }).ascii(" (").num(state).ch(')');
                    left--;
                }
                if (left > 4) {
                    need(m, v + 1, 4);
                    out.ascii(TLV_INDENT).ascii("Extended Local circuit-ID: 0x").hex(m.intAt(v + 1), 8);
                    left -= 4;
                }
                if (left >= SYSTEM_ID) {
                    need(m, v + 5, SYSTEM_ID);
                    out.ascii(TLV_INDENT).ascii("Neighbor System-ID: ");
                    id(out, m, v + 5, SYSTEM_ID);
                    left -= SYSTEM_ID;
                }
                if (left >= 4) {
                    need(m, v + 11, 4);
                    out.ascii(TLV_INDENT).ascii("Neighbor Extended Local circuit-ID: 0x").hex(m.intAt(v + 11), 8);
                }
            }
            case 129 -> {
                out.ascii(TLV_INDENT).ascii("NLPID(s): ");
                for (int at = v; at < end; at++) {
                    need(m, at, 1);
                    int id = m.byteAt(at);
                    out.ascii(OsiPrinter.nlpidName(id, "unknown")).ascii(" (0x").hex2(id).ch(')');
                    if (end - at > 1) {
                        out.ascii(", ");
                    }
                }
            }
            case 134 -> {
                if (n < 4) {
                    return true;
                }
                need(m, v, 4);
                out.ascii(TLV_INDENT).ascii("Traffic Engineering Router ID: ");
                c.ipv4((int) m.intAt(v));
            }
            case 132 -> {
                for (int at = v; at < end; at += 4) {
                    if (end - at < 4) {
                        return true;
                    }
                    need(m, at, 4);
                    out.ascii(TLV_INDENT).ascii("IPv4 interface address: ");
                    c.ipv4((int) m.intAt(at));
                }
            }
            case 137 -> {
                out.ascii(TLV_INDENT).ascii("Hostname: ");
                need(m, v, n);
                TlvText.textToNul(out, m, v, n);
            }
            case 9 -> {
                for (int at = v; at < end; at += 16) {
                    if (end - at < 16) {
                        return true;
                    }
                    need(m, at + 2, 8);
                    out.ascii(TLV_INDENT).ascii("lsp-id: ");
                    id(out, m, at + 2, LSP_ID);
                    need(m, at, 16);
                    out.ascii(", seq: 0x").hex(m.intAt(at + 10), 8).ascii(", lifetime: ");
                    padded(out, m.shortAt(at), 5);
                    out.ascii("s, chksum: 0x").hex(m.shortAt(at + 14), 4);
                }
            }
            case 12 -> {
                if (n < 2) {
                    return true;
                }
                need(m, v, 2);
                int checksum = m.shortAt(v);
                out.ascii(TLV_INDENT).ascii("checksum: 0x").hex(checksum, 4).ch(' ');
                checksum(out, m, checksum, 0, v, pduLength);
            }
            case 13 -> {
                if (n < 1) {
                    return true;
                }
                need(m, v, 1);
                int count = m.byteAt(v);
                if (count == 0) {
                    out.ascii(" No system IDs supplied");
                    return true;
                }
                if (n - 1 < SYSTEM_ID) {
                    return true;
                }
                need(m, v + 1, SYSTEM_ID);
                out.ascii(TLV_INDENT).ascii("Purge Originator System-ID: ");
                id(out, m, v + 1, SYSTEM_ID);
                if (count > 1) {
                    if (n - 1 - SYSTEM_ID < SYSTEM_ID) {
                        return true;
                    }
                    need(m, v + 1, 2 * SYSTEM_ID + 1);
                    out.ascii(TLV_INDENT).ascii("Received from System-ID: ");
                    id(out, m, v + 1 + SYSTEM_ID, SYSTEM_ID);
                }
            }
            case 229 -> {
                for (int at = v; at < end; at += 2) {
                    if (end - at == 1) {
                        out.ascii(TLV_INDENT).ascii("invalid MT-ID");
                        break;
                    }
                    topology(out, m, at);
                }
            }
            case 211 -> {
                if (n < 1) {
                    return true;
                }
                need(m, v, 1);
                out.ascii(TLV_INDENT).ascii("Flags [");
                TlvText.bitNames(out, m.byteAt(v), new String[] {"Restart Request", "Restart Acknowledgement",
                    "Suppress adjacency advertisement"}, "none");
                out.ch(']');
                if (n == 1 || n < 3) {
                    return true;
                }
                need(m, v + 1, 2);
                out.ascii(", Remaining holding time ").num(m.shortAt(v + 1)).ch('s');
                if (n - 3 == SYSTEM_ID) {
                    need(m, v + 3, SYSTEM_ID);
                    out.ascii(", for ");
                    id(out, m, v + 3, SYSTEM_ID);
                }
            }
            case 14 -> {
                if (n < 2) {
                    return true;
                }
                need(m, v, 2);
                out.ascii(TLV_INDENT).ascii("LSP Buffersize: ").num(m.shortAt(v));
            }
            case 4 -> {
                for (int at = v; at < end; at += SYSTEM_ID) {
                    if (end - at < SYSTEM_ID) {
                        return true;
                    }
                    need(m, at, SYSTEM_ID);
                    out.ascii(TLV_INDENT);
                    id(out, m, at, SYSTEM_ID);
                }
            }
            case 5 -> {
                if (n < 4) {
                    return true;
                }
                need(m, v, 4);
                out.ascii(TLV_INDENT).ascii("Metric Block");
                metricBlock(out, m, v);
                for (int at = v + 4; at < end; ) {
                    need(m, at, 1);
                    int semiOctets = m.byteAt(at++);
                    if (semiOctets < 2) {
                        out.ascii("\n\t\tAddress: prefix length ").num(semiOctets).ascii(" < 2");
                        break;
                    }
                    if (end - at < semiOctets / 2) {
                        break;
                    }
                    need(m, at, semiOctets / 2);
                    out.ascii("\n\t\tAddress: ");
                    nsap(out, m, at, semiOctets / 2);
                    out.ch('/').num(semiOctets * 4);
                    at += semiOctets / 2;
                }
            }
            case 143, 144 -> {
                if (n < 2) {
                    return true;
                }
                need(m, v, 2);
                int word = m.shortAt(v);
                if (type == 143) {
                    out.ascii("\n\t       RES: ").num(word >> 12).ascii(", MTID(s): ").num(word & 0x0fff);
                    IsisSpb.portCapability(c, m, v + 2, n - 2);
                } else {
                    out.ascii(TLV_INDENT).ascii("O: ").num(word >> 15 & 1).ascii(", RES: ").num(word >> 12 & 7)
                            .ascii(", MTID(s): ").num(word & 0x0fff);
                    IsisSpb.capability(c, m, v + 2, n - 2);
                }
            }
            case 131 -> {
                if (n < 1) {
                    return true;
                }
                need(m, v, 1);
                int kind = m.byteAt(v);
                out.ascii(TLV_INDENT).ascii("Inter-Domain Information Type: ").ascii(switch (kind) {
                    case 0 -> "Reserved";
                    case 1 -> "Routing-Domain Specific";
                    case 2 -> "AS Number Tag";
                    default -> "Unknown (0x" + hex2(kind) + ")";
                });
                if (kind == 2) {
                    if (n - 1 < 2) {
                        return true;
                    }
                    need(m, v + 1, 2);
                    out.ascii("AS Number: ").num(m.shortAt(v + 1));
                } else {
                    TlvText.dump(out, m, v + 1, n - 1, TLV_INDENT);
                }
            }
            case 241 -> {
                if (n < 4) {
                    return true;
                }
                need(m, v, 4);
                out.ascii(TLV_INDENT).ascii("Sequence number: ").num(m.intAt(v));
            }
            case 242 -> {
                if (n < 5) {
                    out.ascii(" [object length ").num(n).ascii(" < 5] (invalid)");
                    return true;
                }
                need(m, v, 5);
                out.ascii(TLV_INDENT).ascii("Router-ID ");
                c.ipv4((int) m.intAt(v));
                out.ascii(", Flags [");
                TlvText.bitNames(out, m.byteAt(v + 4), new String[] {"S bit", "D bit"}, "none");
                out.ch(']');
                if (n > 5) {
                    routerCapabilities(c, m, v + 5, n - 5);
                }
            }
            default -> {
                if (c.verbose() <= 1) {
                    TlvText.dump(out, m, v, n, "\n\t\t");
                }
            }
        }
        return true;
    }

    /** Prints one entry of a TLV at {@code at} with {@code left} bytes of the TLV left; returns its length. */
    @FunctionalInterface
    private interface Entry {
        int print(int at, int left) throws Truncated;
    }

    /**
     * Prints the entries of an extended reachability TLV from {@code at} to {@code end}, after its topology when
     * it is a multi-topology one; an entry that claims more than the TLV holds ends it as invalid.
     */
    private static void entries(Out out, Isis m, int at, int end, boolean topology, Entry entry) throws Truncated {
        if (topology) {
            if (end - at < 2) {
                throw Truncated.INSTANCE;
            }
            topology(out, m, at);
            at += 2;
        }
        while (at < end) {
            int used = entry.print(at, end - at);
            if (used == 0) {
                throw Truncated.INSTANCE;
            }
            if (end - at < used) {
                out.ascii(" [remaining tlv length ").num(end - at).ascii(" < ").num(used).ascii("] (invalid)");
                return;
            }
            at += used & 0xff;
        }
    }

    /** The router capability TLV's sub-TLVs: segment routing's capabilities decoded, the rest dumped. */
    private static void routerCapabilities(PrintContext c, Isis m, int at, int n) throws Truncated {
        Out out = c.out();
        int left = n;
        while (left >= 2) {
            need(m, at, 2);
            int type = m.byteAt(at);
            int len = m.byteAt(at + 1);
            at += 2;
            left -= 2;
            out.ascii("\n\t\t").ascii(type == 2 ? "SR-Capabilities" : "unknown").ascii(" subTLV #").num(type)
                    .ascii(", length: ").num(len);
            if (len > left) {
                return;
            }
            need(m, at, len);
            if (type == 2) {
                int flags = m.byteAt(at);
                out.ascii(", Flags [");
                highFirst(out, flags, new String[] {"ipv4", "ipv6"}, "None");
                out.ascii("], Range ").num(m.byteAt(at + 1) << 16 | m.shortAt(at + 2));
                int s = at + 4;
                int sidLeft = (len - 4) & 0xff;
                while (sidLeft >= 5) {
                    int sidType = m.byteAt(s);
                    int sidLen = m.byteAt(s + 1);
                    sidLeft -= 2;
                    s += 2;
                    if (sidLen > sidLeft) {
                        break;
                    }
                    if (sidType != 1) {
                        TlvText.dump(out, m, s, sidLen, "\n\t\t  ");
                    } else if (sidLen == 3) {
                        out.ascii(", SID value ").num(m.byteAt(s) << 16 | m.shortAt(s + 1));
                    } else if (sidLen == 4) {
                        out.ascii(", SID value ").num(m.intAt(s));
                    } else {
                        out.ascii(", Unknown SID length").num(sidLen);
                    }
                    s += sidLen;
                    sidLeft -= sidLen;
                }
            } else {
                TlvText.dump(out, m, at, len, "\n\t\t");
            }
            at += len;
            left -= len;
        }
    }

    private static boolean ipReach(PrintContext c, Isis m, int v, int n) throws Truncated {
        Out out = c.out();
        for (int at = v; at < v + n; at += 12) {
            if (v + n - at < 12) {
                out.ascii("short IPv4 Reachability (").num(v + n - at).ascii(" vs 12)");
                return false;
            }
            need(m, at, 12);
            int prefix = (int) m.intAt(at + 4);
            int mask = (int) m.intAt(at + 8);
            int bits = Integer.bitCount(mask);
            boolean contiguous = mask == 0 || Integer.numberOfTrailingZeros(mask) == 32 - bits;
            out.ascii(TLV_INDENT).ascii("IPv4 prefix: ");
            if (!contiguous) {
                c.ipv4(prefix);
                out.ascii(" mask ");
                c.ipv4(mask);
            } else {
                padLeft(out, dotted(prefix), 15);
                out.ch('/').num(bits);
            }
            int metric = m.byteAt(at);
            out.ascii(", Distribution: ").ascii((metric & 0x80) != 0 ? "down" : "up").ascii(", Metric: ")
                    .num(metric & 0x3f).ascii(", ").ascii((metric & 0x40) != 0 ? "External" : "Internal");
            String[] names = {"Delay", "Expense", "Error"};
            for (int i = 1; i <= 3; i++) {
                int b = m.byteAt(at + i);
                if ((b & 0x80) == 0) {
                    out.ascii(TLV_INDENT).ascii("  ").ascii(names[i - 1]).ascii(" Metric: ").num(b & 0x3f)
                            .ascii(", ").ascii((b & 0x40) != 0 ? "External" : "Internal");
                }
            }
        }
        return true;
    }

    /** The old-style metric block at {@code at}: the default metric and the ones its S bit marks supported. */
    private static void metricBlock(Out out, Isis m, int at) {
        int d = m.byteAt(at);
        out.ascii(", Default Metric: ").num(d & 0x3f).ascii(", ").ascii((d & 0x40) != 0 ? "External" : "Internal");
        String[] names = {"Delay", "Expense", "Error"};
        for (int i = 1; i <= 3; i++) {
            int b = m.byteAt(at + i);
            if ((b & 0x80) == 0) {
                out.ascii("\n\t\t  ").ascii(names[i - 1]).ascii(" Metric: ").num(b & 0x3f).ascii(", ")
                        .ascii((b & 0x40) != 0 ? "External" : "Internal");
            }
        }
    }

    private static void topology(Out out, Isis m, int at) throws Truncated {
        need(m, at, 2);
        int v = m.shortAt(at);
        int id = v & 0x0fff;
        out.ascii(TLV_INDENT).ascii(switch (id) {
            case 0 -> "IPv4 unicast";
            case 1 -> "In-Band Management";
            case 2 -> "IPv6 unicast";
            case 3 -> "Multicast";
            case 4095 -> "Development, Experimental or Proprietary";
            default -> "Reserved for IETF Consensus";
        }).ascii(" Topology (0x").hex(id, 3).ascii("), Flags: [");
        int flags = v & 0xf000;
        if ((flags & 0xc000) == 0) {
            out.ascii("none");
        } else {
            String sep = "";
            if ((flags & 0x4000) != 0) {
                out.ascii("ATT bit set");
                sep = ", ";
            }
            if ((flags & 0x8000) != 0) {
                out.ascii(sep).ascii("Overload bit set");
            }
        }
        out.ch(']');
    }

    /** One neighbour of an extended IS reachability TLV; the bytes it took, 0 when it ran out. */
    private static int extendedIsReach(PrintContext c, Isis m, int at, int tlvType, int remaining)
            throws Truncated {
        Out out = c.out();
        need(m, at, NODE_ID);
        if (remaining < NODE_ID) {
            return 0;
        }
        out.ascii(TLV_INDENT).ascii("IS Neighbor: ");
        id(out, m, at, NODE_ID);
        int used = NODE_ID;
        remaining -= NODE_ID;
        if (tlvType != 24) {
            need(m, at + used, 3);
            if (remaining < 3) {
                return 0;
            }
            out.ascii(", Metric: ").num(m.byteAt(at + used) << 16 | m.shortAt(at + used + 1));
            used += 3;
            remaining -= 3;
        }
        need(m, at + used, 1);
        if (remaining < 1) {
            return 0;
        }
        int sum = m.byteAt(at + used);
        used++;
        remaining--;
        out.ascii(", ").ascii(sum != 0 ? "" : "no ").ascii("sub-TLVs present");
        if (sum == 0) {
            return used;
        }
        out.ascii(" (").num(sum).ch(')');
        String indent = TLV_INDENT + "  ";
        while (sum != 0) {
            need(m, at + used, 2);
            if (remaining < 2) {
                out.ascii(indent).ascii("Remaining data in TLV shorter than a subTLV header");
                return used + remaining;
            }
            if (sum < 2) {
                out.ascii(indent).ascii("Remaining data in subTLVs shorter than a subTLV header");
                return used + sum;
            }
            int type = m.byteAt(at + used);
            int len = m.byteAt(at + used + 1);
            used += 2;
            remaining -= 2;
            sum -= 2;
            out.ascii(indent).ascii(isSubTlvName(type)).ascii(" subTLV #").num(type).ascii(", length: ").num(len);
            if (sum < len) {
                out.ascii(" (remaining data in subTLVs shorter than the current subTLV)");
                return used + sum;
            }
            if (remaining < len) {
                out.ascii(" (> remaining tlv length)");
                return used + remaining;
            }
            int s = at + used;
            need(m, s, len);
            switch (type) {
                case 3, 4, 5 -> {
                    if (len >= 4) {
                        out.ascii(", 0x").hex(m.intAt(s), 8);
                        if (len == 8) {
                            out.ascii(", 0x").hex(m.intAt(s + 4), 8);
                        }
                    }
                }
                case 6, 8 -> {
                    if (len >= 4) {
                        out.ascii(", ");
                        c.ipv4((int) m.intAt(s));
                    }
                }
                case 9, 10 -> {
                    if (len >= 4) {
                        out.ascii(", ").ascii(mbps(m.intAt(s))).ascii(" Mbps");
                    }
                }
                case 11 -> {
                    if (len >= 32) {
                        for (int i = 0; i < 8; i++) {
                            out.ascii(indent).ascii("  TE-Class ").num(i).ascii(": ").ascii(mbps(m.intAt(s + 4 * i)))
                                    .ascii(" Mbps");
                        }
                    }
                }
                case 32 -> {
                    if (len >= 8) {
                        int flags = m.byteAt(s);
                        out.ascii(indent).ascii("  Flags: [");
                        highFirst(out, flags, new String[] {"Address family IPv6", "Backup", "Value",
                            "Local significance", "Set of adjacencies", "Persistent"}, "none");
                        out.ch(']').ascii(indent).ascii("  Weight: ").num(m.byteAt(s + 1));
                        if (len - 2 >= SYSTEM_ID) {
                            out.ascii(indent).ascii("  Neighbor System-ID: ");
                            id(out, m, s + 2, SYSTEM_ID);
                        }
                        boolean value = (flags & 0x20) != 0;
                        boolean local = (flags & 0x10) != 0;
                        if (value && local) {
                            need(m, s + 8, 3);
                            out.ascii(indent).ascii("  Label: ").num(m.byteAt(s + 8) << 16 | m.shortAt(s + 9));
                        } else if (!value && !local) {
                            need(m, s + 8, 4);
                            out.ascii(indent).ascii("  Index: ").num(m.intAt(s + 8));
                        } else {
                            out.ascii(" (invalid)");
                        }
                    }
                }
                case 18 -> {
                    if (len >= 3) {
                        out.ascii(", ").num(m.byteAt(s) << 16 | m.shortAt(s + 1));
                    }
                }
                case 29 -> {
                    if (len >= 6) {
                        out.ascii(", LM: ").num(m.u24At(s)).ascii(", P: ").num(m.byteAt(s + 3)).ascii(", P-ID: ")
                                .num(m.shortAt(s + 4));
                        // tcpdump leaves the link metric and port count out of what it takes from the TLV's length
                        remaining += 4;
                    }
                }
                default -> TlvText.dump(out, m, s, len, "\n\t\t    ");
            }
            used += len;
            remaining -= len;
            sum -= len;
        }
        return used;
    }

    /** One prefix of an extended IP reachability TLV; the bytes it took, 0 when tcpdump gives up. */
    private static int extendedIpReach(PrintContext c, Isis m, int at, boolean v6) throws Truncated {
        Out out = c.out();
        need(m, at, 4);
        long metric = m.intAt(at);
        int used = 4;
        int status;
        int bits;
        need(m, at + used, v6 ? 2 : 1);
        status = m.byteAt(at + used);
        if (!v6) {
            bits = status & 0x3f;
            if (bits > 32) {
                out.ascii(TLV_INDENT).ascii("IPv4 prefix: bad bit length ").num(bits);
                return 0;
            }
            used++;
        } else {
            bits = m.byteAt(at + used + 1);
            if (bits > 128) {
                out.ascii(TLV_INDENT).ascii("IPv6 prefix: bad bit length ").num(bits);
                return 0;
            }
            used += 2;
        }
        int bytes = (bits + 7) / 8;
        need(m, at + used, bytes);
        if (!v6) {
            int prefix = 0;
            for (int i = 0; i < 4; i++) {
                prefix = prefix << 8 | (i < bytes ? m.byteAt(at + used + i) : 0);
            }
            out.ascii(TLV_INDENT).ascii("IPv4 prefix: ");
            padLeft(out, dotted(prefix), 15);
        } else {
            out.ascii(TLV_INDENT).ascii("IPv6 prefix: ");
            ipv6(c, m, at + used, bytes);
        }
        out.ch('/').num(bits);
        used += bytes;
        out.ascii(", Distribution: ").ascii((status & 0x80) != 0 ? "down" : "up").ascii(", Metric: ").num(metric);
        boolean sub = v6 ? (status & 0x20) != 0 : (status & 0x40) != 0;
        if (!v6 && sub) {
            out.ascii(", sub-TLVs present");
        } else if (v6) {
            out.ascii(", ").ascii((status & 0x40) != 0 ? "External" : "Internal")
                    .ascii(sub ? ", sub-TLVs present" : "");
        }
        if (sub) {
            need(m, at + used, 1);
            int sum = m.byteAt(at + used);
            int p = at + used + 1;
            used += sum + 1;
            out.ascii(" (").num(sum).ch(')');
            while (sum > 0) {
                need(m, p, 2);
                int type = m.byteAt(p);
                int len = m.byteAt(p + 1);
                p += 2;
                if (!ipSubTlv(c, m, p, type, len)) {
                    return 0;
                }
                p += len;
                sum -= len + 2;
            }
        }
        return used;
    }

    private static boolean ipSubTlv(PrintContext c, Isis m, int at, int type, int len) throws Truncated {
        Out out = c.out();
        out.ascii(TLV_INDENT).ascii("  ").ascii(switch (type) {
            case 1 -> "32-Bit Administrative tag";
            case 2 -> "64-Bit Administrative tag";
            case 3 -> "Prefix SID";
            case 117 -> "Management Prefix Color";
            default -> "unknown";
        }).ascii(" subTLV #").num(type).ascii(", length: ").num(len);
        need(m, at, len);
        switch (type) {
            case 1, 117 -> {
                for (int s = at; at + len - s >= 4; s += 4) {
                    out.ascii(", 0x").hex(m.intAt(s), 8).ascii(" (=").num(m.intAt(s)).ch(')');
                }
            }
            case 2 -> {
                for (int s = at; at + len - s >= 8; s += 8) {
                    out.ascii(", 0x").hex(m.intAt(s), 8).hex(m.intAt(s + 4), 8);
                }
            }
            case 3 -> {
                int flags = m.byteAt(at);
                int algo = m.byteAt(at + 1);
                boolean value = (flags & 0x08) != 0;
                if (len < (value ? 5 : 6)) {
                    c.truncated("isis");
                    return false;
                }
                long sid = value ? m.byteAt(at + 2) << 16 | m.shortAt(at + 3) : m.intAt(at + 2);
                out.ascii(", Flags [");
                highFirst(out, flags, new String[] {"Readvertisement", "Node", "No-PHP", "Explicit NULL", "Value",
                    "Local"}, "None");
                out.ascii("], Algo ").ascii(algo == 0 ? "SPF" : algo == 1 ? "strict-SPF" : "Unknown").ascii(" (")
                        .num(algo).ascii("), ").ascii(value ? "label" : "index").ch(' ').num(sid);
            }
            default -> TlvText.dump(out, m, at, len, "\n\t\t    ");
        }
        return true;
    }

    private static void auth(PrintContext c, Isis m, int v, int n) throws Truncated {
        Out out = c.out();
        if (n < 1) {
            return;
        }
        need(m, v, 1);
        int type = m.byteAt(v);
        out.ascii(TLV_INDENT).ascii(switch (type) {
            case 1 -> "simple text password";
            case 3 -> "Generic Crypto key-id";
            case 54 -> "HMAC-MD5 password";
            case 255 -> "Routing Domain private password";
            default -> "unknown Authentication type 0x" + hex2(type);
        }).ascii(": ");
        int at = v + 1;
        int len = n - 1;
        switch (type) {
            case 1 -> {
                need(m, at, len);
                TlvText.textToNul(out, m, at, len);
            }
            case 54 -> {
                need(m, at, len);
                for (int i = 0; i < len; i++) {
                    out.hex2(m.byteAt(at + i));
                }
                if (len != 16) {
                    out.ascii(", (invalid subTLV) ");
                }
                out.ascii(" (unverified)");
            }
            case 3 -> {
                if (len < 2) {
                    return;
                }
                need(m, at, len);
                out.num(m.shortAt(at)).ascii(", password: ");
                for (int i = 2; i < len; i++) {
                    out.hex2(m.byteAt(at + i));
                }
            }
            default -> TlvText.dump(out, m, at, len, "\n\t\t  ");
        }
    }

    /** Writes tcpdump's verdict on an OSI checksum: correct, incorrect (and what it should be) or unverified. */
    private static void checksum(Out out, Isis m, int checksum, int from, int checksumAt, int length) {
        int expected = checksum == 0 || length < 0 ? -1 : m.expectedOsiChecksum(from, checksumAt, length);
        if (expected < 0) {
            out.ascii(" (unverified)");
        } else if (expected == checksum) {
            out.ascii(" (correct)");
        } else {
            out.ascii(" (incorrect should be 0x").hex(expected, 4).ascii(")");
        }
    }

    /**
     * Writes the names of the flags set in a byte as tcpdump lists them from the high bit down: {@code names[i]}
     * is bit {@code 7 - i}; comma-separated, {@code none} when none is set.
     */
    static void highFirst(Out out, int value, String[] names, String none) {
        String sep = "";
        for (int i = 0; i < names.length; i++) {
            if ((value & (0x80 >> i)) != 0) {
                out.ascii(sep).ascii(names[i]);
                sep = ", ";
            }
        }
        if (sep.isEmpty()) {
            out.ascii(none);
        }
    }

    private static String mbps(long bits) {
        float f = Float.intBitsToFloat((int) bits);
        return String.format(java.util.Locale.ROOT, "%.3f", (double) (f * 8 / 1000000));
    }

    private static void ipv6(PrintContext c, Isis m, int at, int bytes) throws Truncated {
        need(m, at, bytes);
        byte[] a = c.addressScratch();
        for (int i = 0; i < 16; i++) {
            a[i] = (byte) (i < bytes ? m.byteAt(at + i) : 0);
        }
        c.ipv6(a);
    }

    /** Writes an NSAP (an area address, a CLNP or ES-IS address) as tcpdump does: {@code 49.0001}. */
    static void nsap(Out out, TlvMessage m, int at, int length) {
        if (length < 1 || length > 20) {
            out.ascii("isonsap_string: illegal length");
            return;
        }
        for (int i = 0; i < length; i++) {
            out.hex2(m.byteAt(at + i));
            if ((i & 1) == 0 && i + 1 < length) {
                out.ch('.');
            }
        }
    }

    private static void id(Out out, Isis m, int at, int length) throws Truncated {
        need(m, at, length);
        IsisPrinter.id(out, m, at, length);
    }

    private static String dotted(int a) {
        return (a >>> 24) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
    }

    private static void padLeft(Out out, String s, int width) {
        for (int i = s.length(); i < width; i++) {
            out.ch(' ');
        }
        out.ascii(s);
    }

    private static void padded(Out out, long v, int width) {
        padLeft(out, Long.toString(v), width);
    }

    private static String hex2(int b) {
        return (b < 16 ? "0" : "") + Integer.toHexString(b);
    }

    private static String circuitType(int t) {
        return switch (t) {
            case 1 -> "Level 1 only";
            case 2 -> "Level 2 only";
            case 3 -> "Level 1, Level 2";
            default -> "unknown circuit type 0x" + hex2(t);
        };
    }

    private static String typeName(int type) {
        return switch (type) {
            case 15 -> "L1 Lan IIH";
            case 16 -> "L2 Lan IIH";
            case 17 -> "p2p IIH";
            case 18 -> "L1 LSP";
            case 20 -> "L2 LSP";
            case 24 -> "L1 CSNP";
            case 25 -> "L2 CSNP";
            case 26 -> "L1 PSNP";
            case 27 -> "L2 PSNP";
            default -> "unknown, type " + type;
        };
    }

    private static String isSubTlvName(int type) {
        return switch (type) {
            case 3 -> "Administrative groups";
            case 4 -> "Link Local/Remote Identifier";
            case 5 -> "Link Remote Identifier";
            case 6 -> "IPv4 interface address";
            case 8 -> "IPv4 neighbor address";
            case 9 -> "Maximum link bandwidth";
            case 10 -> "Reservable link bandwidth";
            case 11 -> "Unreserved bandwidth";
            case 12 -> "Bandwidth Constraints (old)";
            case 18 -> "Traffic Engineering Metric";
            case 19 -> "Link Attribute";
            case 20 -> "Link Protection Type";
            case 21 -> "Interface Switching Capability";
            case 22 -> "Bandwidth Constraints";
            case 29 -> "SPB Metric";
            case 32 -> "LAN Adjacency Segment Identifier";
            case 250, 251, 252, 253, 254 -> "Reserved for cisco specific extensions";
            case 255 -> "Reserved for future expansion";
            default -> "unknown";
        };
    }

    private static String tlvName(int type) {
        return switch (type) {
            case 1 -> "Area address(es)";
            case 2 -> "IS Reachability";
            case 3 -> "ES Neighbor(s)";
            case 4 -> "Partition DIS";
            case 5 -> "Prefix Neighbors";
            case 6 -> "IS Neighbor(s)";
            case 7 -> "Instance Identifier";
            case 8 -> "Padding";
            case 9 -> "LSP entries";
            case 10 -> "Authentication";
            case 12 -> "Checksum";
            case 13 -> "Purge Originator Identifier";
            case 14 -> "LSP Buffersize";
            case 22 -> "Extended IS Reachability";
            case 24 -> "IS Alias ID";
            case 42 -> "DECnet Phase IV";
            case 66 -> "Lucent Proprietary";
            case 128 -> "IPv4 Internal Reachability";
            case 129 -> "Protocols supported";
            case 130 -> "IPv4 External Reachability";
            case 131 -> "Inter-Domain Information Type";
            case 132 -> "IPv4 Interface address(es)";
            case 133 -> "IPv4 authentication (deprecated)";
            case 134 -> "Traffic Engineering Router ID";
            case 135 -> "Extended IPv4 Reachability";
            case 137 -> "Hostname";
            case 138 -> "Shared Risk Link Group";
            case 143 -> "Multi-Topology-Aware Port Capability";
            case 144 -> "Multi-Topology Capability";
            case 176, 177 -> "Nortel Proprietary";
            case 211 -> "Restart Signaling";
            case 222 -> "Multi Topology IS Reachability";
            case 229 -> "Multi Topology";
            case 232 -> "IPv6 Interface address(es)";
            case 235 -> "Multi-Topology IPv4 Reachability";
            case 236 -> "IPv6 reachability";
            case 237 -> "Multi-Topology IP6 Reachability";
            case 240 -> "Point-to-point Adjacency State";
            case 241 -> "Hello PDU Sequence Number";
            case 242 -> "IS-IS Router Capability";
            case 250 -> "Vendor Private";
            default -> "unknown";
        };
    }
}
