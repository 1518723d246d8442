package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Dhcpv6;

/**
 * DHCPv6 as tcpdump prints it: {@code dhcp6 solicit}, and with {@code -v} the transaction id (or a relay's
 * addresses) and every option in parentheses on the same line, {@code dhcp6 reply (xid=2ffdd1 (IA_NA IAID:1
 * T1:3600 T2:5400 (IA_ADDR 2a00::1 pltime:4500 vltime:7200)) (client-ID hwaddr type 1 000102030405))}.
 * Relayed messages print nested. Not thread-safe.
 */
final class Dhcp6Printer implements LayerPrinter {
    private static final String[] MESSAGES = {null, "solicit", "advertise", "request", "confirm", "renew", "rebind",
        "reply", "release", "decline", "reconfigure", "inf-req", "relay-fwd", "relay-reply", "leasequery",
        "leasequery-reply"};
    private static final String[] STATUS = {"Success", "UnspecFail", "NoAddrsAvail", "NoBinding", "NotOnLink",
        "UseMulticast", "NoPrefixAvail", "UnknownQueryType", "MalformedQuery", "NotConfigured", "NotAllowed"};
    /** How deep relay messages nest before the rest prints as truncated; a relay chain holds at most 32. */
    private static final int MAX_NESTING = 32;

    private final Dhcpv6 view = new Dhcpv6();
    private final byte[] address = new byte[16];

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Dhcpv6 m = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        int length = Math.min(ApplicationPrinters.udpPayload(c, layer), m.regionLength());
        message(c, m, 0, length, 0);
    }

    /** Prints the message of {@code length} bytes at {@code from}. */
    private void message(PrintContext c, Dhcpv6 m, int from, int length, int depth) {
        Out out = c.out();
        out.ascii("dhcp6");
        if (!m.has(from, 4)) {
            c.truncated("dhcp6");
            return;
        }
        int type = m.byteAt(from);
        out.ch(' ');
        name(out, MESSAGES, type, "msgtype-");
        if (c.verbose() == 0) {
            return;
        }
        out.ascii(" (");
        int end = from + length;
        if (type == Dhcpv6.RELAY_FORWARD || type == Dhcpv6.RELAY_REPLY) {
            if (!m.has(from + 2, 32)) {
                c.truncated("dhcp6");
                return;
            }
            out.ascii("linkaddr=");
            m.addressAt(from + 2, address);
            c.ipv6(address);
            out.ascii(" peeraddr=");
            m.addressAt(from + 18, address);
            c.ipv6(address);
            options(c, m, from + 34, end, depth);
        } else {
            out.ascii("xid=").hex(m.byteAt(from + 1) << 16 | m.shortAt(from + 2));
            options(c, m, from + 4, end, depth);
        }
        out.ch(')');
    }

    /**
     * Prints the options from {@code at} to {@code end}. An option that runs past the message or the capture
     * ends the list with tcpdump's truncation mark, and the enclosing text goes on as tcpdump's does.
     */
    private void options(PrintContext c, Dhcpv6 m, int at, int end, int depth) {
        Out out = c.out();
        while (at < end) {
            if (at + 4 > end || !m.has(at, 4)) {
                c.truncated("dhcp6");
                return;
            }
            int code = m.shortAt(at);
            int len = m.shortAt(at + 2);
            int v = at + 4;
            if (v + len > end || !m.has(v, len)) {
                c.truncated("dhcp6");
                return;
            }
            out.ascii(" (").ascii(optionName(code));
            option(c, m, code, v, len, depth);
            at = v + len;
        }
    }

    /** Prints one option's value and its closing parenthesis (which a relayed message's lacks, as in tcpdump). */
    private void option(PrintContext c, Dhcpv6 m, int code, int v, int len, int depth) {
        Out out = c.out();
        switch (code) {
            case 1, 2 -> { // client and server DUIDs
                if (len < 2) {
                    unknown(out);
                    return;
                }
                int duid = m.shortAt(v);
                if (duid == 1 && len >= 8) {
                    out.ascii(" hwaddr/time type ").num(m.shortAt(v + 2)).ascii(" time ").num(m.intAt(v + 4))
                            .ch(' ');
                    hex(out, m, v + 8, len - 8);
                } else if (duid == 2 && len >= 10) {
                    out.ascii(" vid ");
                    hex(out, m, v + 2, 8);
                } else if (duid == 3 && len >= 4) {
                    out.ascii(" hwaddr type ").num(m.shortAt(v + 2)).ch(' ');
                    hex(out, m, v + 4, len - 4);
                } else if (duid == 1 || duid == 2 || duid == 3) {
                    unknown(out);
                    return;
                } else {
                    out.ascii(" type ").num(duid);
                }
            }
            case 5 -> { // IA address
                if (len < 24) {
                    unknown(out);
                    return;
                }
                out.ch(' ');
                m.addressAt(v, address);
                c.ipv6(address);
                out.ascii(" pltime:").num(m.intAt(v + 16)).ascii(" vltime:").num(m.intAt(v + 20));
                if (len > 24) {
                    options(c, m, v + 24, v + len, depth);
                }
            }
            case 6, 43 -> { // option request, echo request
                if (len % 2 != 0) {
                    unknown(out);
                    return;
                }
                for (int i = 0; i < len; i += 2) {
                    out.ch(' ').ascii(optionName(m.shortAt(v + i)));
                }
            }
            case 7, 19 -> { // preference, reconfigure message
                if (len != 1) {
                    unknown(out);
                    return;
                }
                if (code == 7) {
                    out.ch(' ').num(m.byteAt(v));
                } else {
                    int t = m.byteAt(v);
                    out.ascii(t == 5 ? " for renew" : t == 11 ? " for inf-req" : " for ???(");
                    if (t != 5 && t != 11) {
                        out.hex2(t).ch(')');
                    }
                }
            }
            case 8 -> { // elapsed time
                if (len != 2) {
                    unknown(out);
                    return;
                }
                out.ch(' ').num(m.shortAt(v));
            }
            case 9 -> { // relay message
                out.ascii(" (");
                if (depth >= MAX_NESTING) {
                    c.truncated("dhcp6");
                } else {
                    message(c, m, v, len, depth + 1);
                }
                out.ch(')');
                return;
            }
            case 13 -> { // status code
                if (len < 2) {
                    unknown(out);
                    return;
                }
                int s = m.shortAt(v);
                out.ch(' ');
                if (s > 255) {
                    out.ascii("INVALID code");
                } else {
                    name(out, STATUS, s, "code");
                }
            }
            case 18, 38 -> { // interface id, subscriber id
                out.ch(' ');
                hex(out, m, v, Math.min(len, 10));
                out.ascii("...");
            }
            case 21, 24 -> { // domain name lists
                for (int at = v; at < v + len; ) {
                    out.ch(' ');
                    at = name(c, m, at, v + len);
                    if (at < 0) {
                        c.truncated("dhcp6");
                        return;
                    }
                }
            }
            case 22, 23, 27, 28, 31, 34, 40, 48 -> { // address lists
                if (len % 16 != 0) {
                    unknown(out);
                    return;
                }
                for (int i = 0; i < len; i += 16) {
                    out.ch(' ');
                    m.addressAt(v + i, address);
                    c.ipv6(address);
                }
            }
            case 3, 25 -> { // IA_NA, IA_PD
                if (len < 12) {
                    unknown(out);
                    return;
                }
                out.ascii(" IAID:").num(m.intAt(v)).ascii(" T1:").num(m.intAt(v + 4)).ascii(" T2:")
                        .num(m.intAt(v + 8));
                if (len > 12) {
                    options(c, m, v + 12, v + len, depth);
                }
            }
            case 4 -> { // IA_TA
                if (len < 4) {
                    unknown(out);
                    return;
                }
                out.ascii(" IAID:").num(m.intAt(v));
                if (len > 4) {
                    options(c, m, v + 4, v + len, depth);
                }
            }
            case 26 -> { // IA_PD prefix
                if (len < 25) {
                    unknown(out);
                    return;
                }
                out.ch(' ');
                m.addressAt(v + 9, address);
                c.ipv6(address);
                out.ch('/').num(m.byteAt(v + 8)).ascii(" pltime:").num(m.intAt(v)).ascii(" vltime:")
                        .num(m.intAt(v + 4));
                if (len > 25) {
                    options(c, m, v + 25, v + len, depth);
                }
            }
            case 32, 46 -> { // lifetime, client last transaction time
                if (len != 4) {
                    unknown(out);
                    return;
                }
                out.ch(' ').num(m.intAt(v));
            }
            case 37 -> { // remote id
                if (len < 4) {
                    unknown(out);
                    return;
                }
                out.ch(' ').num(m.intAt(v)).ch(' ');
                hex(out, m, v + 4, Math.min(len, 14) - 4);
                out.ascii("...");
            }
            case 45 -> { // leasequery client data
                if (len > 0) {
                    options(c, m, v, v + len, depth);
                }
            }
            case 56 -> { // NTP server (RFC 5908)
                if (len < 4) {
                    unknown(out);
                    return;
                }
                if (!ntpServer(c, m, v, len)) {
                    return;
                }
            }
            case 64 -> { // AFTR name (RFC 6334): labels, no compression
                if (len < 3) {
                    unknown(out);
                    return;
                }
                out.ch(' ');
                int at = v;
                for (int remain = len; remain > 0 && m.byteAt(at) != 0; ) {
                    int label = m.byteAt(at++);
                    if (label >= remain - 1) {
                        out.ascii(" ?");
                        break;
                    }
                    TlvText.textToNul(out, m, at, label);
                    at += label;
                    remain -= label + 1;
                    if (m.byteAt(at) != 0) {
                        out.ch('.');
                    }
                }
            }
            case 41, 42, 112 -> { // time zones, MUD URL
                if (len < 5) {
                    unknown(out);
                    return;
                }
                out.ch(' ');
                TlvText.textToNul(out, m, v, len);
            }
            default -> {
            }
        }
        out.ch(')');
    }

    /** The NTP server option's suboptions; false, having marked it, when one runs past the option. */
    private static boolean ntpServer(PrintContext c, Dhcpv6 m, int v, int len) {
        Out out = c.out();
        byte[] a = c.addressScratch();
        for (int at = v; at < v + len - 4; ) {
            int code = m.shortAt(at);
            int sublen = m.shortAt(at + 2);
            at += 4;
            if (at + sublen > v + len) {
                c.truncated("dhcp6");
                return false;
            }
            out.ascii(" subopt:").num(code);
            if ((code == 1 || code == 2) && sublen == 16) {
                out.ch(' ');
                m.addressAt(at, a);
                c.ipv6(a);
            } else if (code == 3) {
                out.ch(' ');
                if (name(c, m, at, at + sublen) < 0) {
                    c.truncated("dhcp6");
                    return false;
                }
            } else {
                out.ascii(" ?");
            }
            at += sublen;
        }
        return true;
    }

    /** tcpdump's mark for an option whose length does not fit its kind. */
    private static void unknown(Out out) {
        out.ascii(" ?)");
    }

    /** Prints a domain name in DNS label form, with its final dot; the index after it, or -1 when cut short. */
    private static int name(PrintContext c, Dhcpv6 m, int at, int end) {
        Out out = c.out();
        boolean any = false;
        while (at < end && m.has(at, 1)) {
            int n = m.byteAt(at++);
            if (n == 0) {
                if (!any) {
                    out.ch('.');
                }
                return at;
            }
            if (n > 63 || at + n > end || !m.has(at, n)) {
                return -1;
            }
            for (int i = 0; i < n; i++) {
                VrrpPrinter.printable(out, m.byteAt(at + i));
            }
            out.ch('.');
            any = true;
            at += n;
        }
        return any ? at : -1;
    }

    private static void hex(Out out, Dhcpv6 m, int at, int n) {
        for (int i = 0; i < n; i++) {
            out.hex2(m.byteAt(at + i));
        }
    }

    private static void name(Out out, String[] names, int code, String unknown) {
        if (code >= 0 && code < names.length && names[code] != null) {
            out.ascii(names[code]);
        } else {
            out.ascii(unknown).num(code);
        }
    }

    /** The name tcpdump gives DHCPv6 option {@code code}. */
    static String optionName(int code) {
        return switch (code) {
            case 1 -> "client-ID";
            case 2 -> "server-ID";
            case 3 -> "IA_NA";
            case 4 -> "IA_TA";
            case 5 -> "IA_ADDR";
            case 6 -> "option-request";
            case 7 -> "preference";
            case 8 -> "elapsed-time";
            case 9 -> "relay-message";
            case 11 -> "authentication";
            case 12 -> "server-unicast";
            case 13 -> "status-code";
            case 14 -> "rapid-commit";
            case 15 -> "user-class";
            case 16 -> "vendor-class";
            case 17 -> "vendor-specific-info";
            case 18 -> "interface-ID";
            case 19 -> "reconfigure-message";
            case 20 -> "reconfigure-accept";
            case 21 -> "SIP-servers-domain";
            case 22 -> "SIP-servers-address";
            case 23 -> "DNS-server";
            case 24 -> "DNS-search-list";
            case 25 -> "IA_PD";
            case 26 -> "IA_PD-prefix";
            case 27 -> "NIS-server";
            case 28 -> "NIS+-server";
            case 29 -> "NIS-domain-name";
            case 30 -> "NIS+-domain-name";
            case 31 -> "SNTP-servers";
            case 32 -> "lifetime";
            case 33 -> "BCMCS-domain-name";
            case 34 -> "BCMCS-server";
            case 36 -> "Geoconf-Civic";
            case 37 -> "Remote-ID";
            case 38 -> "Subscriber-ID";
            case 39 -> "Client-FQDN";
            case 40 -> "PANA-agent";
            case 41 -> "POSIX-timezone";
            case 42 -> "POSIX-tz-database";
            case 43 -> "Echo-request-option";
            case 44 -> "Lease-query";
            case 45 -> "LQ-client-data";
            case 46 -> "Clt-time";
            case 47 -> "LQ-relay-data";
            case 48 -> "LQ-client-link";
            case 56 -> "NTP-server";
            case 64 -> "AFTR-Name";
            case 112 -> "MUD-URL";
            default -> "opt_" + code;
        };
    }
}
