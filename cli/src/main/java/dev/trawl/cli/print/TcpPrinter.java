package dev.trawl.cli.print;

import java.util.HashMap;
import java.util.Map;

/**
 * TCP as tcpdump prints it: flags, relative sequence and acknowledgement numbers per connection (unless
 * {@code -S}), window, options, length, and a peek at HTTP and DNS payloads. Not thread-safe: it keeps the
 * sequence bases of the connections it has seen, as tcpdump does, for the life of the printer.
 */
final class TcpPrinter {
    private static final int FIN = 0x01, SYN = 0x02, RST = 0x04, PSH = 0x08, ACK = 0x10, URG = 0x20;
    private static final char[] FLAG_CHARS = {'F', 'S', 'R', 'P', '.', 'U', 'E', 'W'};
    private static final String[] HTTP_METHODS = {"GET ", "POST ", "HEAD ", "PUT ", "DELETE ", "OPTIONS ",
        "TRACE ", "CONNECT ", "PATCH ", "HTTP/1.", "HTTP/2", "RTSP/"};
    /** Connections tracked before the table is cleared, so that memory stays bounded on endless captures. */
    private static final int MAX_CONNECTIONS = 1 << 16;

    private final Printers p;
    private final Out out;
    private final Bytes b;
    private final Map<Conversation, long[]> bases = new HashMap<>();
    private final Conversation probe = new Conversation();

    TcpPrinter(Printers printers) {
        this.p = printers;
        this.out = printers.out;
        this.b = printers.b;
    }

    void print(int src, int dst, boolean v6, int off, int length) {
        try {
            segment(src, dst, v6, off, length);
        } catch (Truncated e) {
            p.truncated("tcp");
        }
    }

    private void segment(int src, int dst, boolean v6, int off, int length) {
        if (!b.has(off, 20) || length < 20) {
            if (b.has(off, 4)) {
                p.transport.endpoints(src, dst, v6, b.u16(off), b.u16(off + 2), true);
            }
            if (length < 20) {
                out.ascii("truncated-tcp ").num(length);
            } else {
                out.ascii("[|tcp]");
            }
            return;
        }
        int sport = b.u16(off);
        int dport = b.u16(off + 2);
        long seq = b.u32(off + 4);
        long ack = b.u32(off + 8);
        int hlen = (b.u8(off + 12) >>> 4) * 4;
        int flags = b.u8(off + 13);
        int win = b.u16(off + 14);
        p.transport.endpoints(src, dst, v6, sport, dport, true);
        if (hlen < 20) {
            out.ascii("tcp ").num(length).ascii(" [bad hdr length ").num(hlen).ascii(" - too short, < 20]");
            return;
        }
        if (hlen > length) {
            out.ascii("tcp ").num(length).ascii(" [bad hdr length ").num(hlen).ascii(" - too long, > ").num(length)
                    .ch(']');
            return;
        }
        int payloadLength = length - hlen;
        if (p.opt.quiet()) {
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
        if (!p.opt.absoluteSeq() && (flags & ACK) != 0) {
            reversed = probe.set(src, dst, v6, sport, dport, b);
            long[] base = bases.get(probe);
            if (base == null || (flags & SYN) != 0) {
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
        if (p.opt.verbose() > 0 && b.has(off, length)) {
            int sum = Checksum.of(b, off, length, pseudoHeaderSum(src, dst, v6, length));
            int stored = b.u16(off + 16);
            out.ascii(", cksum 0x").hex(stored, 4);
            if (sum == 0) {
                out.ascii(" (correct)");
            } else {
                out.ascii(" (incorrect -> 0x").hex(Checksum.shouldBe(stored, sum), 4).ch(')');
            }
        }
        if (payloadLength > 0 || (flags & (SYN | FIN | RST)) != 0) {
            out.ascii(", seq ").num(seq);
            if (payloadLength > 0) {
                out.ch(':').num((seq + payloadLength) & 0xffffffffL);
            }
        }
        if ((flags & ACK) != 0) {
            out.ascii(", ack ").num(ack);
        }
        out.ascii(", win ").num(win);
        if ((flags & URG) != 0) {
            out.ascii(", urg ").num(b.u16(off + 18));
        }
        if (hlen > 20) {
            out.ascii(", options [");
            options(off + 20, hlen - 20, reversed ? seqBase : ackBase);
            out.ch(']');
        }
        out.ascii(", length ").num(payloadLength);
        if (payloadLength > 0) {
            application(sport, dport, off + hlen, payloadLength);
        }
    }

    private long pseudoHeaderSum(int src, int dst, boolean v6, int length) {
        long sum = 0;
        int addressBytes = v6 ? 16 : 4;
        for (int i = 0; i < addressBytes; i += 2) {
            sum += b.u16(src + i) + b.u16(dst + i);
        }
        return sum + 6 + (length & 0xffff) + (length >>> 16);
    }

    private void options(int off, int length, long sackBase) {
        int end = off + length;
        boolean first = true;
        while (off < end) {
            if (!first) {
                out.ch(',');
            }
            first = false;
            int kind = b.u8(off);
            if (kind == 0 || kind == 1) {
                out.ascii(kind == 0 ? "eol" : "nop");
                off++;
                if (kind == 0) {
                    break;
                }
                continue;
            }
            if (off + 1 >= end) {
                out.ascii("[bad opt]");
                return;
            }
            int len = b.u8(off + 1);
            if (len < 2 || off + len > end) {
                out.ascii("[bad opt]");
                return;
            }
            int data = off + 2;
            switch (kind) {
                case 2 -> out.ascii("mss ").num(len >= 4 ? b.u16(data) : 0);
                case 3 -> out.ascii("wscale ").num(len >= 3 ? b.u8(data) : 0);
                case 4 -> out.ascii("sackOK");
                case 5 -> {
                    out.ascii("sack");
                    int blocks = len - 2;
                    if (blocks % 8 != 0) {
                        out.ascii(" invalid sack");
                    } else {
                        out.ch(' ').num(blocks / 8).ch(' ');
                        for (int i = 0; i < blocks; i += 8) {
                            out.ch('{').num((b.u32(data + i) - sackBase) & 0xffffffffL).ch(':')
                                    .num((b.u32(data + i + 4) - sackBase) & 0xffffffffL).ch('}');
                        }
                    }
                }
                case 8 -> {
                    if (len == 10) {
                        out.ascii("TS val ").num(b.u32(data)).ascii(" ecr ").num(b.u32(data + 4));
                    } else {
                        out.ascii("TS[len ").num(len).ch(']');
                    }
                }
                case 19 -> out.ascii("md5");
                case 28 -> out.ascii("uto");
                case 29 -> out.ascii("tcp-ao");
                case 30 -> out.ascii("mptcp");
                case 34 -> out.ascii("tfo");
                default -> {
                    out.ascii("unknown-").num(kind);
                    if (len > 2) {
                        out.ascii(" 0x");
                        for (int i = data; i < off + len; i++) {
                            out.hex2(b.u8(i));
                        }
                    }
                }
            }
            off += len;
        }
    }

    private void application(int sport, int dport, int off, int length) {
        if (sport == 53 || dport == 53) {
            if (length < 2) {
                out.ascii(" [DNS over TCP: length ").num(length).ascii(" < 2]");
                return;
            }
            out.ch(' ');
            p.dns.print(off + 2, length - 2, false);
        } else if (sport == 80 || dport == 80 || sport == 8080 || dport == 8080 || sport == 3128 || dport == 3128
                || sport == 8000 || dport == 8000) {
            out.ascii(": HTTP");
            for (String method : HTTP_METHODS) {
                if (b.startsWith(off, method)) {
                    out.ascii(": ");
                    int limit = Math.min(b.end, off + length);
                    for (int i = off; i < limit; i++) {
                        int c = b.u8(i);
                        if (c == '\r' || c == '\n') {
                            break;
                        }
                        out.ch(c >= 0x20 && c < 0x7f ? (char) c : '.');
                    }
                    return;
                }
            }
        }
    }

    /** A connection's endpoints in a canonical order, as tcpdump's {@code tha}; mutable, reused as a probe. */
    private static final class Conversation {
        long a0, a1, b0, b1;
        int ports;

        /** Fills in the key; returns whether the packet goes from the second endpoint to the first. */
        boolean set(int src, int dst, boolean v6, int sport, int dport, Bytes bytes) {
            long s0, s1, d0, d1;
            if (v6) {
                s0 = bytes.buf.getLong(src);
                s1 = bytes.buf.getLong(src + 8);
                d0 = bytes.buf.getLong(dst);
                d1 = bytes.buf.getLong(dst + 8);
            } else {
                s0 = 0;
                s1 = bytes.u32(src);
                d0 = 0;
                d1 = bytes.u32(dst);
            }
            boolean rev = sport > dport;
            if (sport == dport) {
                int c = Long.compareUnsigned(s0, d0);
                rev = (c != 0 ? c : Long.compareUnsigned(s1, d1)) > 0;
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
