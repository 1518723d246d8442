package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Dhcp;

/**
 * BOOTP/DHCP as tcpdump prints it: {@code BOOTP/DHCP, Request from 5a:4f:34:b1:af:66, length 300}, and with
 * {@code -v} the header's fields that are set and every option of the vendor area, one line each
 * ({@code DHCP-Message (53), length 1: Discover}). Where the captured bytes end inside what it prints, the text
 * ends with {@code [|bootp]}. Not thread-safe.
 */
final class DhcpPrinter implements LayerPrinter {
    /** Where the vendor area starts. */
    private static final int VENDOR = 236;
    private static final int PAD = 0;
    private static final int END = 255;
    /**
     * Option names as tcpdump prints them, each after one character that says how it prints the value:
     * {@code i} IPv4 addresses, {@code p} address pairs, {@code l} unsigned and {@code L} signed 32-bit numbers,
     * {@code s} 16-bit numbers, {@code b} dotted bytes, {@code a} text, {@code B} booleans, {@code $} its own way.
     */
    private static final String[] OPTIONS = new String[256];

    static {
        String[] named = {
            "1 iSubnet-Mask", "2 LTime-Zone", "3 iDefault-Gateway", "4 iTime-Server", "5 iIEN-Name-Server",
            "6 iDomain-Name-Server", "7 iLOG", "8 iCS", "9 iLPR-Server", "10 iIM", "11 iRL", "12 aHostname",
            "13 sBS", "14 aDP", "15 aDomain-Name", "16 iSS", "17 aRP", "18 aEP", "19 BIPF", "20 BSRT", "21 pPF",
            "22 sRSZ", "23 bTTL", "24 lMTU-Timeout", "25 sMTU-Table", "26 sMTU", "27 BLSN", "28 iBR", "29 BMD",
            "30 BMS", "31 BRouter-Discovery", "32 iRSA", "33 pStatic-Route", "34 BUT", "35 lAT", "36 BIE",
            "37 bTT", "38 lKI", "39 BKG", "40 aYD", "41 iYS", "42 iNTP", "43 bVendor-Option",
            "44 iNetbios-Name-Server", "45 iWDD", "46 $Netbios-Node", "47 aNetbios-Scope", "48 iXFS", "49 iXDM",
            "50 iRequested-IP", "51 lLease-Time", "52 $OO", "53  DHCP-Message", "54 iServer-ID",
            "55 bParameter-Request", "56 aMSG", "57 sMSZ", "58 lRN", "59 lRB", "60 aVendor-Class",
            "61 $Client-ID", "64 sN+D", "65 iN+S", "66 aTFTP", "67 aBF", "68 iMH", "69 iSMTP", "70 iPOP3",
            "71 iNNTP", "72 iWWW", "73 iFG", "74 iIRC", "75 iSTS", "76 iSTDA", "77 $User-Class", "78 bSLP-DA",
            "79 bSLP-SCOPE", "80 aSLP-NA", "81 $FQDN", "82 $Agent-Information", "83 bARMT", "88 aTZSTR",
            "89 bFQDNS", "90 bAUTH", "91 LLast-Transaction-Time", "92 iAssociated-IP", "93 sARCH", "94 bNDI",
            "95 aLDAP", "97 bGUID", "98 aUAP", "100 aPOSIX-TZ", "101 aTZ-Name", "112 iNI", "113 aNITAG",
            "114 aURL", "116 BNOAUTO", "117 sNSSEARCH", "118 iSUBNET", "121 $Classless-Static-Route",
            "150 iTFTP-Server-Address", "161 aMUD-URL", "249 $Classless-Static-Route-Microsoft"};
        for (String entry : named) {
            int space = entry.indexOf(' ');
            OPTIONS[Integer.parseInt(entry.substring(0, space))] = entry.substring(space + 1);
        }
        OPTIONS[PAD] = " PAD";
        OPTIONS[END] = " END";
    }

    private static final String[] MESSAGE_TYPES = {null, "Discover", "Offer", "Request", "Decline", "ACK", "NACK",
        "Release", "Inform", null, "LeaseQuery", "LeaseUnassigned", "LeaseUnknown", "LeaseActive"};

    private final Dhcp view = new Dhcp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        int length = ApplicationPrinters.udpPayload(c, layer);
        // tcpdump reads no further than the IP datagram's end (the frame's padding is not the message's)
        Dhcp d = view.wrap(p.buffer(), p.offset(layer), Math.min(p.layerLength(layer), ipEnd(c, layer)));
        Out out = c.out();
        out.ascii("BOOTP/DHCP, ");
        if (!d.has(0, 1)) {
            c.truncated("bootp");
            return;
        }
        int op = d.op();
        if (op == 1) {
            out.ascii("Request");
        } else if (op == 2) {
            out.ascii("Reply");
        } else {
            out.ascii("unknown (0x").hex2(op).ch(')');
        }
        if (!d.has(1, 2)) {
            c.truncated("bootp");
            return;
        }
        boolean ethernet = d.hardwareType() == 1 && d.hardwareLength() == 6;
        if (op == 1 && ethernet) {
            out.ascii(" from ");
            if (!d.has(28, 6)) {
                c.truncated("bootp");
                return;
            }
            c.mac(d.clientMac());
        }
        out.ascii(", length ").num(length);
        if (c.verbose() > 0) {
            verbose(c, d, ethernet);
        }
    }

    /** The number of bytes from layer {@code layer}'s start to its IP datagram's stated end. */
    private static int ipEnd(PrintContext c, int layer) {
        int udp = c.below(layer);
        if (udp < 0 || c.packet().protocol(udp) != Protocols.UDP) {
            return Integer.MAX_VALUE;
        }
        int ip = c.network(udp);
        return Math.max(0, UdpPrinter.ipPayloadLength(c, udp, ip) - (c.packet().offset(layer) - c.packet().offset(udp)));
    }

    private static void verbose(PrintContext c, Dhcp d, boolean ethernet) {
        Out out = c.out();
        if (!d.has(8, 2)) {
            c.truncated("bootp");
            return;
        }
        if (d.hardwareType() != 1) {
            out.ascii(", htype ").num(d.hardwareType());
        }
        if (!ethernet) {
            out.ascii(", hlen ").num(d.hardwareLength());
        }
        if (d.hops() != 0) {
            out.ascii(", hops ").num(d.hops());
        }
        if (d.transactionId() != 0) {
            out.ascii(", xid 0x").hex(d.transactionId());
        }
        if (d.seconds() != 0) {
            out.ascii(", secs ").num(d.seconds());
        }
        if (!d.has(10, 2)) {
            c.truncated("bootp");
            return;
        }
        out.ascii(", Flags [").ascii((d.flags() & 0x8000) != 0 ? "Broadcast" : "none").ch(']');
        if (c.verbose() > 1) {
            out.ascii(" (0x").hex(d.flags(), 4).ch(')');
        }
        String[] addresses = {"Client-IP ", "Your-IP ", "Server-IP ", "Gateway-IP "};
        for (int i = 0; i < addresses.length; i++) {
            if (!d.has(12 + 4 * i, 4)) {
                c.truncated("bootp");
                return;
            }
            int a = (int) d.intAt(12 + 4 * i);
            if (a != 0) {
                out.ascii("\n\t  ").ascii(addresses[i]);
                c.ipv4(a);
            }
        }
        if (ethernet) {
            if (!d.has(28, 6)) {
                c.truncated("bootp");
                return;
            }
            out.ascii("\n\t  Client-Ethernet-Address ");
            c.mac(d.clientMac());
        }
        if (!terminatedText(c, d, 44, 64, "sname") || !terminatedText(c, d, 108, 128, "file")) {
            return;
        }
        if (!d.has(VENDOR, 4)) {
            c.truncated("bootp");
            return;
        }
        long magic = d.intAt(VENDOR);
        if (magic == Dhcp.MAGIC_COOKIE) {
            options(c, d);
        } else if (magic == 0x434d5500L) {
            cmu(c, d);
        } else if (magic != 0) {
            out.ascii("\n\t  Vendor-#0x").hex(magic);
        }
    }

    /**
     * Writes the server name or boot file field when its first byte is set, up to its NUL; false, having
     * marked truncation, when the field holds none or the capture ends first (as tcpdump's {@code nd_printztn}).
     */
    private static boolean terminatedText(PrintContext c, Dhcp d, int rel, int size, String name) {
        Out out = c.out();
        if (!d.has(rel, 1)) {
            c.truncated("bootp");
            return false;
        }
        if (d.byteAt(rel) == 0) {
            return true;
        }
        out.ascii("\n\t  ").ascii(name).ascii(" \"");
        for (int i = 0; i < size && d.has(rel + i, 1); i++) {
            int b = d.byteAt(rel + i);
            if (b == 0) {
                out.ch('"');
                return true;
            }
            VrrpPrinter.printable(out, b);
        }
        out.ch('"');
        c.truncated("bootp");
        return false;
    }

    /** The CMU vendor area: {@code  vend-cmu} and its addresses that are set. */
    private static void cmu(PrintContext c, Dhcp d) {
        Out out = c.out();
        out.ascii(" vend-cmu");
        if (!d.has(VENDOR + 4, 4)) {
            c.truncated("bootp");
            return;
        }
        int flags = d.byteAt(VENDOR + 4);
        if ((flags & ~1) != 0) {
            out.ascii(" F:0x").hex(flags);
        }
        String[] names = {"DG", (flags & 1) != 0 ? "SM" : "SM*", "NS1", "NS2", "IEN1", "IEN2", "TS1", "TS2"};
        int[] at = {12, 8, 16, 20, 24, 28, 32, 36};
        for (int i = 0; i < names.length; i++) {
            int rel = VENDOR + at[i];
            if (!d.has(rel, 4)) {
                c.truncated("bootp");
                return;
            }
            int a = (int) d.intAt(rel);
            if (a != 0) {
                out.ch(' ').ascii(names[i]).ch(':');
                c.ipv4(a);
            }
        }
    }

    /** The RFC 1048 vendor extensions: the magic cookie, then each option on its own line. */
    private static void options(PrintContext c, Dhcp d) {
        Out out = c.out();
        out.ascii("\n\t  Vendor-rfc1048 Extensions\n\t    Magic Cookie 0x").hex(Dhcp.MAGIC_COOKIE, 8);
        int at = VENDOR + 4;
        boolean all = c.verbose() > 2;
        while (d.has(at, 1)) {
            int tag = d.byteAt(at++);
            if ((tag == PAD || tag == END) && !all) {
                if (tag == END) {
                    return;
                }
                continue;
            }
            String entry = OPTIONS[tag] != null ? OPTIONS[tag] : "?Unknown";
            char format = entry.charAt(0);
            int len = 0;
            if (tag != PAD && tag != END) {
                if (!d.has(at, 1)) {
                    c.truncated("bootp");
                    return;
                }
                len = d.byteAt(at++);
            }
            out.ascii("\n\t    ").text(entry, 1, entry.length()).ascii(" (").num(tag).ascii("), length ").num(len);
            if (len > 0) {
                out.ascii(": ");
            }
            if (tag == PAD) {
                int count = 1;
                while (d.has(at, 1) && d.byteAt(at) == PAD) {
                    at++;
                    count++;
                }
                if (count > 1) {
                    out.ascii(", occurs ").num(count);
                }
            }
            if (!d.has(at, len)) {
                c.truncated("bootp");
                return;
            }
            int left = value(c, d, tag, format, at, len);
            if (left < 0) {
                return;
            }
            if (left > 0) {
                out.ascii("\n\t  trailing data length ").num(left);
            }
            at += len;
        }
    }

    /**
     * Writes one option's value of {@code len} captured bytes at {@code at}.
     *
     * @return the number of bytes its format left over, or -1 when the text ended (truncation marked)
     */
    private static int value(PrintContext c, Dhcp d, int tag, char format, int at, int len) {
        Out out = c.out();
        if (tag == 53 && len == 1) {
            int type = d.byteAt(at);
            String name = type < MESSAGE_TYPES.length ? MESSAGE_TYPES[type] : null;
            if (name != null) {
                out.ascii(name);
            } else {
                out.ascii("Unknown (").num(type).ch(')');
            }
            return 0;
        }
        if (tag == 55) {
            for (int i = 0; i < len; i++) {
                int inner = d.byteAt(at + i);
                out.ascii(i % 4 == 0 ? "\n\t      " : ", ");
                String name = OPTIONS[inner] != null ? OPTIONS[inner] : "?Unknown";
                out.text(name, 1, name.length()).ascii(" (").num(inner).ch(')');
            }
            return 0;
        }
        char f = format;
        if (f == '?') {
            f = (len & 1) != 0 ? 'b' : (len & 2) != 0 ? 's' : 'l';
        }
        int left = len;
        int pos = at;
        switch (f) {
            case 'a' -> {
                quoted(out, d, pos, len);
                left = 0;
            }
            case 'i', 'l', 'L' -> {
                for (boolean first = true; left >= 4; left -= 4, pos += 4, first = false) {
                    if (!first) {
                        out.ch(',');
                    }
                    long v = d.intAt(pos);
                    if (f == 'i') {
                        c.ipv4((int) v);
                    } else {
                        out.num(f == 'L' ? (int) v : v);
                    }
                }
            }
            case 'p' -> {
                for (boolean first = true; left >= 8; left -= 8, pos += 8, first = false) {
                    if (!first) {
                        out.ch(',');
                    }
                    out.ch('(');
                    c.ipv4((int) d.intAt(pos));
                    out.ch(':');
                    c.ipv4((int) d.intAt(pos + 4));
                    out.ch(')');
                }
            }
            case 's' -> {
                for (boolean first = true; left >= 2; left -= 2, pos += 2, first = false) {
                    if (!first) {
                        out.ch(',');
                    }
                    out.num(d.shortAt(pos));
                }
            }
            case 'B' -> {
                for (boolean first = true; left > 0; left--, pos++, first = false) {
                    if (!first) {
                        out.ch(',');
                    }
                    int b = d.byteAt(pos);
                    if (b == 0) {
                        out.ch('N');
                    } else if (b == 1) {
                        out.ch('Y');
                    } else {
                        out.num(b).ch('?');
                    }
                }
            }
            case '$' -> left = special(c, d, tag, pos, len);
            default -> {
                for (boolean first = true; left > 0; left--, pos++, first = false) {
                    if (!first) {
                        out.ch('.');
                    }
                    out.num(d.byteAt(pos));
                }
            }
        }
        return left;
    }

    /** The options tcpdump prints in a way of their own; returns the bytes left over as {@link #value} does. */
    private static int special(PrintContext c, Dhcp d, int tag, int at, int len) {
        Out out = c.out();
        switch (tag) {
            case 46, 52 -> {
                if (len < 1) {
                    out.ascii("[ERROR: length < 1 bytes]");
                    return 0;
                }
                int v = d.byteAt(at);
                String name = tag == 46
                        ? (v == 1 ? "b-node" : v == 2 ? "p-node" : v == 4 ? "m-node" : v == 8 ? "h-node" : null)
                        : (v == 1 ? "file" : v == 2 ? "sname" : v == 3 ? "file+sname" : null);
                out.ascii(name != null ? name : "#" + v);
                return len - 1;
            }
            case 81 -> {
                if (len < 3) {
                    out.ascii("[ERROR: length < 3 bytes]");
                    return 0;
                }
                int flags = d.byteAt(at);
                if ((flags & 0xf0) != 0) {
                    out.ascii("[ERROR: MBZ nibble 0x").hex((flags & 0xf0) >> 4).ascii(" != 0] ");
                }
                if ((flags & 0x0f) != 0) {
                    out.ch('[');
                    String letters = "SOEN";
                    for (int bit = 0; bit < 4; bit++) {
                        if ((flags & (1 << bit)) != 0) {
                            out.ch(letters.charAt(bit));
                        }
                    }
                    out.ascii("] ");
                }
                if (d.byteAt(at + 1) != 0 || d.byteAt(at + 2) != 0) {
                    out.num(d.byteAt(at + 1)).ch('/').num(d.byteAt(at + 2)).ch(' ');
                }
                quoted(out, d, at + 3, len - 3);
                return 0;
            }
            case 61 -> {
                if (len < 1) {
                    out.ascii("[ERROR: length < 1 bytes]");
                    return 0;
                }
                int type = d.byteAt(at);
                if (type == 0) {
                    quoted(out, d, at + 1, len - 1);
                    return 0;
                }
                String name = switch (type) {
                    case 1 -> "ether";
                    case 6 -> "ieee802";
                    case 7 -> "arcnet";
                    case 0xf -> "frelay";
                    case 0x17 -> "strip";
                    case 0x18 -> "ieee1394";
                    default -> null;
                };
                if (name != null) {
                    out.ascii(name);
                } else {
                    out.ascii("hardware-type ").num(type).ch(',');
                }
                out.ch(' ');
                for (int i = 1; i < len; i++) {
                    if (i > 1) {
                        out.ch(':');
                    }
                    out.hex2(d.byteAt(at + i));
                }
                return 0;
            }
            case 82 -> {
                agentInformation(c, d, at, len);
                return 0;
            }
            case 121, 249 -> {
                classlessRoutes(c, d, at, len);
                return 0;
            }
            case 77 -> {
                userClass(out, d, at, len);
                return 0;
            }
            default -> {
                out.ascii("[unknown special tag ").num(tag).ascii(", size ").num(len).ch(']');
                return 0;
            }
        }
    }

    private static void agentInformation(PrintContext c, Dhcp d, int at, int len) {
        Out out = c.out();
        int pos = at;
        int left = len;
        while (left >= 2) {
            int sub = d.byteAt(pos);
            int subLen = d.byteAt(pos + 1);
            pos += 2;
            left -= 2;
            String name = sub == 1 ? "Circuit-ID" : sub == 2 ? "Remote-ID" : sub == 6 ? "Subscriber-ID" : "Unknown";
            out.ascii("\n\t      ").ascii(name).ascii(" SubOption ").num(sub).ascii(", length ").num(subLen);
            if (subLen > left) {
                out.ascii(": length goes past end of option");
                return;
            }
            out.ascii(": ");
            if (sub == 1 || sub == 2 || sub == 6) {
                for (int i = 0; i < subLen; i++) {
                    VrrpPrinter.printable(out, d.byteAt(pos + i));
                }
            } else {
                TlvText.dump(out, d, pos, subLen, "\n\t\t");
            }
            pos += subLen;
            left -= subLen;
        }
    }

    private static void classlessRoutes(PrintContext c, Dhcp d, int at, int len) {
        Out out = c.out();
        if (len < 5) {
            out.ascii("[ERROR: length < 5 bytes]");
            return;
        }
        int pos = at;
        int left = len;
        for (boolean first = true; left > 0; first = false) {
            if (!first) {
                out.ch(',');
            }
            int width = d.byteAt(pos++);
            left--;
            if (width > 32) {
                out.ascii("[ERROR: Mask width (").num(width).ascii(") > 32]");
                return;
            }
            int significant = (width + 7) / 8;
            if (left < significant + 4) {
                out.ascii("[ERROR: Remaining length (").num(left).ascii(") < ").num(significant + 4).ascii(" bytes]");
                return;
            }
            out.ch('(');
            if (width == 0) {
                out.ascii("default");
            } else {
                for (int i = 0; i < significant; i++) {
                    if (i > 0) {
                        out.ch('.');
                    }
                    out.num(d.byteAt(pos++));
                }
                for (int i = significant; i < 4; i++) {
                    out.ascii(".0");
                }
                out.ch('/').num(width);
            }
            out.ch(':');
            c.ipv4((int) d.intAt(pos));
            out.ch(')');
            pos += 4;
            left -= significant + 4;
        }
    }

    private static void userClass(Out out, Dhcp d, int at, int len) {
        if (len < 2) {
            out.ascii("[ERROR: length < 2 bytes]");
            return;
        }
        int pos = at;
        int left = len;
        for (int instance = 1; left > 0; instance++) {
            int subLen = d.byteAt(pos++);
            left--;
            out.ascii("\n\t      instance#").num(instance).ascii(": ");
            if (subLen == 0) {
                out.ascii("[ERROR: suboption length must be non-zero]");
                return;
            }
            if (left < subLen) {
                out.ascii("[ERROR: invalid option]");
                return;
            }
            quoted(out, d, pos, subLen);
            out.ascii(", length ").num(subLen);
            pos += subLen;
            left -= subLen;
        }
    }

    /** Writes {@code len} bytes as quoted text, control characters escaped as tcpdump does. */
    private static void quoted(Out out, Dhcp d, int at, int len) {
        out.ch('"');
        for (int i = 0; i < len; i++) {
            VrrpPrinter.printable(out, d.byteAt(at + i));
        }
        out.ch('"');
    }
}
