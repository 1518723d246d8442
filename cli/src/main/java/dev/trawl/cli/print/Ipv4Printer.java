package dev.trawl.cli.print;

import dev.trawl.decode.Checksums;
import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.LayerFlags;
import dev.trawl.decode.layer.Ipv4;
import dev.trawl.decode.layer.Pim;

/**
 * IPv4 as tcpdump prints it: {@code IP src > dst: } and the layer above, with {@code -v} the header's fields
 * on the line before ({@code (tos 0x0, ttl 64, id 1, offset 0, flags [DF], proto TCP (6), length 60)}), and
 * tcpdump's notes on bad lengths and non-first fragments. TCP and UDP print the addresses with their ports.
 * Not thread-safe.
 */
final class Ipv4Printer implements LayerPrinter {
    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Ipv4 ip = p.ipv4(layer);
        Out out = c.out();
        int length = c.wireLength(layer);
        if (ip.version() != 4 && ip.has(0, 1)) {
            if (ip.version() == 6 && c.below(layer) < 0 && c.next(layer)) {
                return; // LINKTYPE_IPV4 holding IPv6: tcpdump goes by the version, as decode does
            }
            if (ip.version() == 6) {
                out.ascii("IP6, wrong link-layer encapsulation");
            } else {
                out.ascii("IP").num(ip.version());
            }
            out.ascii(" (invalid)");
            return;
        }
        if (!c.linkHeader()) {
            out.ascii("IP ");
        }
        if (!ip.has(0, Ipv4.MIN_HEADER_LENGTH)) {
            c.truncated("ip");
            return;
        }
        int hlen = ip.headerLength();
        if (hlen < Ipv4.MIN_HEADER_LENGTH) {
            out.ascii("bad-hlen ").num(hlen);
            return;
        }
        int total = ip.totalLength();
        if ((p.flags(layer) & LayerFlags.QUOTED) != 0) {
            length = total; // a header quoted in an ICMP error: tcpdump takes its stated length as the length
        }
        if (length < total) {
            out.ascii("truncated-ip - ").num(total - length).ascii(" bytes missing! ");
            total = length;
        }
        if (total < hlen) {
            out.ascii("bad-len ").num(total);
            return;
        }
        int proto = ip.protocol();
        if (c.verbose() > 0) {
            int options = verbose(c, layer, ip, hlen, proto);
            if (options != OPTIONS_OK) {
                if (options == OPTIONS_TRUNCATED) {
                    c.ipv4(ip.source());
                    out.ascii(" > ");
                    c.ipv4(ip.destination());
                    out.ascii(": ");
                    c.truncated("ip");
                }
                return;
            }
        }
        if (ip.fragmentOffset() != 0) {
            c.ipv4(ip.source());
            out.ascii(" > ");
            c.ipv4(ip.destination());
            out.ch(':');
            protocolName(c, proto);
            return;
        }
        int next = c.after(layer);
        boolean transport = c.printsAddresses(next) && c.printable(next);
        if (!transport) {
            c.ipv4(ip.source());
            out.ascii(" > ");
            c.ipv4(ip.destination());
            out.ascii(": ");
        }
        if (next < 0 || !c.print(next)) {
            if (proto == Pim.IP_PROTOCOL && total == hlen) {
                c.truncated("pim"); // tcpdump's PIM printer reads a first byte that an empty payload lacks
                return;
            }
            // tcpdump's " %s" after "src > dst: " leaves two spaces here
            protocolName(c, proto);
            out.ch(' ').num(total - hlen);
        }
    }

    private static void protocolName(PrintContext c, int proto) {
        String name = c.options().numeric() == 0 ? Names.netdbProtocol(proto) : null;
        if (name != null) {
            c.out().ch(' ').ascii(name);
        } else {
            c.out().ascii(" ip-proto-").num(proto);
        }
    }

    private static final int OPTIONS_OK = 0;
    /** The options ran past the captured bytes: tcpdump notes it and ends the packet after the addresses. */
    private static final int OPTIONS_TRUNCATED = 1;
    /** An option's first bytes were not captured: the packet's text has ended. */
    private static final int OPTIONS_ENDED = 2;

    /** Writes the {@code -v} header fields; returns what became of the options ({@link #OPTIONS_OK}...). */
    private static int verbose(PrintContext c, int layer, Ipv4 ip, int hlen, int proto) {
        Out out = c.out();
        int tos = ip.typeOfService();
        out.ascii("(tos 0x").hex(tos);
        switch (tos & 3) {
            case 1 -> out.ascii(",ECT(1)");
            case 2 -> out.ascii(",ECT(0)");
            case 3 -> out.ascii(",CE");
            default -> { }
        }
        int ttl = ip.timeToLive();
        if (ttl >= 1) {
            out.ascii(", ttl ").num(ttl);
        }
        out.ascii(", id ").num(ip.identification()).ascii(", offset ").num(ip.fragmentOffset() * 8L)
                .ascii(", flags [");
        if (!ip.moreFragments() && !ip.dontFragment() && !ip.reservedFlag()) {
            out.ascii("none");
        } else {
            String sep = "";
            if (ip.moreFragments()) {
                out.ch('+');
                sep = ", ";
            }
            if (ip.dontFragment()) {
                out.ascii(sep).ascii("DF");
                sep = ", ";
            }
            if (ip.reservedFlag()) {
                out.ascii(sep).ascii("rsvd");
            }
        }
        String name = Names.ipProtocol(proto);
        out.ascii("], proto ").ascii(name != null ? name : "unknown").ascii(" (").num(proto).ascii("), length ")
                .num(ip.totalLength());
        boolean truncated = false;
        if (hlen > Ipv4.MIN_HEADER_LENGTH) {
            out.ascii(", options (");
            int result = options(c, ip, hlen);
            if (result == OPTIONS_ENDED) {
                return OPTIONS_ENDED;
            }
            if (result == OPTIONS_TRUNCATED) {
                out.ascii(" [truncated-option]");
                truncated = true;
            }
            out.ch(')');
        }
        if (ip.has(0, hlen)) {
            int expected = Checksums.ipv4Header(c.packet(), layer);
            int stored = ip.headerChecksum();
            if (expected != Checksums.UNKNOWN && expected != stored) {
                out.ascii(", bad cksum ").hex(stored).ascii(" (->").hex(expected).ascii(")!");
            }
        }
        out.ascii(")\n    ");
        return truncated ? OPTIONS_TRUNCATED : OPTIONS_OK;
    }

    /** The options as tcpdump lists them: {@code RR 10.0.0.1, 10.0.0.2,NOP,EOL}. */
    private static int options(PrintContext c, Ipv4 ip, int hlen) {
        Out out = c.out();
        int at = Ipv4.MIN_HEADER_LENGTH;
        int left = hlen - Ipv4.MIN_HEADER_LENGTH;
        String sep = "";
        while (left > 0) {
            out.ascii(sep);
            sep = ",";
            if (!ip.has(at, 1)) {
                c.truncated("ip");
                return OPTIONS_ENDED;
            }
            int code = ip.byteAt(at);
            String name = switch (code) {
                case 0 -> "EOL";
                case 1 -> "NOP";
                case 68 -> "timestamp";
                case 130 -> "security";
                case 7 -> "RR";
                case 137 -> "SSRR";
                case 131 -> "LSRR";
                case 148 -> "RA";
                case 82 -> "traceroute";
                default -> null;
            };
            if (name != null) {
                out.ascii(name);
            } else {
                out.ascii("unknown ").num(code);
            }
            int len = 1;
            if (code != 0 && code != 1) {
                if (!ip.has(at + 1, 1)) {
                    c.truncated("ip");
                    return OPTIONS_ENDED;
                }
                len = ip.byteAt(at + 1);
                if (len < 2) {
                    out.ascii(" [bad length ").num(len).ch(']');
                    return OPTIONS_OK;
                }
            }
            if (len > left) {
                out.ascii(" [bad length ").num(len).ch(']');
                return OPTIONS_OK;
            }
            if (!ip.has(at, len)) {
                return OPTIONS_TRUNCATED;
            }
            switch (code) {
                case 0 -> {
                    return OPTIONS_OK;
                }
                case 68 -> {
                    if (!timestamps(out, c, ip, at, len)) {
                        return OPTIONS_TRUNCATED;
                    }
                }
                case 7, 131, 137 -> {
                    if (!route(out, c, ip, at, len)) {
                        return OPTIONS_TRUNCATED;
                    }
                }
                case 148 -> {
                    if (len < 4) {
                        out.ascii(" [bad length ").num(len).ch(']');
                    } else if (ip.shortAt(at + 2) != 0) {
                        out.ascii(" value ").num(ip.shortAt(at + 2));
                    }
                }
                default -> { }
            }
            at += len;
            left -= len;
        }
        return OPTIONS_OK;
    }

    /** A record route or source route option's addresses; false when they run past the captured bytes. */
    private static boolean route(Out out, PrintContext c, Ipv4 ip, int at, int length) {
        if (length < 3) {
            out.ascii(" [bad length ").num(length).ch(']');
            return true;
        }
        if (((length + 1) & 3) != 0) {
            out.ascii(" [bad length ").num(length).ch(']');
        }
        long ptr = (ip.byteAt(at + 2) - 1) & 0xffffffffL;
        if (ptr < 3 || ((ptr + 1) & 3) != 0 || ptr > length + 1) {
            out.ascii(" [bad ptr ").num(ip.byteAt(at + 2)).ch(']');
        }
        for (int len = 3; len < length; len += 4) {
            if (!ip.has(at + len, 4)) {
                return false;
            }
            out.ch(' ');
            c.ipv4((int) ip.intAt(at + len));
            if (ptr > len) {
                out.ch(',');
            }
        }
        return true;
    }

    /** The timestamp option: {@code  TS{TSONLY 1@ ^ }}; false when it runs past the captured bytes. */
    private static boolean timestamps(Out out, PrintContext c, Ipv4 ip, int at, int length) {
        if (length < 4) {
            out.ascii("[bad length ").num(length).ch(']');
            return true;
        }
        out.ascii(" TS{");
        int flags = ip.byteAt(at + 3);
        int hop = (flags & 0xf) != 0 ? 8 : 4;
        if (((length - 4) & (hop - 1)) != 0) {
            out.ascii("[bad length ").num(length).ch(']');
        }
        long ptr = (ip.byteAt(at + 2) - 1) & 0xffffffffL;
        if (ptr < 4 || ((ptr - 4) & (hop - 1)) != 0 || ptr > length + 1) {
            out.ascii("[bad ptr ").num(ip.byteAt(at + 2)).ch(']');
        }
        int len = 0;
        String type = switch (flags & 0xf) {
            case 0 -> "TSONLY";
            case 1 -> "TS+ADDR";
            case 3 -> "PRESPEC";
            default -> null;
        };
        if (type == null) {
            out.ascii("[bad ts type ").num(flags & 0xf).ch(']');
        } else {
            out.ascii(type);
            String mark = " ";
            for (len = 4; len < length; len += hop) {
                if (ptr == len) {
                    mark = " ^ ";
                }
                if (!ip.has(at + len, hop)) {
                    return false;
                }
                out.ascii(mark).num(ip.intAt(at + len + hop - 4)).ch('@');
                if (hop == 8) {
                    c.ipv4((int) ip.intAt(at + len));
                }
                mark = " ";
            }
        }
        if (ptr == len) {
            out.ascii(" ^ ");
        }
        if ((flags >> 4) != 0) {
            out.ascii(" [").num(flags >> 4).ascii(" hops not recorded]} ");
        } else {
            out.ch('}');
        }
        return true;
    }
}
