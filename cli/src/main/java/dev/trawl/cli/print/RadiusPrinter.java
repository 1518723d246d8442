package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Eapol;
import dev.trawl.decode.layer.Radius;

/**
 * RADIUS as tcpdump prints it: without {@code -v} {@code RADIUS, Access-Request (1), id: 0x05 length: 139};
 * with it the authenticator and a line per attribute, {@code NAS-Port-Type Attribute (61), length: 6, Value:
 * Ethernet}, its value as text, a number (or the name of a standard value), an address, a time or an EAP
 * message. Not thread-safe.
 */
final class RadiusPrinter implements LayerPrinter {
    private static final byte NONE = 0;
    private static final byte STRING = 1;
    private static final byte NUMBER = 2;
    private static final byte ADDRESS = 3;
    private static final byte ADDRESS6 = 4;
    private static final byte TIME = 5;
    private static final byte VENDOR = 6;
    /** Values tcpdump decodes in ways this printer does not: it prints nothing after {@code Value: }. */
    private static final byte OTHER = 7;

    private final Radius view = new Radius();
    private final Eapol eapView = new Eapol();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Radius r = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        if (!r.has(0, Radius.HEADER_LENGTH)) {
            c.truncated("radius");
            return;
        }
        int len = r.length();
        if (len < Radius.HEADER_LENGTH) {
            c.truncated("radius");
            return;
        }
        len = Math.min(len, ApplicationPrinters.udpPayload(c, layer));
        int code = r.code();
        if (c.verbose() < 1) {
            out.ascii("RADIUS, ").ascii(command(code)).ascii(" (").num(code).ascii("), id: 0x")
                    .hex(r.identifier(), 2).ascii(" length: ").num(len);
            return;
        }
        out.ascii("RADIUS, length: ").num(len).ascii("\n\t").ascii(command(code)).ascii(" (").num(code)
                .ascii("), id: 0x").hex(r.identifier(), 2).ascii(", Authenticator: ");
        for (int i = 4; i < Radius.HEADER_LENGTH; i++) {
            out.hex2(r.byteAt(i));
        }
        attributes(c, r, Radius.HEADER_LENGTH, len - Radius.HEADER_LENGTH);
    }

    private void attributes(PrintContext c, Radius r, int at, int length) {
        Out out = c.out();
        while (length > 0) {
            if (length < 2 || !r.has(at, 2)) {
                c.truncated("radius");
                return;
            }
            int type = r.byteAt(at);
            int len = r.byteAt(at + 1);
            String name = type != 0 && type < NAMES.length ? NAMES[type] : "Unknown";
            out.ascii("\n\t  ").ascii(name).ascii(" Attribute (").num(type).ascii("), length: ").num(len);
            if (len < 2) {
                out.ascii(" (bogus, must be >= 2)");
                return;
            }
            if (len > length) {
                out.ascii(" (bogus, goes past end of packet)");
                return;
            }
            out.ascii(", Value: ");
            if (type < NAMES.length && len > 2 && !value(c, r, type, at + 2, len - 2)) {
                return;
            }
            if (c.verbose() > 1) {
                TlvText.dump(out, r, at + 2, len - 2, "\n\t    ");
            }
            length -= len;
            at += len;
        }
    }

    private static final String[] FEATURES = {"MIP6_INTEGRATED", "LOCAL_HOME_AGENT_ASSIGNMENT", "PMIP6_SUPPORTED",
        "IP4_HOA_SUPPORTED", "LOCAL_MAG_ROUTING_SUPPORTED", "ASSIGN_LOCAL_IP", "MIP4_SUPPORTED",
        "OPTIMIZED_IDLE_MODE_MOBILITY", "GTPv2_SUPPORTED", "IP4_TRANSPORT_SUPPORTED", "IP4_HOA_ONLY_SUPPORTED",
        "INTER_MAG_ROUTING_SUPPORTED"};
    /** The bits of {@link #FEATURES}, in the same order. */
    private static final long[] FEATURE_BITS = {1L, 2L, 1L << 40, 1L << 41, 1L << 42, 1L << 43, 1L << 44, 1L << 45,
        1L << 46, 1L << 47, 1L << 48, 1L << 49};

    /** MIP6-Feature-Vector (RFC 5447): the names of the 64-bit value's known bits. */
    private static boolean featureVector(PrintContext c, Radius r, int v, int n) {
        Out out = c.out();
        if (n != 8) {
            out.ascii("ERROR: length ").num(n).ascii(" != 8");
            return true;
        }
        out.ch('[');
        if (!r.has(v, 8)) {
            c.truncated("radius");
            return false;
        }
        long value = r.intAt(v) << 32 | r.intAt(v + 4);
        String sep = "";
        for (int i = 0; i < FEATURES.length; i++) {
            if ((value & FEATURE_BITS[i]) != 0) {
                out.ascii(sep).ascii(FEATURES[i]);
                sep = ", ";
            }
        }
        out.ch(']');
        return true;
    }

    /** Error-Cause (RFC 5176): the code and its name. */
    private static boolean errorCause(PrintContext c, Radius r, int v, int n) {
        Out out = c.out();
        if (n != 4) {
            out.ascii("Error: length ").num(n).ascii(" != 4");
            return true;
        }
        if (!r.has(v, 4)) {
            c.truncated("radius");
            return false;
        }
        long code = r.intAt(v);
        String name = switch ((int) code) {
            case 201 -> "Residual Session Context Removed";
            case 202 -> "Invalid EAP Packet (Ignored)";
            case 401 -> "Unsupported Attribute";
            case 402 -> "Missing Attribute";
            case 403 -> "NAS Identification Mismatch";
            case 404 -> "Invalid Request";
            case 405 -> "Unsupported Service";
            case 406 -> "Unsupported Extension";
            case 407 -> "Invalid Attribute Value";
            case 501 -> "Administratively Prohibited";
            case 502 -> "Request Not Routable (Proxy)";
            case 503 -> "Session Context Not Found";
            case 504 -> "Session Context Not Removable";
            case 505 -> "Other Proxy Processing Error";
            case 506 -> "Resources Unavailable";
            case 507 -> "Request Initiated";
            case 508 -> "Multiple Session Selection Unsupported";
            case 509 -> "Location Info Required";
            default -> null;
        };
        out.ascii("Error cause ").num(code).ascii(": ");
        if (name != null && code == (int) code) {
            out.ascii(name);
        } else {
            out.ascii("Error-Cause ").num(code).ascii(" not known");
        }
        return true;
    }

    /** Prints an attribute's value; false when the capture ends inside it (the packet's text then ends). */
    private boolean value(PrintContext c, Radius r, int type, int v, int n) {
        Out out = c.out();
        switch (KINDS[type]) {
            case STRING -> {
                if (!r.has(v, n)) {
                    c.truncated("radius");
                    return false;
                }
                string(c, r, type, v, n);
            }
            case NUMBER, ADDRESS, TIME -> {
                if (n != 4) {
                    out.ascii("ERROR: length ").num(n).ascii(" != 4");
                } else if (!r.has(v, 4)) {
                    c.truncated("radius");
                    return false;
                } else if (KINDS[type] == NUMBER) {
                    number(out, r, type, v);
                } else if (KINDS[type] == ADDRESS) {
                    long a = r.intAt(v);
                    if ((type == 8 || type == 14) && a == 0xffffffffL) {
                        out.ascii("User Selected");
                    } else if ((type == 8 || type == 14) && a == 0xfffffffeL) {
                        out.ascii("NAS Select");
                    } else {
                        c.ipv4((int) a);
                    }
                } else {
                    out.ascii(CTIME.format(java.time.Instant.ofEpochSecond(r.intAt(v))
                            .atZone(java.time.ZoneId.systemDefault())));
                }
            }
            case ADDRESS6 -> {
                if (n != 16) {
                    out.ascii("ERROR: length ").num(n).ascii(" != 16");
                } else if (!r.has(v, 16)) {
                    c.truncated("radius");
                    return false;
                } else {
                    byte[] a = c.addressScratch();
                    for (int i = 0; i < 16; i++) {
                        a[i] = (byte) r.byteAt(v + i);
                    }
                    c.ipv6(a);
                }
            }
            case VENDOR -> vendor(c, r, v, n);
            default -> {
                if (type == 101) {
                    return errorCause(c, r, v, n);
                }
                if (type == 124) {
                    return featureVector(c, r, v, n);
                }
                return type == 97 || type == 123 ? prefix6(c, r, v, n) : type != 125 || homeLinkPrefix(c, r, v, n);
            }
        }
        return true;
    }

    /** An IPv6 prefix of a reserved byte, a prefix length and up to 16 address bytes (RFC 3162). */
    private static boolean prefix6(PrintContext c, Radius r, int v, int n) {
        Out out = c.out();
        if (n < 2 || n > 18) {
            out.ascii("ERROR: length ").num(n).ascii(" not in range (2..18)");
            return true;
        }
        if (!r.has(v, n)) {
            c.truncated("radius");
            return false;
        }
        int plen = r.byteAt(v + 1);
        if (plen > 128) {
            out.ascii("ERROR: netmask ").num(plen).ascii(" not in range (0..128)");
            return true;
        }
        byte[] a = c.addressScratch();
        java.util.Arrays.fill(a, (byte) 0);
        for (int i = 0; i < n - 2; i++) {
            a[i] = (byte) r.byteAt(v + 2 + i);
        }
        c.ipv6(a);
        out.ch('/').num(plen);
        if (plen > 8 * (n - 2)) {
            out.ascii(" (inconsistent prefix length)");
        }
        return true;
    }

    /** A prefix length and a whole IPv6 address (RFC 5447's MIP6-Home-Link-Prefix). */
    private static boolean homeLinkPrefix(PrintContext c, Radius r, int v, int n) {
        Out out = c.out();
        if (n != 17) {
            out.ascii("ERROR: length ").num(n).ascii(" != 17");
            return true;
        }
        if (!r.has(v, n)) {
            c.truncated("radius");
            return false;
        }
        int plen = r.byteAt(v);
        if (plen > 128) {
            out.ascii("ERROR: netmask ").num(plen).ascii(" not in range (0..128)");
            return true;
        }
        byte[] a = c.addressScratch();
        for (int i = 0; i < 16; i++) {
            a[i] = (byte) r.byteAt(v + 1 + i);
        }
        c.ipv6(a);
        out.ch('/').num(plen);
        return true;
    }

    /** ctime(3)'s layout, which tcpdump prints event times in. */
    private static final java.time.format.DateTimeFormatter CTIME =
            java.time.format.DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", java.util.Locale.ROOT);

    private void string(PrintContext c, Radius r, int type, int v, int n) {
        Out out = c.out();
        switch (type) {
            case 69 -> {
                if (n < 3) {
                    c.truncated("radius");
                    return;
                }
                int tag = r.byteAt(v);
                if (tag != 0 && tag <= 0x1f) {
                    out.ascii("Tag[").num(tag).ascii("] ");
                } else {
                    out.ascii("Tag[Unused] ");
                }
                out.ascii("Salt ").num(r.shortAt(v + 1)).ch(' ');
                v += 3;
                n -= 3;
            }
            case 66, 67, 81, 82, 90, 91 -> {
                int tag = r.byteAt(v);
                if (tag <= 0x1f) {
                    out.ascii(tag != 0 ? "Tag[" + tag + "] " : "Tag[Unused] ");
                    v++;
                    n--;
                }
            }
            case 58 -> {
                tagged(out, r.byteAt(v));
                v++;
                n--;
            }
            case 79 -> {
                // tcpdump's EAP printer reads the message where an EAPOL body would start
                Eapol e = eapView.wrap(r.buffer(), r.offset() + v - 4, n + 4);
                EapolPrinter.eap(c, e, n);
                return;
            }
            default -> { }
        }
        for (int i = 0; i < n && r.byteAt(v + i) != 0; i++) {
            int b = r.byteAt(v + i);
            out.ch(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
    }

    private static void tagged(Out out, int tag) {
        out.ascii(tag == 0x31 ? "Tagged" : tag == 0x32 ? "Untagged" : "Unknown tag").ascii(" (0x").hex(tag, 2)
                .ascii(") ");
    }

    private static void number(Out out, Radius r, int type, int v) {
        String[] names = values(type);
        if (names != null) {
            long value;
            if (type == 64 || type == 65) {
                int tag = r.byteAt(v);
                out.ascii(tag == 0 ? "Tag[Unused] " : "Tag[" + tag + "] ");
                value = r.byteAt(v + 1) << 16 | r.shortAt(v + 2);
            } else {
                value = r.intAt(v);
            }
            if (value < names.length && names[(int) value] != null) {
                out.ascii(names[(int) value]);
            } else {
                out.ch('#').num(value);
            }
            return;
        }
        long value = r.intAt(v);
        switch (type) {
            case 23 -> {
                if (value == 0xfffffffeL) {
                    out.ascii("NAS Select");
                } else {
                    out.num(value);
                }
            }
            case 27, 28, 41, 46, 85 -> {
                int t = (int) value;
                if (t < 60 && t >= 0) {
                    out.num(t, 2).ascii(" secs");
                } else if (t < 3600 && t >= 0) {
                    out.num(t / 60, 2).ch(':').num(t % 60, 2).ascii(" min");
                } else {
                    out.num(t / 3600, 2).ch(':').num((t % 3600) / 60, 2).ch(':').num(t % 60, 2).ascii(" hours");
                }
            }
            case 37 -> out.ascii(value != 0 ? Long.toString(value) : "Unnumbered");
            case 38 -> out.ascii(value != 0 ? Long.toString(value) : "NAS assigned");
            case 83 -> {
                int tag = r.byteAt(v);
                out.ascii(tag != 0 ? "Tag[" + tag + "] " : "Tag[Unused] ");
                out.num(r.byteAt(v + 1) << 16 | r.shortAt(v + 2));
            }
            case 56 -> {
                tagged(out, r.byteAt(v));
                out.num(r.byteAt(v + 1) << 16 | r.shortAt(v + 2));
            }
            default -> out.num(value);
        }
    }

    private static void vendor(PrintContext c, Radius r, int v, int n) {
        Out out = c.out();
        if (n < 4) {
            c.truncated("radius");
            return;
        }
        long id = r.intAt(v);
        out.ascii("Vendor: ").ascii(id == 9 ? "ciscoSystems" : id == 311 ? "Microsoft" : "Unknown").ascii(" (")
                .num(id).ch(')');
        v += 4;
        n -= 4;
        while (n >= 2) {
            int type = r.byteAt(v);
            int len = r.byteAt(v + 1);
            if (len < 2) {
                out.ascii("\n\t    Vendor Attribute: ").num(type).ascii(", Length: ").num(len)
                        .ascii(" (bogus, must be >= 2)");
                return;
            }
            if (len > n) {
                out.ascii("\n\t    Vendor Attribute: ").num(type).ascii(", Length: ").num(len)
                        .ascii(" (bogus, goes past end of vendor-specific attribute)");
                return;
            }
            v += 2;
            len -= 2;
            n -= 2;
            if (!r.has(v, len)) {
                c.truncated("radius");
                return;
            }
            out.ascii("\n\t    Vendor Attribute: ").num(type).ascii(", Length: ").num(len).ascii(", Value: ");
            for (int i = 0; i < len; i++) {
                int b = r.byteAt(v + i);
                out.ch(b >= 0x20 && b < 0x7f ? (char) b : '.');
            }
            v += len;
            n -= len;
        }
    }

    /** Attribute names by type, as tcpdump lists them (index 0 unused). */
    private static final String[] NAMES = {
        null, "User-Name", "User-Password", "CHAP-Password", "NAS-IP-Address", "NAS-Port", "Service-Type",
        "Framed-Protocol", "Framed-IP-Address", "Framed-IP-Netmask", "Framed-Routing", "Filter-Id", "Framed-MTU",
        "Framed-Compression", "Login-IP-Host", "Login-Service", "Login-TCP-Port", "Unassigned", "Reply-Message",
        "Callback-Number", "Callback-Id", "Unassigned", "Framed-Route", "Framed-IPX-Network", "State", "Class",
        "Vendor-Specific", "Session-Timeout", "Idle-Timeout", "Termination-Action", "Called-Station-Id",
        "Calling-Station-Id", "NAS-Identifier", "Proxy-State", "Login-LAT-Service", "Login-LAT-Node",
        "Login-LAT-Group", "Framed-AppleTalk-Link", "Framed-AppleTalk-Network", "Framed-AppleTalk-Zone",
        "Acct-Status-Type", "Acct-Delay-Time", "Acct-Input-Octets", "Acct-Output-Octets", "Acct-Session-Id",
        "Acct-Authentic", "Acct-Session-Time", "Acct-Input-Packets", "Acct-Output-Packets", "Acct-Terminate-Cause",
        "Acct-Multi-Session-Id", "Acct-Link-Count", "Acct-Input-Gigawords", "Acct-Output-Gigawords", "Unassigned",
        "Event-Timestamp", "Egress-VLANID", "Ingress-Filters", "Egress-VLAN-Name", "User-Priority-Table",
        "CHAP-Challenge", "NAS-Port-Type", "Port-Limit", "Login-LAT-Port", "Tunnel-Type", "Tunnel-Medium-Type",
        "Tunnel-Client-Endpoint", "Tunnel-Server-Endpoint", "Acct-Tunnel-Connection", "Tunnel-Password",
        "ARAP-Password", "ARAP-Features", "ARAP-Zone-Access", "ARAP-Security", "ARAP-Security-Data",
        "Password-Retry", "Prompt", "Connect-Info", "Configuration-Token", "EAP-Message", "Message-Authenticator",
        "Tunnel-Private-Group-ID", "Tunnel-Assignment-ID", "Tunnel-Preference", "ARAP-Challenge-Response",
        "Acct-Interim-Interval", "Acct-Tunnel-Packets-Lost", "NAS-Port-Id", "Framed-Pool", "CUI",
        "Tunnel-Client-Auth-ID", "Tunnel-Server-Auth-ID", "NAS-Filter-Rule", "Unassigned", "Originating-Line-Info",
        "NAS-IPv6-Address", "Framed-Interface-ID", "Framed-IPv6-Prefix", "Login-IPv6-Host", "Framed-IPv6-Route",
        "Framed-IPv6-Pool", "Error-Cause", "EAP-Key-Name", "Digest-Response", "Digest-Realm", "Digest-Nonce",
        "Digest-Response-Auth", "Digest-Nextnonce", "Digest-Method", "Digest-URI", "Digest-Qop", "Digest-Algorithm",
        "Digest-Entity-Body-Hash", "Digest-CNonce", "Digest-Nonce-Count", "Digest-Username", "Digest-Opaque",
        "Digest-Auth-Param", "Digest-AKA-Auts", "Digest-Domain", "Digest-Stale", "Digest-HA1", "SIP-AOR",
        "Delegated-IPv6-Prefix", "MIP6-Feature-Vector", "MIP6-Home-Link-Prefix", "Operator-Name",
        "Location-Information", "Location-Data", "Basic-Location-Policy-Rules"
    };

    /** How tcpdump prints each attribute's value, by type. */
    private static final byte[] KINDS = {
        NONE, STRING, NONE, NONE, ADDRESS, NUMBER, NUMBER, NUMBER, ADDRESS, ADDRESS, NUMBER, STRING, NUMBER, NUMBER,
        ADDRESS, NUMBER, NUMBER, NONE, STRING, STRING, STRING, NONE, STRING, NUMBER, STRING, STRING, VENDOR, NUMBER,
        NUMBER, NUMBER, STRING, STRING, STRING, STRING, STRING, STRING, STRING, NUMBER, NUMBER, STRING, NUMBER,
        NUMBER, NUMBER, NUMBER, STRING, NUMBER, NUMBER, NUMBER, NUMBER, NUMBER, STRING, NUMBER, NUMBER, NUMBER, NONE,
        TIME, NUMBER, NUMBER, STRING, NONE, STRING, NUMBER, NUMBER, STRING, NUMBER, NUMBER, STRING, STRING, STRING,
        STRING, OTHER, OTHER, NUMBER, STRING, STRING, NUMBER, NUMBER, STRING, STRING, STRING, STRING, STRING, STRING,
        NUMBER, OTHER, NUMBER, NUMBER, STRING, STRING, STRING, STRING, STRING, STRING, NONE, NONE, ADDRESS6, NONE,
        OTHER, ADDRESS6, STRING, STRING, OTHER, NONE, STRING, STRING, STRING, STRING, STRING, STRING, STRING, STRING,
        STRING, STRING, STRING, STRING, STRING, STRING, STRING, STRING, STRING, STRING, STRING, STRING, OTHER, OTHER,
        OTHER, OTHER, OTHER, OTHER, OTHER
    };

    private static final String[] SERV_TYPE = {
        null, "Login", "Framed", "Callback Login", "Callback Framed", "Outbound", "Administrative", "NAS Prompt",
        "Authenticate Only", "Callback NAS Prompt", "Call Check", "Callback Administrative", "Voice", "Fax",
        "Modem Relay", "IAPP-Register", "IAPP-AP-Check", "Authorize Only", "Framed-Management",
        "Additional-Authorization"
    };

    private static final String[] FRM_PROTO = {
        null, "PPP", "SLIP", "ARAP", "Gandalf proprietary", "Xylogics IPX/SLIP", "X.75 Synchronous",
        "GPRS PDP Context"
    };

    private static final String[] FRM_ROUTING = {
        "None", "Send", "Listen", "Send&Listen"
    };

    private static final String[] FRM_COMP = {
        "None", "VJ TCP/IP", "IPX", "Stac-LZS"
    };

    private static final String[] LOGIN_SERV = {
        "Telnet", "Rlogin", "TCP Clear", "PortMaster(proprietary)", "LAT", "X.25-PAD", "X.25-T3POS", "Unassigned",
        "TCP Clear Quiet"
    };

    private static final String[] TERM_ACTION = {
        "Default", "RADIUS-Request"
    };

    private static final String[] ACCT_STATUS = {
        null, "Start", "Stop", "Interim-Update", "Unassigned", "Unassigned", "Unassigned", "Accounting-On",
        "Accounting-Off", "Tunnel-Start", "Tunnel-Stop", "Tunnel-Reject", "Tunnel-Link-Start", "Tunnel-Link-Stop",
        "Tunnel-Link-Reject", "Failed"
    };

    private static final String[] ACCT_AUTH = {
        null, "RADIUS", "Local", "Remote", "Diameter"
    };

    private static final String[] ACCT_TERM = {
        null, "User Request", "Lost Carrier", "Lost Service", "Idle Timeout", "Session Timeout", "Admin Reset",
        "Admin Reboot", "Port Error", "NAS Error", "NAS Request", "NAS Reboot", "Port Unneeded", "Port Preempted",
        "Port Suspended", "Service Unavailable", "Callback", "User Error", "Host Request", "Supplicant Restart",
        "Reauthentication Failure", "Port Reinitialized", "Port Administratively Disabled", "Lost Power"
    };

    private static final String[] INGRESS_FILTERS = {
        null, "Enabled", "Disabled"
    };

    private static final String[] NAS_PORT_TYPE = {
        "Async", "Sync", "ISDN Sync", "ISDN Async V.120", "ISDN Async V.110", "Virtual", "PIAFS",
        "HDLC Clear Channel", "X.25", "X.75", "G.3 Fax", "SDSL", "ADSL-CAP", "ADSL-DMT", "ISDN-DSL", "Ethernet",
        "xDSL", "Cable", "Wireless - Other", "Wireless - IEEE 802.11", "Token-Ring", "FDDI", "Wireless - CDMA200",
        "Wireless - UMTS", "Wireless - 1X-EV", "IAPP", "FTTP", "Wireless - IEEE 802.16", "Wireless - IEEE 802.20",
        "Wireless - IEEE 802.22", "PPPoA", "PPPoEoA", "PPPoEoE", "PPPoEoVLAN", "PPPoEoQinQ", "xPON",
        "Wireless - XGP", "WiMAX Pre-Release 8 IWK Function", "WIMAX-WIFI-IWK", "WIMAX-SFF", "WIMAX-HA-LMA",
        "WIMAX-DHCP", "WIMAX-LBS", "WIMAX-WVS"
    };

    private static final String[] TUNNEL_TYPE = {
        null, "PPTP", "L2F", "L2TP", "ATMP", "VTP", "AH", "IP-IP", "MIN-IP-IP", "ESP", "GRE", "DVS",
        "IP-in-IP Tunneling", "VLAN"
    };

    private static final String[] TUNNEL_MEDIUM = {
        null, "IPv4", "IPv6", "NSAP", "HDLC", "BBN 1822", "802", "E.163", "E.164", "F.69", "X.121", "IPX",
        "Appletalk", "Decnet IV", "Banyan Vines", "E.164 with NSAP subaddress"
    };

    private static final String[] ARAP_ZONE = {
        null, "Only access to dfl zone", "Use zone filter inc.", "Not used", "Use zone filter exc."
    };

    private static final String[] PROMPT = {
        "No Echo", "Echo"
    };

    /** The value names of attributes that have them, by type. */
    private static String[] values(int type) {
        return switch (type) {
            case 6 -> SERV_TYPE;
            case 7 -> FRM_PROTO;
            case 10 -> FRM_ROUTING;
            case 13 -> FRM_COMP;
            case 15 -> LOGIN_SERV;
            case 29 -> TERM_ACTION;
            case 40 -> ACCT_STATUS;
            case 45 -> ACCT_AUTH;
            case 49 -> ACCT_TERM;
            case 57 -> INGRESS_FILTERS;
            case 61 -> NAS_PORT_TYPE;
            case 64 -> TUNNEL_TYPE;
            case 65 -> TUNNEL_MEDIUM;
            case 72 -> ARAP_ZONE;
            case 76 -> PROMPT;
            default -> null;
        };
    }

    /** The name of RADIUS message code {@code code}, as tcpdump spells it. */
    static String command(int code) {
        return switch (code) {
            case 1 -> "Access-Request";
            case 2 -> "Access-Accept";
            case 3 -> "Access-Reject";
            case 4 -> "Accounting-Request";
            case 5 -> "Accounting-Response";
            case 11 -> "Access-Challenge";
            case 12 -> "Status-Server";
            case 13 -> "Status-Client";
            case 40 -> "Disconnect-Request";
            case 41 -> "Disconnect-ACK";
            case 42 -> "Disconnect-NAK";
            case 43 -> "CoA-Request";
            case 44 -> "CoA-ACK";
            case 45 -> "CoA-NAK";
            case 255 -> "Reserved";
            default -> "Unknown Command";
        };
    }
}
