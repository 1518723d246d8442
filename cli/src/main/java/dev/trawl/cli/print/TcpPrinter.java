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

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Tcp tcp = p.tcp(layer);
        Out out = c.out();
        int ip = c.network(layer);
        boolean overIp = ip >= 0;
        int length = UdpPrinter.ipPayloadLength(c, layer, ip);
        if (!tcp.has(0, Tcp.MIN_HEADER_LENGTH) || length < Tcp.MIN_HEADER_LENGTH) {
            if (tcp.has(0, 4)) {
                endpoints(c, ip, overIp, tcp.sourcePort(), tcp.destinationPort(), true);
            } else if (overIp) {
                addresses(c, ip);
            }
            if (length < Tcp.MIN_HEADER_LENGTH) {
                out.ascii("truncated-tcp ").num(length);
            } else {
                out.ascii("[|tcp]");
            }
            return;
        }
        int sport = tcp.sourcePort();
        int dport = tcp.destinationPort();
        long seq = tcp.sequenceNumber();
        long ack = tcp.acknowledgmentNumber();
        int hlen = tcp.headerLength();
        int flags = tcp.flags() & 0xff;
        endpoints(c, ip, overIp, sport, dport, true);
        if (hlen < Tcp.MIN_HEADER_LENGTH) {
            out.ascii("tcp ").num(length).ascii(" [bad hdr length ").num(hlen).ascii(" - too short, < 20]");
            return;
        }
        if (hlen > length) {
            out.ascii("tcp ").num(length).ascii(" [bad hdr length ").num(hlen).ascii(" - too long, > ").num(length)
                    .ch(']');
            return;
        }
        int payloadLength = length - hlen;
        if (c.quiet()) {
            out.ascii("tcp ").num(payloadLength);
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
        if (c.verbose() > 0 && overIp) {
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
        if (payloadLength > 0 || (flags & (Tcp.SYN | Tcp.FIN | Tcp.RST)) != 0) {
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
            options(c, tcp, hlen, reversed ? seqBase : ackBase);
            out.ch(']');
        }
        out.ascii(", length ").num(payloadLength);
        if (payloadLength > 0) {
            application(c, layer, sport, dport, payloadLength);
        }
    }

    private static void addresses(PrintContext c, int ip) {
        c.source(ip);
        c.out().ascii(" > ");
        c.destination(ip);
        c.out().ascii(": ");
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

    private static void options(PrintContext c, Tcp tcp, int hlen, long sackBase) {
        Out out = c.out();
        int off = Tcp.MIN_HEADER_LENGTH;
        boolean first = true;
        while (off < hlen) {
            if (!first) {
                out.ch(',');
            }
            first = false;
            if (!tcp.has(off, 1)) {
                out.ch(']');
                c.truncated("tcp");
                return;
            }
            int kind = tcp.u8At(off);
            if (kind == Tcp.OPT_EOL || kind == Tcp.OPT_NOP) {
                out.ascii(kind == Tcp.OPT_EOL ? "eol" : "nop");
                off++;
                if (kind == Tcp.OPT_EOL) {
                    break;
                }
                continue;
            }
            if (off + 1 >= hlen) {
                out.ascii("[bad opt]");
                return;
            }
            int len = tcp.u8At(off + 1);
            if (len < 2 || off + len > hlen) {
                out.ascii("[bad opt]");
                return;
            }
            int data = off + 2;
            switch (kind) {
                case Tcp.OPT_MSS -> out.ascii("mss ").num(len >= 4 ? tcp.u16At(data) : 0);
                case Tcp.OPT_WINDOW_SCALE -> out.ascii("wscale ").num(len >= 3 ? tcp.u8At(data) : 0);
                case Tcp.OPT_SACK_PERMITTED -> out.ascii("sackOK");
                case Tcp.OPT_SACK -> {
                    out.ascii("sack");
                    int blocks = len - 2;
                    if (blocks % 8 != 0) {
                        out.ascii(" invalid sack");
                    } else {
                        out.ch(' ').num(blocks / 8).ch(' ');
                        for (int i = 0; i < blocks; i += 8) {
                            out.ch('{').num((tcp.u32At(data + i) - sackBase) & 0xffffffffL).ch(':')
                                    .num((tcp.u32At(data + i + 4) - sackBase) & 0xffffffffL).ch('}');
                        }
                    }
                }
                case Tcp.OPT_TIMESTAMP -> {
                    if (len == 10) {
                        out.ascii("TS val ").num(tcp.u32At(data)).ascii(" ecr ").num(tcp.u32At(data + 4));
                    } else {
                        out.ascii("TS[len ").num(len).ch(']');
                    }
                }
                case 19 -> out.ascii("md5");
                case 28 -> out.ascii("uto");
                case 29 -> out.ascii("tcp-ao");
                case Tcp.OPT_MPTCP -> out.ascii("mptcp");
                case 34 -> out.ascii("tfo");
                default -> {
                    out.ascii("unknown-").num(kind);
                    if (len > 2) {
                        out.ascii(" 0x");
                        for (int i = data; i < off + len; i++) {
                            out.hex2(tcp.u8At(i));
                        }
                    }
                }
            }
            off += len;
        }
    }

    private void application(PrintContext c, int layer, int sport, int dport, int length) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        int next = c.after(layer);
        if (sport == 53 || dport == 53) {
            if (length < 2) {
                out.ascii(" [DNS over TCP: length ").num(length).ascii(" < 2]");
                return;
            }
            out.ch(' ');
            if (next >= 0 && p.protocol(next) == Protocols.DNS) {
                c.print(next);
            }
        } else if (sport == 80 || dport == 80 || sport == 8080 || dport == 8080 || sport == 3128 || dport == 3128
                || sport == 8000 || dport == 8000) {
            out.ascii(": HTTP");
            HttpLine line = http.wrap(p.buffer(), p.payloadOffset(layer), p.payloadLength(layer));
            if (line.isMessageStart()) {
                out.ascii(": ");
                int n = line.lineLength();
                for (int i = 0; i < n; i++) {
                    int ch = line.lineByte(i);
                    out.ch(ch >= 0x20 && ch < 0x7f ? (char) ch : '.');
                }
            }
        } else if (next >= 0 && p.protocol(next) != Protocols.HTTP && p.protocol(next) != Protocols.DATA) {
            c.print(next);
        }
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
