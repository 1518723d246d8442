package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.Ahcp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * AHCP as tcpdump prints it: {@code AHCP Version 1}; with {@code -v} the header's hop counts, nonce and ids on a
 * second line and the message's type and length on a third; with {@code -vv} the options one per line. decode
 * does not dissect AHCP (Wireshark has no dissector for it), so {@link UdpPortPrinters} hands the payload of UDP
 * port 5359 here. Not thread-safe.
 */
final class AhcpPrinter implements LayerPrinter {
    private static final String[] MESSAGES = {"Discover", "Offer", "Request", "Ack", "Nack", "Release"};
    private static final String[] OPTIONS = {"Pad", "Mandatory", "Origin Time", "Expires", "My-IPv6-Address",
        "My-IPv4-Address", "IPv6 Prefix", "IPv4 Prefix", "IPv6 Address", "IPv4 Address", "IPv6 Prefix Delegation",
        "IPv4 Prefix Delegation", "Name Server", "NTP Server"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final Ahcp view = new Ahcp();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        Out out = c.out();
        Ahcp m = view.wrap(p.buffer(), p.offset(layer), UdpPortPrinters.captured(c, layer));
        int length = BabelPrinter.datagramLength(c, layer);
        out.ascii("AHCP");
        if (length < 2) {
            invalid(c, m, 0, length);
            return;
        }
        if (!m.has(0, 1)) {
            c.truncated("ahcp");
            return;
        }
        if (m.magic() != Ahcp.MAGIC) {
            invalid(c, m, 0, length);
            return;
        }
        if (!m.has(1, 1)) {
            c.truncated("ahcp");
            return;
        }
        int version = m.version();
        if (version != 1) {
            out.ascii(" Version ").num(version).ascii(" (unknown)");
            check(c, m, 2, length - 2);
            return;
        }
        out.ascii(" Version 1");
        if (length < Ahcp.HEADER_LENGTH) {
            invalid(c, m, 2, length - 2);
            return;
        }
        if (c.verbose() == 0) {
            if (check(c, m, 2, Ahcp.HEADER_LENGTH - 2)) {
                body(c, m, length - Ahcp.HEADER_LENGTH);
            }
            return;
        }
        if (!m.has(2, 1)) {
            c.truncated("ahcp");
            return;
        }
        out.ascii("\n\tHopcount ").num(m.byteAt(2));
        if (!m.has(3, 1)) {
            c.truncated("ahcp");
            return;
        }
        out.ascii(", Original Hopcount ").num(m.byteAt(3));
        if (!m.has(4, 4)) {
            c.truncated("ahcp");
            return;
        }
        out.ascii(", Nonce 0x").hex(m.intAt(4), 8);
        if (!m.has(8, 8)) {
            c.truncated("ahcp");
            return;
        }
        id(out.ascii(", Source Id "), m, 8);
        if (!m.has(16, 8)) {
            c.truncated("ahcp");
            return;
        }
        id(out.ascii(", Destination Id "), m, 16);
        body(c, m, length - Ahcp.HEADER_LENGTH);
    }

    private static void body(PrintContext c, Ahcp m, int length) {
        Out out = c.out();
        int at = Ahcp.HEADER_LENGTH;
        if (length < 4) {
            invalid(c, m, at, length);
            return;
        }
        if (!m.has(at, 4)) {
            c.truncated("ahcp");
            return;
        }
        int type = m.byteAt(at);
        int mbz = m.byteAt(at + 1);
        int bodyLength = m.shortAt(at + 2);
        if (c.verbose() > 0) {
            out.ascii("\n\t").ascii(type < MESSAGES.length ? MESSAGES[type] : "Unknown-" + type);
            if (mbz != 0) {
                out.ascii(", MBZ ").num(mbz);
            }
            out.ascii(", Length ").num(bodyLength);
        }
        if (bodyLength > length - 4) {
            invalid(c, m, at + 4, length - 4);
            return;
        }
        if (c.verbose() >= 2) {
            options(c, m, at + 4, bodyLength);
        } else {
            check(c, m, at + 4, bodyLength);
        }
    }

    private static void options(PrintContext c, Ahcp m, int at, int length) {
        Out out = c.out();
        while (length > 0) {
            if (!m.has(at, 1)) {
                c.truncated("ahcp");
                return;
            }
            int option = m.byteAt(at);
            at++;
            length--;
            out.ascii("\n\t ").ascii(option < OPTIONS.length ? OPTIONS[option] : "Unknown-" + option);
            if (option <= 1) {
                continue;
            }
            if (length == 0) {
                invalid(c, m, at, length);
                return;
            }
            if (!m.has(at, 1)) {
                c.truncated("ahcp");
                return;
            }
            int size = m.byteAt(at);
            at++;
            length--;
            if (size > length) {
                invalid(c, m, at, length);
                return;
            }
            if (!value(c, m, option, at, size)) {
                return;
            }
            at += size;
            length -= size;
        }
    }

    /** An option's value; false when the capture ended inside it. */
    private static boolean value(PrintContext c, Ahcp m, int option, int at, int size) {
        Out out = c.out();
        switch (option) {
            case 2, 3 -> {
                if (size != 4) {
                    return invalid(c, m, at, size);
                }
                if (!m.has(at, 4)) {
                    c.truncated("ahcp");
                    return false;
                }
                long t = m.intAt(at);
                if (option == 2) {
                    out.ascii(": ").ascii(TIME.format(Instant.ofEpochSecond(t))).ascii(" UTC");
                } else {
                    out.ascii(": ").num(t).ch('s');
                }
                return true;
            }
            case 4, 8, 12, 13 -> {
                return addresses(c, m, at, size, 16, false);
            }
            case 5, 9 -> {
                return addresses(c, m, at, size, 4, false);
            }
            case 6, 10 -> {
                return addresses(c, m, at, size, 16, true);
            }
            case 11 -> {
                return addresses(c, m, at, size, 4, true);
            }
            default -> {
                out.ascii(" (Length ").num(size).ch(')');
                return check(c, m, at, size);
            }
        }
    }

    private static boolean addresses(PrintContext c, Ahcp m, int at, int size, int width, boolean prefix) {
        Out out = c.out();
        int each = prefix ? width + 1 : width;
        String sep = ": ";
        while (size > 0) {
            if (size < each) {
                return invalid(c, m, at, size);
            }
            if (!m.has(at, each)) {
                c.truncated("ahcp");
                return false;
            }
            out.ascii(sep);
            TlvText.address(c, m, at, width);
            if (prefix) {
                out.ch('/').num(m.byteAt(at + width));
            }
            at += each;
            size -= each;
            sep = ", ";
        }
        return true;
    }

    private static void id(Out out, Ahcp m, int at) {
        for (int i = 0; i < 8; i++) {
            if (i > 0) {
                out.ch(':');
            }
            out.hex2(m.byteAt(at + i));
        }
    }

    /** tcpdump's {@code (invalid)} and its check that the rest was captured; false when it was not. */
    private static boolean invalid(PrintContext c, Ahcp m, int at, int length) {
        c.out().ascii(" (invalid)");
        return check(c, m, at, length);
    }

    /** Whether {@code length} bytes from {@code at} were captured; the truncation marker when not. */
    private static boolean check(PrintContext c, Ahcp m, int at, int length) {
        if (m.has(at, Math.max(0, length))) {
            return true;
        }
        c.truncated("ahcp");
        return false;
    }
}
