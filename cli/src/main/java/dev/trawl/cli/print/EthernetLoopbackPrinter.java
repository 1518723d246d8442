package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.layer.EthernetLoopback;

/**
 * The Ethernet configuration testing protocol as tcpdump prints it:
 * {@code Loopback, skipCount 0, Reply, receipt number 0, data (40 octets)}. Not thread-safe.
 */
final class EthernetLoopbackPrinter implements LayerPrinter {
    private final EthernetLoopback view = new EthernetLoopback();

    @Override
    public void print(PrintContext c, int layer) {
        DecodedPacket p = c.packet();
        EthernetLoopback m = view.wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        Out out = c.out();
        int len = c.wireLength(layer);
        out.ascii("Loopback");
        if (len < 2) {
            invalid(c, m, 0, len);
            return;
        }
        if (cut(c, m, 0, 2)) {
            return;
        }
        int skip = m.skipCount();
        len -= 2;
        out.ascii(", skipCount ").num(skip);
        if (skip % 8 != 0) {
            out.ascii(" (bogus)");
        }
        if (skip > len) {
            invalid(c, m, 2, len);
            return;
        }
        if (cut(c, m, 2, skip)) {
            return;
        }
        int at = 2 + skip;
        len -= skip;
        if (len < 2) {
            invalid(c, m, at, len);
            return;
        }
        if (cut(c, m, at, 2)) {
            return;
        }
        int function = m.le16(at);
        at += 2;
        len -= 2;
        switch (function) {
            case 1 -> {
                out.ascii(", Reply");
                if (len < 2) {
                    invalid(c, m, at, len);
                    return;
                }
                if (cut(c, m, at, 2)) {
                    return;
                }
                out.ascii(", receipt number ").num(m.le16(at));
                at += 2;
                len -= 2;
            }
            case 2 -> {
                out.ascii(", Forward Data");
                if (len < 6) {
                    invalid(c, m, at, len);
                    return;
                }
                if (cut(c, m, at, 6)) {
                    return;
                }
                out.ascii(", forwarding address ");
                c.mac(m.macAt(at));
                at += 6;
                len -= 6;
            }
            default -> {
                out.ascii(",  invalid (").num(function).ch(')');
                cut(c, m, at, len);
                return;
            }
        }
        out.ascii(", data (").num(len).ascii(" octets)");
        cut(c, m, at, len);
    }

    private static void invalid(PrintContext c, EthernetLoopback m, int at, int len) {
        c.out().ascii(" (invalid)");
        cut(c, m, at, len);
    }

    /** Whether the capture ends before {@code n} bytes from {@code at}; if so, marks the truncation. */
    private static boolean cut(PrintContext c, EthernetLoopback m, int at, int n) {
        if (m.has(at, n)) {
            return false;
        }
        c.truncated("loopback");
        return true;
    }
}
