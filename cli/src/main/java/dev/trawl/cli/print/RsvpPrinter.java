package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Rsvp;
import java.util.HashMap;
import java.util.Map;

/**
 * RSVP as tcpdump prints it: {@code RSVPv1 Path Message, length: 224}; with {@code -v} the common header on a
 * line of its own and one line per object ({@code Session Object (1) Flags: [reject if unknown], Class-Type: Tunnel
 * IPv4 (7), length: 16}) with its decoded fields below (sessions, hops, time values, error specs, styles, the
 * IntServ flowspec, tspec and adspec parameters, filter specs and sender templates, labels and label requests,
 * explicit and recorded routes, session attributes, fast reroute, detours, message ids, restart capability,
 * generalized UNI ...), the objects it does not decode as a hex dump; with {@code -vv} every object's bytes as well.
 * Where tcpdump stops on a malformed object ({@code ERROR: ...}, {@code (invalid)}) or on the end of the captured
 * bytes ({@code [|rsvp]}) this printer stops too. Not thread-safe.
 */
final class RsvpPrinter implements LayerPrinter {
    private static final int BUNDLE = 12;

    private static final int SESSION = 1;
    private static final int HOP = 3;
    private static final int INTEGRITY = 4;
    private static final int TIME_VALUES = 5;
    private static final int ERROR_SPEC = 6;
    private static final int STYLE = 8;
    private static final int FLOWSPEC = 9;
    private static final int FILTERSPEC = 10;
    private static final int SENDER_TEMPLATE = 11;
    private static final int SENDER_TSPEC = 12;
    private static final int ADSPEC = 13;
    private static final int CONFIRM = 15;
    private static final int LABEL = 16;
    private static final int LABEL_REQUEST = 19;
    private static final int ERO = 20;
    private static final int RRO = 21;
    private static final int HELLO = 22;
    private static final int MESSAGE_ID = 23;
    private static final int MESSAGE_ID_ACK = 24;
    private static final int MESSAGE_ID_LIST = 25;
    private static final int RECOVERY_LABEL = 34;
    private static final int UPSTREAM_LABEL = 35;
    private static final int LABEL_SET = 36;
    private static final int S2L = 50;
    private static final int DETOUR = 63;
    private static final int CLASSTYPE = 66;
    private static final int CLASSTYPE_OLD = 125;
    private static final int SUGGESTED_LABEL = 129;
    private static final int RESTART_CAPABILITY = 131;
    private static final int CAPABILITY = 134;
    private static final int NOTIFY_REQUEST = 195;
    private static final int ADMIN_STATUS = 196;
    private static final int PROPERTIES = 204;
    private static final int FAST_REROUTE = 205;
    private static final int SESSION_ATTRIBUTE = 207;
    private static final int GENERALIZED_UNI = 229;

    /** What became of an object's body: printed, to be dumped, or an error that ends the message. */
    private static final int DONE = 0;
    private static final int HEXDUMP = 1;
    private static final int TOO_SHORT = 2;
    private static final int SUB_TOO_SHORT = 3;
    private static final int INVALID = 4;
    private static final int STOP = 5;

    private static final String[] MESSAGE_TYPES = new String[21];
    private static final Map<Integer, String> OBJECTS = new HashMap<>();
    private static final Map<Integer, String> CLASS_TYPES = new HashMap<>();
    private static final String[] SUBOBJECTS = {"Reserved", "IPv4 prefix", "IPv6 prefix", "Label"};
    private static final long[] RRO_FLAG_BITS = {0x01, 0x02, 0x04, 0x08};
    private static final String[] RRO_FLAGS = {"Local protection available", "Local protection in use",
        "Bandwidth protection", "Node protection"};
    private static final long[] ATTRIBUTE_FLAG_BITS = {0x01, 0x02, 0x04, 0x08, 0x10};
    private static final String[] ATTRIBUTE_FLAGS = {"Local Protection", "Label Recording", "SE Style",
        "Bandwidth protection", "Node protection"};
    private static final long[] CAPABILITY_BITS = {0x04, 0x02, 0x01};
    private static final String[] CAPABILITIES = {"RecoveryPath Transmit Enabled", "RecoveryPath Desired",
        "RecoveryPath Srefresh Capable"};
    private static final long[] ADMIN_BITS = {0x80000000L, 0x04, 0x02, 0x01};
    private static final String[] ADMIN_FLAGS = {"Reflect", "Testing", "Admin-down", "Delete-in-progress"};
    private static final String[] LABEL_SET_ACTIONS = {"Inclusive list", "Exclusive list", "Inclusive range",
        "Exclusive range"};
    private static final String[] UNI_SUBOBJECTS = {null, "Source TNA address", "Destination TNA address",
        "Diversity", "Egress label", "Service level"};
    private static final String[] ROUTING_ERRORS = {null, "Bad EXPLICIT_ROUTE object", "Bad strict node",
        "Bad loose node", "Bad initial subobject", "No route available toward destination",
        "Unacceptable label value", "RRO indicated routing loops", "non-RSVP-capable router in the path",
        "MPLS label allocation failure", "Unsupported L3PID"};
    private static final String[] DIFFSERV_ERRORS = {null, "Unexpected CT object", "Unsupported CT",
        "Invalid CT value", "CT/setup priority do not form a configured TE-Class",
        "CT/holding priority do not form a configured TE-Class",
        "CT/setup priority and CT/holding priority do not form a configured TE-Class",
        "Inconsistency between signaled PSC and signaled CT",
        "Inconsistency between signaled PHBs and signaled CT"};

    static {
        String[] types = {null, "Path", "Resv", "PathErr", "ResvErr", "PathTear", "ResvTear", "ResvConf", null,
            null, null, null, "Bundle", "Acknowledgement", "Hello (Old)", "Refresh", null, null, null, null,
            "Hello"};
        System.arraycopy(types, 0, MESSAGE_TYPES, 0, types.length);
        Object[] objects = {SESSION, "Session", HOP, "RSVP Hop", INTEGRITY, "Integrity", TIME_VALUES, "Time Values",
            ERROR_SPEC, "Error Spec", 7, "Scope", STYLE, "Style", FLOWSPEC, "Flowspec", FILTERSPEC, "FilterSpec",
            SENDER_TEMPLATE, "Sender Template", SENDER_TSPEC, "Sender TSpec", ADSPEC, "Adspec", 14, "Policy Data",
            CONFIRM, "Confirm", LABEL, "Label", LABEL_REQUEST, "Label Request", ERO, "ERO", RRO, "RRO",
            HELLO, "Hello", MESSAGE_ID, "Message ID", MESSAGE_ID_ACK, "Message ID Ack", MESSAGE_ID_LIST,
            "Message ID List", RECOVERY_LABEL, "Recovery Label", UPSTREAM_LABEL, "Upstream Label", LABEL_SET,
            "Label Set", 130, "Acceptable Label Set", DETOUR, "Detour", CLASSTYPE, "Class Type", CLASSTYPE_OLD,
            "Class Type (old)", SUGGESTED_LABEL, "Suggested Label", PROPERTIES, "Properties", FAST_REROUTE,
            "Fast Re-Route", SESSION_ATTRIBUTE, "Session Attribute", GENERALIZED_UNI, "Generalized UNI", 230,
            "Call-ID", 236, "Call Capability", RESTART_CAPABILITY, "Restart Capability", CAPABILITY, "Capability",
            NOTIFY_REQUEST, "Notify Request", 37, "Protection", ADMIN_STATUS, "Administrative Status", S2L,
            "Sub-LSP to LSP"};
        for (int i = 0; i < objects.length; i += 2) {
            OBJECTS.put((Integer) objects[i], (String) objects[i + 1]);
        }
        Object[] ctypes = {HOP, 1, "IPv4", HOP, 2, "IPv6", HOP, 3, "IPv4 plus opt. TLVs", HOP, 4,
            "IPv6 plus opt. TLVs", NOTIFY_REQUEST, 1, "IPv4", NOTIFY_REQUEST, 2, "IPv6", CONFIRM, 1, "IPv4",
            CONFIRM, 2, "IPv6", TIME_VALUES, 1, "1", FLOWSPEC, 1, "obsolete", FLOWSPEC, 2, "IntServ",
            SENDER_TSPEC, 2, "IntServ", ADSPEC, 2, "IntServ", FILTERSPEC, 1, "IPv4", FILTERSPEC, 2, "IPv6",
            FILTERSPEC, 3, "IPv6 Flow-label", FILTERSPEC, 7, "Tunnel IPv4", FILTERSPEC, 12, "IPv4 P2MP LSP Tunnel",
            FILTERSPEC, 13, "IPv6 P2MP LSP Tunnel", SESSION, 1, "IPv4", SESSION, 2, "IPv6", SESSION, 7,
            "Tunnel IPv4", SESSION, 11, "UNI IPv4", SESSION, 13, "IPv4 P2MP LSP Tunnel", SESSION, 14,
            "IPv6 P2MP LSP Tunnel", SENDER_TEMPLATE, 1, "IPv4", SENDER_TEMPLATE, 2, "IPv6", SENDER_TEMPLATE, 7,
            "Tunnel IPv4", SENDER_TEMPLATE, 12, "IPv4 P2MP LSP Tunnel", SENDER_TEMPLATE, 13,
            "IPv6 P2MP LSP Tunnel", MESSAGE_ID, 1, "1", MESSAGE_ID_ACK, 1, "Message id ack", MESSAGE_ID_ACK, 2,
            "Message id nack", MESSAGE_ID_LIST, 1, "1", STYLE, 1, "1", HELLO, 1, "Hello Request", HELLO, 2,
            "Hello Ack", LABEL_REQUEST, 1, "without label range", LABEL_REQUEST, 2, "with ATM label range",
            LABEL_REQUEST, 3, "with FR label range", LABEL_REQUEST, 4, "Generalized Label", ERO, 1, "IPv4",
            RRO, 1, "IPv4", ERROR_SPEC, 1, "IPv4", ERROR_SPEC, 2, "IPv6", ERROR_SPEC, 3, "IPv4 plus opt. TLVs",
            ERROR_SPEC, 4, "IPv6 plus opt. TLVs", RESTART_CAPABILITY, 1, "IPv4", CAPABILITY, 1, "1",
            SESSION_ATTRIBUTE, 7, "Tunnel IPv4", FAST_REROUTE, 7, "Tunnel IPv4", FAST_REROUTE, 1, "1", DETOUR, 7,
            "Tunnel IPv4", PROPERTIES, 1, "1", ADMIN_STATUS, 1, "1", CLASSTYPE, 1, "1", CLASSTYPE_OLD, 1, "1",
            LABEL_SET, 1, "1", GENERALIZED_UNI, 1, "1", S2L, 1, "IPv4 sub-LSP", S2L, 2, "IPv6 sub-LSP"};
        for (int i = 0; i < ctypes.length; i += 3) {
            CLASS_TYPES.put((Integer) ctypes[i] << 8 | (Integer) ctypes[i + 1], (String) ctypes[i + 2]);
        }
        for (int label : new int[] {LABEL, SUGGESTED_LABEL, UPSTREAM_LABEL, RECOVERY_LABEL}) {
            CLASS_TYPES.put(label << 8 | 1, "Label");
            CLASS_TYPES.put(label << 8 | 2, "Generalized Label");
            CLASS_TYPES.put(label << 8 | 3, "Waveband Switching");
        }
    }

    private final Rsvp view = new Rsvp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Rsvp m = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        try {
            message(c, m, UdpPrinter.ipPayloadLength(c, layer, c.network(layer)));
        } catch (Truncated t) {
            c.truncated("rsvp");
        }
    }

    private static void message(PrintContext c, Rsvp m, int length) {
        Out out = c.out();
        need(m, 0, Rsvp.HEADER_LENGTH);
        if (m.version(0) != 1) {
            out.ascii("ERROR: RSVP version ").num(m.version(0)).ascii(" packet not supported");
            return;
        }
        int type = m.messageType(0);
        if (c.verbose() < 1) {
            out.ascii("RSVPv1 ");
            String name = type < MESSAGE_TYPES.length ? MESSAGE_TYPES[type] : null;
            if (name != null) {
                out.ascii(name);
            } else {
                out.ascii("unknown (").num(type).ch(')');
            }
            out.ascii(" Message, length: ").num(length);
            return;
        }
        int total = m.messageLength(0);
        header(out, m, 0, "\n\t");
        if (total < Rsvp.HEADER_LENGTH) {
            out.ascii("ERROR: common header too short ").num(total).ascii(" < 8");
            return;
        }
        int at = Rsvp.HEADER_LENGTH;
        int left = total - Rsvp.HEADER_LENGTH;
        switch (type) {
            case BUNDLE -> {
                while (left > 0) {
                    need(m, at, Rsvp.HEADER_LENGTH);
                    if (m.version(at) != 1) {
                        out.ascii("ERROR: RSVP version ").num(m.version(at)).ascii(" packet not supported");
                        return;
                    }
                    int sub = m.messageLength(at);
                    header(out, m, at, "\n\t  ");
                    if (sub < Rsvp.HEADER_LENGTH) {
                        out.ascii("ERROR: common header too short ").num(sub).ascii(" < 8");
                        return;
                    }
                    if (left < sub) {
                        out.ascii("ERROR: common header too large ").num(sub).ascii(" > ").num(left);
                        return;
                    }
                    if (!objects(c, m, at + Rsvp.HEADER_LENGTH, sub - Rsvp.HEADER_LENGTH, "\n\t    ")) {
                        return;
                    }
                    at += sub;
                    left -= sub;
                }
            }
            case 1, 2, 3, 4, 5, 6, 7, 13, 14, 15, 20 -> objects(c, m, at, left, "\n\t  ");
            default -> unknown(c, m, at, left, "\n\t    ");
        }
    }

    /** The {@code -v} line of a common header. */
    private static void header(Out out, Rsvp m, int at, String indent) {
        int type = m.messageType(at);
        out.ascii(indent).ascii("RSVPv1 ");
        String name = type < MESSAGE_TYPES.length ? MESSAGE_TYPES[type] : null;
        if (name != null) {
            out.ascii(name);
        } else {
            out.ascii("unknown, type: ").num(type);
        }
        out.ascii(" Message (").num(type).ascii("), Flags: [")
                .ascii((m.flags(at) & 1) != 0 ? "Refresh reduction capable" : "none").ascii("], length: ")
                .num(m.messageLength(at)).ascii(", ttl: ").num(m.sendTtl(at)).ascii(", checksum: 0x")
                .hex(m.checksum(at), 4);
    }

    /** Walks {@code left} bytes of objects from {@code at}; false when an error ended the message. */
    private static boolean objects(PrintContext c, Rsvp m, int at, int left, String indent) {
        Out out = c.out();
        while (left >= Rsvp.OBJECT_HEADER_LENGTH) {
            need(m, at, Rsvp.OBJECT_HEADER_LENGTH);
            int length = m.shortAt(at);
            int ctype = m.byteAt(at + 3);
            if (length % 4 != 0) {
                out.ascii(indent).ascii("ERROR: object header size ").num(length).ascii(" not a multiple of 4");
                return false;
            }
            if (length < Rsvp.OBJECT_HEADER_LENGTH) {
                out.ascii(indent).ascii("ERROR: object header too short ").num(length).ascii(" < 4");
                return false;
            }
            int cls = m.byteAt(at + 2);
            out.ascii(indent).ascii(OBJECTS.getOrDefault(cls, "Unknown")).ascii(" Object (").num(cls)
                    .ascii(") Flags: [")
                    .ascii((cls & 0x80) == 0 ? "reject" : (cls & 0x40) != 0 ? "ignore and forward" : "ignore silently")
                    .ascii(" if unknown], Class-Type: ").ascii(CLASS_TYPES.getOrDefault(cls << 8 | ctype, "Unknown"))
                    .ascii(" (").num(ctype).ascii("), length: ").num(length);
            if (left < length) {
                out.ascii(indent).ascii("ERROR: object goes past end of objects TLV");
                return false;
            }
            need(m, at, length);
            int body = at + Rsvp.OBJECT_HEADER_LENGTH;
            int bodyLength = length - Rsvp.OBJECT_HEADER_LENGTH;
            int result = object(c, m, cls, ctype, body, bodyLength, indent);
            switch (result) {
                case TOO_SHORT -> {
                    out.ascii(indent).ascii("ERROR: object is too short");
                    return false;
                }
                case SUB_TOO_SHORT -> {
                    out.ascii(indent).ascii("ERROR: sub-object is too short");
                    return false;
                }
                case INVALID -> {
                    out.ascii(" (invalid)");
                    return false;
                }
                case STOP -> {
                    return false;
                }
                default -> { }
            }
            if (c.verbose() > 1 || result == HEXDUMP) {
                TlvText.dump(out, m, body, bodyLength, "\n\t    ");
            }
            at += length;
            left -= length;
        }
        return true;
    }

    /** tcpdump's {@code print_unknown_data}: the captured part of {@code length} bytes from {@code at}. */
    private static void unknown(PrintContext c, Rsvp m, int at, int length, String indent) {
        if (at > m.regionLength()) {
            c.out().ascii(indent).ascii("Dissector error: print_unknown_data called with pointer past end of packet");
            return;
        }
        TlvText.dump(c.out(), m, at, length, indent);
    }

    /** Prints one object's body; returns {@link #DONE}, {@link #HEXDUMP} or the error that ends the message. */
    private static int object(PrintContext c, Rsvp m, int cls, int ctype, int o, int len, String indent) {
        Out out = c.out();
        switch (cls) {
            case SESSION -> {
                switch (ctype) {
                    case 1 -> {
                        if (len < 8) {
                            return TOO_SHORT;
                        }
                        out.ascii(indent).ascii("  IPv4 DestAddress: ");
                        ipv4(c, m, o);
                        out.ascii(", Protocol ID: 0x").hex(m.byteAt(o + 4), 2).ascii(indent).ascii("  Flags: [0x")
                                .hex(m.byteAt(o + 5), 2).ascii("], DestPort ").num(m.shortAt(o + 6));
                    }
                    case 2 -> {
                        if (len < 20) {
                            return TOO_SHORT;
                        }
                        out.ascii(indent).ascii("  IPv6 DestAddress: ");
                        ipv6(c, m, o);
                        out.ascii(", Protocol ID: 0x").hex(m.byteAt(o + 16), 2).ascii(indent).ascii("  Flags: [0x")
                                .hex(m.byteAt(o + 17), 2).ascii("], DestPort ").num(m.shortAt(o + 18));
                    }
                    case 8 -> {
                        if (len < 36) {
                            return TOO_SHORT;
                        }
                        out.ascii(indent).ascii("  IPv6 Tunnel EndPoint: ");
                        ipv6(c, m, o);
                        out.ascii(", Tunnel ID: 0x").hex(m.shortAt(o + 18), 4).ascii(", Extended Tunnel ID: ");
                        ipv6(c, m, o + 20);
                    }
                    case 14 -> {
                        if (len < 26) {
                            return TOO_SHORT;
                        }
                        out.ascii(indent).ascii("  IPv6 P2MP LSP ID: 0x").hex(m.intAt(o), 8).ascii(", Tunnel ID: 0x")
                                .hex(m.shortAt(o + 6), 4).ascii(", Extended Tunnel ID: ");
                        ipv6(c, m, o + 8);
                    }
                    case 13 -> {
                        if (len < 12) {
                            return TOO_SHORT;
                        }
                        out.ascii(indent).ascii("  IPv4 P2MP LSP ID: ");
                        tunnel(c, m, o);
                    }
                    case 7, 11 -> {
                        if (len < 12) {
                            return TOO_SHORT;
                        }
                        out.ascii(indent).ascii("  IPv4 Tunnel EndPoint: ");
                        tunnel(c, m, o);
                    }
                    default -> {
                        return HEXDUMP;
                    }
                }
            }
            case CONFIRM, NOTIFY_REQUEST -> {
                String what = cls == CONFIRM ? " Receiver Address: " : " Notify Node Address: ";
                if (ctype == 1) {
                    if (len < 4) {
                        return TOO_SHORT;
                    }
                    out.ascii(indent).ascii("  IPv4").ascii(what);
                    ipv4(c, m, o);
                } else if (ctype == 2) {
                    if (len < 16) {
                        return TOO_SHORT;
                    }
                    out.ascii(indent).ascii("  IPv6").ascii(what);
                    ipv6(c, m, o);
                } else {
                    return HEXDUMP;
                }
            }
            case SUGGESTED_LABEL, UPSTREAM_LABEL, RECOVERY_LABEL, LABEL -> {
                switch (ctype) {
                    case 1 -> {
                        for (int i = 0; len - i >= 4; i += 4) {
                            out.ascii(indent).ascii("  Label: ").num(m.intAt(o + i));
                        }
                    }
                    case 2 -> {
                        if (len < 4) {
                            return TOO_SHORT;
                        }
                        out.ascii(indent).ascii("  Generalized Label: ").num(m.intAt(o));
                    }
                    case 3 -> {
                        if (len < 12) {
                            return TOO_SHORT;
                        }
                        out.ascii(indent).ascii("  Waveband ID: ").num(m.intAt(o)).ascii(indent)
                                .ascii("  Start Label: ").num(m.intAt(o + 4)).ascii(", Stop Label: ")
                                .num(m.intAt(o + 8));
                    }
                    default -> {
                        return HEXDUMP;
                    }
                }
            }
            case STYLE -> {
                if (ctype != 1) {
                    return HEXDUMP;
                }
                if (len < 4) {
                    return TOO_SHORT;
                }
                int style = m.byteAt(o + 1) << 16 | m.shortAt(o + 2);
                out.ascii(indent).ascii("  Reservation Style: ").ascii(switch (style) {
                    case 17 -> "Wildcard Filter";
                    case 10 -> "Fixed Filter";
                    case 18 -> "Shared Explicit";
                    default -> "Unknown";
                }).ascii(", Flags: [0x").hex(m.byteAt(o), 2).ch(']');
            }
            case SENDER_TEMPLATE, FILTERSPEC -> {
                return sender(c, m, cls, ctype, o, len, indent);
            }
            case LABEL_REQUEST -> {
                return labelRequest(c, m, ctype, o, len, indent);
            }
            case RRO, ERO -> {
                return route(c, m, ctype, o, len, indent);
            }
            case HELLO -> {
                if (ctype != 1 && ctype != 2) {
                    return HEXDUMP;
                }
                if (len < 8) {
                    return TOO_SHORT;
                }
                out.ascii(indent).ascii("  Source Instance: 0x").hex(m.intAt(o), 8)
                        .ascii(", Destination Instance: 0x").hex(m.intAt(o + 4), 8);
            }
            case RESTART_CAPABILITY -> {
                if (ctype != 1) {
                    return HEXDUMP;
                }
                if (len < 8) {
                    return TOO_SHORT;
                }
                out.ascii(indent).ascii("  Restart  Time: ").num(m.intAt(o)).ascii("ms, Recovery Time: ")
                        .num(m.intAt(o + 4)).ascii("ms");
            }
            case CAPABILITY -> {
                if (ctype != 1) {
                    return HEXDUMP;
                }
                if (len < 4) {
                    return TOO_SHORT;
                }
                long flags = m.intAt(o);
                if ((flags & ~7L) != 0) {
                    out.ascii(indent).ascii("  [reserved=0x").hex(flags & ~7L, 8).ascii(" must be zero]");
                }
                out.ascii(indent).ascii("  Flags: [");
                GmplsText.flags(out, flags & 7, CAPABILITY_BITS, CAPABILITIES, "none");
                out.ch(']');
            }
            case SESSION_ATTRIBUTE -> {
                if (ctype != 7) {
                    return HEXDUMP;
                }
                if (len < 4) {
                    return TOO_SHORT;
                }
                int name = m.byteAt(o + 3);
                if (len < 4 + name) {
                    return TOO_SHORT;
                }
                out.ascii(indent).ascii("  Session Name: ");
                TlvText.text(out, m, o + 4, name);
                out.ascii(indent).ascii("  Setup Priority: ").num(m.byteAt(o)).ascii(", Holding Priority: ")
                        .num(m.byteAt(o + 1)).ascii(", Flags: [");
                GmplsText.flags(out, m.byteAt(o + 2), ATTRIBUTE_FLAG_BITS, ATTRIBUTE_FLAGS, "none");
                out.ascii("] (");
                alternateHex(out, m.byteAt(o + 2));
                out.ch(')');
            }
            case GENERALIZED_UNI -> {
                return generalizedUni(c, m, ctype, o, len, indent);
            }
            case HOP -> {
                switch (ctype) {
                    case 1, 3 -> {
                        if (len < 8) {
                            return TOO_SHORT;
                        }
                        out.ascii(indent).ascii("  Previous/Next Interface: ");
                        ipv4(c, m, o);
                        out.ascii(", Logical Interface Handle: 0x").hex(m.intAt(o + 4), 8);
                        return len > 8 ? HEXDUMP : DONE;
                    }
                    case 2, 4 -> {
                        if (len < 20) {
                            return TOO_SHORT;
                        }
                        out.ascii(indent).ascii("  Previous/Next Interface: ");
                        ipv6(c, m, o);
                        out.ascii(", Logical Interface Handle: 0x").hex(m.intAt(o + 16), 8);
                        return HEXDUMP;
                    }
                    default -> {
                        return HEXDUMP;
                    }
                }
            }
            case TIME_VALUES -> {
                if (ctype != 1) {
                    return HEXDUMP;
                }
                if (len < 4) {
                    return TOO_SHORT;
                }
                out.ascii(indent).ascii("  Refresh Period: ").num(m.intAt(o)).ascii("ms");
            }
            case SENDER_TSPEC, ADSPEC, FLOWSPEC -> {
                if (ctype != 2) {
                    return HEXDUMP;
                }
                if (len < 4) {
                    return TOO_SHORT;
                }
                intServ(c, m, o, len, indent);
            }
            case FAST_REROUTE -> {
                if (ctype != 1 && ctype != 7) {
                    return HEXDUMP;
                }
                if (len < (ctype == 1 ? 20 : 16)) {
                    return TOO_SHORT;
                }
                float bandwidth = Float.intBitsToFloat((int) m.intAt(o + 4));
                out.ascii(indent).ascii("  Setup Priority: ").num(m.byteAt(o)).ascii(", Holding Priority: ")
                        .num(m.byteAt(o + 1)).ascii(", Hop-limit: ").num(m.byteAt(o + 2)).ascii(", Bandwidth: ")
                        .ascii(GmplsText.g(bandwidth * 8 / 1000000, 10)).ascii(" Mbps");
                if (ctype == 1) {
                    out.ascii(indent).ascii("  Include-any: 0x").hex(m.intAt(o + 8), 8).ascii(", Exclude-any: 0x")
                            .hex(m.intAt(o + 12), 8).ascii(", Include-all: 0x").hex(m.intAt(o + 16), 8);
                } else {
                    out.ascii(indent).ascii("  Include Colors: 0x").hex(m.intAt(o + 8), 8)
                            .ascii(", Exclude Colors: 0x").hex(m.intAt(o + 12), 8);
                }
            }
            case DETOUR -> {
                if (ctype != 7) {
                    return HEXDUMP;
                }
                for (int i = 0; len - i >= 8; i += 8) {
                    out.ascii(indent).ascii("  PLR-ID: ");
                    ipv4(c, m, o + i);
                    out.ascii(", Avoid-Node-ID: ");
                    ipv4(c, m, o + i + 4);
                }
            }
            case CLASSTYPE, CLASSTYPE_OLD -> {
                if (ctype != 1) {
                    return HEXDUMP;
                }
                if (len < 4) {
                    return TOO_SHORT;
                }
                out.ascii(indent).ascii("  CT: ").num(m.intAt(o) & 7);
            }
            case ERROR_SPEC -> {
                return errorSpec(c, m, ctype, o, len, indent);
            }
            case PROPERTIES -> {
                return properties(c, m, ctype, o, len, indent);
            }
            case MESSAGE_ID, MESSAGE_ID_ACK, MESSAGE_ID_LIST -> {
                if (ctype != 1 && ctype != 2) {
                    return HEXDUMP;
                }
                if (len < 4) {
                    return TOO_SHORT;
                }
                out.ascii(indent).ascii("  Flags [0x").hex(m.byteAt(o), 2).ascii("], epoch: ")
                        .num(m.byteAt(o + 1) << 16 | m.shortAt(o + 2));
                for (int i = 4; len - i >= 4; i += 4) {
                    long id = m.intAt(o + i);
                    out.ascii(indent).ascii("    Message-ID 0x").hex(id, 8).ascii(" (").num(id).ch(')');
                }
            }
            case INTEGRITY -> {
                if (ctype != 1) {
                    return HEXDUMP;
                }
                if (len < 32) {
                    return TOO_SHORT;
                }
                out.ascii(indent).ascii("  Key-ID 0x").hex(m.shortAt(o + 2), 4).hex(m.intAt(o + 4), 8)
                        .ascii(", Sequence 0x").hex(m.intAt(o + 8), 8).hex(m.intAt(o + 12), 8).ascii(", Flags [")
                        .ascii((m.byteAt(o) & 0x80) != 0 ? "Handshake" : "none").ch(']');
                out.ascii(indent).ascii("  MD5-sum 0x").hex(m.intAt(o + 16), 8).hex(m.intAt(o + 20), 8)
                        .hex(m.intAt(o + 24), 8).hex(m.intAt(o + 28), 8).ascii("  (unchecked)");
            }
            case ADMIN_STATUS -> {
                if (ctype != 1) {
                    return HEXDUMP;
                }
                if (len < 4) {
                    return TOO_SHORT;
                }
                out.ascii(indent).ascii("  Flags [");
                GmplsText.flags(out, m.intAt(o), ADMIN_BITS, ADMIN_FLAGS, "none");
                out.ch(']');
            }
            case LABEL_SET -> {
                if (ctype != 1) {
                    return HEXDUMP;
                }
                if (len < 4) {
                    return TOO_SHORT;
                }
                int action = m.byteAt(o);
                out.ascii(indent).ascii("  Action: ")
                        .ascii(action < LABEL_SET_ACTIONS.length ? LABEL_SET_ACTIONS[action] : "Unknown").ascii(" (")
                        .num(action).ascii("), Label type: ").num(m.intAt(o) & 0x7F);
                if (action == 2 || action == 3) {
                    if (len < 12) {
                        return TOO_SHORT;
                    }
                    out.ascii(indent).ascii("  Start range: ").num(m.intAt(o + 4)).ascii(", End range: ")
                            .num(m.intAt(o + 8));
                } else {
                    int channel = 1;
                    for (int i = 4; len - i >= 4; i += 4) {
                        out.ascii(indent).ascii("  Subchannel #").num(channel++).ascii(": ").num(m.intAt(o + i));
                    }
                }
            }
            case S2L -> {
                if (ctype == 1) {
                    if (len < 4) {
                        return TOO_SHORT;
                    }
                    out.ascii(indent).ascii("  Sub-LSP destination address: ");
                    ipv4(c, m, o);
                } else if (ctype == 2) {
                    if (len < 16) {
                        return TOO_SHORT;
                    }
                    out.ascii(indent).ascii("  Sub-LSP destination address: ");
                    ipv6(c, m, o);
                } else {
                    return HEXDUMP;
                }
            }
            default -> {
                if (c.verbose() <= 1) {
                    TlvText.dump(out, m, o, len, "\n\t    ");
                }
            }
        }
        return DONE;
    }

    /** An IPv4 address, a 16-bit tunnel id after two bytes, and an extended tunnel id. */
    private static void tunnel(PrintContext c, Rsvp m, int o) {
        ipv4(c, m, o);
        c.out().ascii(", Tunnel ID: 0x").hex(m.shortAt(o + 6), 4).ascii(", Extended Tunnel ID: ");
        ipv4(c, m, o + 8);
    }

    /** Sender templates and filter specs, which share their layouts. */
    private static int sender(PrintContext c, Rsvp m, int cls, int ctype, int o, int len, String indent) {
        Out out = c.out();
        switch (ctype) {
            case 1 -> {
                if (len < 8) {
                    return TOO_SHORT;
                }
                out.ascii(indent).ascii("  Source Address: ");
                ipv4(c, m, o);
                out.ascii(", Source Port: ").num(m.shortAt(o + 6));
            }
            case 2 -> {
                if (len < 20) {
                    return TOO_SHORT;
                }
                out.ascii(indent).ascii("  Source Address: ");
                ipv6(c, m, o);
                out.ascii(", Source Port: ").num(m.shortAt(o + 18));
            }
            case 3 -> {
                if (cls != FILTERSPEC) {
                    return HEXDUMP;
                }
                if (len < 20) {
                    return TOO_SHORT;
                }
                out.ascii(indent).ascii("  Source Address: ");
                ipv6(c, m, o);
                out.ascii(", Flow Label: ").num(m.byteAt(o + 17) << 16 | m.shortAt(o + 18));
            }
            case 8 -> {
                if (cls != FILTERSPEC) {
                    return HEXDUMP;
                }
                if (len < 20) {
                    return TOO_SHORT;
                }
                // tcpdump reads an IPv4 address here, and the LSP id at an IPv6 template's offset
                out.ascii(indent).ascii("  Source Address: ");
                ipv4(c, m, o);
                out.ascii(", LSP-ID: 0x").hex(m.shortAt(o + 18), 4);
            }
            case 13 -> {
                if (len < 40) {
                    return TOO_SHORT;
                }
                out.ascii(indent).ascii("  IPv6 Tunnel Sender Address: ");
                ipv6(c, m, o);
                out.ascii(", LSP ID: 0x").hex(m.shortAt(o + 18), 4).ascii(indent)
                        .ascii("  Sub-Group Originator ID: ");
                ipv6(c, m, o + 20);
                out.ascii(", Sub-Group ID: 0x").hex(m.shortAt(o + 38), 4);
            }
            case 7 -> {
                if (len < 8) {
                    return TOO_SHORT;
                }
                out.ascii(indent).ascii(cls == FILTERSPEC ? "  Source Address: " : "  IPv4 Tunnel Sender Address: ");
                ipv4(c, m, o);
                out.ascii(", LSP-ID: 0x").hex(m.shortAt(o + 6), 4);
            }
            case 12 -> {
                if (len < 16) {
                    return TOO_SHORT;
                }
                out.ascii(indent).ascii("  IPv4 Tunnel Sender Address: ");
                ipv4(c, m, o);
                out.ascii(", LSP ID: 0x").hex(m.shortAt(o + 6), 4).ascii(indent)
                        .ascii("  Sub-Group Originator ID: ");
                ipv4(c, m, o + 8);
                out.ascii(", Sub-Group ID: 0x").hex(m.shortAt(o + 12), 4);
            }
            default -> {
                return HEXDUMP;
            }
        }
        return DONE;
    }

    private static int labelRequest(PrintContext c, Rsvp m, int ctype, int o, int len, String indent) {
        Out out = c.out();
        switch (ctype) {
            case 1 -> {
                for (int i = 0; len - i >= 4; i += 4) {
                    out.ascii(indent).ascii("  L3 Protocol ID: ");
                    l3(out, m.shortAt(o + i + 2));
                }
            }
            case 2 -> {
                if (len < 12) {
                    return TOO_SHORT;
                }
                out.ascii(indent).ascii("  L3 Protocol ID: ");
                l3(out, m.shortAt(o + 2));
                out.ch(',').ascii((m.byteAt(o + 4) & 0x80) != 0 ? "no" : "").ascii(" merge capability")
                        .ascii(indent).ascii("  Minimum VPI/VCI: ").num(m.shortAt(o + 4) & 0xfff).ch('/')
                        .num(m.shortAt(o + 6) & 0xfff).ascii(indent).ascii("  Maximum VPI/VCI: ")
                        .num(m.shortAt(o + 8) & 0xfff).ch('/').num(m.shortAt(o + 10) & 0xfff);
            }
            case 3 -> {
                if (len < 12) {
                    return TOO_SHORT;
                }
                out.ascii(indent).ascii("  L3 Protocol ID: ");
                l3(out, m.shortAt(o + 2));
                int dlci = (m.shortAt(o + 4) >> 7) & 3;
                out.ascii(indent).ascii("  Minimum/Maximum DLCI: ").num(m.intAt(o + 4) & 0x7fffff).ch('/')
                        .num(m.intAt(o + 8) & 0x7fffff).ascii(", ").ascii(dlci == 0 ? "10" : "")
                        .ascii(dlci == 2 ? "23" : "").ascii(" bit DLCI");
            }
            case 4 -> {
                if (len < 4) {
                    return TOO_SHORT;
                }
                int encoding = m.byteAt(o);
                int switching = m.byteAt(o + 1);
                int payload = m.shortAt(o + 2);
                out.ascii(indent).ascii("  LSP Encoding Type: ").ascii(GmplsText.encoding(encoding)).ascii(" (")
                        .num(encoding).ch(')').ascii(indent).ascii("  Switching Type: ")
                        .ascii(GmplsText.switchingCapability(switching)).ascii(" (").num(switching)
                        .ascii("), Payload ID: ").ascii(GmplsText.payload(payload)).ascii(" (0x").hex(payload, 4)
                        .ch(')');
            }
            default -> {
                return HEXDUMP;
            }
        }
        return DONE;
    }

    private static void l3(Out out, int type) {
        String name = Names.etherType(type);
        if (name.equals("Unknown")) {
            out.ascii("Unknown Protocol (0x").hex(type, 4).ch(')');
        } else {
            out.ascii(name);
        }
    }

    /** Explicit and recorded routes: their subobjects. */
    private static int route(PrintContext c, Rsvp m, int ctype, int o, int len, String indent) {
        Out out = c.out();
        if (ctype != 1) {
            return HEXDUMP;
        }
        while (len >= 4) {
            int length = m.byteAt(o + 1);
            int type = m.byteAt(o) & 0x7f;
            out.ascii(indent).ascii("  Subobject Type: ");
            if (type < SUBOBJECTS.length) {
                out.ascii(SUBOBJECTS[type]);
            } else if (type == 32) {
                out.ascii("Autonomous system number");
            } else if (type == 64) {
                out.ascii("MPLS label switched path termination");
            } else {
                out.ascii("Unknown ").num(type);
            }
            out.ascii(", length ").num(length);
            if (len < length) {
                out.ascii(indent).ascii("  ERROR: ERO subobject length > object length");
                break;
            }
            if (length == 0) {
                out.ascii(indent).ascii("  ERROR: zero length ERO subtype");
                break;
            }
            if (type == 1) {
                if (length != 8) {
                    out.ascii(" ERROR: length != 8");
                    return INVALID;
                }
                int prefix = m.byteAt(o + 6);
                if (prefix != 32) {
                    out.ascii(" ERROR: Prefix length ").num(prefix).ascii(" != 32");
                    return INVALID;
                }
                out.ascii(", ").ascii((m.byteAt(o) & 0x80) != 0 ? "Loose" : "Strict").ascii(", ");
                ipv4(c, m, o + 2);
                out.ch('/').num(prefix).ascii(", Flags: [");
                GmplsText.flags(out, m.byteAt(o + 7), RRO_FLAG_BITS, RRO_FLAGS, "none");
                out.ch(']');
            } else if (type == 3) {
                if (length != 8) {
                    out.ascii(" ERROR: length != 8");
                    return INVALID;
                }
                int flags = m.byteAt(o + 2);
                int labelType = m.byteAt(o + 3);
                out.ascii(", Flags: [").ascii((flags & 1) != 0 ? "Global" : "none").ascii("] (");
                alternateHex(out, flags);
                out.ascii("), Class-Type: ").ascii(CLASS_TYPES.getOrDefault(RRO << 8 | labelType, "Unknown"))
                        .ascii(" (").num(labelType).ascii("), ").num(m.intAt(o + 4));
            }
            len -= length;
            o += length;
        }
        return DONE;
    }

    /** C's {@code %#x}: {@code 0} for zero, else {@code 0x} and the hex digits. */
    private static void alternateHex(Out out, long v) {
        if (v == 0) {
            out.ch('0');
        } else {
            out.ascii("0x").hex(v);
        }
    }

    private static int generalizedUni(PrintContext c, Rsvp m, int ctype, int o, int len, String indent) {
        Out out = c.out();
        if (ctype != 1) {
            return HEXDUMP;
        }
        if (len < 4) {
            return TOO_SHORT;
        }
        boolean hexdump = false;
        int left = len;
        // tcpdump adds each subobject's length to the object's remaining length instead of taking it away
        long objectLeft = len;
        while (left > 0) {
            if (left < 4) {
                return INVALID;
            }
            int length = m.shortAt(o);
            int type = m.byteAt(o + 2);
            int family = m.byteAt(o + 3);
            out.ascii(indent).ascii("  Subobject Type: ")
                    .ascii(type < UNI_SUBOBJECTS.length && UNI_SUBOBJECTS[type] != null ? UNI_SUBOBJECTS[type]
                            : "Unknown")
                    .ascii(" (").num(type).ascii("), AF: ").ascii(GmplsText.addressFamily(family)).ascii(" (")
                    .num(family).ascii("), length: ").num(length);
            if (length < 4 || length > left || objectLeft < length) {
                return INVALID;
            }
            switch (type) {
                case 1, 2 -> {
                    if (family == 1) {
                        if (length < 8) {
                            return SUB_TOO_SHORT;
                        }
                        out.ascii(indent).ascii("    UNI IPv4 TNA address: ");
                        ipv4(c, m, o + 4);
                    } else if (family == 2) {
                        if (length < 20) {
                            return SUB_TOO_SHORT;
                        }
                        out.ascii(indent).ascii("    UNI IPv6 TNA address: ");
                        ipv6(c, m, o + 4);
                    } else if (family == 3) {
                        hexdump = true;
                    }
                }
                case 3 -> hexdump |= length > 4;
                case 4 -> {
                    if (length < 16) {
                        return SUB_TOO_SHORT;
                    }
                    long word = m.intAt(o + 4);
                    out.ascii(indent).ascii("    U-bit: ").hex(word >>> 31).ascii(", Label type: ").num(word & 0xFF)
                            .ascii(", Logical port id: ").num(m.intAt(o + 8)).ascii(", Label: ")
                            .num(m.intAt(o + 12));
                }
                case 5 -> {
                    if (length < 8) {
                        return SUB_TOO_SHORT;
                    }
                    out.ascii(indent).ascii("    Service level: ").num(m.intAt(o + 4) >>> 24);
                }
                default -> hexdump = true;
            }
            left -= length;
            o += length;
            objectLeft += length;
        }
        return hexdump ? HEXDUMP : DONE;
    }

    private static int errorSpec(PrintContext c, Rsvp m, int ctype, int o, int len, String indent) {
        Out out = c.out();
        boolean v6 = ctype == 2 || ctype == 4;
        if (!v6 && ctype != 1 && ctype != 3) {
            return HEXDUMP;
        }
        int address = v6 ? 16 : 4;
        if (len < address + 4) {
            return TOO_SHORT;
        }
        int code = m.byteAt(o + address + 1);
        int value = m.shortAt(o + address + 2);
        out.ascii(indent).ascii("  Error Node Address: ");
        if (v6) {
            ipv6(c, m, o);
        } else {
            ipv4(c, m, o);
        }
        out.ascii(", Flags: [0x").hex(m.byteAt(o + address), 2).ch(']').ascii(indent).ascii("  Error Code: ")
                .ascii(switch (code) {
                    case 24 -> "Routing Problem";
                    case 25 -> "Notify Error";
                    case 28 -> "Diffserv TE Error";
                    case 125 -> "Diffserv TE Error (Old)";
                    default -> "unknown";
                }).ascii(" (").num(code).ch(')');
        if (code == 24) {
            out.ascii(", Error Value: ").ascii(value < ROUTING_ERRORS.length && value > 0 ? ROUTING_ERRORS[value]
                    : "unknown").ascii(" (").num(value).ch(')');
        } else if (!v6 && (code == 28 || code == 125)) {
            out.ascii(", Error Value: ").ascii(value < DIFFSERV_ERRORS.length && value > 0 ? DIFFSERV_ERRORS[value]
                    : "unknown").ascii(" (").num(value).ch(')');
        } else if (!v6) {
            out.ascii(", Unknown Error Value (").num(value).ch(')');
        }
        return DONE;
    }

    private static int properties(PrintContext c, Rsvp m, int ctype, int o, int len, String indent) {
        Out out = c.out();
        if (ctype != 1) {
            return HEXDUMP;
        }
        if (len < 4) {
            return TOO_SHORT;
        }
        int padding = m.shortAt(o + 2);
        out.ascii(indent).ascii("  TLV count: ").num(m.shortAt(o)).ascii(", padding bytes: ").num(padding);
        o += 4;
        len -= 4;
        while (len >= 2 + padding) {
            int type = m.byteAt(o);
            int length = m.byteAt(o + 1);
            out.ascii(indent).ascii("    ").ascii(switch (type) {
                case 0x01 -> "Cos";
                case 0x02 -> "Metric 1";
                case 0x04 -> "Metric 2";
                case 0x08 -> "CCC Status";
                case 0x10 -> "Path Type";
                default -> "unknown";
            }).ascii(" TLV (0x").hex(type, 2).ascii("), length: ").num(length);
            if (len < length) {
                return TOO_SHORT;
            }
            if (length < 2) {
                out.ascii(indent).ascii("ERROR: property TLV is too short");
                return STOP;
            }
            TlvText.dump(out, m, o + 2, length - 2, "\n\t\t");
            len -= length;
            o += length;
        }
        return DONE;
    }

    /** The IntServ body of a flowspec, sender tspec or adspec (RFC 2210): services and their parameters. */
    private static void intServ(PrintContext c, Rsvp m, int o, int len, String indent) {
        Out out = c.out();
        out.ascii(indent).ascii("  Msg-Version: ").num(m.byteAt(o) >> 4).ascii(", length: ")
                .num(m.shortAt(o + 2) << 2);
        o += 4;
        len -= 4;
        while (len >= 4) {
            // the service's length is unsigned in tcpdump: a parameter longer than it wraps it round
            long service = (long) m.shortAt(o + 2) << 2;
            int type = m.byteAt(o);
            out.ascii(indent).ascii("  Service Type: ").ascii(switch (type) {
                case 1 -> "Default/Global Information";
                case 2 -> "Guaranteed Service";
                case 5 -> "Controlled Load";
                default -> "unknown";
            }).ascii(" (").num(type).ascii("), break bit ").ascii((m.byteAt(o + 1) & 0x80) != 0 ? "" : "not ")
                    .ascii("set, Service length: ").num(service);
            o += 4;
            len -= 4;
            while (service >= 4) {
                int processed = parameter(c, m, o, len);
                if (processed == 0) {
                    break;
                }
                len -= processed;
                service = (service - processed) & 0xFFFF_FFFFL;
                o += processed;
            }
        }
    }

    /** One IntServ parameter; returns the bytes it took, 0 when it does not fit. */
    private static int parameter(PrintContext c, Rsvp m, int o, int len) {
        Out out = c.out();
        if (len < 4) {
            return 0;
        }
        int id = m.byteAt(o);
        int length = m.shortAt(o + 2) << 2;
        out.ascii("\n\t      Parameter ID: ").ascii(switch (id) {
            case 4 -> "IS hop cnt";
            case 6 -> "Path b/w estimate";
            case 8 -> "Minimum path latency";
            case 10 -> "Composed MTU";
            case 127 -> "Token Bucket TSpec";
            case 130 -> "Guaranteed Service RSpec";
            case 133 -> "End-to-end composed value for C";
            case 134 -> "End-to-end composed value for D";
            case 135 -> "Since-last-reshaping point composed C";
            case 136 -> "Since-last-reshaping point composed D";
            default -> "unknown";
        }).ascii(" (").num(id).ascii("), length: ").num(length).ascii(", Flags: [0x").hex(m.byteAt(o + 1), 2)
                .ch(']');
        if (len < length + 4) {
            return 0;
        }
        switch (id) {
            case 4 -> {
                if (length == 4) {
                    out.ascii("\n\t\tIS hop count: ").num(m.intAt(o + 4));
                }
            }
            case 6 -> {
                if (length == 4) {
                    out.ascii("\n\t\tPath b/w estimate: ").ascii(mbps(m.intAt(o + 4))).ascii(" Mbps");
                }
            }
            case 8 -> {
                if (length == 4) {
                    long latency = m.intAt(o + 4);
                    out.ascii("\n\t\tMinimum path latency: ");
                    if (latency == 0xFFFF_FFFFL) {
                        out.ascii("don't care");
                    } else {
                        out.num(latency);
                    }
                }
            }
            case 10 -> {
                if (length == 4) {
                    out.ascii("\n\t\tComposed MTU: ").num(m.intAt(o + 4)).ascii(" bytes");
                }
            }
            case 127 -> {
                if (length == 20) {
                    out.ascii("\n\t\tToken Bucket Rate: ").ascii(mbps(m.intAt(o + 4))).ascii(" Mbps")
                            .ascii("\n\t\tToken Bucket Size: ")
                            .ascii(GmplsText.g(Float.intBitsToFloat((int) m.intAt(o + 8)), 10)).ascii(" bytes")
                            .ascii("\n\t\tPeak Data Rate: ").ascii(mbps(m.intAt(o + 12))).ascii(" Mbps")
                            .ascii("\n\t\tMinimum Policed Unit: ").num(m.intAt(o + 16)).ascii(" bytes")
                            .ascii("\n\t\tMaximum Packet Size: ").num(m.intAt(o + 20)).ascii(" bytes");
                }
            }
            case 130 -> {
                if (length == 8) {
                    out.ascii("\n\t\tRate: ").ascii(mbps(m.intAt(o + 4))).ascii(" Mbps").ascii("\n\t\tSlack Term: ")
                            .num(m.intAt(o + 8));
                }
            }
            case 133, 134, 135, 136 -> {
                if (length == 4) {
                    out.ascii("\n\t\tValue: ").num(m.intAt(o + 4));
                }
            }
            default -> {
                if (c.verbose() <= 1) {
                    TlvText.dump(out, m, o + 4, length, "\n\t\t");
                }
            }
        }
        return length + 4;
    }

    /** An IEEE float of bytes per second in megabits per second, as tcpdump computes it (in single precision). */
    private static String mbps(long bits) {
        return GmplsText.g(Float.intBitsToFloat((int) bits) / 125000, 10);
    }

    private static void ipv4(PrintContext c, Rsvp m, int at) {
        c.ipv4((int) m.intAt(at));
    }

    private static void ipv6(PrintContext c, Rsvp m, int at) {
        byte[] a = c.addressScratch();
        for (int i = 0; i < 16; i++) {
            a[i] = (byte) m.byteAt(at + i);
        }
        c.ipv6(a);
    }

    /** Throws {@link Truncated} unless the {@code n} bytes at {@code at} were captured. */
    private static void need(Rsvp m, int at, int n) {
        if (!m.has(at, n)) {
            throw Truncated.INSTANCE;
        }
    }
}
