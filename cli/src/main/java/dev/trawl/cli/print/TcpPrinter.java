package dev.trawl.cli.print;

import dev.trawl.decode.Checksums;
import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.HttpLine;
import dev.trawl.decode.layer.Tcp;
import java.util.HashMap;
import java.util.Map;

/**
 * TCP as tcpdump prints it: endpoints, flags, sequence and acknowledgement numbers relative to each
 * connection's first ones (unless {@code -S}), window, options, length, and what the payload holds (DNS, the
 * first line of HTTP). State: the sequence bases of the connections seen, as tcpdump keeps them, at most
 * {@link #MAX_CONNECTIONS} (the table is cleared when full). Not thread-safe.
 */
final class TcpPrinter implements LayerPrinter {
    private static final char[] FLAG_CHARS = {'F', 'S', 'R', 'P', '.', 'U', 'E', 'W'};
    /** Connections tracked before the table is cleared, so that memory stays bounded on endless captures. */
    static final int MAX_CONNECTIONS = 1 << 16;

    private final Map<Conversation, long[]> bases = new HashMap<>();
    private final Conversation probe = new Conversation();
    private final HttpLine http = new HttpLine();
    private final OpenFlowPrinter openFlow = new OpenFlowPrinter();
    private final NfsPrinter nfs = new NfsPrinter();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Tcp tcp = p.tcp(layer);
        Out out = c.out();
        int ip = c.network(layer);
        boolean overIp = ip >= 0;
        // the length the IP header states, however much of it the frame holds, as tcpdump hands it on
        int length = UdpPrinter.statedLength(c, layer, ip);
        if (!tcp.has(2, 2) || length < 4) {
            if (overIp) {
                c.source(ip);
                out.ascii(" > ");
                c.destination(ip);
                out.ch(':');
            }
            c.truncated("tcp");
            return;
        }
        int sport = tcp.sourcePort();
        int dport = tcp.destinationPort();
        endpoints(c, ip, overIp, sport, dport, true);
        // tcpdump reads no further than the IP packet's end, however much more was captured
        if (!tcp.has(0, Tcp.MIN_HEADER_LENGTH) || length < Tcp.MIN_HEADER_LENGTH) {
            c.truncated("tcp");
            return;
        }
        long seq = tcp.sequenceNumber();
        long ack = tcp.acknowledgmentNumber();
        int hlen = tcp.headerLength();
        int flags = tcp.flags() & 0xff;
        if (hlen < Tcp.MIN_HEADER_LENGTH) {
            out.ascii(" tcp ").num(length - hlen).ascii(" [bad hdr length ").num(hlen).ascii(" - too short, < 20]");
            return;
        }
        int payloadLength = length - hlen;
        if (c.quiet()) {
            out.ascii("tcp ").num(Integer.toUnsignedLong(payloadLength)); // tcpdump's unsigned difference
            if (hlen > length) {
                tooLong(out, hlen, length);
            }
            return;
        }
        out.ascii("Flags [");
        if (flags == 0) {
            out.ascii("none");
        }
        for (int bit = 0; bit < 8; bit++) {
            if ((flags & (1 << bit)) != 0) {
                out.ch(FLAG_CHARS[bit]);
            }
        }
        out.ch(']');
        long seqBase = 0;
        long ackBase = 0;
        boolean reversed = false;
        if (!c.options().absoluteSeq() && (flags & Tcp.ACK) != 0 && overIp) {
            reversed = probe.set(c, ip, sport, dport);
            long[] base = bases.get(probe);
            if (base == null || (flags & Tcp.SYN) != 0) {
                if (base == null) {
                    if (bases.size() >= MAX_CONNECTIONS) {
                        bases.clear();
                    }
                    base = new long[2];
                    bases.put(probe.copy(), base);
                }
                if (reversed) {
                    base[1] = seq;
                    base[0] = (ack - 1) & 0xffffffffL;
                } else {
                    base[0] = seq;
                    base[1] = (ack - 1) & 0xffffffffL;
                }
            } else if (reversed) {
                seq = (seq - base[1]) & 0xffffffffL;
                ack = (ack - base[0]) & 0xffffffffL;
            } else {
                seq = (seq - base[0]) & 0xffffffffL;
                ack = (ack - base[1]) & 0xffffffffL;
            }
            seqBase = base[0];
            ackBase = base[1];
        }
        if (hlen > length) {
            tooLong(out, hlen, length);
            return;
        }
        if (c.verbose() > 0 && overIp && !UdpPrinter.fragment(c, ip)) {
            int expected = Checksums.transport(p, layer, 6, length);
            if (expected != Checksums.UNKNOWN) {
                int stored = tcp.checksum();
                out.ascii(", cksum 0x").hex(stored, 4);
                if (expected == stored) {
                    out.ascii(" (correct)");
                } else {
                    out.ascii(" (incorrect -> 0x").hex(expected, 4).ch(')');
                }
            }
        }
        // -vv prints the sequence number of a segment without data too (a pure ACK)
        if (c.verbose() > 1 || payloadLength > 0 || (flags & (Tcp.SYN | Tcp.FIN | Tcp.RST)) != 0) {
            out.ascii(", seq ").num(seq);
            if (payloadLength > 0) {
                out.ch(':').num((seq + payloadLength) & 0xffffffffL);
            }
        }
        if ((flags & Tcp.ACK) != 0) {
            out.ascii(", ack ").num(ack);
        }
        out.ascii(", win ").num(tcp.window());
        if ((flags & Tcp.URG) != 0) {
            out.ascii(", urg ").num(tcp.urgentPointer());
        }
        if (hlen > Tcp.MIN_HEADER_LENGTH) {
            out.ascii(", options [");
            boolean whole = p.end() - p.offset(layer) >= length;
            if (!options(c, tcp, hlen, reversed ? seqBase : ackBase, flags, whole)) {
                return;
            }
        }
        out.ascii(", length ").num(payloadLength);
        if (payloadLength > 0) {
            if (!tcp.has(0, hlen)) {
                out.ascii(" [remaining caplen(").num(c.capturedLength(layer)).ascii(") < header length(").num(hlen)
                        .ascii(")]");
                c.truncated("tcp");
                return;
            }
            application(c, layer, sport, dport, payloadLength, flags);
        }
    }

    private static void tooLong(Out out, int hlen, int length) {
        out.ascii(" [bad hdr length ").num(hlen).ascii(" - too long, > ").num(length).ch(']');
    }

    /**
     * Writes {@code src.port > dst.port: }; the ports alone when no IP header is just below (tcpdump printed the
     * addresses before the extension headers in between).
     */
    static void endpoints(PrintContext c, int ip, boolean overIp, int sport, int dport, boolean tcp) {
        Out out = c.out();
        boolean addresses = overIp && c.directlyAbove(ip);
        if (addresses) {
            c.source(ip);
            out.ch('.');
        }
        c.port(sport, tcp);
        out.ascii(" > ");
        if (addresses) {
            c.destination(ip);
            out.ch('.');
        }
        c.port(dport, tcp);
        out.ascii(": ");
    }

    /** tcpdump's names of the TCP options, by kind; null where it prints {@code unknown-N}. */
    private static final String[] OPTION_NAMES = new String[256];

    static {
        String[] names = {"eol", "nop", "mss", "wscale", "sackOK", "sack", "echo", "echoreply", "TS", null, null, "cc",
            "ccnew", ""};
        System.arraycopy(names, 0, OPTION_NAMES, 0, names.length);
        OPTION_NAMES[19] = "md5";
        OPTION_NAMES[20] = "scps";
        OPTION_NAMES[28] = "uto";
        OPTION_NAMES[29] = "tcp-ao";
        OPTION_NAMES[Tcp.OPT_MPTCP] = "mptcp";
        OPTION_NAMES[34] = "tfo";
        OPTION_NAMES[254] = "exp";
    }

    /**
     * Writes the options as tcpdump does, {@code mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7}, and the closing
     * bracket; false when it ended the packet's text (a bad option or the capture's end).
     */
    /** {@code whole}: the segment is captured whole, so tcpdump could check an MD5 signature given the key. */
    private static boolean options(PrintContext c, Tcp tcp, int hlen, long sackBase, int flags, boolean whole) {
        Out out = c.out();
        int off = Tcp.MIN_HEADER_LENGTH;
        int left = hlen - Tcp.MIN_HEADER_LENGTH;
        boolean first = true;
        while (left > 0) {
            if (!first) {
                out.ch(',');
            }
            if (!tcp.has(off, 1)) {
                return optionsTruncated(c, first);
            }
            int kind = tcp.u8At(off);
            int len = 1;
            if (kind != Tcp.OPT_EOL && kind != Tcp.OPT_NOP) {
                if (!tcp.has(off + 1, 1)) {
                    return optionsTruncated(c, first);
                }
                len = tcp.u8At(off + 1);
                if (len < 2 || len > left) {
                    return badOption(out, first);
                }
            }
            int data = off + (len == 1 && (kind == Tcp.OPT_EOL || kind == Tcp.OPT_NOP) ? 1 : 2);
            int room = left - (data - off);
            String name = OPTION_NAMES[kind];
            if (name != null) {
                out.ascii(name);
            } else {
                out.ascii("unknown-").num(kind);
            }
            int datalen = 0;
            switch (kind) {
                case Tcp.OPT_EOL, Tcp.OPT_NOP, Tcp.OPT_SACK_PERMITTED -> { }
                case Tcp.OPT_MSS, 20, 28 -> {
                    datalen = 2;
                    int check = check(c, tcp, data, datalen, room, first);
                    if (check != 0) {
                        return check > 0;
                    }
                    int v = tcp.u16At(data);
                    if (kind == Tcp.OPT_MSS) {
                        out.ch(' ').num(v);
                    } else if (kind == 20) {
                        out.ascii(" cap ").hex2(tcp.u8At(data)).ascii(" id ").num(tcp.u8At(data + 1));
                    } else {
                        out.ascii(" 0x").hex(v).ch(' ').num((v & 1) != 0 ? (v >> 1) * 60 : v >> 1);
                    }
                }
                case Tcp.OPT_WINDOW_SCALE -> {
                    datalen = 1;
                    int check = check(c, tcp, data, datalen, room, first);
                    if (check != 0) {
                        return check > 0;
                    }
                    out.ch(' ').num(tcp.u8At(data));
                }
                case Tcp.OPT_SACK -> {
                    datalen = len - 2;
                    if (datalen % 8 != 0) {
                        out.ascii(" invalid sack");
                    } else {
                        out.ch(' ').num(datalen / 8).ch(' ');
                        for (int i = 0; i < datalen; i += 8) {
                            int check = check(c, tcp, data, i + 8, room, first);
                            if (check != 0) {
                                return check > 0;
                            }
                            out.ch('{').num((tcp.u32At(data + i) - sackBase) & 0xffffffffL).ch(':')
                                    .num((tcp.u32At(data + i + 4) - sackBase) & 0xffffffffL).ch('}');
                        }
                    }
                }
                case 6, 7, 11, 12, 13 -> {
                    datalen = 4;
                    int check = check(c, tcp, data, datalen, room, first);
                    if (check != 0) {
                        return check > 0;
                    }
                    out.ch(' ').num(tcp.u32At(data));
                }
                case Tcp.OPT_TIMESTAMP -> {
                    datalen = 8;
                    int check = check(c, tcp, data, datalen, room, first);
                    if (check != 0) {
                        return check > 0;
                    }
                    out.ascii(" val ").num(tcp.u32At(data)).ascii(" ecr ").num(tcp.u32At(data + 4));
                }
                case 19 -> {
                    datalen = 16;
                    int check = check(c, tcp, data, datalen, room, first);
                    if (check != 0) {
                        return check > 0;
                    }
                    // trawl takes no key (tcpdump's -M), so it says why it cannot check, as tcpdump does then
                    out.ascii(whole ? " shared secret not supplied with -M, " : " snaplen too short, ")
                            .ascii("can't check - ");
                    hexBytes(out, tcp, data, datalen);
                }
                case 29 -> {
                    datalen = len - 2;
                    if (datalen < 2) {
                        out.ascii(" (invalid)");
                    } else {
                        // each field and each byte of the MAC is checked on its own, as tcpdump reads them
                        for (int i = 0; i < datalen; i++) {
                            if (i == 2) {
                                out.ascii(" mac 0x");
                            }
                            int check = check(c, tcp, data, i + 1, room, first);
                            if (check != 0) {
                                return check > 0;
                            }
                            if (i < 2) {
                                out.ascii(i == 0 ? " keyid " : " rnextkeyid ").num(tcp.u8At(data + i));
                            } else {
                                out.hex2(tcp.u8At(data + i));
                            }
                        }
                    }
                }
                case Tcp.OPT_MPTCP -> {
                    datalen = len - 2;
                    int check = check(c, tcp, data, datalen, room, first);
                    if (check != 0) {
                        return check > 0;
                    }
                    if (!Mptcp.print(out, c, tcp, off, len, flags)) {
                        return badOption(out, first);
                    }
                }
                case 34 -> {
                    datalen = len - 2;
                    int check = check(c, tcp, data, datalen, room, first);
                    if (check != 0) {
                        return check > 0;
                    }
                    out.ch(' ');
                    fastOpen(out, tcp, data, datalen);
                }
                case 254 -> {
                    datalen = len - 2;
                    int check = check(c, tcp, data, datalen, room, first);
                    if (check != 0) {
                        return check > 0;
                    }
                    if (datalen < 2) {
                        return badOption(out, first);
                    }
                    int magic = tcp.u16At(data);
                    out.ch('-');
                    if (magic == 0xf989) {
                        out.ascii("tfo");
                        fastOpen(out, tcp, data + 2, datalen - 2);
                    } else {
                        out.hex(magic, 4);
                    }
                }
                default -> {
                    datalen = len - 2;
                    if (datalen > 0) {
                        out.ascii(" 0x");
                    }
                    for (int i = 0; i < datalen; i++) {
                        int check = check(c, tcp, data, i + 1, room, first);
                        if (check != 0) {
                            return check > 0;
                        }
                        out.hex2(tcp.u8At(data + i));
                    }
                }
            }
            int used = datalen + (kind == Tcp.OPT_EOL || kind == Tcp.OPT_NOP ? 1 : 2);
            if (used != len) {
                out.ascii("[len ").num(len).ch(']');
            }
            off = data + datalen;
            left = room - datalen;
            first = false;
            if (kind == Tcp.OPT_EOL) {
                break;
            }
        }
        out.ch(']');
        return true;
    }

    /**
     * tcpdump's check that an option's {@code need} bytes of data lie in the header ({@code room} left) and were
     * captured: 0 when they do, else it writes the note and returns -1 (the packet's text ends there).
     */
    private static int check(PrintContext c, Tcp tcp, int data, int need, int room, boolean first) {
        if (need > room) {
            badOption(c.out(), first);
            return -1;
        }
        if (!tcp.has(data, need)) {
            optionsTruncated(c, first);
            return -1;
        }
        return 0;
    }

    private static boolean badOption(Out out, boolean first) {
        out.ascii("[bad opt]");
        if (!first) {
            out.ch(']');
        }
        return false;
    }

    private static boolean optionsTruncated(PrintContext c, boolean first) {
        c.truncated("tcp");
        if (!first) {
            c.out().ch('>');
        }
        return false;
    }

    private static void hexBytes(Out out, Tcp tcp, int from, int n) {
        for (int i = 0; i < n; i++) {
            out.hex2(tcp.u8At(from + i));
        }
    }

    /** The TCP Fast Open option's value: {@code cookiereq}, {@code cookie 0123...} or {@code (invalid)}. */
    private static void fastOpen(Out out, Tcp tcp, int data, int datalen) {
        if (datalen == 0) {
            out.ascii(" cookiereq");
        } else if (datalen % 2 != 0 || datalen < 4 || datalen > 16) {
            out.ascii(" (invalid)");
        } else {
            out.ascii(" cookie ");
            hexBytes(out, tcp, data, datalen);
        }
    }


    /** Ports whose printers tcpdump tries before FTP, HTTP and RTSP, which the decoder's layers print here. */
    private static boolean earlierPort(int port) {
        return port == 23 || port == 179 || port == 1723 || port == 6379 || port == 22 || port == 139 || port == 445
                || port == 10288 || port == 6633 || port == 6653;
    }

    private void application(PrintContext c, int layer, int sport, int dport, int length, int flags) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        int next = c.after(layer);
        HttpLine payload = http.wrap(p.buffer(), p.payloadOffset(layer), p.payloadLength(layer));
        if ((flags & Tcp.RST) != 0 && c.verbose() > 0) {
            // tcpdump shows the text a reset carries (RFC 1122 lets it explain the reset)
            out.ascii(payload.has(0, length) ? " [RST" : " [!RST");
            int n = length;
            if (n > 30) {
                n = 30;
                out.ch('+');
            }
            out.ch(' ');
            for (int i = 0; i < n && payload.has(i, 1); i++) {
                VrrpPrinter.printable(out, payload.byteAt(i));
            }
            out.ch(']');
            return;
        }
        if ((sport == NFS_PORT || dport == NFS_PORT) && !beforeNfs(sport) && !beforeNfs(dport)) {
            nfs(c, layer, sport, dport, length);
            return;
        }
        boolean beforeSsh = sport == 23 || dport == 23 || sport == 25 || dport == 25 || sport == 43 || dport == 43
                || sport == 179 || dport == 179 || sport == 1723 || dport == 1723 || sport == 6379 || dport == 6379;
        if ((sport == 22 || dport == 22) && !beforeSsh) {
            TextProtocol.ssh(c, payload, length);
            return;
        }
        String text = TextProtocol.forTcpPorts(sport, dport);
        boolean early = text != null && (text.equals("smtp") || text.equals("whois"));
        if (text != null && (early || (!earlierPort(sport) && !earlierPort(dport)))) {
            TextProtocol.print(c, text, payload, length);
        } else if (!earlierPort(sport) && !earlierPort(dport) && (sport == 53 || dport == 53)) {
            if (length < 2) {
                out.ascii(" [DNS over TCP: length ").num(length).ascii(" < 2]");
                return;
            }
            out.ch(' ');
            if (next >= 0 && p.protocol(next) == Protocols.DNS) {
                c.print(next);
            }
        } else if ((isOpenFlow(sport) || isOpenFlow(dport)) && !beforeOpenFlow(sport) && !beforeOpenFlow(dport)) {
            // by port, as tcpdump: a segment that starts inside a message still prints its headers' notes
            openFlow.print(c, layer, length);
        } else if (next >= 0 && p.protocol(next) != Protocols.HTTP && p.protocol(next) != Protocols.DATA) {
            c.print(next);
        }
    }

    /**
     * NFS over TCP, which tcpdump tries last of its ports: a record mark, then a call to port 2049 or a reply from
     * it, printed as {@code : NFS request xid ...}; anything else prints nothing more.
     */
    private void nfs(PrintContext c, int layer, int sport, int dport, int length) {
        DecodedPacket p = c.packet();
        int from = p.payloadOffset(layer);
        int ip = c.network(layer);
        int to = Math.max(p.layerEnd(layer), ip >= 0 ? p.layerEnd(ip) : p.end());
        int captured = Math.max(0, to - from);
        if (length < 4 || captured < 4) {
            return;
        }
        long fragment = Math.min(nfs.recordLength(c, from, captured), length - 4L);
        if (nfs.claims(c, from + 4, captured - 4, sport, dport)) {
            nfs.print(c, from + 4, captured - 4, (int) fragment, ip, ": ");
        }
    }

    private static final int NFS_PORT = 2049;

    /** The ports whose printers tcpdump tries before NFS's over TCP. */
    private static boolean beforeNfs(int port) {
        return earlierPort(port) || port == 25 || port == 43 || port == 21 || port == 80 || port == 8080
            || port == 554 || port == 8554 || port == 53 || port == 639 || port == 323 || port == 646;
    }

    private static boolean isOpenFlow(int port) {
        return port == 6633 || port == 6653;
    }

    /** The ports of {@link #earlierPort} whose printers tcpdump tries before OpenFlow's. */
    private static boolean beforeOpenFlow(int port) {
        return earlierPort(port) && !isOpenFlow(port);
    }

    /** A connection's endpoints in a canonical order, as tcpdump's {@code tha}; mutable, reused as a probe. */
    private static final class Conversation {
        long a0, a1, b0, b1;
        int ports;

        /** Fills in the key; returns whether the packet goes from the second endpoint to the first. */
        boolean set(PrintContext c, int ip, int sport, int dport) {
            DecodedPacket p = c.packet();
            long s0, s1, d0, d1;
            if (p.protocol(ip) == Protocols.IPV6) {
                byte[] a = c.addressScratch();
                p.ipv6(ip).source(a);
                s0 = word(a, 0);
                s1 = word(a, 8);
                p.ipv6(ip).destination(a);
                d0 = word(a, 0);
                d1 = word(a, 8);
            } else {
                s0 = 0;
                s1 = Integer.toUnsignedLong(p.ipv4(ip).source());
                d0 = 0;
                d1 = Integer.toUnsignedLong(p.ipv4(ip).destination());
            }
            boolean rev = sport > dport;
            if (sport == dport) {
                int cmp = Long.compareUnsigned(s0, d0);
                rev = (cmp != 0 ? cmp : Long.compareUnsigned(s1, d1)) > 0;
            }
            if (rev) {
                a0 = d0;
                a1 = d1;
                b0 = s0;
                b1 = s1;
                ports = dport << 16 | sport;
            } else {
                a0 = s0;
                a1 = s1;
                b0 = d0;
                b1 = d1;
                ports = sport << 16 | dport;
            }
            return rev;
        }

        private static long word(byte[] a, int from) {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = v << 8 | (a[from + i] & 0xff);
            }
            return v;
        }

        Conversation copy() {
            Conversation c = new Conversation();
            c.a0 = a0;
            c.a1 = a1;
            c.b0 = b0;
            c.b1 = b1;
            c.ports = ports;
            return c;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Conversation c && c.a0 == a0 && c.a1 == a1 && c.b0 == b0 && c.b1 == b1
                    && c.ports == ports;
        }

        @Override
        public int hashCode() {
            long h = a0 * 31 + a1;
            h = h * 31 + b0;
            h = h * 31 + b1;
            return Long.hashCode(h) * 31 + ports;
        }
    }
}
