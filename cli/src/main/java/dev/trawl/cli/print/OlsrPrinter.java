package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.Protocols;
import dev.trawl.decode.layer.Olsr;

/**
 * OLSR as tcpdump prints it: {@code OLSRv4, seq 0xce93, length 72}, the version being that of the IP header that
 * carries it; with {@code -v} each message's header on two lines and its body (hello links and neighbours with
 * link quality, topology control, interface addresses, host and network associations with smart gateways, name
 * service entries, and the rest as hex). Not thread-safe.
 */
final class OlsrPrinter implements LayerPrinter {
    private static final int HELLO = 1;
    private static final int TC = 2;
    private static final int MID = 3;
    private static final int HNA = 4;
    private static final int POWERINFO = 128;
    private static final int NAMESERVICE = 130;
    private static final int HELLO_LQ = 201;
    private static final int TC_LQ = 202;
    private static final String[] LINK_TYPES = {"Unspecified", "Asymmetric", "Symmetric", "Lost"};
    private static final String[] NEIGHBOR_TYPES = {"Not-Neighbor", "Symmetric", "Symmetric-MPR"};

    private final Olsr view = new Olsr();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Olsr o = view.wrap(p.buffer(), p.offset(layer), UdpPortPrinters.captured(c, layer));
        Out out = c.out();
        int ip = c.innermostIp(layer);
        boolean v6 = ip >= 0 && p.protocol(ip) == Protocols.IPV6;
        out.ascii(v6 ? "OLSRv6" : "OLSRv4");
        int length = BabelPrinter.datagramLength(c, layer);
        if (length < Olsr.HEADER_LENGTH || !o.has(0, Olsr.HEADER_LENGTH)) {
            c.truncated("olsr");
            return;
        }
        length = Math.min(length, o.packetLength());
        out.ascii(", seq 0x").hex(o.sequence(), 4).ascii(", length ").num(length);
        if (c.verbose() > 0 && !messages(c, o, length, v6)) {
            c.truncated("olsr");
        }
    }

    /** The messages, one after another; false when the text ends with the truncation marker. */
    private static boolean messages(PrintContext c, Olsr o, int length, boolean v6) {
        Out out = c.out();
        int size = v6 ? 16 : 4;
        int header = 8 + size;
        for (int at = Olsr.HEADER_LENGTH; at < length; ) {
            if (!o.has(at, header)) {
                return false;
            }
            int type = o.byteAt(at);
            int messageLength = o.shortAt(at + 2);
            boolean valid = messageLength >= header && messageLength <= length;
            if (type == 0 || messageLength == 0) {
                return true; // tcpdump's guard against looping on an empty message
            }
            out.ascii("\n\t").ascii(name(type)).ascii(" Message (0x").hex(type, 2).ascii("), originator ");
            TlvText.address(c, o, at + 4, size);
            out.ascii(", ttl ").num(o.byteAt(at + 4 + size)).ascii(", hop ").num(o.byteAt(at + 5 + size))
                    .ascii("\n\t  vtime ").ascii(fixed(time(o.byteAt(at + 1)), 3)).ascii("s, msg-seq 0x")
                    .hex(o.shortAt(at + 6 + size), 4).ascii(", length ").num(messageLength);
            if (!valid) {
                out.ascii(" (invalid)");
                return true;
            }
            if (!body(c, o, type, at + header, messageLength - header, v6)) {
                return false;
            }
            at += messageLength;
        }
        return true;
    }

    private static boolean body(PrintContext c, Olsr o, int type, int at, int left, boolean v6) {
        Out out = c.out();
        int size = v6 ? 16 : 4;
        switch (type) {
            case HELLO, HELLO_LQ -> {
                if (left < 4 || !o.has(at, 4)) {
                    return false;
                }
                out.ascii("\n\t  hello-time ").ascii(fixed(time(o.byteAt(at + 2)), 3)).ascii("s, MPR willingness ")
                        .num(o.byteAt(at + 3));
                at += 4;
                left -= 4;
                while (left >= 4) {
                    if (!o.has(at, 4)) {
                        return false;
                    }
                    int linkLength = o.shortAt(at + 2);
                    int code = o.byteAt(at);
                    boolean valid = linkLength <= left && linkLength >= 4;
                    out.ascii("\n\t    link-type ").ascii(LINK_TYPES[code & 3]).ascii(", neighbor-type ")
                            .ascii(code >> 2 < NEIGHBOR_TYPES.length ? NEIGHBOR_TYPES[code >> 2] : "Unknown")
                            .ascii(", len ").num(linkLength);
                    if (!valid) {
                        out.ascii(" (invalid)");
                        break;
                    }
                    at += 4;
                    left -= 4;
                    linkLength -= 4;
                    if (!o.has(at, linkLength)) {
                        return false;
                    }
                    if (!(type == HELLO ? neighbors(c, o, at, linkLength) : qualities(c, o, at, linkLength, size))) {
                        return false;
                    }
                    at += linkLength;
                    left -= linkLength;
                }
                return true;
            }
            case TC, TC_LQ -> {
                if (left < 4 || !o.has(at, 4)) {
                    return false;
                }
                out.ascii("\n\t    advertised neighbor seq 0x").hex(o.shortAt(at), 4);
                return type == TC ? neighbors(c, o, at + 4, left - 4) : qualities(c, o, at + 4, left - 4, size);
            }
            case MID -> {
                for (; left >= size; at += size, left -= size) {
                    if (!o.has(at, size)) {
                        return false;
                    }
                    out.ascii("\n\t  interface address ");
                    TlvText.address(c, o, at, size);
                }
                return true;
            }
            case HNA -> {
                return v6 ? networks6(c, o, at, left) : networks4(c, o, at, left);
            }
            case NAMESERVICE -> {
                return names(c, o, at, left, size);
            }
            default -> {
                if (o.has(at, 0)) {
                    TlvText.dump(out, o, at, left, "\n\t    ");
                } else {
                    out.ascii("\n\t    Dissector error: print_unknown_data called with pointer past end of packet");
                }
                return true;
            }
        }
    }

    /** Plain neighbour addresses, each followed by a space. */
    private static boolean neighbors(PrintContext c, Olsr o, int at, int left) {
        Out out = c.out();
        out.ascii("\n\t      neighbor\n\t\t");
        for (; left >= 4; at += 4, left -= 4) {
            if (!o.has(at, 4)) {
                return false;
            }
            c.ipv4((int) o.intAt(at));
            out.ch(' ');
        }
        return true;
    }

    /** Neighbours with their link qualities in percent. */
    private static boolean qualities(PrintContext c, Olsr o, int at, int left, int size) {
        Out out = c.out();
        for (; left >= size + 4; at += size + 4, left -= size + 4) {
            if (!o.has(at, size + 4)) {
                return false;
            }
            out.ascii("\n\t      neighbor ");
            TlvText.address(c, o, at, size);
            out.ascii(", link-quality ").ascii(fixed(o.byteAt(at + size) / 2.55, 2))
                    .ascii("%, neighbor-link-quality ").ascii(fixed(o.byteAt(at + size + 1) / 2.55, 2)).ch('%');
        }
        return true;
    }

    private static boolean networks4(PrintContext c, Olsr o, int at, int left) {
        Out out = c.out();
        out.ascii("\n\t  Advertised networks (total ").num(left / 8).ch(')');
        for (int column = 0; left >= 8; at += 8, left -= 8, column = (column + 1) % 4) {
            if (!o.has(at, 8)) {
                return false;
            }
            out.ascii(column == 0 ? "\n\t    " : ", ");
            long network = o.intAt(at);
            int flags = o.byteAt(at + 5);
            if (network == 0 && o.byteAt(at + 4) == 0 && flags != 0) {
                boolean speed = (flags & 1) != 0;
                out.ascii("Smart-Gateway:").ascii(speed ? " LINKSPEED" : "").ascii((flags & 2) != 0 ? " IPV4" : "")
                        .ascii((flags & 4) != 0 ? " IPV4-NAT" : "").ascii((flags & 8) != 0 ? " IPV6" : "")
                        .ascii((flags & 16) != 0 ? " IPv6-PREFIX" : "").ch(' ')
                        .num(speed ? gatewaySpeed(o.byteAt(at + 6)) : 0).ch('/')
                        .num(speed ? gatewaySpeed(o.byteAt(at + 7)) : 0);
            } else {
                c.ipv4((int) network);
                out.ch('/').num(maskLength(o.intAt(at + 4)));
            }
        }
        return true;
    }

    private static boolean networks6(PrintContext c, Olsr o, int at, int left) {
        Out out = c.out();
        out.ascii("\n\t  Advertised networks (total ").num(left / 32).ch(')');
        for (; left >= 32; at += 32, left -= 32) {
            if (!o.has(at, 32)) {
                return false;
            }
            out.ascii("\n\t    #0: "); // tcpdump never advances its counter
            TlvText.address(c, o, at, 16);
            int length = 0;
            for (int i = 0; i < 16; i++) {
                int b = o.byteAt(at + 16 + i);
                for (int bits = 0; bits <= 8; bits++) {
                    if (b == (0xFF00 >> bits & 0xFF)) {
                        length += bits;
                        break;
                    }
                }
                if (b != 0xFF) {
                    break;
                }
            }
            out.ch('/').num(length);
        }
        return true;
    }

    private static boolean names(PrintContext c, Olsr o, int at, int left, int size) {
        Out out = c.out();
        if (left < 4) {
            return false;
        }
        if (!o.has(at, 4)) {
            return false;
        }
        int entries = o.shortAt(at + 2);
        boolean valid = entries > 0 && (long) entries * (4 + size) <= left;
        out.ascii("\n\t  Version ").num(o.shortAt(at)).ascii(", Entries ").num(entries);
        if (!valid) {
            out.ascii(" (invalid)");
            return true;
        }
        at += 4;
        left -= 4;
        for (int i = 0; i < entries && left >= 4; i++) {
            if (!o.has(at, 4)) {
                return false;
            }
            int type = o.shortAt(at);
            int length = o.shortAt(at + 2);
            at += 4;
            left -= 4;
            boolean lengthValid = length > 0 && size + length <= left;
            out.ascii("\n\t    #").num(i).ascii(": type ");
            if (type == 0) {
                out.ascii("000000"); // C's %#06x writes no 0x before a zero
            } else {
                out.ascii("0x").hex(type, 4);
            }
            out.ascii(", length ").num(length);
            if (!lengthValid) {
                out.ascii(" (invalid)");
                break;
            }
            int padded = size + length + (length % 4 != 0 ? 4 - length % 4 : 0);
            if (left < padded || !o.has(at, padded)) {
                return false;
            }
            out.ascii(", address ");
            TlvText.address(c, o, at, size);
            out.ascii(", name \"");
            for (int k = 0; k < length; k++) {
                VrrpPrinter.printable(out, o.byteAt(at + size + k));
            }
            out.ch('"');
            at += padded;
            left -= padded;
        }
        return true;
    }

    private static String name(int type) {
        return switch (type) {
            case HELLO -> "Hello";
            case TC -> "TC";
            case MID -> "MID";
            case HNA -> "HNA";
            case POWERINFO -> "Powerinfo";
            case NAMESERVICE -> "Nameservice";
            case HELLO_LQ -> "Hello-LQ";
            case TC_LQ -> "TC-LQ";
            default -> "Unknown";
        };
    }

    /** A validity or hello time: four bits of mantissa and four of exponent, in seconds. */
    private static double time(int me) {
        return 0.0625 * (1 + (double) (me >> 4) / 16) * (1 << (me & 0x0F));
    }

    /** {@code value} with {@code places} decimals as C's {@code printf} rounds it: exact binary value, ties to even. */
    static String fixed(double value, int places) {
        return new java.math.BigDecimal(value).setScale(places, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    /** An encoded gateway speed (five bits of mantissa, three of exponent) in kbit/s. */
    private static long gatewaySpeed(int value) {
        if (value == 0) {
            return 0;
        }
        if (value == 0xFF) {
            return 320_000_000L;
        }
        long speed = (value >> 3) + 1;
        for (int e = value & 7; e != 0; e--) {
            speed *= 10;
        }
        return speed & 0xFFFF_FFFFL;
    }

    /** A netmask's prefix length, or what tcpdump prints for one that is not contiguous. */
    private static long maskLength(long mask) {
        for (int length = 32; length >= 0; length--) {
            long m = length == 0 ? 0 : (0xFFFF_FFFFL << (32 - length)) & 0xFFFF_FFFFL;
            if (m == mask) {
                return length;
            }
        }
        return 0xFFFF_FFFFL; // -1 printed unsigned
    }
}
